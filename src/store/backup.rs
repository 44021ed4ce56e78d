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
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The settings key of the backup folder (empty: `sauvegardes` beside the register).
pub const FOLDER_KEY: &str = "backup.folder";

/// What a backup folder holds, read from each file's name and content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: String,
    pub name: String,
    pub size: u64,
    /// The day of an automatic backup (from its name).
    pub day: Option<NaiveDate>,
    /// What the file holds (`None`: not a readable register).
    pub content: Option<BackupInfo>,
    /// A backup of the register that is open (same identity).
    pub this_register: bool,
}

/// What a register file holds: its identity, its firm, its size and its journal's head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The register's identity (`None`: a file made before registers had one).
    pub register_id: Option<String>,
    /// The firm's name in its settings (empty when not set).
    pub firm: String,
    pub complaints: u32,
    pub events: u32,
    /// The hash of the last event.
    pub head: Option<String>,
    /// When its last event was recorded (UTC, ISO 8601).
    pub last_event_at: Option<String>,
}

/// Read what a register file holds, without changing it (no verification of the chain).
pub fn inspect(file: &Path) -> Result<BackupInfo> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| refused(format!("« {} » ne s'ouvre pas : {e}", file.display())))?;
    let unreadable = |_| {
        refused(format!(
            "« {} » n'est pas une base Reclam lisible",
            file.display()
        ))
    };
    let (complaints, events): (u32, u32) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM events)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(unreadable)?;
    let (head, last_event_at): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT hash, at FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(unreadable)?
        .unwrap_or((None, None));
    let firm: String = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'firm.name'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(unreadable)?
        .unwrap_or_default();
    Ok(BackupInfo {
        register_id: super::identity::read(&conn)?,
        firm,
        complaints,
        events,
        head,
        last_event_at,
    })
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
/// The copy is read back before it is renamed: intact (`quick_check`), the same register
/// (identity), and at least the events the register had when the copy started. A copy that
/// does not read back is removed and reported, never counted as a backup.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    copy_to_with(conn, dest, &crate::progress::Silent)
}

/// Pages copied per step of the online backup (1 MiB of 4 KiB pages): the progress moves and a
/// cancellation is heard between steps.
pub const PAGES_PER_STEP: i32 = 256;

/// [`copy_to`], telling `progress` the pages copied ("Copie du registre") then the copy read
/// back ("Relecture de la copie"); cancelled, the partial file is removed and nothing is kept.
pub fn copy_to_with(
    conn: &Connection,
    dest: &Path,
    progress: &dyn crate::progress::Progress,
) -> Result<()> {
    const CANCELLED: &str = "sauvegarde annulée : aucun fichier n'a été écrit";
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
    let identity = super::identity::read(conn)?;
    let events = event_count(conn).unwrap_or(0);
    let copied = (|| -> Result<()> {
        // Owner-only before the first byte of the register is written into it (SQLite gives its
        // journal the same mode).
        super::create_private_file(&tmp)?;
        let mut out = Connection::open(&tmp)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        // In steps of a few MiB. The copy stays one consistent snapshot: SQLite mirrors into
        // it what this connection writes between steps, and starts again if another
        // connection writes.
        progress.stage("Copie du registre");
        loop {
            let step = backup.step(PAGES_PER_STEP)?;
            let p = backup.progress();
            let total = u64::try_from(p.pagecount).unwrap_or(0);
            let left = u64::try_from(p.remaining).unwrap_or(0);
            progress.step(total.saturating_sub(left), total);
            crate::progress::stop_if_asked(progress, CANCELLED)?;
            match step {
                rusqlite::backup::StepResult::Done => break,
                rusqlite::backup::StepResult::More => {}
                _ => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
        drop(backup);
        // A self-contained file: no WAL beside it.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    super::restrict_permissions(&tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    progress.stage("Relecture de la copie");
    if let Err(why) = read_back(&tmp, identity.as_deref(), events) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Io(std::io::Error::other(format!(
            "la copie « {} » ne se relit pas ({why}) : elle n'a pas été gardée",
            dest.display()
        ))));
    }
    std::fs::rename(&tmp, dest)?;
    Ok(())
}

/// The events of a register (0 for a file without a journal).
fn event_count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))
}

/// Read a fresh copy back: intact, the same identity, at least `events` events.
fn read_back(copy: &Path, identity: Option<&str>, events: u32) -> std::result::Result<(), String> {
    let conn = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    let quick: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if quick != "ok" {
        return Err(quick);
    }
    let copied = super::identity::read(&conn).map_err(|e| e.to_string())?;
    if copied.as_deref() != identity {
        return Err("identité du registre différente".to_owned());
    }
    if event_count(&conn).unwrap_or(0) < events {
        return Err("journal incomplet".to_owned());
    }
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

/// The backups in a folder, newest first, each with what it holds; `this` is the identity of
/// the open register.
pub fn list(folder: &Path, this: Option<&str>) -> Result<Vec<BackupFile>> {
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
        let content = inspect(&entry.path()).ok();
        let this_register = match (
            this,
            content.as_ref().and_then(|c| c.register_id.as_deref()),
        ) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        out.push(BackupFile {
            path: entry.path().display().to_string(),
            size: entry.metadata()?.len(),
            day: daily_name(&name).map(|(_, day)| day),
            content,
            this_register,
            name,
        });
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

/// The name of a register's automatic backup of `day`: the register file's name, the short
/// identity, the day (`registre_3f2a9c1b_2026-12-03.db`), so that two registers kept in one
/// folder never take each other's backup for their own.
pub fn daily_file_name(db: &Path, identity: &str, day: NaiveDate) -> String {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".to_owned());
    format!(
        "{stem}_{}_{}.db",
        super::identity::short(identity),
        day.format("%Y-%m-%d")
    )
}

/// The short identity and the day of an automatic backup's name (`None` for any other file,
/// the backups named by the day alone of earlier versions included: they are never rotated).
fn daily_name(name: &str) -> Option<(&str, NaiveDate)> {
    let rest = name.strip_suffix(".db")?;
    let (rest, day) = rest.rsplit_once('_')?;
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let (_, short) = rest.rsplit_once('_')?;
    (short.len() == 8 && short.chars().all(|c| c.is_ascii_hexdigit())).then_some((short, day))
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
        self.backup_to_with(dest, &crate::progress::Silent)
    }

    /// [`Store::backup_to`] telling `progress` how far it is (and cancellable).
    pub fn backup_to_with(
        &self,
        dest: &Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<()> {
        if dest == self.path() {
            return Err(crate::complaint::ValidationError::new(
                "out",
                "la sauvegarde ne peut pas remplacer le registre lui-même",
            )
            .into());
        }
        copy_to_with(self.conn(), dest, progress)
    }

    /// The automatic backup of the day, if none was made today for this register, then the
    /// rotation of this register's backups. Returns the file written (or `None`: today's
    /// backup already exists).
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        let Some(identity) = self.identity() else {
            return Err(crate::complaint::ValidationError::new(
                "backup",
                "ce registre est en lecture seule et n'a pas encore d'identité : sauvegardez-le \
                 par « Sauvegarder maintenant »",
            )
            .into());
        };
        let folder = self.backup_folder()?;
        let dest = folder.join(daily_file_name(self.path(), identity, self.today()));
        let written = if dest.exists() {
            None
        } else {
            copy_to(self.conn(), &dest)?;
            Some(dest)
        };
        rotate(&folder, identity)?;
        Ok(written)
    }
}

/// Remove the automatic backups of the register `identity` that the rotation does not keep
/// (other registers' backups and other files are never touched).
pub fn rotate(folder: &Path, identity: &str) -> Result<Vec<PathBuf>> {
    let short = super::identity::short(identity);
    let mut ours = Vec::new();
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((s, day)) = daily_name(&name) {
            if s == short {
                ours.push((day, entry.path()));
            }
        }
    }
    let days: Vec<NaiveDate> = ours.iter().map(|(d, _)| *d).collect();
    let keep = to_keep(&days);
    let mut removed = Vec::new();
    for (day, path) in ours {
        if !keep.contains(&day) {
            std::fs::remove_file(&path)?;
            removed.push(path);
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
    /// How to get the replaced register back, in French.
    pub how_to_undo: Option<String>,
}

/// How a backup relates to the register it would replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    /// The same register in the same state.
    Same,
    /// An earlier state of the same register: its journal is the start of the current one.
    Older,
    /// A later state of the same register: the current journal is the start of its own.
    Newer,
    /// The same register whose journal went another way: neither is the start of the other.
    Diverged,
    /// Another register (another identity).
    OtherRegister,
}

/// What the user sees before a restore replaces anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    pub file: String,
    /// The file's modification time (UTC, ISO 8601): when the backup was written.
    pub written_at: Option<String>,
    pub backup: BackupInfo,
    /// The register it would replace (`None`: there is none yet).
    pub current: Option<BackupInfo>,
    pub relation: Relation,
    /// Another register, or a journal that is not the start of the current one: the restore
    /// needs a second, explicit confirmation.
    pub needs_explicit_confirmation: bool,
    /// What will be lost or set aside, in French.
    pub consequence: String,
}

fn relation(file: &Path, backup: &BackupInfo, db: &Path, current: &BackupInfo) -> Result<Relation> {
    if let (Some(b), Some(c)) = (&backup.register_id, &current.register_id) {
        if b != c {
            return Ok(Relation::OtherRegister);
        }
    }
    if backup.events == current.events && backup.head == current.head {
        return Ok(Relation::Same);
    }
    // Event ids follow each other from 1: the start of a journal is its first `n` events.
    let hash_at = |file: &Path, id: u32| -> Result<Option<String>> {
        let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(conn
            .query_row("SELECT hash FROM events WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    };
    if backup.events < current.events {
        let prefix = backup.events == 0 || hash_at(db, backup.events)? == backup.head;
        return Ok(if prefix {
            Relation::Older
        } else {
            Relation::Diverged
        });
    }
    if backup.events > current.events {
        let prefix = current.events == 0 || hash_at(file, current.events)? == current.head;
        return Ok(if prefix {
            Relation::Newer
        } else {
            Relation::Diverged
        });
    }
    Ok(Relation::Diverged)
}

fn consequence(relation: Relation, backup: &BackupInfo, current: &BackupInfo) -> String {
    let name = |i: &BackupInfo| {
        if i.firm.is_empty() {
            "sans nom de cabinet".to_owned()
        } else {
            format!("« {} »", i.firm)
        }
    };
    match relation {
        Relation::Same => {
            "La sauvegarde est identique au registre actuel : rien ne change.".to_owned()
        }
        Relation::Older => format!(
            "Les {} événement(s) enregistrés depuis cette sauvegarde ({} réclamation(s) de \
             plus dans le registre actuel) ne seront plus dans le registre ; le registre actuel \
             sera conservé à part.",
            current.events - backup.events,
            current.complaints.saturating_sub(backup.complaints)
        ),
        Relation::Newer => format!(
            "La sauvegarde contient {} événement(s) de plus que le registre actuel : rien n'est \
             perdu.",
            backup.events - current.events
        ),
        Relation::Diverged => format!(
            "Le journal de cette sauvegarde a suivi un autre chemin que celui du registre \
             actuel : ce que le registre actuel contient et que la sauvegarde n'a pas ({} \
             réclamation(s), {} événement(s) au total) ne sera plus dans le registre ; il sera \
             conservé à part.",
            current.complaints, current.events
        ),
        Relation::OtherRegister => format!(
            "Cette sauvegarde est celle d'un AUTRE registre ({}, {} réclamation(s)) : tout le \
             registre actuel ({}, {} réclamation(s), {} événement(s)) sera remplacé par elle ; \
             il sera conservé à part.",
            name(backup),
            backup.complaints,
            name(current),
            current.complaints,
            current.events
        ),
    }
}

/// What restoring `file` over the register at `db` would do, without changing anything.
pub fn preview(file: &Path, db: &Path) -> Result<RestorePreview> {
    let backup = inspect(file)?;
    let written_at = std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        });
    let current = if db.exists() {
        Some(inspect(db)?)
    } else {
        None
    };
    let (relation, consequence) = match &current {
        Some(c) => {
            let r = relation(file, &backup, db, c)?;
            (r, consequence(r, &backup, c))
        }
        None => (Relation::Newer, "Aucun registre n'est remplacé.".to_owned()),
    };
    Ok(RestorePreview {
        file: file.display().to_string(),
        written_at,
        needs_explicit_confirmation: matches!(
            relation,
            Relation::OtherRegister | Relation::Diverged
        ),
        backup,
        current,
        relation,
        consequence,
    })
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
/// Another register's backup, or one whose journal is not the start of the current one, is
/// refused unless `accept_loss` says the user confirmed it explicitly (see [`preview`]).
pub fn restore(
    file: &Path,
    db: &Path,
    clock: Arc<dyn crate::clock::Clock>,
    accept_loss: bool,
) -> Result<RestoreReport> {
    if file == db {
        return Err(refused(
            "la sauvegarde choisie est le registre lui-même".to_owned(),
        ));
    }
    let before = preview(file, db)?;
    if before.needs_explicit_confirmation && !accept_loss {
        return Err(crate::complaint::ValidationError::new(
            "confirm",
            format!(
                "{} Confirmez explicitement pour restaurer quand même.",
                before.consequence
            ),
        )
        .into());
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
        // Never over an existing file (a second restore within the same second would replace
        // the very copy being restored).
        let keep = (1..)
            .map(|n| match n {
                1 => db.with_file_name(format!("{stem}.remplace-{stamp}.db")),
                n => db.with_file_name(format!("{stem}.remplace-{stamp}-{n}.db")),
            })
            .find(|p| !p.exists())
            .expect("a free name");
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
    // The journal's head is now the restored register's.
    let _ = std::fs::remove_file(super::head::path_of(db));
    if let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        super::head::record(db, &conn);
    }
    Ok(RestoreReport {
        how_to_undo: kept.as_ref().map(|k| {
            format!(
                "Le registre remplacé est conservé dans « {k} » : pour le retrouver, restaurez \
                 ce fichier comme une sauvegarde (Paramètres → Sauvegardes et intégrité, ou \
                 « reclam restore »)."
            )
        }),
        replaced_kept_as: kept,
        events: report.events,
        complaints: report.complaints,
        head: report.head,
    })
}
