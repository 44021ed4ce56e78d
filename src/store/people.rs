//! The firm's people as stored: credentials (an Argon2id PHC string per user, with the count
//! of failed attempts in a row), and the changes a manager makes to a user. Who may make them
//! is the register's rule; this module keeps the rows and journals every change, never a
//! secret nor its hash.

use super::{actor_name, journal, Store};
use crate::complaint::{Money, Role};
use crate::error::Result;
use crate::firm::User;
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

/// A user's stored credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub phc: String,
    pub failures: u32,
    pub last_failure_at: Option<DateTime<Utc>>,
}

/// What a manager changes on a user: role, signing right, personal limit (`Some(None)`: back
/// to the role's default), active.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserChange {
    pub role: Option<Role>,
    pub can_sign: Option<bool>,
    pub max_gesture: Option<Option<Money>>,
    pub active: Option<bool>,
}

impl Store {
    /// Whether any user of the register has credentials (then everyone signs in).
    pub fn any_credentials(&self) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM credentials)")?
            .query_row([], |r| r.get(0))?)
    }

    pub fn credentials(&self, user_id: i64) -> Result<Option<Credentials>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT phc, failures, last_failure_at FROM credentials WHERE user_id = ?1",
            )?
            .query_row([user_id], |r| {
                Ok(Credentials {
                    phc: r.get(0)?,
                    failures: r.get(1)?,
                    last_failure_at: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Store a user's new secret (its Argon2id hash), journaled as `credentialsSet` without
    /// the hash: who set it, for whom, and whether it was a reset by someone else.
    pub fn set_credentials(&mut self, user: &User, phc: &str, actor: &str) -> Result<()> {
        let actor = actor_name(actor)?;
        self.write(|tx, w| insert_credentials(tx, w, user, phc, &actor))
    }

    /// Count a failed sign-in (not journaled: the journal records what the register
    /// decided, and a wrong password decides nothing).
    pub fn record_sign_in_failure(&mut self, user_id: i64) -> Result<u32> {
        self.write(|tx, w| {
            Ok(tx
                .prepare_cached(
                    "UPDATE credentials SET failures = failures + 1, last_failure_at = ?2
                     WHERE user_id = ?1 RETURNING failures",
                )?
                .query_row(params![user_id, w.now()], |r| r.get(0))?)
        })
    }

    /// A successful sign-in clears the failures.
    pub fn clear_sign_in_failures(&mut self, user_id: i64) -> Result<()> {
        self.write(|tx, _| {
            tx.prepare_cached(
                "UPDATE credentials SET failures = 0, last_failure_at = NULL
                 WHERE user_id = ?1 AND failures > 0",
            )?
            .execute([user_id])?;
            Ok(())
        })
    }

    /// Change a user (journaled as `userChanged` with each changed field before and after).
    /// Returns whether anything changed.
    pub fn change_user(&mut self, user: &User, change: &UserChange, actor: &str) -> Result<bool> {
        let actor = actor_name(actor)?;
        let mut fields = serde_json::Map::new();
        let role = change.role.unwrap_or(user.role);
        if role != user.role {
            fields.insert("role".into(), json!({ "before": user.role, "after": role }));
        }
        let can_sign = change.can_sign.unwrap_or(user.can_sign);
        if can_sign != user.can_sign {
            fields.insert(
                "canSign".into(),
                json!({ "before": user.can_sign, "after": can_sign }),
            );
        }
        let max = change.max_gesture.unwrap_or(user.max_gesture);
        if max != user.max_gesture {
            fields.insert(
                "maxGesture".into(),
                json!({ "before": user.max_gesture, "after": max }),
            );
        }
        let active = change.active.unwrap_or(user.active);
        if active != user.active {
            fields.insert(
                "active".into(),
                json!({ "before": user.active, "after": active }),
            );
        }
        if fields.is_empty() {
            return Ok(false);
        }
        self.write(|tx, w| {
            tx.prepare_cached(
                "UPDATE users SET role = ?2, can_sign = ?3, max_gesture = ?4, active = ?5
                 WHERE id = ?1",
            )?
            .execute(params![
                user.id,
                role.as_str(),
                can_sign,
                max.map(|m| m.to_string()),
                active
            ])?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "userChanged",
                json!({ "userId": user.id, "name": user.name, "changes": fields }),
                None,
            )?;
            Ok(())
        })?;
        Ok(true)
    }
}

/// Store a user's secret hash and journal `credentialsSet`, in the caller's transaction.
pub(crate) fn insert_credentials(
    tx: &rusqlite::Connection,
    w: &super::Writer,
    user: &User,
    phc: &str,
    actor: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO credentials (user_id, phc, set_at, failures, last_failure_at)
         VALUES (?1, ?2, ?3, 0, NULL)
         ON CONFLICT (user_id) DO UPDATE SET phc = excluded.phc,
            set_at = excluded.set_at, failures = 0, last_failure_at = NULL",
    )?
    .execute(params![user.id, phc, w.now()])?;
    let reset = actor.to_lowercase() != user.name.to_lowercase();
    journal::append(
        tx,
        None,
        w.now(),
        actor,
        "credentialsSet",
        json!({ "userId": user.id, "name": user.name, "reset": reset }),
        None,
    )?;
    Ok(())
}

/// The schema that brought the seed's authority matrix as the default.
pub(crate) const MATRIX_SCHEMA: i64 = 10;

/// A register from before the matrix that already has users keeps the ceilings it worked with
/// (advisor 20 EUR, supervisor 100 EUR) until a manager changes them: written as settings and
/// journaled, like any change of the firm's rules.
pub(crate) fn keep_old_ceilings(conn: &mut rusqlite::Connection, now: DateTime<Utc>) -> Result<()> {
    let tx = conn.transaction()?;
    let has_users: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?;
    if has_users {
        for (key, value) in [
            ("authority.advisor", "20.00"),
            ("authority.supervisor", "100.00"),
        ] {
            let set: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)",
                [key],
                |r| r.get(0),
            )?;
            if set {
                continue;
            }
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                [key, value],
            )?;
            journal::append(
                &tx,
                None,
                now,
                "Reclam",
                "setting",
                json!({ "key": key, "before": null, "after": value,
                        "why": "seuils en vigueur avant la matrice d'autorité, conservés" }),
                None,
            )?;
        }
    }
    tx.commit()?;
    Ok(())
}
