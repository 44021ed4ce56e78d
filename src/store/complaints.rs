//! Queries of the `complaints`, `holdings` and `dysfunctions` tables.
//!
//! Functions take a connection or a transaction from the caller; they never open one, never
//! decide a business rule, and never delete.

use crate::calendar::{Basis, Deadlines};
use crate::complaint::{
    next_due, Answer, Client, Closure, Complaint, ComplaintRef, Confirmation, Contract,
    Dysfunction, Ending, Holding, Money, PlatformCase, Refund, Sent, ValidComplaint,
};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::str::FromStr;

/// Columns read by `from_row`, in order.
pub const COLUMNS: &str = "id, reference, client_name, client_address, client_email, \
    client_phone, client_number, client_kind, client_relation, channel, sent_on, received_on, \
    subject, description, contract_number, product, insurer, other_parties, persons_concerned, \
    received_by, handler, status, acknowledged_on, answered_on, outcome, answer_summary, gesture, \
    closed_on, feedback, basis, start_on, ack_due, answer_due, recorded_at, amount_claimed, \
    gesture_kind, gesture_reason, refund_amount, refund_basis, refund_scope, \
    answer_document_id, satisfaction, recourse_note, ended_kind, ended_on, ended_reason, \
    ended_request, ack_via, ack_copy, answer_via, answer_copy, confirmed_on, confirmation_copy, \
    platform_name, platform_public, platform_requested_on, platform_respond_by, platform_rating, \
    platform_escalated_on";

/// A text column holding one of our vocabularies (read in place: no string is made of it).
pub(crate) fn vocab<T: FromStr>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let failed = |e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e)
    };
    let s = r.get_ref(idx)?.as_str().map_err(|e| failed(Box::new(e)))?;
    T::from_str(s).map_err(|e| failed(Box::new(e)))
}

pub(crate) fn opt_vocab<T: FromStr>(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    match r.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        _ => vocab(r, idx).map(Some),
    }
}

/// A date column, as the store writes them ("2026-03-31"), read without chrono's
/// general-purpose format parser: the statistics of a year read some 300,000 of them. Any
/// other text is left to chrono (and to its error).
pub(crate) fn day(r: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    if let ValueRef::Text(t) = r.get_ref(idx)? {
        if let Some(d) = iso_day(t) {
            return Ok(d);
        }
    }
    r.get(idx)
}

/// [`day`], or nothing for NULL.
pub(crate) fn opt_day(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        _ => day(r, idx).map(Some),
    }
}

/// "AAAA-MM-JJ" exactly, a day that exists.
fn iso_day(t: &[u8]) -> Option<NaiveDate> {
    if t.len() != 10 || t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(&t[0..4])?).ok()?,
        number(&t[5..7])?,
        number(&t[8..10])?,
    )
}

fn json_list(r: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let s: String = r.get(idx)?;
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Read a complaint row (without holdings and dysfunctions); returns its id too.
pub fn from_row(r: &Row<'_>) -> rusqlite::Result<(i64, Complaint)> {
    let answered_on = opt_day(r, 23)?;
    let answer = match answered_on {
        None => None,
        Some(on) => Some(Answer {
            on,
            outcome: vocab(r, 24)?,
            summary: r.get::<_, Option<String>>(25)?.unwrap_or_default(),
            gesture: opt_vocab::<Money>(r, 26)?,
            gesture_kind: opt_vocab(r, 35)?,
            gesture_reason: r.get(36)?,
            refund: match opt_vocab::<Money>(r, 37)? {
                None => None,
                Some(amount) => Some(Refund {
                    amount,
                    basis: vocab(r, 38)?,
                    scope: vocab(r, 39)?,
                }),
            },
            document_id: r.get(40)?,
            sent: sent_at(r, 49)?,
        }),
    };
    let ended = match opt_vocab(r, 43)? {
        None => None,
        Some(kind) => Some(Ending {
            kind,
            on: day(r, 44)?,
            reason: r.get::<_, Option<String>>(45)?.unwrap_or_default(),
            request_id: r.get(46)?,
        }),
    };
    let confirmation = match opt_day(r, 51)? {
        None => None,
        Some(on) => Some(Confirmation {
            on,
            copy: r.get(52)?,
        }),
    };
    let closed_on = opt_day(r, 27)?;
    let closure = match closed_on {
        None => None,
        Some(on) => Some(Closure {
            on,
            feedback: vocab(r, 28)?,
            satisfaction: r.get(41)?,
            recourse_note: r.get(42)?,
        }),
    };
    let basis = basis_at(r, 29)?;
    let recorded_at: DateTime<Utc> = r.get(33)?;
    Ok((
        r.get(0)?,
        Complaint {
            reference: vocab::<ComplaintRef>(r, 1)?,
            client: Client {
                name: r.get(2)?,
                address: r.get(3)?,
                email: r.get(4)?,
                phone: r.get(5)?,
                number: r.get(6)?,
                kind: vocab(r, 7)?,
                relation: vocab(r, 8)?,
            },
            channel: vocab(r, 9)?,
            sent_on: opt_day(r, 10)?,
            received_on: day(r, 11)?,
            subject: vocab(r, 12)?,
            description: r.get(13)?,
            contract: Contract {
                number: r.get(14)?,
                product: r.get(15)?,
                insurer: r.get(16)?,
            },
            other_parties: json_list(r, 17)?,
            persons_concerned: json_list(r, 18)?,
            received_by: r.get(19)?,
            handler: r.get(20)?,
            amount_claimed: opt_vocab(r, 34)?,
            status: vocab(r, 21)?,
            acknowledged_on: opt_day(r, 22)?,
            ack_sent: sent_at(r, 47)?,
            confirmation,
            ended,
            platform: match r.get::<_, Option<String>>(53)? {
                None => None,
                Some(name) => Some(PlatformCase {
                    name,
                    public: r.get::<_, Option<bool>>(54)?.unwrap_or(false),
                    requested_on: opt_day(r, 55)?,
                    respond_by: opt_day(r, 56)?,
                    rating: r.get(57)?,
                    escalated_on: opt_day(r, 58)?,
                }),
            },
            holdings: Vec::new(),
            answer,
            closure,
            dysfunctions: Vec::new(),
            recorded_at,
            deadlines: Deadlines {
                basis,
                start: day(r, 30)?,
                ack_due: day(r, 31)?,
                answer_due: day(r, 32)?,
            },
        },
    ))
}

/// A delivery's two columns (`via`, then `copy`).
fn sent_at(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Sent>> {
    Ok(match opt_vocab(r, idx)? {
        None => None,
        Some(via) => Some(Sent {
            via,
            copy: r.get(idx + 1)?,
        }),
    })
}

/// Load a whole complaint by reference.
pub fn load(conn: &Connection, reference: &ComplaintRef) -> Result<(i64, Complaint)> {
    let sql = format!("SELECT {COLUMNS} FROM complaints WHERE reference = ?1");
    let found = conn
        .prepare_cached(&sql)?
        .query_row([reference.as_str()], from_row)
        .optional()?;
    let (id, mut c) = found.ok_or_else(|| Error::NotFound(format!("réclamation {reference}")))?;
    c.holdings = conn
        .prepare_cached(
            "SELECT on_date, note FROM holdings WHERE complaint_id = ?1 ORDER BY on_date, id",
        )?
        .query_map([id], |r| {
            Ok(Holding {
                on: r.get(0)?,
                note: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    c.dysfunctions = conn
        .prepare_cached(
            "SELECT id, category, description, found_on FROM dysfunctions
             WHERE complaint_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Dysfunction {
                id: r.get(0)?,
                category: vocab(r, 1)?,
                description: r.get(2)?,
                found_on: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((id, c))
}

/// Every complaint with its holdings and dysfunctions, in three queries (verification walks
/// the whole register).
pub fn load_all(conn: &Connection) -> Result<Vec<(i64, Complaint)>> {
    use std::collections::HashMap;
    let mut holdings: HashMap<i64, Vec<Holding>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT complaint_id, on_date, note FROM holdings ORDER BY on_date, id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        holdings.entry(r.get(0)?).or_default().push(Holding {
            on: r.get(1)?,
            note: r.get(2)?,
        });
    }
    let mut dysfunctions: HashMap<i64, Vec<Dysfunction>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT complaint_id, id, category, description, found_on FROM dysfunctions ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        dysfunctions
            .entry(r.get(0)?)
            .or_default()
            .push(Dysfunction {
                id: r.get(1)?,
                category: vocab(r, 2)?,
                description: r.get(3)?,
                found_on: r.get(4)?,
            });
    }
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM complaints ORDER BY id"))?;
    let all = stmt
        .query_map([], from_row)?
        .map(|row| {
            row.map(|(id, mut c)| {
                c.holdings = holdings.remove(&id).unwrap_or_default();
                c.dysfunctions = dysfunctions.remove(&id).unwrap_or_default();
                (id, c)
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(all)
}

/// Hand out the next reference of `year` (never reused: the counter only grows).
pub fn next_reference(conn: &Connection, year: i32) -> Result<ComplaintRef> {
    let n: u32 = conn
        .prepare_cached(
            "INSERT INTO ref_counters (year, last) VALUES (?1, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
        )?
        .query_row([year], |r| r.get(0))?;
    Ok(ComplaintRef::new(year, n))
}

/// Use a reference handed out beforehand: it must be of the complaint's year and unused; the
/// year's counter never falls behind it.
pub fn claim_reference(conn: &Connection, r: &ComplaintRef, year: i32) -> Result<ComplaintRef> {
    let bad = |why: &str| {
        crate::Error::Validation(crate::complaint::ValidationError::new(
            "reference",
            format!("la référence {r} ne peut pas être utilisée : {why}"),
        ))
    };
    let (ref_year, number) = r.parts();
    if ref_year != year {
        return Err(bad("elle n'est pas de l'année de réception"));
    }
    if number == 0 {
        return Err(bad("le numéro 0 n'existe pas"));
    }
    // One spelling per number ("REC-2026-00042" is REC-2026-0042).
    let r = ComplaintRef::new(year, number);
    let used: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM complaints WHERE reference = ?1)",
        [r.as_str()],
        |row| row.get(0),
    )?;
    if used {
        return Err(bad("elle est déjà attribuée"));
    }
    conn.prepare_cached(
        "INSERT INTO ref_counters (year, last) VALUES (?1, ?2)
         ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)",
    )?
    .execute(rusqlite::params![year, number])?;
    Ok(r)
}

fn list_json(v: &[String]) -> String {
    serde_json::to_string(v).expect("strings serialise")
}

/// Insert a new complaint row; returns its id.
pub fn insert(
    conn: &Connection,
    reference: &ComplaintRef,
    v: &ValidComplaint,
    deadlines: &Deadlines,
    recorded_at: DateTime<Utc>,
) -> Result<i64> {
    let status = crate::complaint::Status::Received;
    conn.prepare_cached(
        "INSERT INTO complaints (reference, client_name, client_address, client_email,
            client_phone, client_number, client_kind, client_relation, channel, sent_on,
            received_on, subject, description, contract_number, product, insurer, other_parties,
            persons_concerned, received_by, handler, status, basis, start_on, ack_due, answer_due,
            next_due, recorded_at, amount_claimed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
    )?
    .execute(params![
        reference.as_str(),
        v.client.name,
        v.client.address,
        v.client.email,
        v.client.phone,
        v.client.number,
        v.client.kind.as_str(),
        v.client.relation.as_str(),
        v.channel.as_str(),
        v.sent_on,
        v.received_on,
        v.subject.as_str(),
        v.description,
        v.contract.number,
        v.contract.product,
        v.contract.insurer,
        list_json(&v.other_parties),
        list_json(&v.persons_concerned),
        v.received_by,
        v.handler,
        status.as_str(),
        basis_str(deadlines.basis),
        deadlines.start,
        deadlines.ack_due,
        deadlines.answer_due,
        next_due(status, deadlines).map(|(_, d)| d),
        recorded_at,
        v.amount_claimed.map(|m| m.to_string()),
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The `basis` column (written by `basis_str`).
pub(crate) fn basis_at(r: &Row<'_>, idx: usize) -> rusqlite::Result<Basis> {
    Ok(match r.get::<_, String>(idx)?.as_str() {
        "sent" => Basis::Sent,
        _ => Basis::Received,
    })
}

fn basis_str(b: Basis) -> &'static str {
    match b {
        Basis::Sent => "sent",
        Basis::Received => "received",
    }
}

/// Write the lifecycle columns of a complaint after a transition (holdings and dysfunctions
/// are appended by their own functions).
pub fn update_lifecycle(conn: &Connection, id: i64, c: &Complaint) -> Result<()> {
    let a = c.answer.as_ref();
    let refund = a.and_then(|a| a.refund.as_ref());
    conn.prepare_cached(
        "UPDATE complaints SET status = ?2, acknowledged_on = ?3, answered_on = ?4, outcome = ?5,
            answer_summary = ?6, gesture = ?7, closed_on = ?8, feedback = ?9, next_due = ?10,
            gesture_kind = ?11, gesture_reason = ?12, refund_amount = ?13, refund_basis = ?14,
            refund_scope = ?15, answer_document_id = ?16, satisfaction = ?17,
            recourse_note = ?18, ended_kind = ?19, ended_on = ?20, ended_reason = ?21,
            ended_request = ?22, ack_via = ?23, ack_copy = ?24, answer_via = ?25,
            answer_copy = ?26, confirmed_on = ?27, confirmation_copy = ?28,
            platform_name = ?29, platform_public = ?30, platform_requested_on = ?31,
            platform_respond_by = ?32, platform_rating = ?33, platform_escalated_on = ?34
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        c.status.as_str(),
        c.acknowledged_on,
        a.map(|a| a.on),
        a.map(|a| a.outcome.as_str()),
        a.map(|a| a.summary.as_str()),
        a.and_then(|a| a.gesture).map(|g| g.to_string()),
        c.closure.as_ref().map(|x| x.on),
        c.closure.as_ref().map(|x| x.feedback.as_str()),
        c.next_due_on(),
        a.and_then(|a| a.gesture_kind).map(|k| k.as_str()),
        a.and_then(|a| a.gesture_reason.as_deref()),
        refund.map(|r| r.amount.to_string()),
        refund.map(|r| r.basis.as_str()),
        refund.map(|r| r.scope.as_str()),
        a.and_then(|a| a.document_id),
        c.closure.as_ref().and_then(|x| x.satisfaction),
        c.closure.as_ref().and_then(|x| x.recourse_note.as_deref()),
        c.ended.as_ref().map(|e| e.kind.as_str()),
        c.ended.as_ref().map(|e| e.on),
        c.ended.as_ref().map(|e| e.reason.as_str()),
        c.ended.as_ref().and_then(|e| e.request_id),
        c.ack_sent.as_ref().map(|x| x.via.as_str()),
        c.ack_sent.as_ref().and_then(|x| x.copy.as_deref()),
        a.and_then(|a| a.sent.as_ref()).map(|x| x.via.as_str()),
        a.and_then(|a| a.sent.as_ref())
            .and_then(|x| x.copy.as_deref()),
        c.confirmation.as_ref().map(|x| x.on),
        c.confirmation.as_ref().and_then(|x| x.copy.as_deref()),
        c.platform.as_ref().map(|p| p.name.as_str()),
        c.platform.as_ref().map(|p| p.public),
        c.platform.as_ref().and_then(|p| p.requested_on),
        c.platform.as_ref().and_then(|p| p.respond_by),
        c.platform.as_ref().and_then(|p| p.rating),
        c.platform.as_ref().and_then(|p| p.escalated_on),
    ])?;
    Ok(())
}

/// Write the derived deadline columns (after a change of region).
pub fn update_deadlines(conn: &Connection, id: i64, c: &Complaint) -> Result<()> {
    conn.prepare_cached(
        "UPDATE complaints SET basis = ?2, start_on = ?3, ack_due = ?4, answer_due = ?5,
            next_due = ?6 WHERE id = ?1",
    )?
    .execute(params![
        id,
        basis_str(c.deadlines.basis),
        c.deadlines.start,
        c.deadlines.ack_due,
        c.deadlines.answer_due,
        c.next_due_on(),
    ])?;
    Ok(())
}

pub fn insert_holding(conn: &Connection, id: i64, h: &Holding) -> Result<()> {
    conn.prepare_cached("INSERT INTO holdings (complaint_id, on_date, note) VALUES (?1, ?2, ?3)")?
        .execute(params![id, h.on, h.note])?;
    Ok(())
}

/// The id the next dysfunction row will get (we are inside the writer's transaction).
pub fn next_dysfunction_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(id), 0) + 1 FROM dysfunctions",
        [],
        |r| r.get(0),
    )?)
}

pub fn insert_dysfunction(conn: &Connection, complaint_id: i64, d: &Dysfunction) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO dysfunctions (id, complaint_id, category, description, found_on)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        d.id,
        complaint_id,
        d.category.as_str(),
        d.description,
        d.found_on
    ])?;
    Ok(())
}

/// Write the register fields and the deadlines of a complaint after an edit.
pub fn update_fields(conn: &Connection, id: i64, c: &Complaint) -> Result<()> {
    conn.prepare_cached(
        "UPDATE complaints SET client_name = ?2, client_address = ?3, client_email = ?4,
            client_phone = ?5, client_number = ?6, client_kind = ?7, client_relation = ?8,
            channel = ?9, sent_on = ?10, received_on = ?11, subject = ?12, description = ?13,
            contract_number = ?14, product = ?15, insurer = ?16, other_parties = ?17,
            persons_concerned = ?18, received_by = ?19, handler = ?20, amount_claimed = ?21
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        c.client.name,
        c.client.address,
        c.client.email,
        c.client.phone,
        c.client.number,
        c.client.kind.as_str(),
        c.client.relation.as_str(),
        c.channel.as_str(),
        c.sent_on,
        c.received_on,
        c.subject.as_str(),
        c.description,
        c.contract.number,
        c.contract.product,
        c.contract.insurer,
        list_json(&c.other_parties),
        list_json(&c.persons_concerned),
        c.received_by,
        c.handler,
        c.amount_claimed.map(|m| m.to_string()),
    ])?;
    update_deadlines(conn, id, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dates read by hand are those chrono reads, and what is not one is left to chrono.
    #[test]
    fn dates_are_read_as_chrono_reads_them() {
        let conn = Connection::open_in_memory().unwrap();
        let read = |text: Option<&str>| {
            conn.query_row("SELECT ?1", [text], |r| {
                Ok((opt_day(r, 0), r.get::<_, Option<NaiveDate>>(0)))
            })
            .unwrap()
        };
        for text in ["2026-03-31", "2024-02-29", "0999-01-01", "2026-12-01"] {
            let (ours, chrono) = read(Some(text));
            assert_eq!(ours.unwrap(), chrono.unwrap(), "{text}");
        }
        assert_eq!(read(None).0.unwrap(), None);
        // Not a day: chrono's error, not a date made up.
        for text in [
            "2026-02-30",
            "2026-13-01",
            "2026-3-31",
            "2026-03-31T10:00",
            "abcd-ef-gh",
        ] {
            let (ours, chrono) = read(Some(text));
            match (ours, chrono) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(_), Err(_)) => {}
                (a, b) => panic!("{text}: ours {a:?}, chrono {b:?}"),
            }
        }
    }
}
