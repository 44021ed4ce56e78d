//! The register's identity: a random id created with the register and journaled, which every
//! backup carries (in its name and its content).

use super::journal;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde_json::json;

/// The journal's author of what the software itself records.
pub const SYSTEM_ACTOR: &str = "Reclam";
/// The event that records the identity.
pub const EVENT_KIND: &str = "registerIdentity";

/// The identity of the register behind `conn`, if it has one.
pub fn read(conn: &Connection) -> Result<Option<String>> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'register_identity'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(None);
    }
    Ok(conn
        .query_row("SELECT id FROM register_identity", [], |r| r.get(0))
        .optional()?)
}

/// A new id: 128 random bits, as 32 hexadecimal digits.
pub fn new_id() -> String {
    format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..))
}

/// The register's identity, created and journaled (in one transaction) if it has none yet.
/// A register that cannot be written (read-only file) is opened without one.
pub fn ensure(conn: &mut Connection, now: chrono::DateTime<chrono::Utc>) -> Result<Option<String>> {
    if let Some(id) = read(conn)? {
        return Ok(Some(id));
    }
    let id = new_id();
    let mut write = || -> Result<()> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have created it meanwhile: keep theirs.
        if read(&tx)?.is_some() {
            return Ok(());
        }
        let at = journal::format_instant(now);
        tx.execute(
            "INSERT INTO register_identity (singleton, id, created_at) VALUES (1, ?1, ?2)",
            [&id, &at],
        )?;
        journal::append(
            &tx,
            None,
            now,
            SYSTEM_ACTOR,
            EVENT_KIND,
            json!({ "registerId": id }),
            None,
        )?;
        tx.commit()?;
        Ok(())
    };
    match write() {
        Ok(()) => read(conn),
        Err(crate::Error::Database(rusqlite::Error::SqliteFailure(f, _)))
            if matches!(
                f.code,
                rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::DiskFull
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// A short form of the id for file names (its first 8 digits).
pub fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}
