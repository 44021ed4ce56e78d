//! Requests for information (or for a service): kept out of the register of complaints, but
//! followed: listed and searched, closed with what was done, requalified as a complaint when
//! they were one. A complaint recorded by mistake becomes one (see `ending`). Every row is
//! journaled (`requestRecorded`, `requestClosed`, `requestRequalified`) so `verify` can check
//! it.

use super::{actor_name, complaints, journal, Store};
use crate::complaint::input::{past_date, required, text, MAX_LINE, MAX_TEXT};
use crate::complaint::{Channel, ComplaintRef, NewComplaint, ValidationError};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A request that is not a complaint (information, service): kept out of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewRequest {
    pub client_name: String,
    pub channel: Channel,
    pub received_on: NaiveDate,
    #[serde(default)]
    pub description: String,
}

/// A request for information as the *Demandes* list and its file show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct InfoRequest {
    pub id: i64,
    pub client_name: String,
    pub channel: Channel,
    pub received_on: NaiveDate,
    pub description: String,
    pub recorded_by: String,
    pub recorded_at: String,
    pub closed_on: Option<NaiveDate>,
    pub closing_note: Option<String>,
    /// The complaint it was requalified from (recorded as a complaint by mistake).
    pub from_complaint: Option<String>,
    /// The complaint it became (it was a complaint after all).
    pub to_complaint: Option<String>,
}

impl InfoRequest {
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none() && self.to_complaint.is_none()
    }
}

/// What the *Demandes* list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields = nullable)]
pub struct RequestQuery {
    /// Words of the client's name or of the description.
    pub search: Option<String>,
    /// Only the requests still open.
    #[ts(as = "Option<bool>", optional)]
    pub open_only: bool,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestPage {
    pub rows: Vec<InfoRequest>,
    pub total: u64,
}

/// A request row to write.
pub(crate) struct RequestRow<'a> {
    pub client_name: &'a str,
    pub channel: Channel,
    pub received_on: NaiveDate,
    pub description: &'a str,
    pub from_complaint: Option<(i64, &'a ComplaintRef)>,
}

/// Write a request and journal it (`requestRecorded`); returns its id.
pub(crate) fn insert(
    tx: &Connection,
    row: &RequestRow<'_>,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO requests (client_name, channel, received_on, description, recorded_by,
            recorded_at, from_complaint) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        row.client_name,
        row.channel.as_str(),
        row.received_on,
        row.description,
        actor,
        journal::format_instant(at),
        row.from_complaint.map(|(id, _)| id)
    ])?;
    let id = tx.last_insert_rowid();
    let mut data = json!({ "requestId": id, "clientName": row.client_name,
        "channel": row.channel, "receivedOn": row.received_on, "description": row.description });
    if let Some((_, r)) = row.from_complaint {
        data["fromComplaint"] = json!(r);
    }
    journal::append(tx, None, at, actor, "requestRecorded", data, None)?;
    Ok(id)
}

const SELECT: &str = "SELECT q.id, q.client_name, q.channel, q.received_on, q.description,
    q.recorded_by, q.recorded_at, q.closed_on, q.closing_note, f.reference, t.reference
    FROM requests q LEFT JOIN complaints f ON f.id = q.from_complaint
    LEFT JOIN complaints t ON t.id = q.to_complaint";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InfoRequest> {
    Ok(InfoRequest {
        id: r.get(0)?,
        client_name: r.get(1)?,
        channel: complaints::vocab(r, 2)?,
        received_on: r.get(3)?,
        description: r.get(4)?,
        recorded_by: r.get(5)?,
        recorded_at: r.get(6)?,
        closed_on: r.get(7)?,
        closing_note: r.get(8)?,
        from_complaint: r.get(9)?,
        to_complaint: r.get(10)?,
    })
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<InfoRequest> {
    conn.prepare_cached(&format!("{SELECT} WHERE q.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("demande n° {id}")))
}

/// Every request, oldest first (verification, the client access export).
pub(crate) fn all(conn: &Connection) -> Result<Vec<InfoRequest>> {
    Ok(conn
        .prepare(&format!("{SELECT} ORDER BY q.id"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Refuse a change to a request that is no longer open (closed, become a complaint, or
/// anonymised past the retention period).
fn ensure_open(conn: &Connection, q: &InfoRequest) -> Result<()> {
    let anonymised: bool = conn
        .prepare_cached("SELECT redacted_by IS NOT NULL FROM requests WHERE id = ?1")?
        .query_row([q.id], |r| r.get(0))?;
    if anonymised {
        return Err(ValidationError::new(
            "request",
            format!(
                "la demande n° {} est anonymisée : elle ne se modifie plus",
                q.id
            ),
        )
        .into());
    }
    if let Some(r) = &q.to_complaint {
        return Err(ValidationError::new(
            "request",
            format!("la demande n° {} est devenue la réclamation {r}", q.id),
        )
        .into());
    }
    if let Some(on) = q.closed_on {
        return Err(ValidationError::new(
            "request",
            format!(
                "la demande n° {} est close depuis le {}",
                q.id,
                crate::complaint::french_date(on)
            ),
        )
        .into());
    }
    Ok(())
}

impl Store {
    /// Record a request that is not a complaint; it stays out of the register.
    pub fn record_request(&mut self, req: &NewRequest, actor: &str) -> Result<i64> {
        let name = required("clientName", &req.client_name, MAX_LINE, false)?;
        let on = past_date("receivedOn", req.received_on, self.today())?;
        let description = text("description", &req.description, MAX_TEXT, true)?;
        let actor = actor_name(actor)?;
        self.write(|tx, w| {
            insert(
                tx,
                &RequestRow {
                    client_name: &name,
                    channel: req.channel,
                    received_on: on,
                    description: &description,
                    from_complaint: None,
                },
                &actor,
                w.now(),
            )
        })
    }

    /// The *Demandes* list: most recent first, searched by the client's name and the
    /// description.
    pub fn requests(&self, q: &RequestQuery) -> Result<RequestPage> {
        let mut clauses: Vec<String> = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        if q.open_only {
            clauses.push("q.closed_on IS NULL AND q.to_complaint IS NULL".into());
        }
        for word in q
            .search
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .take(8)
        {
            let like = format!(
                "%{}%",
                word.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            params.push(SqlValue::Text(like));
            let n = params.len();
            clauses.push(format!(
                "(q.client_name LIKE ?{n} ESCAPE '\\' OR q.description LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let where_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let conn = self.conn();
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM requests q {where_sql}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let total = u64::try_from(total).unwrap_or_default();
        let limit = q.limit.unwrap_or(50).clamp(1, 1000);
        let offset = q.offset.unwrap_or(0);
        let sql = format!(
            "{SELECT} {where_sql} ORDER BY q.received_on DESC, q.id DESC LIMIT {limit} OFFSET {offset}"
        );
        let rows = conn
            .prepare(&sql)?
            .query_map(rusqlite::params_from_iter(params.iter()), from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(RequestPage { rows, total })
    }

    /// The requests of one client (name as `normalise` gives it), anonymised ones left out:
    /// the client's right of access covers them too.
    pub fn client_requests(
        &self,
        wanted: &str,
        normalise: &dyn Fn(&str) -> String,
    ) -> Result<Vec<InfoRequest>> {
        let redacted: Vec<i64> = self
            .conn()
            .prepare_cached("SELECT id FROM requests WHERE redacted_by IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(all(self.conn())?
            .into_iter()
            .filter(|q| !redacted.contains(&q.id) && normalise(&q.client_name) == wanted)
            .collect())
    }

    /// How many requests an anonymisation would take now (past the retention period).
    pub fn requests_due_for_anonymisation(&self) -> Result<u32> {
        let years = self.retention_years()?;
        Ok(super::retention_requests::due(self.conn(), self.today(), years)?.len() as u32)
    }

    pub fn request(&self, id: i64) -> Result<InfoRequest> {
        load(self.conn(), id)
    }

    /// Close a request with what was answered or done.
    pub fn close_request(
        &mut self,
        id: i64,
        on: NaiveDate,
        note: &str,
        actor: &str,
    ) -> Result<InfoRequest> {
        let actor = actor_name(actor)?;
        let on = past_date("on", on, self.today())?;
        let note = required("note", note, MAX_TEXT, true)?;
        self.write(|tx, w| {
            let q = load(tx, id)?;
            ensure_open(tx, &q)?;
            if on < q.received_on {
                return Err(ValidationError::new(
                    "on",
                    format!(
                        "la clôture ({}) précède la réception de la demande ({})",
                        crate::complaint::french_date(on),
                        crate::complaint::french_date(q.received_on)
                    ),
                )
                .into());
            }
            tx.execute(
                "UPDATE requests SET closed_on = ?2, closing_note = ?3 WHERE id = ?1",
                params![id, on, note],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "requestClosed",
                json!({ "requestId": id, "on": on, "note": note }),
                None,
            )?;
            load(tx, id)
        })
    }

    /// A request that was a complaint after all: the complaint is recorded (its reception
    /// date the request's; `reference` when handed out beforehand) and the request points
    /// to it, in one transaction.
    pub fn request_to_complaint(
        &mut self,
        id: i64,
        reason: &str,
        new: &NewComplaint,
        reference: Option<&ComplaintRef>,
        actor: &str,
    ) -> Result<crate::complaint::Complaint> {
        let actor = actor_name(actor)?;
        let reason = required("reason", reason, MAX_TEXT, true)?;
        self.write(|tx, w| {
            // Checked in the write transaction: another program may have closed or converted
            // it meanwhile.
            let q = load(tx, id)?;
            ensure_open(tx, &q)?;
            let mut new = new.clone();
            // The complaint keeps the request's dates: its deadlines run from them.
            new.received_on = q.received_on;
            let valid = new.validate(w.today())?;
            let c = w.record_as(tx, &valid, &actor, reference)?;
            let (cid, _) = complaints::load(tx, &c.reference)?;
            tx.execute(
                "UPDATE requests SET to_complaint = ?2 WHERE id = ?1",
                params![id, cid],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "requestRequalified",
                json!({ "requestId": id, "reference": c.reference, "reason": reason }),
                None,
            )?;
            Ok(c)
        })
    }
}
