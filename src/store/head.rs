//! The journal's head kept beside the register (`<register>.head`: the last event's id and
//! hash), so that deleting the last events of the journal is noticed: the file's own chain
//! still verifies after such a deletion, but no longer reaches the head recorded here.
//!
//! Written after every committed write (atomically, without fsync: after a crash it may lag
//! behind the register, never run ahead of it); compared by `verify`; rewritten when a backup
//! replaces the register.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// The file beside the register.
pub fn path_of(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".head");
    db.with_file_name(name)
}

/// The last event of the journal: its id (the journal's length, ids being contiguous) and
/// its hash.
pub fn last(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Record the journal's head beside the register, with the register's identity. A failure
/// to write it never fails the change itself (the register is the record; this file only
/// helps notice a truncation). A head the journal no longer reaches is kept as it is: the
/// next write must not erase the evidence of a truncation.
pub fn record(db: &Path, conn: &Connection) {
    let Ok(Some((id, hash))) = last(conn) else {
        return;
    };
    if matches!(check(db, conn), Ok(Some(_))) {
        return;
    }
    let identity = super::identity::read(conn)
        .ok()
        .flatten()
        .unwrap_or_default();
    let target = path_of(db);
    // One scratch name per process: the app and the CLI may write the same register.
    let tmp = target.with_extension(format!("head.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, format!("{id} {hash} {identity}\n")).is_ok()
        && std::fs::rename(&tmp, &target).is_err()
    {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The head recorded beside the register (id, hash, register identity), if any.
pub fn read(db: &Path) -> Option<(i64, String, String)> {
    let text = std::fs::read_to_string(path_of(db)).ok()?;
    let mut parts = text.split_whitespace();
    let id = parts.next()?.parse().ok()?;
    let hash = parts.next()?.to_owned();
    let identity = parts.next().unwrap_or_default().to_owned();
    Some((id, hash, identity))
}

/// What the recorded head says of the journal: `None` when it is reached, else a French
/// finding (the journal lost its last events, or its chain was rewritten).
pub fn check(db: &Path, conn: &Connection) -> Result<Option<String>> {
    let Some((id, hash, identity)) = read(db) else {
        return Ok(None);
    };
    // The head of another register (the file deleted and started over, another register
    // copied in its place): it says nothing of this one.
    let ours = super::identity::read(conn)?.unwrap_or_default();
    if !identity.is_empty() && identity != ours {
        return Ok(None);
    }
    let found: Option<String> = conn
        .query_row("SELECT hash FROM events WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    Ok(match found {
        Some(h) if h == hash => None,
        Some(_) => Some(format!(
            "le journal a été réécrit : son événement n° {id} n'est plus celui enregistré à côté \
             du registre ({})",
            path_of(db).display()
        )),
        None => {
            let now = last(conn)?.map(|(n, _)| n).unwrap_or(0);
            Some(format!(
                "le journal a perdu ses derniers événements : il en comptait au moins {id}, il \
                 n'en a plus que {now} (tête enregistrée dans {})",
                path_of(db).display()
            ))
        }
    })
}
