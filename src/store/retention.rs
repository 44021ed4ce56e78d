//! Retention of personal data (RGPD): once a closed complaint has been kept for the firm's
//! retention period (setting `retention.years`, 5 years by default), its personal data is
//! anonymised and what the statistics need is kept.
//!
//! Anonymisation is irreversible, confirmed by the user from the list of candidates, and
//! journaled. For each complaint, in the one transaction of the call:
//!
//! * the register row loses the client's identity and every free text (description, answer
//!   summary, holding notes, dysfunction descriptions, other parties, persons concerned,
//!   contract number); dates, channel, subject, product, insurer, outcome, gesture, status,
//!   feedback, handler and dysfunction categories stay, so the statistics do not move;
//! * exchanges and dispute steps lose their summaries; letters are replaced by a one-page
//!   placeholder PDF and attachments by empty content (their `sha256` column, the hash
//!   journaled when they were issued, stays);
//! * every earlier event of the complaint (and every client export that disclosed it) has its
//!   `data` redacted to `{"redacted": true}` plus the technical keys the proof needs;
//! * one `anonymised` event lists what it redacted, with the hashes the redacted events had,
//!   and carries the anonymised complaint's state hash: `Store::verify` checks the chain's
//!   links and that list instead of the redacted content (see `verify.rs` and migration 0008).
//!
//! The full-text index drops the old texts through its triggers and is then merged; the change
//! is written with `secure_delete` on, and the file is rebuilt (`VACUUM`) afterwards, so the
//! old texts do not linger in unused space of the database file either.

use super::journal::{self, canonical_json};
use super::{actor_name, complaints, Store};
use crate::complaint::lifecycle::{kind, TransitionError};
use crate::complaint::{french_date, ComplaintRef, Status, Subject, ValidationError};
use crate::error::Result;
use crate::settings;
use chrono::{Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The client's name once anonymised.
pub const ANONYMISED_NAME: &str = "Client anonymisé";
/// What replaces a free text.
pub const REDACTED_TEXT: &str = "[anonymisé]";
/// The name an anonymised attachment keeps.
pub const ANONYMISED_ATTACHMENT: &str = "pièce anonymisée";

/// Keys a redacted event keeps besides `"redacted": true`: what the proof needs (the id and
/// hash of a letter or an attachment, checked by `verify`) and technical values that identify
/// no one. Everything else (names, texts, file names, the complaint snapshot) goes.
const KEPT_KEYS: &[&str] = &[
    "letterId",
    "attachmentId",
    "exchangeId",
    "stepId",
    "approvalId",
    "escalationId",
    "proposalId",
    "sha256",
    "size",
    "letter",
    "mediaType",
    "step",
    "references",
    // Money decided and its approval: amounts, statuses, dates and the staff who decided
    // (not the client), what `verify` compares with the approvals, requests, proposals and
    // payments kept in the register.
    "amount",
    "approvedBy",
    "subject",
    "refundScope",
    "level",
    "documentId",
    "dueAt",
    "status",
    "kind",
    "response",
    "on",
    "method",
    "paidOn",
    "requestId",
];

/// A closed complaint whose retention period is over: what the user confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub reference: ComplaintRef,
    pub client_name: String,
    pub received_on: NaiveDate,
    pub subject: Subject,
    pub closed_on: NaiveDate,
    /// The last day the personal data had to be kept (closure + the retention period).
    pub kept_until: NaiveDate,
    /// What will be anonymised: letters replaced by a placeholder, attachments emptied,
    /// exchange summaries and journal events redacted.
    pub letters: u32,
    pub attachments: u32,
    pub exchanges: u32,
    pub events: u32,
}

/// What one anonymisation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AnonymisationReport {
    pub retention_years: u32,
    pub complaints: Vec<AnonymisedComplaint>,
    /// Requests for information anonymised with them (past the same period).
    #[serde(default)]
    pub requests: u32,
    /// The database file was rebuilt, so no older copy of the anonymised texts stays in its
    /// unused space. `false`: another program was using the register; the texts are gone from
    /// the register all the same, and the next anonymisation will rebuild the file.
    pub file_compacted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AnonymisedComplaint {
    pub reference: ComplaintRef,
    /// The `anonymised` event of the journal.
    pub event_id: i64,
    /// Earlier events whose data was redacted (the complaint's, and client exports).
    pub events: u32,
    pub letters: u32,
    pub attachments: u32,
    pub exchanges: u32,
}

/// `on` plus `years` years (29 February gives 28 February).
fn add_years(on: NaiveDate, years: u32) -> NaiveDate {
    on.checked_add_months(Months::new(12 * years))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the complaint was anonymised (an `anonymised` event names it).
pub(crate) fn is_anonymised(conn: &Connection, complaint_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM events WHERE complaint_id = ?1 AND kind = ?2)",
        )?
        .query_row(params![complaint_id, kind::ANONYMISED], |r| r.get(0))?)
}

/// Refuse any change to an anonymised complaint: it would bring personal data back into a
/// file the journal says is anonymised.
pub(crate) fn ensure_not_anonymised(
    conn: &Connection,
    complaint_id: i64,
    reference: &ComplaintRef,
) -> Result<()> {
    if is_anonymised(conn, complaint_id)? {
        return Err(TransitionError::NotAllowed {
            reference: reference.to_string(),
            message: "la réclamation a été anonymisée à l'issue de la durée de conservation : \
                      elle ne se modifie plus"
                .to_owned(),
        }
        .into());
    }
    Ok(())
}

/// The candidates as of `today` for a retention period of `years`, oldest closure first.
fn candidates(conn: &Connection, today: NaiveDate, years: u32) -> Result<Vec<(i64, Candidate)>> {
    // A closure more than `years` years ago, with a day of margin for 29 February: the exact
    // rule is applied below.
    let bound = today
        .checked_sub_months(Months::new(12 * years))
        .and_then(|d| d.succ_opt())
        .unwrap_or(today);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.reference, c.client_name, c.received_on, c.subject,
            coalesce(c.closed_on, c.ended_on)
         FROM complaints c
         WHERE coalesce(c.closed_on, c.ended_on) <= ?1
           AND NOT EXISTS (SELECT 1 FROM events e
                           WHERE e.complaint_id = c.id AND e.kind = ?2)
         ORDER BY c.closed_on, c.id",
    )?;
    let rows = stmt
        .query_map(params![bound, kind::ANONYMISED], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                complaints::vocab::<ComplaintRef>(r, 1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                complaints::vocab::<Subject>(r, 4)?,
                r.get::<_, NaiveDate>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, reference, client_name, received_on, subject, closed_on) in rows {
        let kept_until = add_years(closed_on, years);
        if kept_until >= today {
            continue;
        }
        let count = |table: &str| -> Result<u32> {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM {table} WHERE complaint_id = ?1"
                ))?
                .query_row([id], |r| r.get(0))?)
        };
        out.push((
            id,
            Candidate {
                reference,
                client_name,
                received_on,
                subject,
                closed_on,
                kept_until,
                letters: count("letters")?,
                attachments: count("attachments")?,
                exchanges: count("exchanges")?,
                events: count("events")?,
            },
        ));
    }
    Ok(out)
}

/// Why a reference is not a candidate, in French.
fn refusal(conn: &Connection, r: &ComplaintRef, years: u32) -> Result<String> {
    let found: Option<(i64, String, Option<NaiveDate>)> = conn
        .prepare_cached("SELECT id, status, closed_on FROM complaints WHERE reference = ?1")?
        .query_row([r.as_str()], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .optional()?;
    Ok(match found {
        None => format!("{r} : introuvable"),
        Some((id, _, _)) if is_anonymised(conn, id)? => format!("{r} : déjà anonymisée"),
        Some((_, status, Some(closed_on))) if status == Status::Closed.as_str() => {
            let until = add_years(closed_on, years);
            format!(
                "{r} : clôturée le {}, ses données sont conservées jusqu'au {} ({years} an{} \
                 après la clôture)",
                french_date(closed_on),
                french_date(until),
                if years > 1 { "s" } else { "" }
            )
        }
        Some(_) => format!("{r} : n'est pas clôturée"),
    })
}

/// The event data that stays once redacted.
pub(super) fn redacted_data(data: &Value) -> Value {
    let mut out = Map::new();
    out.insert("redacted".to_owned(), Value::Bool(true));
    if let Value::Object(map) = data {
        for key in KEPT_KEYS {
            match map.get(*key) {
                Some(v @ (Value::Number(_) | Value::String(_) | Value::Bool(_))) => {
                    out.insert((*key).to_owned(), v.clone());
                }
                Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                    out.insert((*key).to_owned(), Value::Array(items.clone()));
                }
                _ => {}
            }
        }
    }
    Value::Object(out)
}

/// A one-page PDF (standard Helvetica font, nothing embedded) that stands in for an anonymised
/// letter: a letter of the register always opens.
pub fn placeholder_pdf(lines: &[String]) -> Vec<u8> {
    // Text in a PDF literal string, WinAnsi-encoded: Latin-1 characters map to the same code
    // points; anything else becomes "?".
    fn literal(s: &str) -> String {
        let mut out = String::from("(");
        for c in s.chars() {
            match c {
                '(' | ')' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                ' '..='~' => out.push(c),
                '\u{A0}'..='\u{FF}' => out.push_str(&format!("\\{:03o}", c as u32)),
                '\u{202F}' => out.push(' '),
                _ => out.push('?'),
            }
        }
        out.push(')');
        out
    }
    let mut content = String::from("BT /F1 12 Tf 16 TL 72 760 Td");
    for line in lines {
        content.push_str(&format!(" {} Tj T*", literal(line)));
    }
    content.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

impl Store {
    /// The retention period after closure, in years (setting `retention.years`).
    pub fn retention_years(&self) -> Result<u32> {
        match self.setting("retention.years")? {
            Some(v) => Ok(settings::validate("retention.years", &v)?
                .parse()
                .expect("validated")),
            None => Ok(settings::DEFAULT_RETENTION_YEARS),
        }
    }

    /// The closed complaints whose retention period is over and that are not anonymised yet,
    /// oldest closure first, with what anonymising each would touch: the list the user
    /// reviews before confirming.
    pub fn anonymisation_candidates(&self) -> Result<Vec<Candidate>> {
        let years = self.retention_years()?;
        Ok(candidates(self.conn(), self.today(), years)?
            .into_iter()
            .map(|(_, c)| c)
            .collect())
    }

    /// Anonymise these complaints (all of them or none: one transaction), each journaled by
    /// one `anonymised` event. Refuses any reference that is not a candidate.
    pub fn anonymise(
        &mut self,
        references: &[ComplaintRef],
        actor: &str,
    ) -> Result<AnonymisationReport> {
        self.anonymise_with(references, actor, &crate::progress::Silent)
    }

    /// [`Store::anonymise`] telling `progress` the complaints done ("Anonymisation des
    /// réclamations") then the file's compaction; cancelled before the commit, nothing changes.
    pub fn anonymise_with(
        &mut self,
        references: &[ComplaintRef],
        actor: &str,
        progress: &dyn crate::progress::Progress,
    ) -> Result<AnonymisationReport> {
        let actor = actor_name(actor)?;
        // Irreversible: the firm's manager decides it.
        self.require_manager("by", &actor, "anonymiser des dossiers")?;
        let mut refs = references.to_vec();
        refs.sort();
        refs.dedup();
        let years_now = self.retention_years()?;
        let requests_due = super::retention_requests::due(self.conn(), self.today(), years_now)?;
        if refs.is_empty() && requests_due.is_empty() {
            return Err(ValidationError::new(
                "references",
                "aucune réclamation désignée : choisissez dans la liste des réclamations à \
                 anonymiser",
            )
            .into());
        }
        let years = self.retention_years()?;
        // Overwrite the freed space with zeros, so the old texts do not stay in the file.
        let secure: i64 = self
            .conn()
            .pragma_query_value(None, "secure_delete", |r| r.get(0))?;
        self.conn.pragma_update(None, "secure_delete", 1)?;
        let done = self.write(|tx, w| {
            let today = w.today();
            let found = candidates(tx, today, years)?;
            let mut refused = Vec::new();
            let mut chosen = Vec::new();
            for r in &refs {
                match found.iter().find(|(_, c)| &c.reference == r) {
                    Some((id, _)) => chosen.push((*id, r)),
                    None => refused.push(refusal(tx, r, years)?),
                }
            }
            if !refused.is_empty() {
                return Err(ValidationError::new(
                    "references",
                    format!(
                        "rien n'a été anonymisé : {} (seules les réclamations de la liste « à \
                         anonymiser » peuvent l'être)",
                        refused.join(" ; ")
                    ),
                )
                .into());
            }
            let mut report = AnonymisationReport {
                retention_years: years,
                complaints: Vec::with_capacity(chosen.len()),
                requests: 0,
                file_compacted: false,
            };
            let mut run = Run {
                tx,
                at: w.now(),
                today,
                years,
                actor: &actor,
                exports: client_exports(tx)?,
            };
            progress.stage("Anonymisation des réclamations");
            let total = chosen.len() as u64;
            for (done, (id, r)) in chosen.into_iter().enumerate() {
                crate::progress::stop_if_asked(progress, CANCELLED)?;
                report.complaints.push(run.anonymise(id, r)?);
                crate::progress::tick(progress, done as u64 + 1, total, CANCELLED)?;
            }
            // Taken again in the transaction: what is due now.
            let requests_due = super::retention_requests::due(tx, today, years)?;
            report.requests =
                super::retention_requests::anonymise(tx, &requests_due, w.now(), years, &actor)?;
            // The update trigger removed the old texts from the index; merging its segments
            // drops them from the index's pages too.
            tx.execute(
                "INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')",
                [],
            )?;
            Ok(report)
        });
        self.conn.pragma_update(None, "secure_delete", secure)?;
        let mut report = done?;
        progress.stage("Compactage du fichier");
        // Older copies of the texts may still sit in the unused space of pages written before
        // (a row moved by an earlier update, a page split): rebuilding the file from its live
        // content removes them, and truncating the write-ahead log removes its older copies.
        // Best effort: the anonymisation is committed whatever happens here.
        report.file_compacted = self.conn.execute_batch("VACUUM").is_ok()
            && self
                .conn()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    r.get::<_, i64>(0)
                })
                .is_ok_and(|busy| busy == 0);
        Ok(report)
    }
}

/// What a cancelled anonymisation says (its transaction is rolled back).
const CANCELLED: &str = "anonymisation annulée : aucune réclamation n'a été modifiée";

/// An event as read before its redaction: id, hash, data.
type Redactable = (i64, String, Value);

/// The client exports not redacted yet (they are few: one per access request).
fn client_exports(tx: &Connection) -> Result<Vec<Redactable>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, hash, data FROM events
         WHERE complaint_id IS NULL AND kind = 'clientExport' AND redacted_by IS NULL
         ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |row| {
            let data: String = row.get(2)?;
            Ok((
                row.get(0)?,
                row.get(1)?,
                serde_json::from_str(&data).unwrap_or(Value::String(data)),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One anonymisation call, in its transaction.
struct Run<'a> {
    tx: &'a rusqlite::Connection,
    at: chrono::DateTime<chrono::Utc>,
    today: NaiveDate,
    years: u32,
    actor: &'a str,
    /// Client exports not redacted yet: the first complaint of the call that one disclosed
    /// redacts it.
    exports: Vec<Redactable>,
}

impl Run<'_> {
    fn anonymise(&mut self, id: i64, r: &ComplaintRef) -> Result<AnonymisedComplaint> {
        let Run {
            tx,
            at,
            today,
            years,
            actor,
            ..
        } = *self;
        // What will be redacted, with the hashes the events have now: the complaint's events,
        // and the client exports that disclosed it.
        let mut events: Vec<Redactable> = tx
            .prepare_cached(
                "SELECT id, hash, data FROM events
                 WHERE complaint_id = ?1 AND redacted_by IS NULL ORDER BY id",
            )?
            .query_map([id], |row| {
                let data: String = row.get(2)?;
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    serde_json::from_str(&data).unwrap_or(Value::String(data)),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let (disclosed, rest): (Vec<Redactable>, Vec<Redactable>) =
            std::mem::take(&mut self.exports)
                .into_iter()
                .partition(|(_, _, data)| {
                    data.get("references")
                        .and_then(Value::as_array)
                        .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(r.as_str())))
                });
        self.exports = rest;
        events.extend(disclosed);
        events.sort_by_key(|(id, _, _)| *id);

        let ids = |table: &str| -> Result<Vec<i64>> {
            Ok(tx
                .prepare_cached(&format!(
                    "SELECT id FROM {table} WHERE complaint_id = ?1 AND redacted_by IS NULL
                     ORDER BY id"
                ))?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let letters = ids("letters")?;
        let attachments = ids("attachments")?;

        // The register row and the file's texts. Empty texts stay empty.
        tx.execute(
            "UPDATE complaints SET client_name = ?2, client_address = NULL,
                client_email = NULL, client_phone = NULL, client_number = NULL,
                description = CASE WHEN description = '' THEN '' ELSE ?3 END,
                contract_number = NULL, other_parties = '[]', persons_concerned = '[]',
                answer_summary = CASE WHEN coalesce(answer_summary, '') = ''
                                      THEN answer_summary ELSE ?3 END,
                ended_reason = CASE WHEN ended_reason IS NULL THEN NULL ELSE ?3 END
             WHERE id = ?1",
            params![id, ANONYMISED_NAME, REDACTED_TEXT],
        )?;
        for (table, column) in [
            ("holdings", "note"),
            ("dysfunctions", "description"),
            ("exchanges", "summary"),
            ("dispute_steps", "summary"),
        ] {
            tx.execute(
                &format!(
                    "UPDATE {table} SET {column} = ?2 WHERE complaint_id = ?1 AND {column} <> ''"
                ),
                params![id, REDACTED_TEXT],
            )?;
        }
        // The texts of the money decided: reasons, analyses, proposals, the payment's
        // reference; the amounts and who decided stay.
        tx.execute(
            "UPDATE complaints SET gesture_reason = CASE WHEN gesture_reason <> '' THEN ?2 END,
                recourse_note = CASE WHEN recourse_note <> '' THEN ?2 END
             WHERE id = ?1",
            params![id, REDACTED_TEXT],
        )?;
        tx.execute(
            "UPDATE escalations SET reason = ?2, refused_proposal = ?2, analysis = ?2,
                decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE ?2 END
             WHERE complaint_id = ?1",
            params![id, REDACTED_TEXT],
        )?;
        tx.execute(
            "UPDATE proposals SET description = ?2 WHERE complaint_id = ?1",
            params![id, REDACTED_TEXT],
        )?;
        tx.execute(
            "UPDATE refund_payments SET reference = ?2 WHERE complaint_id = ?1",
            params![id, REDACTED_TEXT],
        )?;
        let exchanges: u32 = tx.query_row(
            "SELECT count(*) FROM exchanges WHERE complaint_id = ?1",
            [id],
            |row| row.get(0),
        )?;

        // The journal entry, with the state the complaint has now.
        let (_, complaint) = complaints::load(tx, r)?;
        let event = journal::append(
            tx,
            Some((id, r.as_str())),
            at,
            actor,
            kind::ANONYMISED,
            json!({
                "redactedEvents": events
                    .iter()
                    .map(|(id, hash, _)| json!({ "id": id, "hash": hash }))
                    .collect::<Vec<_>>(),
                "redactedLetters": letters,
                "redactedAttachments": attachments,
                "retentionYears": years,
            }),
            Some(journal::complaint_state_hash(&complaint)),
        )?;

        // Then the redactions, each pointing to that entry.
        for (event_id, _, data) in &events {
            tx.prepare_cached("UPDATE events SET data = ?2, redacted_by = ?3 WHERE id = ?1")?
                .execute(params![
                    event_id,
                    canonical_json(&redacted_data(data)),
                    event.id
                ])?;
        }
        for letter_id in &letters {
            let pdf = placeholder_pdf(&[
                format!("Lettre n\u{B0} {letter_id} de la r\u{E9}clamation {r}"),
                format!(
                    "Anonymis\u{E9}e le {} : dur\u{E9}e de conservation ({years} an{}) \
                     \u{E9}coul\u{E9}e apr\u{E8}s la cl\u{F4}ture.",
                    french_date(today),
                    if years > 1 { "s" } else { "" }
                ),
            ]);
            tx.prepare_cached(
                "UPDATE letters SET pdf = ?2, size = ?3, redacted_by = ?4 WHERE id = ?1",
            )?
            .execute(params![letter_id, pdf, pdf.len() as i64, event.id])?;
        }
        for attachment_id in &attachments {
            tx.prepare_cached(
                "UPDATE attachments SET content = x'', size = 0, name = ?2, redacted_by = ?3
                 WHERE id = ?1",
            )?
            .execute(params![attachment_id, ANONYMISED_ATTACHMENT, event.id])?;
        }
        Ok(AnonymisedComplaint {
            reference: r.clone(),
            event_id: event.id,
            events: events.len() as u32,
            letters: letters.len() as u32,
            attachments: attachments.len() as u32,
            exchanges,
        })
    }
}

/// Whether the letter or attachment `id` of `table` was redacted by a journaled anonymisation
/// (`Some(true)`), redacted without one (`Some(false)`: tampering), or not redacted (`None`).
pub(crate) fn redaction_of(conn: &Connection, table: &str, id: i64) -> Result<Option<bool>> {
    let by: Option<i64> = conn
        .prepare_cached(&format!("SELECT redacted_by FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    let Some(by) = by else { return Ok(None) };
    let key = if table == "letters" {
        "redactedLetters"
    } else {
        "redactedAttachments"
    };
    let data: Option<String> = conn
        .prepare_cached("SELECT data FROM events WHERE id = ?1 AND kind = ?2")?
        .query_row(params![by, kind::ANONYMISED], |r| r.get(0))
        .optional()?;
    let covered = data
        .and_then(|d| serde_json::from_str::<Value>(&d).ok())
        .and_then(|v| v.get(key).and_then(Value::as_array).cloned())
        .is_some_and(|a| a.iter().any(|x| x.as_i64() == Some(id)));
    Ok(Some(covered))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_after_closure() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(add_years(d("2020-03-15"), 5), d("2025-03-15"));
        assert_eq!(add_years(d("2020-02-29"), 1), d("2021-02-28"));
        assert_eq!(add_years(d("2020-02-29"), 4), d("2024-02-29"));
    }

    #[test]
    fn redaction_keeps_only_the_proof() {
        let data = json!({"letterId": 3, "letter": "ack", "signatory": "Anne Leroy",
            "sha256": "ab", "size": 100, "client": {"name": "M. Dupont"},
            "references": ["REC-2020-0001"], "summary": "Appel de M. Dupont"});
        assert_eq!(
            redacted_data(&data),
            json!({"redacted": true, "letterId": 3, "letter": "ack", "sha256": "ab",
                   "size": 100, "references": ["REC-2020-0001"]})
        );
        assert_eq!(redacted_data(&json!("texte")), json!({"redacted": true}));
    }
}
