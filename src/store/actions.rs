//! Corrective actions: decided from complaints and the dysfunctions found on them, with an
//! owner, a due date and a status, every change journaled. Late ones come first.

use super::{actor_name, complaints, journal, Store};
use crate::complaint::input::{required, MAX_LINE, MAX_TEXT};
use crate::complaint::{
    ActionEdit, ActionKind, ActionStatus, ComplaintRef, CorrectiveAction, DysfunctionEntry,
    NewCorrectiveAction, ValidationError,
};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use crate::complaint::corrective::{is_open, next_statuses};

impl Store {
    /// Record a corrective action and its links (journaled).
    pub fn add_action(&mut self, a: &NewCorrectiveAction, actor: &str) -> Result<CorrectiveAction> {
        let description = required("description", &a.description, MAX_TEXT, true)?;
        let owner = required("owner", &a.owner, MAX_LINE, false)?;
        crate::calendar::check_year(a.due_on)
            .map_err(|e| ValidationError::new("dueOn", e.to_string()))?;
        let actor = actor_name(actor)?;
        let id =
            self.write(|tx, w| {
                let mut complaint_ids = Vec::new();
                for r in &a.complaints {
                    let reference: ComplaintRef =
                        r.parse().map_err(|e: crate::complaint::BadRef| {
                            ValidationError::new("complaints", e.to_string())
                        })?;
                    complaint_ids.push(complaints::load(tx, &reference)?.0);
                }
                for d in &a.dysfunctions {
                    let exists: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM dysfunctions WHERE id = ?1)",
                        [d],
                        |r| r.get(0),
                    )?;
                    if !exists {
                        return Err(ValidationError::new(
                            "dysfunctions",
                            format!("dysfonctionnement n° {d} introuvable"),
                        )
                        .into());
                    }
                }
                tx.execute(
                "INSERT INTO corrective_actions (description, owner, due_on, status, created_by,
                    created_at, kind) VALUES (?1, ?2, ?3, 'planned', ?4, ?5, ?6)",
                params![description, owner, a.due_on, actor, w.now(), a.kind.as_str()],
            )?;
                let id = tx.last_insert_rowid();
                for c in &complaint_ids {
                    tx.execute(
                        "INSERT INTO action_links (action_id, complaint_id) VALUES (?1, ?2)",
                        params![id, c],
                    )?;
                }
                for d in &a.dysfunctions {
                    tx.execute(
                        "INSERT INTO action_links (action_id, dysfunction_id) VALUES (?1, ?2)",
                        params![id, d],
                    )?;
                }
                journal::append(
                    tx,
                    None,
                    w.now(),
                    &actor,
                    "actionAdded",
                    {
                        let mut data = json!({ "actionId": id, "description": description,
                        "owner": owner, "dueOn": a.due_on, "complaints": a.complaints,
                        "dysfunctions": a.dysfunctions });
                        if a.kind != ActionKind::Corrective {
                            data["kind"] = json!(a.kind);
                        }
                        data
                    },
                    None,
                )?;
                Ok(id)
            })?;
        self.action(id)
    }

    /// Move an action to another status (journaled with before and after).
    pub fn set_action_status(
        &mut self,
        id: i64,
        status: ActionStatus,
        actor: &str,
    ) -> Result<CorrectiveAction> {
        let before = self.action(id)?.status;
        let actor = actor_name(actor)?;
        if before == status {
            return self.action(id);
        }
        if !next_statuses(before).contains(&status) {
            return Err(ValidationError::new(
                "status",
                format!(
                    "l'action est « {} » : elle ne change plus de statut",
                    before.label()
                ),
            )
            .into());
        }
        self.write(|tx, w| {
            tx.execute(
                "UPDATE corrective_actions SET status = ?2 WHERE id = ?1",
                params![id, status.as_str()],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "actionStatus",
                json!({ "actionId": id, "before": before, "after": status }),
                None,
            )?;
            Ok(())
        })?;
        self.action(id)
    }

    /// Correct an action still open: its text, owner and due date (journaled before/after).
    /// The rules on the values (a due date to come...) are the register's.
    pub fn edit_action(
        &mut self,
        id: i64,
        edit: &ActionEdit,
        actor: &str,
    ) -> Result<CorrectiveAction> {
        let before = self.action(id)?;
        if !is_open(before.status) {
            return Err(ValidationError::new(
                "status",
                format!(
                    "l'action est « {} » : elle ne se modifie plus",
                    before.status.label()
                ),
            )
            .into());
        }
        let description = required("description", &edit.description, MAX_TEXT, true)?;
        let owner = required("owner", &edit.owner, MAX_LINE, false)?;
        crate::calendar::check_year(edit.due_on)
            .map_err(|e| ValidationError::new("dueOn", e.to_string()))?;
        let actor = actor_name(actor)?;
        let mut changes = serde_json::Map::new();
        for (key, old, new) in [
            ("description", json!(before.description), json!(description)),
            ("owner", json!(before.owner), json!(owner)),
            ("dueOn", json!(before.due_on), json!(edit.due_on)),
        ] {
            if old != new {
                changes.insert(key.into(), json!({ "before": old, "after": new }));
            }
        }
        if changes.is_empty() {
            return Ok(before);
        }
        self.write(|tx, w| {
            tx.execute(
                "UPDATE corrective_actions SET description = ?2, owner = ?3, due_on = ?4
                 WHERE id = ?1",
                params![id, description, owner, edit.due_on],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "actionEdited",
                json!({ "actionId": id, "changes": changes }),
                None,
            )?;
            Ok(())
        })?;
        self.action(id)
    }

    /// One action.
    pub fn action(&self, id: i64) -> Result<CorrectiveAction> {
        self.actions()?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::NotFound(format!("action corrective n° {id}")))
    }

    /// Every corrective action: late ones first, then by due date.
    pub fn actions(&self) -> Result<Vec<CorrectiveAction>> {
        let today = self.today();
        let conn = self.conn();
        let mut out: Vec<CorrectiveAction> = conn
            .prepare_cached(
                "SELECT id, description, owner, due_on, status, kind FROM corrective_actions
                 ORDER BY id",
            )?
            .query_map([], |r| {
                let status: ActionStatus = complaints::vocab(r, 4)?;
                let due_on: NaiveDate = r.get(3)?;
                Ok(CorrectiveAction {
                    id: r.get(0)?,
                    kind: complaints::vocab(r, 5)?,
                    description: r.get(1)?,
                    owner: r.get(2)?,
                    due_on,
                    late: is_open(status) && due_on < today,
                    next_statuses: next_statuses(status),
                    status,
                    complaints: Vec::new(),
                    dysfunctions: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut links = conn.prepare_cached(
            "SELECT l.action_id, c.reference, l.dysfunction_id FROM action_links l
             LEFT JOIN complaints c ON c.id = l.complaint_id ORDER BY l.rowid",
        )?;
        let mut rows = links.query([])?;
        while let Some(r) = rows.next()? {
            let action: i64 = r.get(0)?;
            let reference: Option<String> = r.get(1)?;
            let dysfunction: Option<i64> = r.get(2)?;
            if let Some(a) = out.iter_mut().find(|a| a.id == action) {
                a.complaints.extend(reference);
                a.dysfunctions.extend(dysfunction);
            }
        }
        out.sort_by_key(|a| (!a.late, !is_open(a.status), a.due_on, a.id));
        Ok(out)
    }

    /// Every dysfunction of the register, newest first, with the actions linked to it.
    pub fn dysfunction_log(&self) -> Result<Vec<DysfunctionEntry>> {
        let conn = self.conn();
        let mut out: Vec<DysfunctionEntry> = conn
            .prepare_cached(
                "SELECT d.id, c.reference, d.category, d.description, d.found_on,
                    (SELECT group_concat(l.action_id) FROM action_links l
                     WHERE l.dysfunction_id = d.id)
                 FROM dysfunctions d JOIN complaints c ON c.id = d.complaint_id
                 ORDER BY d.found_on DESC, d.id DESC",
            )?
            .query_map([], |r| {
                let actions: Option<String> = r.get(5)?;
                Ok(DysfunctionEntry {
                    id: r.get(0)?,
                    reference: r.get(1)?,
                    category: complaints::vocab(r, 2)?,
                    description: r.get(3)?,
                    found_on: r.get(4)?,
                    actions: actions
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|a| a.parse().ok())
                        .collect(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.shrink_to_fit();
        Ok(out)
    }
}
