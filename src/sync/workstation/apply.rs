//! Applying the firm's journal to the cache: each event checked against the chain, applied by
//! the use cases as its author, or flagged for review.

use super::*;

/// The server appended our own change right after the cache's position (`prev` its hash):
/// the cache, which holds it already, moves to it.
pub(super) fn accept_own(s: &Store, prev: &str, ev: &ServerEvent) -> Result<()> {
    check_link(prev, ev)?;
    if let Some(r) = &ev.reference {
        s.set_touch(
            r,
            &Touch {
                seq: ev.seq,
                device: ev.device.clone(),
                author: ev.author.clone(),
            },
        )?;
    }
    s.set_sync_value("cursor", &ev.seq.to_string())?;
    s.set_sync_value("cursorHash", &ev.hash)
}

/// `ev` must be the event right after the cache's position, linked to it; returns the hash it
/// follows.
pub(super) fn next_in_chain(s: &Store, ev: &ServerEvent) -> Result<String> {
    let (length, head) = cursor(s)?;
    if ev.seq != length + 1 {
        return Err(Error::Server(format!(
            "le journal du cabinet saute du changement n° {length} au n° {}",
            ev.seq
        )));
    }
    check_link(&head, ev)?;
    Ok(head)
}

fn check_link(prev: &str, ev: &ServerEvent) -> Result<()> {
    if ev.prev_hash != prev || ev.expected_hash(prev) != ev.hash {
        return Err(Error::Tampered(format!(
            "le journal du cabinet ne tient pas au changement n° {} (son lien ne suit pas celui \
             que ce poste connaît) : prévenez le dirigeant",
            ev.seq
        )));
    }
    Ok(())
}

/// Apply one event of the firm's journal to the cache, in one transaction with the cache's
/// new position. A change the register refuses, or made on a complaint someone else changed
/// since its author's position, is flagged for review.
pub fn apply_event(s: &mut Store, ev: &ServerEvent) -> Result<()> {
    let head = next_in_chain(s, ev)?;
    // A change this version cannot read (a forged one) is flagged like a refused one.
    let op = Op::from_payload(&ev.payload);
    // A change whose kind or complaint does not match what it carries, or whose dates cannot
    // be read, is flagged like a refused one: the server's checks are on the kind it names.
    let op = op.and_then(|op| {
        if op.kind() != ev.kind || op.reference() != ev.reference.as_deref() {
            return Err(Error::Server(format!(
                "changement incohérent : annoncé « {} », porte « {} »",
                ev.kind,
                op.kind()
            )));
        }
        Ok(op)
    });
    let when = DateTime::parse_from_rfc3339(&ev.acted_at)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .zip(ev.acted_on.parse::<NaiveDate>().ok());
    let op = op.and_then(|op| {
        when.map(|w| (op, w))
            .ok_or_else(|| Error::Server("date illisible dans le journal du cabinet".into()))
    });
    s.savepoint(|s| {
        let concurrent = match &ev.reference {
            Some(r) => s
                .touch(r)?
                .filter(|t| t.seq > ev.based_on && t.device != ev.device),
            None => None,
        };
        let applied = op.and_then(|(op, (at, on))| apply_as(s, &ev.author, at, on, &op));
        match applied {
            Ok(_) => {
                if let Some(t) = concurrent {
                    s.add_conflict(
                        ev.seq,
                        &ev.op_id,
                        &ev.author,
                        &ev.acted_at,
                        &ev.kind,
                        ev.reference.as_deref(),
                        "concurrent",
                        &format!(
                            "{} a changé cette réclamation (changement n° {}) pendant que {} \
                             travaillait sans la voir",
                            t.author, t.seq, ev.author
                        ),
                        &ev.payload,
                        Some(t.seq),
                    )?;
                }
            }
            Err(e) if is_refusal(&e) || matches!(e, Error::Server(_)) => {
                s.add_conflict(
                    ev.seq,
                    &ev.op_id,
                    &ev.author,
                    &ev.acted_at,
                    &ev.kind,
                    ev.reference.as_deref(),
                    "refused",
                    &e.to_string(),
                    &ev.payload,
                    concurrent.map(|t| t.seq),
                )?;
            }
            Err(e) => return Err(e),
        }
        accept_own(s, &head, ev)
    })
}
