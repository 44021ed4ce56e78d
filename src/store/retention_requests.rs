//! Requests for information past the retention period: anonymised with the complaints, the
//! same way (the client's name and the texts replaced, their journal events redacted and
//! listed with their hashes by one `anonymised` event, which `verify` checks).

use super::journal::{self, canonical_json};
use super::retention::{redacted_data, ANONYMISED_NAME, REDACTED_TEXT};
use crate::complaint::lifecycle::kind;
use crate::error::Result;
use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde_json::{json, Value};

/// The requests whose retention period is over: closed (or, never closed, received) more
/// than `years` years ago, not anonymised yet.
pub(super) fn due(conn: &Connection, today: NaiveDate, years: u32) -> Result<Vec<i64>> {
    let Some(bound) = today.checked_sub_months(Months::new(12 * years)) else {
        return Ok(Vec::new());
    };
    Ok(conn
        .prepare_cached(
            "SELECT id FROM requests
             WHERE redacted_by IS NULL AND coalesce(closed_on, received_on) < ?1 ORDER BY id",
        )?
        .query_map([bound], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Anonymise `ids` in the caller's transaction; returns how many.
pub(super) fn anonymise(
    tx: &Connection,
    ids: &[i64],
    at: DateTime<Utc>,
    years: u32,
    actor: &str,
) -> Result<u32> {
    if ids.is_empty() {
        return Ok(0);
    }
    let mut events: Vec<(i64, String, Value)> = Vec::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT id, hash, data FROM events
             WHERE complaint_id IS NULL AND redacted_by IS NULL
               AND kind IN ('requestRecorded', 'requestClosed', 'requestRequalified')
               AND json_extract(data, '$.requestId') = ?1 ORDER BY id",
        )?;
        for id in ids {
            let rows = stmt
                .query_map([id], |row| {
                    let data: String = row.get(2)?;
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        serde_json::from_str(&data).unwrap_or(Value::String(data)),
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            events.extend(rows);
        }
    }
    events.sort_by_key(|(id, _, _)| *id);
    let event = journal::append(
        tx,
        None,
        at,
        actor,
        kind::ANONYMISED,
        json!({
            "requests": ids,
            "redactedEvents": events
                .iter()
                .map(|(id, hash, _)| json!({ "id": id, "hash": hash }))
                .collect::<Vec<_>>(),
            "retentionYears": years,
        }),
        None,
    )?;
    for (event_id, _, data) in &events {
        tx.prepare_cached("UPDATE events SET data = ?2, redacted_by = ?3 WHERE id = ?1")?
            .execute(params![
                event_id,
                canonical_json(&redacted_data(data)),
                event.id
            ])?;
    }
    for id in ids {
        tx.prepare_cached(
            "UPDATE requests SET client_name = ?2,
                description = CASE WHEN description = '' THEN '' ELSE ?3 END,
                closing_note = CASE WHEN closing_note IS NULL THEN NULL ELSE ?3 END,
                redacted_by = ?4
             WHERE id = ?1",
        )?
        .execute(params![id, ANONYMISED_NAME, REDACTED_TEXT, event.id])?;
    }
    Ok(ids.len() as u32)
}
