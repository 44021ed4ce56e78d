//! A workstation's side of the firm's shared register (migration 0011): where it stands in
//! the firm's journal, the changes it has not pushed yet, the conflicts flagged for review,
//! the reference numbers leased to it, and who signed in here while online. None of it is
//! register content (the server holds that); the register's tables are the cache.

use super::Store;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// A change made here that the server has not ordered yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEntry {
    pub device_seq: i64,
    pub op_id: String,
    pub login: String,
    pub acted_at: String,
    pub acted_on: String,
    /// The last change of the firm's journal this workstation had applied when it acted.
    pub based_on: i64,
    pub kind: String,
    pub reference: Option<String>,
    pub payload: String,
}

/// A change of the firm's journal flagged for a person's review.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "SyncConflict")]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Its place in the firm's journal.
    pub seq: i64,
    pub author: String,
    pub acted_at: String,
    pub kind: String,
    pub reference: Option<String>,
    /// `refused`: it could not be applied (the complaint had moved on); `concurrent`: it was
    /// applied, but someone else had changed the complaint meanwhile (`other_seq`).
    pub reason: String,
    pub message: String,
    #[ts(type = "unknown")]
    pub payload: serde_json::Value,
    pub other_seq: Option<i64>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
    pub resolution: Option<String>,
}

/// The last change of the firm's journal to a complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct Touch {
    pub seq: i64,
    pub device: String,
    pub author: String,
}

/// What survives a rebuild of the cache from its checkpoint: the workstation's own counters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    pub state: Vec<(String, String)>,
    pub leases: Vec<(i64, i64, i64, i64)>,
    pub identities: Vec<(String, String, String, String, String)>,
}

/// The keys of `sync_state` a rebuild keeps (the rest follows the checkpoint).
const KEPT_KEYS: &[&str] = &["device", "nextDeviceSeq", "server", "firm", "lastOnline"];

impl Store {
    pub fn sync_value(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_sync_value(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([key, value])?;
        Ok(())
    }

    pub fn clear_sync_value(&self, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sync_state WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }

    /// Whether this register is a workstation's cache of a shared register.
    pub fn is_cache(&self) -> Result<bool> {
        Ok(self.sync_value("firm")?.is_some())
    }

    pub fn add_to_outbox(&self, e: &OutboxEntry) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_outbox (device_seq, op_id, login, acted_at, acted_on, based_on,
                    kind, reference, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                e.device_seq,
                e.op_id,
                e.login,
                e.acted_at,
                e.acted_on,
                e.based_on,
                e.kind,
                e.reference,
                e.payload
            ])?;
        Ok(())
    }

    /// The changes not pushed yet, oldest first.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT device_seq, op_id, login, acted_at, acted_on, based_on, kind, reference,
                    payload FROM sync_outbox ORDER BY device_seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OutboxEntry {
                device_seq: r.get(0)?,
                op_id: r.get(1)?,
                login: r.get(2)?,
                acted_at: r.get(3)?,
                acted_on: r.get(4)?,
                based_on: r.get(5)?,
                kind: r.get(6)?,
                reference: r.get(7)?,
                payload: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn outbox_len(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?)
    }

    /// The server has ordered it: it leaves the outbox.
    pub fn remove_from_outbox(&self, op_id: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sync_outbox WHERE op_id = ?1")?
            .execute([op_id])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn add_conflict(
        &self,
        seq: i64,
        op_id: &str,
        author: &str,
        acted_at: &str,
        kind: &str,
        reference: Option<&str>,
        reason: &str,
        message: &str,
        payload: &str,
        other_seq: Option<i64>,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO sync_conflicts (seq, op_id, author, acted_at, kind,
                    reference, reason, message, payload, other_seq)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                seq, op_id, author, acted_at, kind, reference, reason, message, payload, other_seq
            ])?;
        Ok(())
    }

    /// The conflicts, newest first; only those still to review with `open_only`.
    pub fn conflicts(&self, open_only: bool) -> Result<Vec<Conflict>> {
        let sql = format!(
            "SELECT seq, author, acted_at, kind, reference, reason, message, payload, other_seq,
                    resolved_by, resolved_at, resolution FROM sync_conflicts {} ORDER BY seq DESC",
            if open_only {
                "WHERE resolved_at IS NULL"
            } else {
                ""
            }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            let payload: String = r.get(7)?;
            Ok(Conflict {
                seq: r.get(0)?,
                author: r.get(1)?,
                acted_at: r.get(2)?,
                kind: r.get(3)?,
                reference: r.get(4)?,
                reason: r.get(5)?,
                message: r.get(6)?,
                payload: serde_json::from_str(&payload)
                    .unwrap_or(serde_json::Value::String(payload)),
                other_seq: r.get(8)?,
                resolved_by: r.get(9)?,
                resolved_at: r.get(10)?,
                resolution: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Mark a conflict reviewed; `false` when there is no such open conflict.
    pub fn resolve_conflict(&self, seq: i64, by: &str, at: &str, note: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE sync_conflicts SET resolved_by = ?2, resolved_at = ?3, resolution = ?4
                 WHERE seq = ?1 AND resolved_at IS NULL",
            )?
            .execute(params![seq, by, at, note])?
            == 1)
    }

    pub fn touch(&self, reference: &str) -> Result<Option<Touch>> {
        Ok(self
            .conn
            .prepare_cached("SELECT seq, device, author FROM sync_touches WHERE reference = ?1")?
            .query_row([reference], |r| {
                Ok(Touch {
                    seq: r.get(0)?,
                    device: r.get(1)?,
                    author: r.get(2)?,
                })
            })
            .optional()?)
    }

    pub fn set_touch(&self, reference: &str, t: &Touch) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_touches (reference, seq, device, author) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (reference) DO UPDATE SET seq = excluded.seq,
                    device = excluded.device, author = excluded.author",
            )?
            .execute(params![reference, t.seq, t.device, t.author])?;
        Ok(())
    }

    pub fn add_lease(&self, year: i32, first: i64, last: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sync_leases (year, first, last, next) VALUES (?1, ?2, ?3, ?2)",
            )?
            .execute(params![year, first, last])?;
        Ok(())
    }

    /// The numbers of `year` leased here and not handed out yet.
    pub fn lease_left(&self, year: i32) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(sum(last - next + 1), 0) FROM sync_leases WHERE year = ?1",
            [year],
            |r| r.get(0),
        )?)
    }

    /// Hand out the next leased number of `year`, if any is left.
    pub fn take_leased_number(&self, year: i32) -> Result<Option<i64>> {
        let found: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT first, next FROM sync_leases WHERE year = ?1 AND next <= last
                 ORDER BY first LIMIT 1",
                [year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((first, next)) = found else {
            return Ok(None);
        };
        self.conn.execute(
            "UPDATE sync_leases SET next = next + 1 WHERE year = ?1 AND first = ?2",
            params![year, first],
        )?;
        Ok(Some(next))
    }

    pub fn remember_identity(&self, login: &str, name: &str, role: &str, phc: &str) -> Result<()> {
        let at = super::journal::format_instant(self.clock.now());
        self.conn
            .prepare_cached(
                "INSERT INTO sync_identity (login, name, role, phc, at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (login) DO UPDATE SET name = excluded.name, role = excluded.role,
                    phc = excluded.phc, at = excluded.at",
            )?
            .execute(params![login, name, role, phc, at])?;
        Ok(())
    }

    /// Who signed in here as `login` while online: (name, role, password hash).
    pub fn remembered_identity(&self, login: &str) -> Result<Option<(String, String, String)>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name, role, phc FROM sync_identity WHERE login = ?1")?
            .query_row([login], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?)
    }

    /// What a rebuild keeps of this workstation's own counters.
    pub fn kept_sync_state(&self) -> Result<Kept> {
        let mut kept = Kept::default();
        for key in KEPT_KEYS {
            if let Some(v) = self.sync_value(key)? {
                kept.state.push(((*key).to_owned(), v));
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT year, first, last, next FROM sync_leases")?;
        kept.leases = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT login, name, role, phc, at FROM sync_identity")?;
        kept.identities = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(kept)
    }

    /// The last complaint number handed out, per year.
    pub fn reference_counters(&self) -> Result<Vec<(i32, i32)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT year, last FROM ref_counters ORDER BY year")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Forget every workstation's sync state held in this file (a register taken over from
    /// another desk: its outbox, conflicts, leases and identities are not this one's).
    pub fn forget_sync_state(&self) -> Result<()> {
        self.conn.execute_batch(
            "DELETE FROM sync_state; DELETE FROM sync_outbox; DELETE FROM sync_conflicts;
             DELETE FROM sync_touches; DELETE FROM sync_leases; DELETE FROM sync_identity;",
        )?;
        Ok(())
    }

    /// Leave the passwords out of this register (a copy moved to the firm's server, whose
    /// members sign in with their server login). The copy only: the rule that a password is
    /// never deleted stands for every register in use.
    pub fn forget_credentials(&self) -> Result<()> {
        self.conn.execute_batch(
            "DROP TRIGGER credentials_no_delete;
             DELETE FROM credentials;
             CREATE TRIGGER credentials_no_delete BEFORE DELETE ON credentials
             BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un accès : désactivez l''utilisateur'); END;",
        )?;
        Ok(())
    }

    /// Copy the cache as it is to `path` (the base a rebuild starts again from).
    pub fn save_checkpoint(&self, path: &Path) -> Result<()> {
        super::backup::copy_to(&self.conn, path)
    }

    /// Replace the cache by the checkpoint at `path`, then put back what `kept` holds (the
    /// workstation's counters, never behind what it handed out).
    pub fn restore_checkpoint(&mut self, path: &Path, kept: &Kept) -> Result<()> {
        // The cache's contents change under the connection: nothing computed from them holds.
        self.today_cache.clear();
        self.extract_memo.clear();
        self.conn.restore(
            rusqlite::MAIN_DB,
            path,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        let tx = self.conn.transaction()?;
        for (k, v) in &kept.state {
            tx.execute(
                "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [k, v],
            )?;
        }
        tx.execute("DELETE FROM sync_leases", [])?;
        for (year, first, last, next) in &kept.leases {
            tx.execute(
                "INSERT INTO sync_leases (year, first, last, next) VALUES (?1, ?2, ?3, ?4)",
                params![year, first, last, next],
            )?;
        }
        for (login, name, role, phc, at) in &kept.identities {
            tx.execute(
                "INSERT OR REPLACE INTO sync_identity (login, name, role, phc, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![login, name, role, phc, at],
            )?;
        }
        tx.commit()?;
        // The journal's head beside the register is the restored one's.
        let _ = std::fs::remove_file(super::head::path_of(&self.path));
        super::head::record(&self.path, &self.conn);
        let region = self
            .setting("region")?
            .and_then(|s| s.parse().ok())
            .unwrap_or_default();
        self.region = region;
        Ok(())
    }
}
