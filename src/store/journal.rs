//! The journal: an append-only, hash-chained list of events.
//!
//! Canonical serialisation (version 1) of an event, hashed with SHA-256 (lowercase hex):
//!
//! ```text
//! [1, id, reference|null, at, actor, kind, data, stateHash|null, prevHash]
//! ```
//!
//! a compact JSON array (serde_json, no whitespace), where `data` is the event's JSON object
//! with its keys sorted, `at` is RFC 3339 UTC with milliseconds, `reference` is the
//! complaint's reference, `stateHash` the SHA-256 of the complaint's canonical state after
//! the event (`complaint_state_hash`) and `prevHash` the hash of the previous event (64 zeros
//! for the first one). Changing, removing or reordering any event breaks the chain from there.

use crate::complaint::Complaint;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "JournalEvent")]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: i64,
    pub reference: Option<String>,
    pub at: String,
    pub actor: String,
    pub kind: String,
    #[ts(type = "unknown")]
    pub data: Value,
    pub state_hash: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The canonical text of an event (see the module documentation).
#[allow(clippy::too_many_arguments)]
pub fn canonical(
    id: i64,
    reference: Option<&str>,
    at: &str,
    actor: &str,
    kind: &str,
    data: &Value,
    state_hash: Option<&str>,
    prev_hash: &str,
) -> String {
    let mut out = String::new();
    write_canonical(
        &json!([1, id, reference, at, actor, kind, data, state_hash, prev_hash]),
        &mut out,
    );
    out
}

/// Compact JSON with object keys sorted at every level, whatever map type serde_json was
/// built with (another crate of the build may turn on its `preserve_order` feature).
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The complaint's register state as JSON, derived values (deadlines) left out.
pub fn complaint_snapshot(c: &Complaint) -> Value {
    let mut v = serde_json::to_value(c).expect("a complaint serialises");
    if let Value::Object(map) = &mut v {
        map.remove("deadlines");
    }
    v
}

/// SHA-256 of the complaint's register state (`complaint_snapshot`).
pub fn complaint_state_hash(c: &Complaint) -> String {
    sha256_hex(canonical_json(&complaint_snapshot(c)).as_bytes())
}

pub fn format_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Append an event in the caller's transaction and return it.
pub fn append(
    tx: &Connection,
    complaint: Option<(i64, &str)>,
    at: DateTime<Utc>,
    actor: &str,
    kind: &str,
    data: Value,
    state_hash: Option<String>,
) -> rusqlite::Result<Event> {
    let (last_id, prev_hash): (i64, String) = tx
        .query_row(
            "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, GENESIS.to_owned()));
    let id = last_id + 1;
    let at = format_instant(at);
    let reference = complaint.map(|(_, r)| r);
    let text = canonical(
        id,
        reference,
        &at,
        actor,
        kind,
        &data,
        state_hash.as_deref(),
        &prev_hash,
    );
    let hash = sha256_hex(text.as_bytes());
    tx.execute(
        "INSERT INTO events (id, complaint_id, at, actor, kind, data, state_hash, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            complaint.map(|(id, _)| id),
            at,
            actor,
            kind,
            canonical_json(&data),
            state_hash,
            prev_hash,
            hash
        ],
    )?;
    Ok(Event {
        id,
        reference: reference.map(str::to_owned),
        at,
        actor: actor.to_owned(),
        kind: kind.to_owned(),
        data,
        state_hash,
        prev_hash,
        hash,
    })
}

/// Map a row of `SELECT e.id, c.reference, e.at, e.actor, e.kind, e.data, e.state_hash,
/// e.prev_hash, e.hash FROM events e LEFT JOIN complaints c ...`.
pub fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let data: String = r.get(5)?;
    Ok(Event {
        id: r.get(0)?,
        reference: r.get(1)?,
        at: r.get(2)?,
        actor: r.get(3)?,
        kind: r.get(4)?,
        data: serde_json::from_str(&data).unwrap_or(Value::String(data)),
        state_hash: r.get(6)?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

pub const SELECT_EVENTS: &str = "SELECT e.id, c.reference, e.at, e.actor, e.kind, e.data, \
     e.state_hash, e.prev_hash, e.hash FROM events e LEFT JOIN complaints c ON c.id = e.complaint_id";

impl Event {
    /// Recompute this event's hash from its content (used by verification).
    pub fn recompute_hash(&self) -> String {
        sha256_hex(
            canonical(
                self.id,
                self.reference.as_deref(),
                &self.at,
                &self.actor,
                &self.kind,
                &self.data,
                self.state_hash.as_deref(),
                &self.prev_hash,
            )
            .as_bytes(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_is_stable() {
        let text = canonical(
            1,
            Some("REC-2026-0001"),
            "2026-05-07T09:00:00.000Z",
            "Alice",
            "recorded",
            &json!({"b": 1, "a": "é"}),
            None,
            GENESIS,
        );
        assert_eq!(
            text,
            format!(
                "[1,1,\"REC-2026-0001\",\"2026-05-07T09:00:00.000Z\",\"Alice\",\"recorded\",\
                 {{\"a\":\"é\",\"b\":1}},null,\"{GENESIS}\"]"
            )
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
