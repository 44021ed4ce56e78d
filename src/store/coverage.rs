//! The rest of the register against its journal (part of `verify`): the firm's settings and
//! templates, its logo, the users' signatures, the issued letters' columns, the corrective
//! actions and their links, the imports and the rows they brought. Each row must be what its
//! journal events say; a journaled row must still be there.

use super::journal::{sha256_hex, Event};
use crate::error::Result;
use rusqlite::Connection;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// (kind of finding, complaint reference, French message).
pub(super) type Problem = (&'static str, Option<String>, String);

use super::verify::{field, redacted, same_text};

const BEHIND: &str = "modifié, ajouté ou supprimé hors de l'application";

pub(super) fn records_against_journal(
    conn: &Connection,
    events: &[(Event, Option<i64>)],
) -> Result<Vec<Problem>> {
    let mut out: Vec<Problem> = Vec::new();
    let events: Vec<&Event> = events.iter().map(|(e, _)| e).collect();

    // Settings and templates: the last journaled value of each key.
    let mut journaled: BTreeMap<String, Value> = BTreeMap::new();
    for e in events
        .iter()
        .filter(|e| e.kind == "setting" || e.kind == "template")
    {
        if let Some(key) = e.data.get("key").and_then(Value::as_str) {
            journaled.insert(key.to_owned(), field(e, "after"));
        }
    }
    let mut stored: BTreeMap<String, String> = BTreeMap::new();
    let mut stmt = conn.prepare("SELECT key, value FROM settings")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        stored.insert(r.get(0)?, r.get(1)?);
    }
    for (key, value) in &stored {
        if journaled.get(key).and_then(Value::as_str) != Some(value.as_str()) {
            out.push((
                "setting",
                None,
                format!("paramètre « {key} » : sa valeur ne correspond pas au journal ({BEHIND})"),
            ));
        }
    }
    for key in journaled.keys() {
        if !stored.contains_key(key) {
            out.push((
                "setting",
                None,
                format!("paramètre « {key} » : journalisé mais absent du registre ({BEHIND})"),
            ));
        }
    }

    // The firm's logo and the users' signatures: the last journaled hash.
    let last_hash = |kind: &str, user: Option<i64>| -> Option<String> {
        events
            .iter()
            .rev()
            .filter(|e| e.kind == kind)
            .filter(|e| user.is_none() || e.data.get("userId").and_then(Value::as_i64) == user)
            .find_map(|e| e.data.get("sha256").and_then(Value::as_str))
            .map(str::to_owned)
    };
    let logo: Option<Vec<u8>> = conn
        .query_row("SELECT png FROM firm_logo WHERE id = 1", [], |r| r.get(0))
        .ok();
    if logo.as_deref().map(sha256_hex) != last_hash("logo", None) {
        out.push((
            "logo",
            None,
            format!("le logo du cabinet ne correspond pas au journal ({BEHIND})"),
        ));
    }
    let mut stmt = conn.prepare("SELECT id, name, signature_png FROM users ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, name, png): (i64, String, Option<Vec<u8>>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if png.as_deref().map(sha256_hex) != last_hash("signature", Some(id)) {
            out.push((
                "signature",
                None,
                format!("signature de « {name} » : ne correspond pas au journal ({BEHIND})"),
            ));
        }
    }

    // Issued letters: who signed and issued what kind, for which complaint.
    let issued: HashMap<i64, &Event> = events
        .iter()
        .filter(|e| e.kind == "letterIssued")
        .filter_map(|e| Some((e.data.get("letterId")?.as_i64()?, *e)))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT l.id, c.reference, l.kind, l.signatory, l.issued_by FROM letters l
         JOIN complaints c ON c.id = l.complaint_id ORDER BY l.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, reference): (i64, String) = (r.get(0)?, r.get(1)?);
        let (kind, signatory, by): (String, String, String) = (r.get(2)?, r.get(3)?, r.get(4)?);
        let ok = issued.get(&id).is_some_and(|e| {
            e.reference.as_deref() == Some(reference.as_str())
                && e.actor == by
                && field(e, "letter") == json!(kind)
                // Anonymised: the event no longer names the signatory, the row still does.
                && (redacted(e) || field(e, "signatory") == json!(signatory))
        });
        if !ok {
            out.push((
                "letter",
                Some(reference.clone()),
                format!(
                    "lettre n° {id} de la réclamation {reference} : son type, son signataire ou \
                     sa réclamation ne correspondent pas au journal ({BEHIND})"
                ),
            ));
        }
    }

    // Corrective actions: added, then moved from status to status; their links.
    let mut actions: BTreeMap<i64, Value> = BTreeMap::new();
    for e in &events {
        let Some(id) = e.data.get("actionId").and_then(Value::as_i64) else {
            continue;
        };
        match e.kind.as_str() {
            "actionAdded" => {
                let mut complaints: Vec<String> = e
                    .data
                    .get("complaints")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            // References as typed (" rec-2026-0001"): the links hold
                            // them parsed.
                            .filter_map(|v| v.as_str().map(|r| r.trim().to_uppercase()))
                            .collect()
                    })
                    .unwrap_or_default();
                complaints.sort();
                let mut dysfunctions: Vec<i64> = e
                    .data
                    .get("dysfunctions")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_i64).collect())
                    .unwrap_or_default();
                dysfunctions.sort();
                let kind = e.data.get("kind").cloned().unwrap_or(json!("corrective"));
                actions.insert(
                    id,
                    json!({ "description": field(e, "description"), "owner": field(e, "owner"),
                        "dueOn": field(e, "dueOn"), "status": "planned", "kind": kind,
                        "createdBy": e.actor, "complaints": complaints,
                        "dysfunctions": dysfunctions }),
                );
            }
            "actionStatus" => {
                if let Some(a) = actions.get_mut(&id) {
                    a["status"] = field(e, "after");
                }
            }
            "actionEdited" => {
                if let (Some(a), Some(changes)) = (
                    actions.get_mut(&id),
                    e.data.get("changes").and_then(Value::as_object),
                ) {
                    for (key, change) in changes {
                        a[key.as_str()] = change.get("after").cloned().unwrap_or(Value::Null);
                    }
                }
            }
            _ => {}
        }
    }
    let mut stmt = conn.prepare(
        "SELECT a.id, a.description, a.owner, a.due_on, a.status, a.created_by, a.kind,
            (SELECT json_group_array(c.reference) FROM (SELECT c.reference FROM action_links l
                JOIN complaints c ON c.id = l.complaint_id WHERE l.action_id = a.id
                ORDER BY c.reference) c),
            (SELECT json_group_array(d) FROM (SELECT l.dysfunction_id AS d FROM action_links l
                WHERE l.action_id = a.id AND l.dysfunction_id IS NOT NULL ORDER BY d))
         FROM corrective_actions a ORDER BY a.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut seen = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        seen.push(id);
        let complaints: Value = serde_json::from_str(&r.get::<_, String>(7)?).unwrap_or_default();
        let dysfunctions: Value = serde_json::from_str(&r.get::<_, String>(8)?).unwrap_or_default();
        let row = json!({ "description": r.get::<_, String>(1)?, "owner": r.get::<_, String>(2)?,
            "dueOn": r.get::<_, String>(3)?, "status": r.get::<_, String>(4)?,
            "kind": r.get::<_, String>(6)?,
            "createdBy": r.get::<_, String>(5)?, "complaints": complaints,
            "dysfunctions": dysfunctions });
        if actions.get(&id) != Some(&row) {
            out.push((
                "correctiveAction",
                None,
                format!(
                    "action corrective n° {id} : ne correspond pas au journal (description, \
                     responsable, échéance, statut ou liens ; {BEHIND})"
                ),
            ));
        }
    }
    for id in actions.keys().filter(|id| !seen.contains(id)) {
        out.push((
            "correctiveAction",
            None,
            format!("action corrective n° {id} : journalisée mais absente du registre"),
        ));
    }

    // Imports, and the rows each brought.
    let imported: HashMap<i64, &Event> = events
        .iter()
        .filter(|e| e.kind == "registerImported")
        .filter_map(|e| Some((e.data.get("importId")?.as_i64()?, *e)))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT id, actor, file_sha256, imported, refused, duplicates FROM imports ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut import_ids = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        import_ids.push(id);
        let row = json!({ "sha256": r.get::<_, String>(2)?, "imported": r.get::<_, i64>(3)?,
            "refused": r.get::<_, i64>(4)?, "duplicates": r.get::<_, i64>(5)? });
        let actor: String = r.get(1)?;
        let ok = imported.get(&id).is_some_and(|e| {
            e.actor == actor
                && ["sha256", "imported", "refused", "duplicates"]
                    .iter()
                    .all(|k| field(e, k) == row[*k])
        });
        if !ok {
            out.push((
                "import",
                None,
                format!("import n° {id} : ne correspond pas au journal ({BEHIND})"),
            ));
        }
    }
    for id in imported.keys().filter(|id| !import_ids.contains(id)) {
        out.push((
            "import",
            None,
            format!("import n° {id} : journalisé mais absent du registre"),
        ));
    }
    // Each imported row: its complaint's `imported` event names the line and the reference.
    let rows_events: HashMap<&str, &Event> = events
        .iter()
        .filter(|e| e.kind == "imported")
        .filter_map(|e| Some((e.reference.as_deref()?, *e)))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT c.reference, r.line, r.original_reference FROM imported_rows r
         JOIN complaints c ON c.id = r.complaint_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut with_rows = 0usize;
    while let Some(r) = rows.next()? {
        with_rows += 1;
        let reference: String = r.get(0)?;
        let line: i64 = r.get(1)?;
        let original: Option<String> = r.get(2)?;
        let ok = rows_events.get(reference.as_str()).is_some_and(|e| {
            // An anonymised complaint's event keeps only what identifies no one.
            redacted(e)
                || (field(e, "line") == json!(line)
                    && field(e, "originalReference") == json!(original))
        });
        if !ok {
            out.push((
                "import",
                Some(reference.clone()),
                format!(
                    "réclamation {reference} : sa ligne d'import ne correspond pas au journal \
                     ({BEHIND})"
                ),
            ));
        }
    }
    if with_rows < rows_events.len() {
        out.push((
            "import",
            None,
            format!(
                "{} ligne(s) importée(s) journalisée(s) mais absente(s) du registre",
                rows_events.len() - with_rows
            ),
        ));
    }
    out.extend(requests_against_journal(conn, &events)?);
    out.extend(file_rows_against_journal(conn, &events)?);
    Ok(out)
}

/// Exchanges and dispute steps: each row what its complaint's event says (an anonymised
/// complaint's event keeps only what identifies no one), each event's row still there.
fn file_rows_against_journal(conn: &Connection, events: &[&Event]) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    for (table, kind, id_key, what, sql) in [
        (
            "exchange",
            "exchange",
            "exchangeId",
            "échange",
            "SELECT x.id, c.reference, x.on_date, x.summary, x.recorded_by,
                json_object('direction', x.direction, 'channel', x.channel)
             FROM exchanges x JOIN complaints c ON c.id = x.complaint_id",
        ),
        (
            "disputeStep",
            "disputeStep",
            "stepId",
            "étape de litige",
            "SELECT s.id, c.reference, s.on_date, s.summary, s.recorded_by,
                json_object('step', s.kind, 'expectedOn', s.expected_on,
                    'fromLawyer', CASE WHEN s.from_lawyer = 1 THEN json('true') END)
             FROM dispute_steps s JOIN complaints c ON c.id = s.complaint_id",
        ),
    ] {
        let journaled: HashMap<i64, &Event> = events
            .iter()
            .filter(|e| e.kind == kind)
            .filter_map(|e| Some((e.data.get(id_key)?.as_i64()?, *e)))
            .collect();
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut seen = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            seen.push(id);
            let reference: String = r.get(1)?;
            let on: String = r.get(2)?;
            let summary: String = r.get(3)?;
            let by: String = r.get(4)?;
            let rest: Value = serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default();
            let ok = journaled.get(&id).is_some_and(|e| {
                e.reference.as_deref() == Some(reference.as_str())
                    && e.actor == by
                    && field(e, "on") == json!(on)
                    && same_text(e, "summary", &json!(summary))
                    && rest.as_object().is_some_and(|m| {
                        // A redacted event keeps only some keys: the others are not compared.
                        m.iter().all(|(k, v)| {
                            (redacted(e) && e.data.get(k).is_none()) || field(e, k) == *v
                        })
                    })
            });
            if !ok {
                out.push((
                    table,
                    Some(reference.clone()),
                    format!(
                        "réclamation {reference} : {what} n° {id} ne correspond pas au journal \
                         ({BEHIND})"
                    ),
                ));
            }
        }
        for (id, e) in &journaled {
            if !seen.contains(id) {
                out.push((
                    table,
                    e.reference.clone(),
                    format!("{what} n° {id} : journalisé mais absent du registre"),
                ));
            }
        }
    }
    Ok(out)
}

/// Requests for information: recorded (from a complaint requalified, or typed), closed,
/// requalified as a complaint; each row what its events say.
fn requests_against_journal(conn: &Connection, events: &[&Event]) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    let mut journaled: BTreeMap<i64, Value> = BTreeMap::new();
    for e in events {
        let Some(id) = e.data.get("requestId").and_then(Value::as_i64) else {
            continue;
        };
        match e.kind.as_str() {
            "requestRecorded" => {
                journaled.insert(
                    id,
                    json!({ "clientName": field(e, "clientName"), "channel": field(e, "channel"),
                        "receivedOn": field(e, "receivedOn"),
                        "description": field(e, "description"), "recordedBy": e.actor,
                        "fromComplaint": field(e, "fromComplaint"), "closedOn": null,
                        "closingNote": null, "toComplaint": null }),
                );
            }
            "requestClosed" => {
                if let Some(q) = journaled.get_mut(&id) {
                    q["closedOn"] = field(e, "on");
                    q["closingNote"] = field(e, "note");
                }
            }
            "requestRequalified" => {
                if let Some(q) = journaled.get_mut(&id) {
                    q["toComplaint"] = field(e, "reference");
                }
            }
            _ => {}
        }
    }
    // Requests anonymised past the retention period: their events keep only their ids.
    let anonymised: Vec<i64> = events
        .iter()
        .filter(|e| e.kind == "anonymised" && e.reference.is_none())
        .filter_map(|e| e.data.get("requests").and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_i64)
        .collect();
    let mut seen = Vec::new();
    for q in super::requests::all(conn)? {
        seen.push(q.id);
        let ok = if anonymised.contains(&q.id) {
            use super::retention::{ANONYMISED_NAME, REDACTED_TEXT};
            let redacted_text = |t: &str| t.is_empty() || t == REDACTED_TEXT;
            journaled.contains_key(&q.id)
                && q.client_name == ANONYMISED_NAME
                && redacted_text(&q.description)
                && q.closing_note.as_deref().is_none_or(redacted_text)
        } else {
            let row = json!({ "clientName": q.client_name, "channel": q.channel,
                "receivedOn": q.received_on, "description": q.description,
                "recordedBy": q.recorded_by, "fromComplaint": q.from_complaint,
                "closedOn": q.closed_on, "closingNote": q.closing_note,
                "toComplaint": q.to_complaint });
            journaled.get(&q.id) == Some(&row)
        };
        if !ok {
            out.push((
                "request",
                None,
                format!(
                    "demande d'information n° {} : ne correspond pas au journal ({BEHIND})",
                    q.id
                ),
            ));
        }
    }
    for id in journaled.keys().filter(|id| !seen.contains(id)) {
        out.push((
            "request",
            None,
            format!("demande d'information n° {id} : journalisée mais absente du registre"),
        ));
    }
    Ok(out)
}
