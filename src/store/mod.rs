//! SQLite storage of the register: opening, migrations, the journal, one file per table, the
//! queries extracts and statistics need, the register's identity, backups and verification.
//!
//! Every change runs in one IMMEDIATE transaction that also appends its journal event, so an
//! interrupted write leaves the database as it was. Nothing is ever deleted (the schema's
//! triggers refuse it). The store composes nothing (no letter, no PDF, no extract: it imports
//! neither `letters`, `print`, `extract` nor `import`) and decides no rule: the trade's rules
//! live in `complaint` and `firm` and the use cases in `register`; its connection never leaves
//! the crate.

pub mod actions;
pub mod authority;
pub mod backup;
pub mod client_export;
pub mod clients;
pub mod complaints;
mod coverage;
mod ending;
pub mod extract;
pub mod file;
pub mod head;
pub mod identity;
pub mod journal;
pub mod letters;
pub mod memo;
pub mod people;
pub mod register;
pub mod requests;
pub mod retention;
mod retention_requests;
mod setting;
pub mod sync;
pub mod today;
pub mod verify;
mod view;

pub use requests::{InfoRequest, NewRequest, RequestPage, RequestQuery};
pub use view::{ComplaintView, Mediation};

use crate::calendar::{self, Region};
use crate::clock::Clock;
use crate::complaint::lifecycle::{self, kind, Change, TransitionError};
use crate::complaint::{
    Complaint, ComplaintRef, DysfunctionCategory, Feedback, Money, NewComplaint, Outcome,
    ValidComplaint,
};
use crate::error::{Error, Result};
use chrono::{NaiveDate, SubsecRound};
use journal::Event;
use register::{RegisterPage, RegisterQuery};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// The schema migrations, in order. Never edit a shipped one: add a new file.
const MIGRATION_SQL: &[&str] = &[
    include_str!("migrations/0001_register.sql"),
    include_str!("migrations/0002_file.sql"),
    include_str!("migrations/0003_letters.sql"),
    include_str!("migrations/0004_logo.sql"),
    include_str!("migrations/0005_indexes.sql"),
    include_str!("migrations/0006_actions.sql"),
    include_str!("migrations/0007_import.sql"),
    include_str!("migrations/0008_redaction.sql"),
    include_str!("migrations/0009_identity.sql"),
    include_str!("migrations/0010_people.sql"),
    include_str!("migrations/0011_sync.sql"),
    include_str!("migrations/0012_truth.sql"),
    include_str!("migrations/0013_today_indexes.sql"),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_SQL.iter().map(|sql| M::up(sql)).collect()));

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATION_SQL.len() as i64;

/// How long a writer waits for another one before giving up.
const BUSY_TIMEOUT_MS: u64 = 5_000;

/// The application's identifier: the desktop app keeps its data under this name.
pub const APP_IDENTIFIER: &str = "fr.reclam.app";

/// The default database file, the same for the CLI and the desktop app:
/// Linux `~/.local/share/fr.reclam.app/registre.db`, macOS
/// `~/Library/Application Support/fr.reclam.app/registre.db`, Windows
/// `%APPDATA%\fr.reclam.app\registre.db`.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join("registre.db")
}

/// A storage failure [`Store::simulate_storage_fault`] can simulate.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFault {
    DiskFull,
    ReadOnly,
}

/// What the extract computed for this many periods and filters (the last asked) is kept.
const EXTRACTS_KEPT: usize = 4;

/// The register: one open database and the clock its rules use.
pub struct Store {
    conn: Connection,
    clock: Arc<dyn Clock>,
    region: Region,
    path: PathBuf,
    /// The register's id (`None` only for an old file opened read-only).
    identity: Option<String>,
    /// An enclosing transaction is open (`all_or_nothing`): each write is a savepoint in it.
    outer: bool,
    /// The last "Aujourd'hui" summary, kept until the register or the day changes: coming
    /// back to it costs two counters instead of its fifteen queries (7 ms on 100,000
    /// complaints).
    today_cache: memo::Memo<(), today::TodaySummary>,
    /// What the extract computed for the last few periods and filters asked (the
    /// statistics), kept the same way: going back to them costs nothing instead of reading
    /// every complaint of the period again (108 ms for a year of 33,665). Kept as the extract
    /// made it, whatever its type (`Store::kept_for_extract`): the store stays below it.
    extract_memo: memo::Memo<(std::any::TypeId, extract::ExtractQuery), extract::Computed>,
}

fn classify_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            Error::NotADatabase {
                path: path.display().to_string(),
                detail: "fichier endommagé ou d'un autre type".into(),
            }
        }
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::PermissionDenied
            ) =>
        {
            let why = match f.code {
                rusqlite::ErrorCode::DiskFull => "disque plein",
                rusqlite::ErrorCode::ReadOnly => "écriture refusée",
                rusqlite::ErrorCode::PermissionDenied => "accès refusé",
                _ => "ouverture impossible : le dossier est-il en lecture seule ?",
            };
            Error::ReadOnly(format!("{} ({why})", path.display()))
        }
        _ => Error::Database(e),
    }
}

/// Map a write failure to a clear error (a full disk or a read-only file).
fn classify_write_error(e: Error) -> Error {
    match e {
        Error::Database(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::DiskFull =>
        {
            Error::ReadOnly("disque plein, rien n'a été enregistré".to_owned())
        }
        Error::Database(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ReadOnly =>
        {
            Error::ReadOnly(
                "écriture refusée sur le fichier ou son dossier, rien n'a été enregistré"
                    .to_owned(),
            )
        }
        other => other,
    }
}

impl Store {
    /// Open (creating if needed) and migrate the register at `path`.
    pub fn open(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Store> {
        let path = path.as_ref();
        if path.is_dir() {
            return Err(Error::NotADatabase {
                path: path.display().to_string(),
                detail: "c'est un dossier : indiquez le fichier du registre".into(),
            });
        }
        let created = !path.exists();
        if created {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(path, e))?;
        if created {
            restrict_permissions(path)?;
        }
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        // The first statement to read the file tells whether it is a database at all; nothing
        // is written (not even the journal mode, kept in the file's header) before the file
        // is known to be a register this version can handle.
        let (version, objects): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version),
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| classify_open_error(path, e))?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        // Every version of the schema sets `user_version`: tables without it belong to
        // another application, whose file must not receive the register's tables.
        if version == 0 && objects > 0 {
            return Err(Error::NotADatabase {
                path: path.display().to_string(),
                detail: "base SQLite d'une autre application".into(),
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| classify_open_error(path, e))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        if version < SCHEMA_VERSION {
            if version > 0 {
                // The register as it was, before its schema changes.
                backup::before_migration(&conn, path, version, clock.as_ref())?;
            }
            MIGRATIONS
                .to_latest(&mut conn)
                .map_err(|e| classify_write_error(Error::Migration(e.to_string())))?;
            if version > 0 && version < people::MATRIX_SCHEMA {
                people::keep_old_ceilings(&mut conn, clock.now().trunc_subsecs(3))?;
            }
        }
        let region = conn
            .query_row("SELECT value FROM settings WHERE key = 'region'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .and_then(|s| s.parse().ok())
            .unwrap_or_default();
        let identity = identity::ensure(&mut conn, clock.now())?;
        Ok(Store {
            conn,
            clock,
            region,
            path: path.to_owned(),
            identity,
            outer: false,
            today_cache: memo::Memo::with_room(1),
            extract_memo: memo::Memo::with_room(EXTRACTS_KEPT),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The register's identity: created with it, journaled, carried by every backup.
    pub fn identity(&self) -> Option<&str> {
        self.identity.as_deref()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub fn region(&self) -> Region {
        self.region
    }

    /// The connection, for the store's own modules and the core's queries (extracts,
    /// statistics): SQL never leaves the crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Test support: make this connection fail from now on the way a full disk or a read-only
    /// medium does, so the bad-input catalogue can check that nothing is half-written then,
    /// even when the tests run as root (whom file modes do not stop).
    #[doc(hidden)]
    pub fn simulate_storage_fault(&self, fault: StorageFault) -> Result<()> {
        match fault {
            StorageFault::DiskFull => {
                let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
                self.conn.pragma_update(None, "max_page_count", pages)?;
            }
            StorageFault::ReadOnly => self.conn.pragma_update(None, "query_only", true)?,
        }
        Ok(())
    }

    /// Run `f` in one IMMEDIATE write transaction: all of it is committed, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection, &Writer) -> Result<T>) -> Result<T> {
        self.transaction(true, f)
    }

    /// Run `f` exactly as [`Store::write`] would, then roll everything back: a dry run that
    /// goes through every rule of a real write (used by the import preview).
    pub fn dry_run<T>(&mut self, f: impl FnOnce(&Connection, &Writer) -> Result<T>) -> Result<T> {
        self.transaction(false, f)
    }

    fn transaction<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&Connection, &Writer) -> Result<T>,
    ) -> Result<T> {
        let writer = Writer {
            clock: self.clock.clone(),
            region: self.region,
        };
        if self.outer {
            // Inside `all_or_nothing`: a savepoint, released into the enclosing transaction.
            self.conn
                .execute_batch("SAVEPOINT reclam_write")
                .map_err(|e| classify_write_error(e.into()))?;
            let out = f(&self.conn, &writer).map_err(classify_write_error);
            let end = if out.is_ok() && commit {
                "RELEASE reclam_write"
            } else {
                "ROLLBACK TO reclam_write; RELEASE reclam_write"
            };
            self.conn
                .execute_batch(end)
                .map_err(|e| classify_write_error(e.into()))?;
            return out;
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify_write_error(e.into()))?;
        // A full disk or a read-only file shows first on an insert, inside `f`.
        let out = f(&tx, &writer).map_err(classify_write_error)?;
        if commit {
            tx.commit().map_err(|e| classify_write_error(e.into()))?;
            head::record(&self.path, &self.conn);
        } else {
            tx.rollback()?;
        }
        Ok(out)
    }

    /// Run `f` (any number of writes, through the use cases) in ONE transaction: committed
    /// if `f` returns `Ok`, rolled back entirely otherwise. The shared register uses it to
    /// apply a change and note it for the server atomically, or to try a change before the
    /// server has ordered it.
    pub fn all_or_nothing<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.outer {
            return f(self);
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| classify_write_error(e.into()))?;
        self.outer = true;
        let out = f(self);
        self.outer = false;
        match out {
            Ok(v) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => {
                    head::record(&self.path, &self.conn);
                    Ok(v)
                }
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(classify_write_error(e.into()))
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                // A setting changed and rolled back (the region) must not linger in memory.
                self.reload_region();
                Err(e)
            }
        }
    }

    /// The region as the settings say (after a rollback that may have undone its change).
    fn reload_region(&mut self) {
        if let Ok(Some(region)) = self.setting("region") {
            if let Ok(r) = region.parse() {
                self.region = r;
            }
        } else {
            self.region = Region::default();
        }
    }

    /// Run `f` so that all of it stands or none of it does: a savepoint inside an enclosing
    /// `all_or_nothing`, else a transaction of its own.
    pub fn savepoint<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if !self.outer {
            return self.all_or_nothing(f);
        }
        self.conn
            .execute_batch("SAVEPOINT reclam_step")
            .map_err(|e| classify_write_error(e.into()))?;
        let out = f(self);
        let end = if out.is_ok() {
            "RELEASE reclam_step"
        } else {
            "ROLLBACK TO reclam_step; RELEASE reclam_step"
        };
        self.conn
            .execute_batch(end)
            .map_err(|e| classify_write_error(e.into()))?;
        if out.is_err() {
            self.reload_region();
        }
        out
    }

    /// Replace the clock (the shared register replays each change at the instant and on the
    /// day it was made); returns the previous one.
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) -> Arc<dyn Clock> {
        std::mem::replace(&mut self.clock, clock)
    }

    /// Record a complaint: validate, hand out its reference, store it and journal it.
    pub fn record(&mut self, new: &NewComplaint, actor: &str) -> Result<Complaint> {
        self.record_as(new, actor, None)
    }

    /// Record a complaint under a reference handed out beforehand (see `Writer::record_as`).
    pub fn record_as(
        &mut self,
        new: &NewComplaint,
        actor: &str,
        reference: Option<&ComplaintRef>,
    ) -> Result<Complaint> {
        let valid = new.validate(self.today())?;
        self.write(|tx, w| w.record_as(tx, &valid, actor, reference))
    }

    pub fn get(&self, reference: &ComplaintRef) -> Result<Complaint> {
        Ok(complaints::load(&self.conn, reference)?.1)
    }

    /// The journal of one complaint, oldest first.
    pub fn history(&self, reference: &ComplaintRef) -> Result<Vec<Event>> {
        let (id, _) = complaints::load(&self.conn, reference)?;
        let sql = format!(
            "{} WHERE e.complaint_id = ?1 ORDER BY e.id",
            journal::SELECT_EVENTS
        );
        let events = self
            .conn
            .prepare_cached(&sql)?
            .query_map([id], journal::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(events)
    }

    /// Correct the register fields of a complaint. Every changed field is journaled with its
    /// value before and after; the deadlines follow the dates. Nothing changed: no event.
    pub fn update(
        &mut self,
        r: &ComplaintRef,
        new: &NewComplaint,
        actor: &str,
    ) -> Result<Complaint> {
        let valid = new.validate(self.today())?;
        let actor = actor_name(actor)?;
        let region = self.region;
        self.write(|tx, w| {
            let (id, mut c) = complaints::load(tx, r)?;
            retention::ensure_not_anonymised(tx, id, r)?;
            let Some(change) = lifecycle::edit(&mut c, &valid, region)? else {
                return Ok(c);
            };
            complaints::update_fields(tx, id, &c)?;
            journal::append(
                tx,
                Some((id, c.reference.as_str())),
                w.now(),
                &actor,
                change.kind,
                change.data,
                Some(journal::complaint_state_hash(&c)),
            )?;
            Ok(c)
        })
    }

    pub fn acknowledge(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        actor: &str,
    ) -> Result<Complaint> {
        self.transition(r, actor, |c, today| lifecycle::acknowledge(c, on, today))
    }

    pub fn hold(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        note: &str,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                let change = lifecycle::hold(c, on, note, today)?;
                complaints::insert_holding(tx, id, c.holdings.last().expect("just pushed"))?;
                Ok(change)
            })
        })
    }

    /// Record the answer with only a gesture amount (storage: the register checks who may
    /// decide it, see `Register::answer`).
    pub fn answer(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        gesture: Option<Money>,
        actor: &str,
    ) -> Result<Complaint> {
        self.answer_with(
            r,
            on,
            outcome,
            summary,
            &lifecycle::AnswerMoney::gesture(gesture),
            actor,
        )
    }

    /// Record the answer and the money it decides (storage: the register checks the
    /// authority matrix first).
    pub fn answer_with(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        money: &lifecycle::AnswerMoney,
        actor: &str,
    ) -> Result<Complaint> {
        self.transition(r, actor, |c, today| {
            lifecycle::answer(c, on, outcome, summary, money, today)
        })
    }

    pub fn close(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        feedback: Feedback,
        actor: &str,
    ) -> Result<Complaint> {
        self.close_with(r, on, feedback, None, None, actor)
    }

    /// Close with the client's satisfaction (1 to 5) when they gave it, and how the recourse
    /// routes of a rejection reached the client without an answer letter.
    pub fn close_with(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        feedback: Feedback,
        satisfaction: Option<u8>,
        recourse_note: Option<&str>,
        actor: &str,
    ) -> Result<Complaint> {
        self.transition(r, actor, |c, today| {
            lifecycle::close(c, on, feedback, satisfaction, recourse_note, today)
        })
    }

    pub fn add_dysfunction(
        &mut self,
        r: &ComplaintRef,
        category: DysfunctionCategory,
        description: &str,
        on: NaiveDate,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                let dys_id = complaints::next_dysfunction_id(tx)?;
                let change =
                    lifecycle::add_dysfunction(c, dys_id, category, description, on, today)?;
                complaints::insert_dysfunction(
                    tx,
                    id,
                    c.dysfunctions.last().expect("just pushed"),
                )?;
                Ok(change)
            })
        })
    }

    fn transition(
        &mut self,
        r: &ComplaintRef,
        actor: &str,
        f: impl FnOnce(&mut Complaint, NaiveDate) -> Result<Change, TransitionError>,
    ) -> Result<Complaint> {
        self.write(|tx, w| w.apply(tx, r, actor, |_, _, c, today| Ok(f(c, today)?)))
    }

    pub fn list(&self, q: &RegisterQuery) -> Result<RegisterPage> {
        register::list(&self.conn, q, self.today())
    }
}

/// What a write transaction knows besides the connection: the clock and the region. Kept
/// apart from `Store` so bulk writers (demo, import) reuse the same code in one transaction.
pub struct Writer {
    clock: Arc<dyn Clock>,
    region: Region,
}

impl Writer {
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The instant a change is recorded at (millisecond precision, as stored).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now().trunc_subsecs(3)
    }

    /// Store a validated complaint and journal its recording.
    pub fn record(&self, tx: &Connection, v: &ValidComplaint, actor: &str) -> Result<Complaint> {
        self.record_as(tx, v, actor, None)
    }

    /// Store a complaint under the reference given (a shared register's device hands out
    /// the numbers leased from the firm's server), or the next free one.
    pub fn record_as(
        &self,
        tx: &Connection,
        v: &ValidComplaint,
        actor: &str,
        given: Option<&ComplaintRef>,
    ) -> Result<Complaint> {
        let actor = actor_name(actor)?;
        let year = chrono::Datelike::year(&v.received_on);
        let reference = match given {
            Some(r) => complaints::claim_reference(tx, r, year)?,
            None => complaints::next_reference(tx, year)?,
        };
        let deadlines = calendar::deadlines(v.sent_on, v.received_on, self.region);
        let recorded_at = self.clock.now().trunc_subsecs(3);
        let id = complaints::insert(tx, &reference, v, &deadlines, recorded_at)?;
        let complaint = Complaint {
            reference,
            client: v.client.clone(),
            channel: v.channel,
            sent_on: v.sent_on,
            received_on: v.received_on,
            subject: v.subject,
            description: v.description.clone(),
            contract: v.contract.clone(),
            other_parties: v.other_parties.clone(),
            persons_concerned: v.persons_concerned.clone(),
            received_by: v.received_by.clone(),
            handler: v.handler.clone(),
            amount_claimed: v.amount_claimed,
            status: crate::complaint::Status::Received,
            acknowledged_on: None,
            ack_sent: None,
            confirmation: None,
            ended: None,
            platform: None,
            holdings: Vec::new(),
            answer: None,
            closure: None,
            dysfunctions: Vec::new(),
            recorded_at,
            deadlines,
        };
        journal::append(
            tx,
            Some((id, complaint.reference.as_str())),
            recorded_at,
            &actor,
            kind::RECORDED,
            journal::complaint_snapshot(&complaint),
            Some(journal::complaint_state_hash(&complaint)),
        )?;
        Ok(complaint)
    }

    /// Load a complaint, let `f` change it (checking the rules), persist it and journal it.
    pub fn apply(
        &self,
        tx: &Connection,
        r: &ComplaintRef,
        actor: &str,
        f: impl FnOnce(&Connection, i64, &mut Complaint, NaiveDate) -> Result<Change>,
    ) -> Result<Complaint> {
        let actor = actor_name(actor)?;
        let (id, mut c) = complaints::load(tx, r)?;
        retention::ensure_not_anonymised(tx, id, r)?;
        let change = f(tx, id, &mut c, self.clock.today())?;
        complaints::update_lifecycle(tx, id, &c)?;
        journal::append(
            tx,
            Some((id, c.reference.as_str())),
            self.clock.now(),
            &actor,
            change.kind,
            change.data,
            Some(journal::complaint_state_hash(&c)),
        )?;
        Ok(c)
    }
}

/// Who did it: every event names its author.
pub(crate) fn actor_name(actor: &str) -> Result<String> {
    Ok(crate::complaint::input::required("by", actor, 100, false)?)
}

/// Create an empty file readable by its owner only (its content comes after).
fn create_private_file(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?;
    Ok(())
}

#[cfg(unix)]
fn restrict_permissions(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) -> Result<()> {
    // On Windows the file inherits the ACL of the user's profile folder.
    Ok(())
}

/// What the store's own unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// A new register in a temporary folder (kept alive with it), its clock on 1 June 2026.
    pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(
            dir.path().join("registre.db"),
            Arc::new(crate::clock::FixedClock::new(
                NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            )),
        )
        .unwrap();
        (dir, store)
    }

    /// SQLite's plan for `sql` with `params`: the detail of each step ("SEARCH complaints
    /// USING INDEX …", "SCAN …").
    pub(crate) fn query_plan(
        conn: &Connection,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Vec<String> {
        conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(params, |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }
}

#[cfg(test)]
mod tests {
    /// Settings that live on the store's own connection, not in the file.
    #[test]
    fn the_connection_enforces_foreign_keys_and_syncs_fully() {
        let (_dir, s) = super::testing::temp_store();
        let pragma = |name: &str| -> i64 {
            s.conn()
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(pragma("foreign_keys"), 1);
        assert_eq!(pragma("synchronous"), 2, "FULL");
    }
}
