//! Verification of the register's proof: the journal's hash chain, each complaint's state
//! against the state hash of its last event, and the stored letters and attachments against
//! the hashes journaled when they were issued or added.
//!
//! What it detects, and how:
//!
//! * an event edited behind the app's back: its content no longer gives its hash;
//! * an event deleted: a gap in the ids, and the next event's `prevHash` points to nothing;
//! * events reordered: the `prevHash` links no longer follow each other;
//! * a complaint edited directly in the database: its state no longer gives the state hash
//!   journaled by its last event;
//! * a letter or an attachment replaced: its bytes no longer give the SHA-256 its journal event
//!   recorded (even if the attacker also rewrote the table's own `sha256` column).
//!
//! Anonymised content (after the retention period) is redacted by a later `anonymised` event
//! that lists every redacted event with the hash it had: for those, the links and that list are
//! checked instead of the content.

use super::journal::{self, Event, GENESIS};
use super::{complaints, Store};
use crate::error::Result;
use serde::Serialize;
use std::collections::HashMap;

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// "sqlite", "eventHash", "eventLink", "eventMissing", "stateHash", "letter",
    /// "attachment", "redaction", "noEvent", "identity", "journalTruncated", and the
    /// records checked against their events ("approval", "escalation", "proposal",
    /// "refundPayment", "user", "setting", "logo", "signature", "correctiveAction",
    /// "import").
    pub kind: String,
    pub event_id: Option<i64>,
    pub reference: Option<String>,
    /// French, for the user.
    pub message: String,
}

/// The result of a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyReport {
    pub ok: bool,
    pub events: u32,
    pub complaints: u32,
    pub letters: u32,
    pub attachments: u32,
    /// The hash of the last event (what extracts and packs print).
    pub head: Option<String>,
    /// Every problem, the first broken link first.
    pub findings: Vec<Finding>,
}

fn about(e: &Event) -> String {
    match &e.reference {
        Some(r) => format!("événement n° {} (réclamation {r}, « {} »)", e.id, e.kind),
        None => format!("événement n° {} (« {} »)", e.id, e.kind),
    }
}

impl Store {
    /// How many events the journal holds, and the hash of the last one (what extracts and
    /// packs print as the state of the proof they were made from). On a workstation of the
    /// firm's shared register: the firm's journal, as far as this workstation applied it.
    pub fn journal_head(&self) -> Result<(u32, Option<String>)> {
        if self.is_cache()? {
            let length = self
                .sync_value("cursor")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            return Ok((length, self.sync_value("cursorHash")?));
        }
        Ok(self.conn().query_row(
            "SELECT count(*), (SELECT hash FROM events ORDER BY id DESC LIMIT 1) FROM events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The journal against the head recorded beside the register: `None` when it reaches it.
    pub fn head_check(&self) -> Result<Option<String>> {
        super::head::check(self.path(), self.conn())
    }

    /// SQLite's quick integrity check of the file: `None` when it finds nothing wrong.
    pub fn quick_check(&self) -> Result<Option<String>> {
        let found: String = self
            .conn()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok((found != "ok").then_some(found))
    }

    /// Walk the whole proof and report what does not hold. Reads only.
    pub fn verify(&self) -> Result<VerifyReport> {
        self.verify_with(&crate::progress::Silent)
    }

    /// [`Store::verify`] telling `progress` each part of the walk and how far it is; it may be
    /// cancelled (it only reads).
    pub fn verify_with(&self, progress: &dyn crate::progress::Progress) -> Result<VerifyReport> {
        use crate::progress::{stop_if_asked, tick};
        const CANCELLED: &str = "vérification annulée";
        let conn = self.conn();
        let mut findings = Vec::new();
        let mut push = |kind: &str, e: Option<&Event>, reference: Option<String>, m: String| {
            findings.push(Finding {
                kind: kind.to_owned(),
                event_id: e.map(|e| e.id),
                reference: reference.or_else(|| e.and_then(|e| e.reference.clone())),
                message: m,
            });
        };

        // 0. The file itself.
        progress.stage("Contrôle du fichier");
        let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if quick != "ok" {
            push(
                "sqlite",
                None,
                None,
                format!(
                    "le fichier de la base est endommagé ({quick}) : restaurez la dernière \
                     sauvegarde"
                ),
            );
        }

        // 1. The chain.
        stop_if_asked(progress, CANCELLED)?;
        progress.stage("Chaînage du journal");
        let mut stmt = conn.prepare(&format!(
            "{}, e.redacted_by FROM events e LEFT JOIN complaints c ON c.id = e.complaint_id \
             ORDER BY e.id",
            journal::SELECT_EVENTS
                .split(" FROM events e")
                .next()
                .expect("the select has a FROM")
        ))?;
        let mut rows = stmt.query([])?;
        let mut events: Vec<(Event, Option<i64>)> = Vec::new();
        while let Some(r) = rows.next()? {
            events.push((journal::from_row(r)?, r.get(9)?));
        }
        // What each anonymisation event says it redacted: event id → hash at the time.
        let mut redactions: HashMap<i64, (i64, String)> = HashMap::new();
        for (e, _) in &events {
            if e.kind == "anonymised" {
                if let Some(list) = e.data.get("redactedEvents").and_then(|v| v.as_array()) {
                    for item in list {
                        if let (Some(id), Some(hash)) = (
                            item.get("id").and_then(|v| v.as_i64()),
                            item.get("hash").and_then(|v| v.as_str()),
                        ) {
                            redactions.insert(id, (e.id, hash.to_owned()));
                        }
                    }
                }
            }
        }
        let mut prev_hash = GENESIS.to_owned();
        let mut expected_id = 1;
        let total = events.len() as u64;
        for (done, (e, redacted_by)) in events.iter().enumerate() {
            tick(progress, done as u64 + 1, total, CANCELLED)?;
            if e.id != expected_id {
                push(
                    "eventMissing",
                    Some(e),
                    None,
                    format!(
                        "{} : {} événement(s) manquant(s) avant lui (n° {} à {}) — le journal a \
                         été amputé",
                        about(e),
                        e.id - expected_id,
                        expected_id,
                        e.id - 1
                    ),
                );
            }
            expected_id = e.id + 1;
            if e.prev_hash != prev_hash {
                push(
                    "eventLink",
                    Some(e),
                    None,
                    format!(
                        "{} : il ne suit pas l'événement précédent (chaînage rompu : événement \
                         supprimé, déplacé ou inséré)",
                        about(e)
                    ),
                );
            }
            match redacted_by {
                None => {
                    if e.recompute_hash() != e.hash {
                        push(
                            "eventHash",
                            Some(e),
                            None,
                            format!(
                                "{} : son contenu a été modifié depuis son enregistrement (son \
                                 empreinte ne correspond plus)",
                                about(e)
                            ),
                        );
                    }
                }
                Some(by) => match redactions.get(&e.id) {
                    Some((rby, hash)) if rby == by && *hash == e.hash && *by > e.id => {}
                    _ => push(
                        "redaction",
                        Some(e),
                        None,
                        format!(
                            "{} : marqué anonymisé sans anonymisation journalisée qui le couvre",
                            about(e)
                        ),
                    ),
                },
            }
            prev_hash = e.hash.clone();
        }
        let head = events.last().map(|(e, _)| e.hash.clone());

        // 2. Each complaint against the state hash of its last event.
        progress.stage("États des réclamations");
        let mut last_state: HashMap<i64, String> = HashMap::new();
        {
            let mut stmt = conn.prepare(
                "SELECT complaint_id, state_hash FROM events
                 WHERE complaint_id IS NOT NULL AND state_hash IS NOT NULL ORDER BY id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                last_state.insert(r.get(0)?, r.get(1)?);
            }
        }
        let mut complaints_count = 0;
        {
            let all = complaints::load_all(conn)?;
            let total = all.len() as u64;
            for (id, c) in all {
                complaints_count += 1;
                tick(progress, u64::from(complaints_count), total, CANCELLED)?;
                match last_state.get(&id) {
                    None => push(
                        "noEvent",
                        None,
                        Some(c.reference.to_string()),
                        format!(
                            "réclamation {} : aucun événement du journal ne l'a enregistrée \
                             (insérée hors de l'application)",
                            c.reference
                        ),
                    ),
                    Some(h) if *h != journal::complaint_state_hash(&c) => push(
                        "stateHash",
                        None,
                        Some(c.reference.to_string()),
                        format!(
                            "réclamation {} : ses données ne correspondent plus à celles \
                             journalisées par son dernier événement (modifiée hors de \
                             l'application)",
                            c.reference
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }

        // 3. Letters and attachments against the hash their journal event recorded.
        stop_if_asked(progress, CANCELLED)?;
        progress.stage("Courriers et pièces jointes");
        let journaled = |kind: &str, key: &str| -> HashMap<i64, String> {
            events
                .iter()
                .filter(|(e, _)| e.kind == kind)
                .filter_map(|(e, _)| {
                    Some((
                        e.data.get(key)?.as_i64()?,
                        e.data.get("sha256")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        };
        let letter_hashes = journaled("letterIssued", "letterId");
        let attachment_hashes = journaled("attachment", "attachmentId");
        let mut counts = [0u32; 2];
        for (i, (table, label, hashes)) in [
            ("letters", "lettre", &letter_hashes),
            ("attachments", "pièce jointe", &attachment_hashes),
        ]
        .into_iter()
        .enumerate()
        {
            let blob = if table == "letters" { "pdf" } else { "content" };
            let mut stmt = conn.prepare(&format!(
                "SELECT t.id, c.reference, t.{blob}, t.redacted_by FROM {table} t
                 JOIN complaints c ON c.id = t.complaint_id ORDER BY t.id"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                counts[i] += 1;
                let id: i64 = r.get(0)?;
                let reference: String = r.get(1)?;
                let bytes: Vec<u8> = r.get(2)?;
                let redacted_by: Option<i64> = r.get(3)?;
                let kind = if table == "letters" {
                    "letter"
                } else {
                    "attachment"
                };
                match (hashes.get(&id), redacted_by) {
                    (None, _) => push(
                        kind,
                        None,
                        Some(reference.clone()),
                        format!(
                            "{label} n° {id} de la réclamation {reference} : absente du journal \
                             (ajoutée hors de l'application)"
                        ),
                    ),
                    (Some(_), Some(by)) => {
                        let covered = events.iter().any(|(e, _)| {
                            e.id == by
                                && e.kind == "anonymised"
                                && e.data
                                    .get(if table == "letters" {
                                        "redactedLetters"
                                    } else {
                                        "redactedAttachments"
                                    })
                                    .and_then(|v| v.as_array())
                                    .is_some_and(|a| a.iter().any(|x| x.as_i64() == Some(id)))
                        });
                        if !covered {
                            push(
                                "redaction",
                                None,
                                Some(reference.clone()),
                                format!(
                                    "{label} n° {id} de la réclamation {reference} : marquée \
                                     anonymisée sans anonymisation journalisée qui la couvre"
                                ),
                            );
                        }
                    }
                    (Some(h), None) if *h != journal::sha256_hex(&bytes) => push(
                        kind,
                        None,
                        Some(reference.clone()),
                        format!(
                            "{label} n° {id} de la réclamation {reference} : son contenu a été \
                             remplacé (son empreinte ne correspond plus à celle journalisée)"
                        ),
                    ),
                    _ => {}
                }
            }
        }

        // 4. The register's identity: the one its journal recorded.
        if let Some(id) = super::identity::read(conn)? {
            let journaled = events.iter().any(|(e, _)| {
                e.kind == super::identity::EVENT_KIND
                    && e.data.get("registerId").and_then(|v| v.as_str()) == Some(id.as_str())
            });
            if !journaled {
                push(
                    "identity",
                    None,
                    None,
                    format!(
                        "l'identité du registre ({id}) n'est pas celle que son journal a \
                         enregistrée : le fichier a été modifié ou assemblé hors de Reclam"
                    ),
                );
            }
        }

        // 5. Decisions about money, and the firm's people, against their journal.
        for (kind, reference, message) in decisions_against_journal(conn, &events)? {
            push(kind, None, reference, message);
        }
        // 6. The head recorded beside the register: a journal that lost its last events
        //    still chains, but no longer reaches it.
        if let Some(message) = super::head::check(self.path(), conn)? {
            push("journalTruncated", None, None, message);
        }
        // 7. Settings, logo, signatures, letters, corrective actions and imports.
        for (kind, reference, message) in super::coverage::records_against_journal(conn, &events)? {
            push(kind, None, reference, message);
        }

        Ok(VerifyReport {
            ok: findings.is_empty(),
            events: events.len() as u32,
            complaints: complaints_count,
            letters: counts[0],
            attachments: counts[1],
            head,
            findings,
        })
    }
}

/// The journaled view of a value: what an event's data holds for it (`null` when absent).
pub(super) fn field(e: &Event, key: &str) -> serde_json::Value {
    e.data.get(key).cloned().unwrap_or(serde_json::Value::Null)
}

/// The event was redacted by an anonymisation (only what identifies no one stays).
pub(super) fn redacted(e: &Event) -> bool {
    e.data.get("redacted").and_then(serde_json::Value::as_bool) == Some(true)
}

/// Whether a text column holds what the event journaled: the same text, or, once the event was
/// redacted by an anonymisation, the placeholder (or nothing, for an optional one).
pub(super) fn same_text(e: &Event, key: &str, row: &serde_json::Value) -> bool {
    if redacted(e) {
        // Anonymisation replaces a text by the placeholder; an empty one stays empty.
        return row.is_null()
            || row.as_str() == Some(super::retention::REDACTED_TEXT)
            || row.as_str() == Some("");
    }
    field(e, key) == *row
}

/// An instant as journaled (RFC 3339), for comparison with a stored one.
fn instant(v: &serde_json::Value) -> Option<chrono::DateTime<chrono::Utc>> {
    serde_json::from_value(v.clone()).ok()
}

type Problem = (&'static str, Option<String>, String);

/// Approvals, escalations, proposals, refund payments, users and credentials: every row must
/// be what its journal events say (a row inserted or edited by hand is reported), and every
/// journaled decision must still be there.
fn decisions_against_journal(
    conn: &rusqlite::Connection,
    events: &[(Event, Option<i64>)],
) -> Result<Vec<Problem>> {
    use serde_json::{json, Value};
    let mut out: Vec<Problem> = Vec::new();
    let by_key = |kind: &str, key: &str| -> HashMap<i64, &Event> {
        events
            .iter()
            .filter(|(e, _)| e.kind == kind)
            .filter_map(|(e, _)| Some((e.data.get(key)?.as_i64()?, e)))
            .collect()
    };

    // Legacy gesture approvals.
    let approved = by_key("gestureApproved", "approvalId");
    let mut stmt = conn.prepare(
        "SELECT a.id, c.reference, a.amount, a.approved_by FROM approvals a
         JOIN complaints c ON c.id = a.complaint_id ORDER BY a.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, reference): (i64, String) = (r.get(0)?, r.get(1)?);
        let row = json!({ "amount": r.get::<_, String>(2)?, "by": r.get::<_, String>(3)? });
        let ok = approved.get(&id).is_some_and(|e| {
            // Anonymised before this version kept only the approval's id.
            let old_redaction = e.data.get("redacted").is_some() && e.data.get("amount").is_none();
            old_redaction
                || (row == json!({ "amount": field(e, "amount"), "by": field(e, "approvedBy") })
                    && e.actor == row["by"])
        });
        if !ok {
            out.push((
                "approval",
                Some(reference.clone()),
                format!(
                    "validation n° {id} de la réclamation {reference} : absente du journal ou \
                     modifiée hors de l'application"
                ),
            ));
        }
    }

    // Escalations: the request, then the decision.
    let requested = by_key("escalated", "escalationId");
    let decided = by_key("escalationDecided", "escalationId");
    let mut stmt = conn.prepare(
        "SELECT e.id, c.reference, e.subject, e.amount, e.refund_scope, e.level, e.reason,
            e.refused_proposal, e.analysis, e.document_id, e.requested_by, e.due_at, e.status,
            e.decided_amount, e.decision_reason, e.decided_by
         FROM escalations e JOIN complaints c ON c.id = e.complaint_id ORDER BY e.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut seen = Vec::new();
    while let Some(r) = rows.next()? {
        let (id, reference): (i64, String) = (r.get(0)?, r.get(1)?);
        seen.push(id);
        let request = json!({
            "subject": r.get::<_, String>(2)?, "amount": r.get::<_, String>(3)?,
            "refundScope": r.get::<_, Option<String>>(4)?, "level": r.get::<_, String>(5)?,
            "reason": r.get::<_, String>(6)?, "refusedProposal": r.get::<_, String>(7)?,
            "analysis": r.get::<_, String>(8)?, "documentId": r.get::<_, Option<i64>>(9)?,
        });
        let requested_by: String = r.get(10)?;
        let due_at: chrono::DateTime<chrono::Utc> = r.get(11)?;
        let status: String = r.get(12)?;
        let decision = json!({
            "status": status, "amount": r.get::<_, Option<String>>(13)?,
            "reason": r.get::<_, Option<String>>(14)?,
        });
        let decided_by: Option<String> = r.get(15)?;
        let request_ok = requested.get(&id).is_some_and(|e| {
            let keys = ["subject", "amount", "refundScope", "level", "documentId"];
            let texts = ["reason", "refusedProposal", "analysis"];
            keys.iter().all(|k| field(e, k) == request[*k])
                && texts.iter().all(|k| same_text(e, k, &request[*k]))
                && e.actor == requested_by
                && instant(&field(e, "dueAt")) == Some(due_at)
                && e.reference.as_deref() == Some(reference.as_str())
        });
        let decision_ok = match (decided.get(&id), status.as_str()) {
            (None, "pending") => decided_by.is_none(),
            (Some(e), s) if s != "pending" => {
                field(e, "status") == decision["status"]
                    && field(e, "amount") == decision["amount"]
                    && same_text(e, "reason", &decision["reason"])
                    && Some(e.actor.as_str()) == decided_by.as_deref()
            }
            _ => false,
        };
        if !request_ok || !decision_ok {
            out.push((
                "escalation",
                Some(reference.clone()),
                format!(
                    "demande de validation n° {id} de la réclamation {reference} : {} ne \
                     correspond pas au journal (modifiée ou ajoutée hors de l'application)",
                    if request_ok {
                        "la décision"
                    } else {
                        "la demande"
                    }
                ),
            ));
        }
    }
    for (id, e) in &requested {
        if !seen.contains(id) {
            out.push((
                "escalation",
                e.reference.clone(),
                format!("demande de validation n° {id} : journalisée mais absente du registre"),
            ));
        }
    }

    // Proposals and the client's responses.
    let made = by_key("proposalMade", "proposalId");
    let answered = by_key("proposalAnswered", "proposalId");
    let mut stmt = conn.prepare(
        "SELECT p.id, c.reference, p.kind, p.description, p.amount, p.proposed_on,
            p.proposed_by, p.response, p.responded_on
         FROM proposals p JOIN complaints c ON c.id = p.complaint_id ORDER BY p.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, reference): (i64, String) = (r.get(0)?, r.get(1)?);
        let made_row = json!({
            "kind": r.get::<_, String>(2)?, "description": r.get::<_, String>(3)?,
            "amount": r.get::<_, Option<String>>(4)?, "on": r.get::<_, String>(5)?,
        });
        let by: String = r.get(6)?;
        let response: String = r.get(7)?;
        let responded_on: Option<String> = r.get(8)?;
        let made_ok = made.get(&id).is_some_and(|e| {
            ["kind", "amount", "on"]
                .iter()
                .all(|k| field(e, k) == made_row[*k])
                && same_text(e, "description", &made_row["description"])
                && e.actor == by
        });
        let answer_ok = match answered.get(&id) {
            None => response == "pending" && responded_on.is_none(),
            Some(e) => {
                field(e, "response") == Value::String(response.clone())
                    && field(e, "on") == json!(responded_on)
            }
        };
        if !made_ok || !answer_ok {
            out.push((
                "proposal",
                Some(reference.clone()),
                format!(
                    "proposition n° {id} de la réclamation {reference} : ne correspond pas au \
                     journal (modifiée ou ajoutée hors de l'application)"
                ),
            ));
        }
    }

    // Refund payments: one per complaint, journaled on it.
    let paid: HashMap<&str, &Event> = events
        .iter()
        .filter(|(e, _)| e.kind == "refundPaid")
        .filter_map(|(e, _)| Some((e.reference.as_deref()?, e)))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT c.reference, p.reference, p.method, p.paid_on, p.recorded_by
         FROM refund_payments p JOIN complaints c ON c.id = p.complaint_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let reference: String = r.get(0)?;
        let row = json!({ "reference": r.get::<_, String>(1)?, "method": r.get::<_, String>(2)?,
            "paidOn": r.get::<_, String>(3)? });
        let by: String = r.get(4)?;
        let ok = paid.get(reference.as_str()).is_some_and(|e| {
            ["method", "paidOn"].iter().all(|k| field(e, k) == row[*k])
                && same_text(e, "reference", &row["reference"])
                && e.actor == by
        });
        if !ok {
            out.push((
                "refundPayment",
                Some(reference.clone()),
                format!(
                    "paiement du remboursement de la réclamation {reference} : ne correspond \
                     pas au journal (modifié ou ajouté hors de l'application)"
                ),
            ));
        }
    }

    // Users: their journaled creation and changes, replayed, give the row.
    let mut expected: HashMap<i64, Value> = HashMap::new();
    for (e, _) in events {
        let Some(id) = e.data.get("userId").and_then(Value::as_i64) else {
            continue;
        };
        match e.kind.as_str() {
            "userAdded" => {
                expected.insert(
                    id,
                    json!({ "name": field(e, "name"), "role": field(e, "role"),
                        "canSign": field(e, "canSign"), "maxGesture": field(e, "maxGesture"),
                        "active": true }),
                );
            }
            "userChanged" => {
                if let (Some(user), Some(changes)) = (
                    expected.get_mut(&id),
                    e.data.get("changes").and_then(Value::as_object),
                ) {
                    for (k, change) in changes {
                        user[k.as_str()] = change.get("after").cloned().unwrap_or(Value::Null);
                    }
                }
            }
            _ => {}
        }
    }
    let credentialed: Vec<i64> = events
        .iter()
        .filter(|(e, _)| e.kind == "credentialsSet")
        .filter_map(|(e, _)| e.data.get("userId")?.as_i64())
        .collect();
    let mut stmt = conn.prepare(
        "SELECT u.id, u.name, u.role, u.can_sign, u.max_gesture, u.active,
            EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = u.id)
         FROM users u ORDER BY u.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let name: String = r.get(1)?;
        let row = json!({ "name": name, "role": r.get::<_, String>(2)?,
            "canSign": r.get::<_, bool>(3)?, "maxGesture": r.get::<_, Option<String>>(4)?,
            "active": r.get::<_, bool>(5)? });
        if expected.get(&id) != Some(&row) {
            out.push((
                "user",
                None,
                format!(
                    "utilisateur « {name} » : son rôle, son habilitation ou son état ne \
                     correspondent pas au journal (modifié ou ajouté hors de l'application)"
                ),
            ));
        }
        if r.get::<_, bool>(6)? && !credentialed.contains(&id) {
            out.push((
                "user",
                None,
                format!(
                    "utilisateur « {name} » : un mot de passe a été posé hors de l'application \
                     (aucun changement journalisé)"
                ),
            ));
        }
    }
    Ok(out)
}
