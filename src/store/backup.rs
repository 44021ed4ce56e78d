//! Backups of the register: SQLite's online backup API (a consistent copy even while the app
//! writes), written to a temporary file and renamed into place, so that a backup folder never
//! holds a half-written copy.
//!
//! * automatic: once a day when the app runs, and before every schema migration;
//! * rotated: the last 7 daily copies, the last copy of each of the last 4 weeks and of the
//!   last 12 months are kept, the others removed (only files named like automatic backups);
//! * manual: `reclam backup --out FILE`, or "Sauvegarder maintenant" in the app;
//! * restore: the file is checked (SQLite integrity, schema version, the journal's chain and
//!   every hash, on a scratch copy) before anything is replaced, and the replaced register is
//!   kept beside it.

use super::Store;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The settings key of the backup folder (empty: `sauvegardes` beside the register).
pub const FOLDER_KEY: &str = "backup.folder";
/// Automatic backups are named `<prefix><date>.db`.
const DAILY_PREFIX: &str = "registre_";

/// What a backup folder holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: String,
    pub name: String,
    pub size: u64,
    /// The day of an automatic backup (from its name).
    pub day: Option<NaiveDate>,
}

/// The default folder: `sauvegardes` beside the register file.
pub fn default_folder(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("sauvegardes")
}

/// Copy the database of `conn` to `dest` with the online backup API, through a temporary file
/// in the same folder renamed at the end (never a half-written backup under the final name).
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.partiel",
        dest.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "sauvegarde".to_owned())
    ));
    let _ = std::fs::remove_file(&tmp);
    {
        let mut out = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        // All pages in one step: one read transaction, hence one consistent snapshot even if
        // another connection writes meanwhile (WAL lets it).
        loop {
            match backup.step(-1)? {
                rusqlite::backup::StepResult::Done => break,
                _ => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
        drop(backup);
        // A self-contained file: no WAL beside it.
        out.pragma_update(None, "journal_mode", "DELETE")?;
    }
    super::restrict_permissions(&tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// The days to keep among those of the automatic backups: the last 7, the latest of each of
/// the last 4 ISO weeks, the latest of each of the last 12 months.
pub fn to_keep(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut sorted: Vec<NaiveDate> = days.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    let mut keep: BTreeSet<NaiveDate> = sorted.iter().take(7).copied().collect();
    let mut weeks = Vec::new();
    let mut months = Vec::new();
    for d in &sorted {
        let w = d.iso_week();
        let week = (w.year(), w.week());
        if !weeks.contains(&week) && weeks.len() < 4 {
            weeks.push(week);
            keep.insert(*d);
        }
        let month = (d.year(), d.month());
        if !months.contains(&month) && months.len() < 12 {
            months.push(month);
            keep.insert(*d);
        }
    }
    keep
}

/// The backups in a folder, newest first.
pub fn list(folder: &Path) -> Result<Vec<BackupFile>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".db") || name.starts_with('.') {
            continue;
        }
        out.push(BackupFile {
            path: entry.path().display().to_string(),
            size: entry.metadata()?.len(),
            day: daily_day(&name),
            name,
        });
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

fn daily_day(name: &str) -> Option<NaiveDate> {
    let day = name.strip_prefix(DAILY_PREFIX)?.strip_suffix(".db")?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

impl Store {
    /// The backup folder: the setting, or `sauvegardes` beside the register.
    pub fn backup_folder(&self) -> Result<PathBuf> {
        Ok(match self.setting(FOLDER_KEY)? {
            Some(f) if !f.trim().is_empty() => PathBuf::from(f.trim()),
            _ => default_folder(self.path()),
        })
    }

    /// A backup to `dest` (manual backup).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest == self.path() {
            return Err(crate::complaint::ValidationError::new(
                "out",
                "la sauvegarde ne peut pas remplacer le registre lui-même",
            )
            .into());
        }
        copy_to(self.conn(), dest)
    }

    /// The automatic backup of the day, if none was made today, then the rotation. Returns
    /// the file written (or `None`: today's backup already exists).
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let folder = self.backup_folder()?;
        let today = self.today();
        let dest = folder.join(format!("{DAILY_PREFIX}{}.db", today.format("%Y-%m-%d")));
        let written = if dest.exists() {
            None
        } else {
            copy_to(self.conn(), &dest)?;
            Some(dest)
        };
        rotate(&folder)?;
        Ok(written)
    }
}

/// Remove the automatic backups the rotation does not keep (other files are never touched).
pub fn rotate(folder: &Path) -> Result<Vec<PathBuf>> {
    let files = list(folder)?;
    let days: Vec<NaiveDate> = files.iter().filter_map(|f| f.day).collect();
    let keep = to_keep(&days);
    let mut removed = Vec::new();
    for f in files {
        if let Some(day) = f.day {
            if !keep.contains(&day) {
                std::fs::remove_file(&f.path)?;
                removed.push(PathBuf::from(f.path));
            }
        }
    }
    Ok(removed)
}

/// Before a schema migration: a copy of the register as it is, named after its version.
pub(super) fn before_migration(
    conn: &Connection,
    db: &Path,
    version: i64,
    clock: &dyn crate::clock::Clock,
) -> Result<PathBuf> {
    let folder = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [FOLDER_KEY],
            |r| r.get::<_, String>(0),
        )
        .ok()
        .filter(|f| !f.trim().is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| default_folder(db));
    let dest = folder.join(format!(
        "avant-mise-a-jour_schema-{version}_{}.db",
        clock
            .now()
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d_%H%M%S")
    ));
    copy_to(conn, &dest)?;
    Ok(dest)
}

/// What the app's start-up maintenance of the firm's register found: a quick integrity check
/// of the file, then the daily backup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Maintenance {
    /// False while it runs.
    pub done: bool,
    /// The file is damaged: what SQLite says.
    pub integrity_error: Option<String>,
    /// The backup this start wrote (none if today's already existed).
    pub backup_written: Option<String>,
    pub backup_error: Option<String>,
}

/// The backup folder, its files and the start-up maintenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub folder: String,
    pub files: Vec<BackupFile>,
    pub maintenance: Maintenance,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// Where the replaced register was kept.
    pub replaced_kept_as: Option<String>,
    pub events: u32,
    pub complaints: u32,
    pub head: Option<String>,
}

fn refused(message: String) -> Error {
    crate::complaint::ValidationError::new("file", message).into()
}

/// Check a backup file without changing it: a SQLite database, intact, of a schema this
/// version knows, whose proof verifies (on a scratch copy, migrated if it is older).
pub fn check(
    file: &Path,
    clock: Arc<dyn crate::clock::Clock>,
) -> Result<super::verify::VerifyReport> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| refused(format!("« {} » ne s'ouvre pas : {e}", file.display())))?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| {
            refused(format!(
                "« {} » n'est pas une base Reclam lisible",
                file.display()
            ))
        })?;
    if integrity != "ok" {
        return Err(refused(format!(
            "la sauvegarde « {} » est endommagée ({integrity})",
            file.display()
        )));
    }
    let scratch = scratch();
    copy_to(&conn, &scratch.0)?;
    drop(conn);
    let report = Store::open(&scratch.0, clock)
        .and_then(|s| s.verify())
        .map_err(|e| match e {
            Error::TooNew { .. } | Error::NotADatabase { .. } => e,
            other => refused(format!(
                "la sauvegarde « {} » ne peut pas être vérifiée : {other}",
                file.display()
            )),
        })?;
    if !report.ok {
        return Err(Error::Tampered(format!(
            "la sauvegarde « {} » ne passe pas la vérification : {}",
            file.display(),
            report.findings[0].message
        )));
    }
    Ok(report)
}

/// A scratch file in the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

fn scratch() -> Scratch {
    let name = format!(
        "reclam-verification-{}-{}.db",
        std::process::id(),
        fastrand::u64(..)
    );
    Scratch(std::env::temp_dir().join(name))
}

/// Replace the register at `db` by the backup `file`, after [`check`]. The register replaced
/// is kept beside it as `<name>.remplace-<date>.db`. No connection to `db` may be open.
pub fn restore(
    file: &Path,
    db: &Path,
    clock: Arc<dyn crate::clock::Clock>,
) -> Result<RestoreReport> {
    if file == db {
        return Err(refused(
            "la sauvegarde choisie est le registre lui-même".to_owned(),
        ));
    }
    let stamp = clock
        .now()
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d_%H%M%S")
        .to_string();
    let report = check(file, clock)?;
    let mut kept = None;
    if db.exists() {
        let stem = db
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "registre".to_owned());
        let keep = db.with_file_name(format!("{stem}.remplace-{stamp}.db"));
        // A consistent copy of the current register (its WAL included), then the swap.
        let current = Connection::open(db)?;
        copy_to(&current, &keep)?;
        drop(current);
        kept = Some(keep.display().to_string());
    }
    let source = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let staged = db.with_file_name(format!(
        ".{}.restauration",
        db.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    copy_to(&source, &staged)?;
    drop(source);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::rename(&staged, db)?;
    Ok(RestoreReport {
        replaced_kept_as: kept,
        events: report.events,
        complaints: report.complaints,
        head: report.head,
    })
}
