//! A workstation of the firm's shared register: its SQLite cache, and the server when it can
//! be reached.
//!
//! - **Reads** are always served by the cache.
//! - **Online**, a change is applied to the cache and sent to the server inside ONE local
//!   transaction: committed only once the server has appended it right after the position
//!   the cache was at, so the cache applies the firm's journal in the server's order. If
//!   someone else appended meanwhile, everything is rolled back, their changes pulled, and the
//!   change tried again.
//! - **Offline**, the change is applied to the cache and kept in the outbox (same
//!   transaction). Before the first one, the cache is copied aside (the checkpoint). Back
//!   online, the outbox is pushed in order (a retry never appends twice: each change has its
//!   id). If others wrote meanwhile, the cache is rebuilt: the checkpoint put back, then the
//!   firm's journal applied in the server's order. A change the register then refuses (the
//!   complaint had moved on), or one made on a complaint someone else changed meanwhile, is
//!   flagged for review: it stays in the firm's journal, nothing is dropped.
//! - Complaint references come from blocks of numbers the server leases to each workstation,
//!   so a reference given to a client offline never changes.

use super::op::{is_refusal, Op};
use super::server::{Appended, Server, ServerEvent, Target};
use crate::clock::{Clock, PinnedClock};
use crate::error::{Error, Result};
use crate::firm::credentials;
use crate::register::Register;
use crate::store::journal::{format_instant, GENESIS};
use crate::store::sync::{Conflict, OutboxEntry, Touch};
use crate::store::Store;
use chrono::{DateTime, Datelike, NaiveDate, SubsecRound, Utc};
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod adopt;
mod apply;
mod mail;
mod members;

pub use apply::apply_event;
use apply::{accept_own, next_in_chain};

use adopt::apply_adopt;
pub use adopt::AdoptReport;

/// Numbers leased at a time, and the reserve below which more are asked for.
const LEASE_BLOCK: i32 = 20;
const LEASE_RESERVE: i64 = 5;
/// Events pulled per round trip.
const PULL_BATCH: i64 = 500;

/// Where the workstation stands, for the status bar and `reclam status`.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub server: String,
    pub login: String,
    pub member: String,
    pub role: String,
    pub online: bool,
    /// Since when the server could not be reached (RFC 3339), while offline.
    pub offline_since: Option<String>,
    /// Why, in French.
    pub offline_reason: Option<String>,
    /// Changes made here the server has not ordered yet.
    pub pending: i64,
    /// Among them, those of another member, waiting for them to connect here.
    pub pending_others: i64,
    /// Conflicts still to review.
    pub conflicts: i64,
    /// The firm's journal as this workstation has applied it: its length and last hash.
    pub chain_length: i64,
    pub chain_head: String,
    /// The server's journal length, when online.
    pub server_length: Option<i64>,
    /// The connection to the server is encrypted (TLS), when online.
    pub encrypted: bool,
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub pushed: usize,
    pub pulled: usize,
    pub rebuilt: bool,
    pub status: SyncStatus,
}

pub struct Workstation {
    reg: Register,
    target: Target,
    password: String,
    server: Option<Server>,
    name: String,
    role: String,
    device: String,
    offline_reason: Option<String>,
    /// Told of each change pushed: (done, of).
    progress: Option<Box<dyn FnMut(usize, usize) + Send>>,
}

impl Workstation {
    /// Be told of each change pushed during a sync (done, of).
    pub fn on_push(&mut self, f: impl FnMut(usize, usize) + Send + 'static) {
        self.progress = Some(Box::new(f));
    }

    /// Open the cache at `cache` as the member `target.login`: online when the server
    /// answers, offline (with the password checked against the one remembered here) when it
    /// cannot be reached. Nothing is pushed or pulled yet: `sync` next.
    pub fn open(
        cache: &Path,
        clock: Arc<dyn Clock>,
        target: Target,
        password: &str,
    ) -> Result<Workstation> {
        let reg = Register::open(cache, clock)?;
        let device = match reg.store().sync_value("device")? {
            Some(d) => d,
            None => {
                let d = crate::store::identity::new_id();
                reg.store().set_sync_value("device", &d)?;
                d
            }
        };
        let (server, name, role, reason) = match target.connect(password) {
            Ok(mut server) => {
                let hello = server.hello()?;
                bind(reg.store(), &hello.firm, &target)?;
                remember(
                    reg.store(),
                    &target.login,
                    &hello.name,
                    &hello.role,
                    password,
                )?;
                (Some(server), hello.name, hello.role, None)
            }
            Err(Error::Offline(why)) => {
                let refused = || {
                    Error::Offline(format!(
                        "{why} ; ce poste ne peut pas travailler hors ligne sous « {} » : il faut \
                         s'y être connecté une fois avec le serveur joignable",
                        target.login
                    ))
                };
                if !reg.store().is_cache()? {
                    return Err(refused());
                }
                let Some((name, role, phc)) = reg.store().remembered_identity(&target.login)?
                else {
                    return Err(refused());
                };
                if !credentials::verify_secret(password, &phc) {
                    return Err(Error::SignIn(format!(
                        "mot de passe incorrect pour « {} » (hors ligne : c'est le dernier mot de \
                         passe utilisé sur ce poste)",
                        target.login
                    )));
                }
                (None, name, role, Some(why))
            }
            Err(e) => return Err(e),
        };
        let mut ws = Workstation {
            reg,
            target,
            password: password.to_owned(),
            server,
            name,
            role,
            device,
            offline_reason: reason,
            progress: None,
        };
        if ws.server.is_some() {
            ws.store().clear_sync_value("offlineSince")?;
        } else {
            ws.mark_offline()?;
        }
        Ok(ws)
    }

    /// Work online again through `server` (connected elsewhere, e.g. without holding the
    /// app's lock): the same firm, the member as the server knows them now.
    pub fn attach(&mut self, mut server: Server) -> Result<()> {
        let hello = server.hello()?;
        bind(self.store(), &hello.firm, &self.target)?;
        self.name = hello.name;
        self.role = hello.role;
        self.server = Some(server);
        self.offline_reason = None;
        self.store().clear_sync_value("offlineSince")
    }

    /// Where the server is, and the member's password (to connect again elsewhere).
    pub fn credentials(&self) -> (Target, String) {
        (self.target.clone(), self.password.clone())
    }

    /// The cache, for reads.
    pub fn register(&mut self) -> Result<&mut Register> {
        // Someone added meanwhile becomes known with the pull; act as the member.
        let name = self.name.clone();
        if self
            .reg
            .store()
            .users()?
            .iter()
            .any(|u| crate::firm::same_name(&u.name, &name))
        {
            self.reg.act_as(&name)?;
        }
        Ok(&mut self.reg)
    }

    pub fn store(&self) -> &Store {
        self.reg.store()
    }

    pub fn member(&self) -> (&str, &str) {
        (&self.name, &self.role)
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    pub fn is_online(&self) -> bool {
        self.server.is_some()
    }

    fn checkpoint_path(&self) -> PathBuf {
        side_file(self.reg.path(), "base")
    }

    fn rebuild_marker(&self) -> PathBuf {
        side_file(self.reg.path(), "rebuild")
    }

    fn mark_offline(&mut self) -> Result<()> {
        self.server = None;
        if self.store().sync_value("offlineSince")?.is_none() {
            let now = format_instant(self.reg.clock().now());
            self.store().set_sync_value("offlineSince", &now)?;
        }
        Ok(())
    }

    /// An error of the server: offline from now on if it cannot be reached.
    fn server_failed(&mut self, e: Error) -> Result<()> {
        match e {
            Error::Offline(why) => {
                self.offline_reason = Some(why);
                self.mark_offline()
            }
            other => Err(other),
        }
    }

    /// Whether this cache holds changes the server has not ordered yet (the outbox), or must
    /// be rebuilt: then nothing is pulled on top of it, and changes go to the outbox, until a
    /// sync pushes them and puts the cache back in the server's order.
    fn diverged(&self) -> Result<bool> {
        Ok(self.store().outbox_len()? > 0 || self.rebuild_marker().exists())
    }

    /// Make a change as the member: through the server when online, into the outbox when not.
    /// Returns what the use case returns (the complaint recorded...).
    ///
    /// The change's identity (its id, this workstation's sequence number, a complaint's
    /// reference) is taken and committed first: whatever happens next (the server appended it
    /// and the answer was lost, a crash before the local commit), a retry sends the same change,
    /// which the server recognises, and never hands out the same number twice.
    pub fn execute(&mut self, op: Op) -> Result<Value> {
        precheck(self.store(), &op)?;
        if self.server.is_some() && !self.diverged()? {
            if let Err(e) = self.pull() {
                self.server_failed(e)?;
            }
        }
        let mut entry = self.reserve(&op)?;
        for attempt in 0..APPEND_ATTEMPTS {
            if self.server.is_none() || self.diverged()? {
                return self.execute_offline(&entry);
            }
            let mut outcome = Outcome::Done;
            let device = self.device.clone();
            let name = self.name.clone();
            let Workstation { reg, server, .. } = self;
            let result = reg.store_mut().all_or_nothing(|s| {
                let at = cursor(s)?;
                entry.based_on = at.0;
                let out = apply_entry(s, &name, &entry)?;
                let server = server.as_mut().expect("online");
                match server.append(&device, &entry, Some(at.0)) {
                    Ok((Appended::At { seq, .. }, Some(ev))) if seq == at.0 + 1 => {
                        accept_own(s, &at.1, &ev)?;
                        Ok(out)
                    }
                    // Appended by an earlier try whose answer was lost: the pull brings it.
                    Ok((Appended::At { .. }, _)) => {
                        outcome = Outcome::AlreadyThere(out);
                        Err(Error::Server("déjà enregistré".into()))
                    }
                    Ok((Appended::Behind { .. }, _)) => {
                        outcome = Outcome::Behind;
                        Err(Error::Server("rejoué".into()))
                    }
                    Err(Error::Offline(why)) => {
                        outcome = Outcome::Offline(why);
                        Err(Error::Server("hors ligne".into()))
                    }
                    Err(e) => Err(e),
                }
            });
            match (result, outcome) {
                (Ok(v), _) => return Ok(v),
                (Err(_), Outcome::AlreadyThere(out)) => {
                    if let Err(e) = self.pull() {
                        self.server_failed(e)?;
                    }
                    return Ok(out);
                }
                (Err(_), Outcome::Behind) => {
                    if let Err(e) = self.pull() {
                        self.server_failed(e)?;
                    }
                    behind_pause(attempt);
                }
                // Perhaps appended: the same change (same id) waits in the outbox.
                (Err(_), Outcome::Offline(why)) => {
                    self.server_failed(Error::Offline(why))?;
                }
                (Err(e), Outcome::Done) => return Err(e),
            }
        }
        Err(Error::Server(
            "le registre du cabinet change trop vite pour enregistrer ce changement : réessayez"
                .into(),
        ))
    }

    /// Take the change's identity and commit it (see `execute`): its id, this workstation's
    /// next sequence number, a new complaint's reference from the lease.
    fn reserve(&mut self, op: &Op) -> Result<OutboxEntry> {
        let device = self.device.clone();
        let login = self.target.login.clone();
        let Workstation { reg, server, .. } = self;
        reg.store_mut()
            .all_or_nothing(|s| reserve_entry(s, &device, &login, op, server))
    }

    fn execute_offline(&mut self, entry: &OutboxEntry) -> Result<Value> {
        let checkpoint = self.checkpoint_path();
        if self.store().outbox_len()? == 0
            && !checkpoint.exists()
            && !self.rebuild_marker().exists()
        {
            // The cache as the server ordered it: what a rebuild starts again from.
            self.store().save_checkpoint(&checkpoint)?;
        }
        let name = self.name.clone();
        self.reg.store_mut().all_or_nothing(|s| {
            let out = apply_entry(s, &name, entry)?;
            s.add_to_outbox(entry)?;
            Ok(out)
        })
    }

    /// Refuse a change that must be made in the server's order while this cache holds changes
    /// not pushed yet.
    fn require_synced(&self) -> Result<()> {
        if self.diverged()? {
            return Err(Error::Server(format!(
                "{} changement(s) de ce poste attendent d'être envoyés : synchronisez d'abord",
                self.store().outbox_len()?
            )));
        }
        Ok(())
    }

    /// Push what waits in the outbox, rebuild the cache if others wrote meanwhile, pull the
    /// firm's journal, and keep a reserve of reference numbers.
    pub fn sync(&mut self) -> Result<SyncReport> {
        let mut report = SyncReport {
            pushed: 0,
            pulled: 0,
            rebuilt: false,
            status: self.status()?,
        };
        if self.server.is_none() {
            let attached = self
                .target
                .connect(&self.password)
                .and_then(|server| self.attach(server));
            if let Err(e) = attached {
                self.server_failed(e)?;
                report.status = self.status()?;
                return Ok(report);
            }
        }
        match self.push_pull(&mut report) {
            Ok(()) => {}
            Err(e) => self.server_failed(e)?,
        }
        report.status = self.status()?;
        Ok(report)
    }

    fn push_pull(&mut self, report: &mut SyncReport) -> Result<()> {
        let login = self.target.login.clone();
        let device = self.device.clone();
        let marker = self.rebuild_marker();
        let outbox = self.store().outbox()?;
        if outbox.iter().any(|e| e.login != login) && !marker.exists() {
            // Another member's changes are applied here and wait for them: the server will
            // order ours without theirs, so the cache must be rebuilt once all are pushed.
            std::fs::write(&marker, b"")?;
        }
        let own: Vec<OutboxEntry> = outbox.into_iter().filter(|e| e.login == login).collect();
        for entry in &own {
            let diverged = marker.exists();
            let Workstation { reg, server, .. } = &mut *self;
            let server = server.as_mut().expect("online");
            let s = reg.store_mut();
            let (at, expected) = {
                let c = cursor(s)?;
                (c.clone(), (!diverged).then_some(c.0))
            };
            let (appended, event) = server.append(&device, entry, expected)?;
            let (appended, event) = match appended {
                Appended::Behind { .. } => server.append(&device, entry, None)?,
                done => (done, event),
            };
            let Appended::At { seq, .. } = appended else {
                return Err(Error::Server("changement refusé par le serveur".into()));
            };
            match event {
                Some(ev) if !diverged && seq == at.0 + 1 => {
                    // Nobody wrote since this workstation's position: the cache already holds
                    // the change, in the server's order.
                    s.all_or_nothing(|s| {
                        accept_own(s, &at.1, &ev)?;
                        s.remove_from_outbox(&entry.op_id)
                    })?;
                }
                _ => {
                    // Others wrote first: the cache will be rebuilt in the server's order.
                    if !marker.exists() {
                        std::fs::write(&marker, b"")?;
                    }
                    s.remove_from_outbox(&entry.op_id)?;
                }
            }
            report.pushed += 1;
            if let Some(progress) = self.progress.as_mut() {
                progress(report.pushed, own.len());
            }
        }
        let waiting = self.store().outbox_len()?;
        let checkpoint = self.checkpoint_path();
        if marker.exists() {
            if waiting > 0 {
                // Changes of another member wait for them here: a rebuild now would undo them.
                return Ok(());
            }
            self.rebuild(&checkpoint, &marker)?;
            report.rebuilt = true;
        } else if waiting == 0 && checkpoint.exists() {
            std::fs::remove_file(&checkpoint)?;
        }
        report.pulled += self.pull()?;
        self.top_up_lease(self.reg.today().year())?;
        let now = format_instant(self.reg.clock().now());
        self.store().set_sync_value("lastOnline", &now)?;
        Ok(())
    }

    /// Put the checkpoint back (the workstation's counters kept), ready to pull the firm's
    /// journal in the server's order. Resumable at every step: the counters are written into
    /// the marker before the checkpoint replaces the cache; the checkpoint is removed once put
    /// back, the marker last (a marker without a checkpoint: already put back).
    fn rebuild(&mut self, checkpoint: &Path, marker: &Path) -> Result<()> {
        let written = std::fs::read(marker).unwrap_or_default();
        let kept = if written.is_empty() {
            let kept = self.store().kept_sync_state()?;
            let tmp = side_file(self.reg.path(), "rebuild-tmp");
            let _ = std::fs::remove_file(&tmp);
            crate::register::files::write_private(
                "sync",
                &tmp,
                &serde_json::to_vec(&kept).expect("serialises"),
            )
            .map_err(Error::Validation)?;
            std::fs::rename(&tmp, marker)?;
            kept
        } else {
            serde_json::from_slice(&written)
                .map_err(|e| Error::Server(format!("{} illisible : {e}", marker.display())))?
        };
        if checkpoint.exists() {
            self.reg.store_mut().restore_checkpoint(checkpoint, &kept)?;
            std::fs::remove_file(checkpoint)?;
        }
        std::fs::remove_file(marker)?;
        Ok(())
    }

    /// Apply the firm's journal after the cache's position. Nothing is applied on top of
    /// changes not pushed yet: the sync pushes them and rebuilds the cache first.
    fn pull(&mut self) -> Result<usize> {
        if self.diverged()? {
            return Ok(0);
        }
        let mut pulled = 0;
        loop {
            let Workstation { reg, server, .. } = &mut *self;
            let server = server.as_mut().expect("online");
            let after = cursor(reg.store())?.0;
            let events = server.pull(after, PULL_BATCH)?;
            if events.is_empty() {
                return Ok(pulled);
            }
            // One transaction per batch: the cache and its position move together. A register
            // moved to the server replaces the cache: it is taken alone, between batches.
            let path = reg.path().to_owned();
            for run in events.split_inclusive(|ev| ev.kind == super::op::ADOPT) {
                let (last, before) = run.split_last().expect("a run has an event");
                let (batch, adopt) = if last.kind == super::op::ADOPT {
                    (before, Some(last))
                } else {
                    (run, None)
                };
                reg.store_mut()
                    .all_or_nothing(|s| batch.iter().try_for_each(|ev| apply_event(s, ev)))?;
                if let Some(ev) = adopt {
                    apply_adopt(reg.store_mut(), &path, ev)?;
                }
            }
            pulled += events.len();
        }
    }

    fn top_up_lease(&mut self, year: i32) -> Result<()> {
        if self.store().lease_left(year)? >= LEASE_RESERVE {
            return Ok(());
        }
        let device = self.device.clone();
        let Workstation { reg, server, .. } = self;
        let (first, last) = server
            .as_mut()
            .expect("online")
            .lease(&device, year, LEASE_BLOCK)?;
        reg.store().add_lease(year, first, last)
    }

    pub fn status(&self) -> Result<SyncStatus> {
        let s = self.store();
        let (length, head) = cursor(s)?;
        let outbox = s.outbox()?;
        Ok(SyncStatus {
            server: self.target.display.clone(),
            login: self.target.login.clone(),
            member: self.name.clone(),
            role: self.role.clone(),
            online: self.server.is_some(),
            offline_since: s.sync_value("offlineSince")?,
            offline_reason: self.offline_reason.clone(),
            pending: outbox.len() as i64,
            pending_others: outbox
                .iter()
                .filter(|e| e.login != self.target.login)
                .count() as i64,
            conflicts: s.conflicts(true)?.len() as i64,
            chain_length: length,
            chain_head: head,
            server_length: None,
            encrypted: self.server.as_ref().is_some_and(|s| s.encrypted),
        })
    }

    /// The status, with the server's own journal length when online.
    pub fn status_checked(&mut self) -> Result<SyncStatus> {
        let mut st = self.status()?;
        if let Some(server) = self.server.as_mut() {
            match server.hello() {
                Ok(h) => st.server_length = Some(h.head_seq),
                Err(e) => {
                    self.server_failed(e)?;
                    st = self.status()?;
                }
            }
        }
        Ok(st)
    }

    pub fn conflicts(&self, open_only: bool) -> Result<Vec<Conflict>> {
        self.store().conflicts(open_only)
    }

    /// Walk the whole firm's journal on the server: every link recomputed, and the cache's
    /// position on it. `Err(Tampered)` when it does not hold.
    pub fn verify_server(&mut self) -> Result<i64> {
        let (length, head) = cursor(self.store())?;
        let server = self.server.as_mut().ok_or_else(|| {
            Error::Offline("vérifier le journal du cabinet demande le serveur".into())
        })?;
        let mut prev = GENESIS.to_owned();
        let mut after = 0;
        loop {
            let events = server.pull(after, 2000)?;
            if events.is_empty() {
                break;
            }
            for ev in &events {
                if ev.prev_hash != prev || ev.expected_hash(&prev) != ev.hash {
                    return Err(Error::Tampered(format!(
                        "le journal du cabinet sur le serveur ne tient plus au changement n° {}",
                        ev.seq
                    )));
                }
                if ev.seq == length && ev.hash != head {
                    return Err(Error::Tampered(format!(
                        "ce poste a appliqué un changement n° {length} que le serveur n'a pas"
                    )));
                }
                prev = ev.hash.clone();
                after = ev.seq;
            }
        }
        if after < length {
            return Err(Error::Tampered(format!(
                "le serveur n'a que {after} changements, ce poste en a appliqué {length}"
            )));
        }
        Ok(after)
    }
}

enum Outcome {
    Done,
    Behind,
    AlreadyThere(Value),
    Offline(String),
}

/// The cache's position in the firm's journal: (length, last hash).
fn cursor(s: &Store) -> Result<(i64, String)> {
    Ok((
        s.sync_value("cursor")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
        s.sync_value("cursorHash")?
            .unwrap_or_else(|| GENESIS.to_owned()),
    ))
}

/// A cache belongs to one firm's register; a register with its own content never becomes one.
fn bind(s: &Store, firm: &str, target: &Target) -> Result<()> {
    match s.sync_value("firm")? {
        Some(f) if f == firm => Ok(()),
        Some(_) => Err(Error::Server(format!(
            "ce fichier est le cache d'un autre registre que celui de {} : choisissez un autre \
             fichier (RECLAM_DB)",
            target.display
        ))),
        None => {
            let q = crate::store::register::RegisterQuery {
                limit: 1,
                ..Default::default()
            };
            if !s.users()?.is_empty() || s.list(&q)?.total > 0 {
                return Err(Error::Server(
                    "ce registre local a déjà ses propres réclamations ou utilisateurs : il ne \
                     devient pas le cache du registre du cabinet (choisissez un nouveau fichier \
                     avec RECLAM_DB)"
                        .into(),
                ));
            }
            s.set_sync_value("firm", firm)?;
            s.set_sync_value("server", &target.display)?;
            Ok(())
        }
    }
}

/// Remember who signed in here, to let them sign in offline with the same password.
fn remember(s: &Store, login: &str, name: &str, role: &str, password: &str) -> Result<()> {
    if let Some((n, r, phc)) = s.remembered_identity(login)? {
        if n == name && r == role && credentials::verify_secret(password, &phc) {
            return Ok(());
        }
    }
    s.remember_identity(login, name, role, &credentials::hash_secret(password))
}

/// What a change is refused for before it takes a number: a complaint's fields (so that a
/// typing mistake never uses up a reference).
fn precheck(s: &Store, op: &Op) -> Result<()> {
    match op {
        Op::Record { req, .. } => {
            let new = crate::api::Request::decode(req.clone())?;
            new.validate(s.today())?;
        }
        // A step recorded by hand here says how it reached the client (changes replayed from
        // the firm's journal, made before this was asked, are applied as they were made).
        Op::Acknowledge(req) => {
            let a = crate::api::Request::decode(req.clone())?;
            crate::register::require_sent(crate::complaint::Step::Acknowledgement, a.sent, None)?;
        }
        Op::Answer(req) => {
            let a = crate::api::Request::decode(req.clone())?;
            crate::register::require_sent(crate::complaint::Step::Answer, a.sent, None)?;
        }
        _ => {}
    }
    Ok(())
}

/// The entry of a new change made here: its id, this workstation's next sequence number, a
/// new complaint's reference from the lease (leased now if online and none is left), the
/// instant and the day it is made.
fn reserve_entry(
    s: &mut Store,
    device: &str,
    login: &str,
    op: &Op,
    server: &mut Option<Server>,
) -> Result<OutboxEntry> {
    let at = s.clock().now().trunc_subsecs(3);
    let on = s.clock().today();
    let mut op = op.clone();
    // A new complaint takes its reference from the lease, in its reception year.
    let numbered = match &mut op {
        Op::Record { reference, req } if reference.is_empty() => Some((
            reference,
            crate::api::Request::decode(req.clone())?.received_on.year(),
        )),
        Op::RequestToComplaint { reference, req, .. } if reference.is_empty() => {
            Some((reference, s.request(req.id)?.received_on.year()))
        }
        _ => None,
    };
    if let Some((reference, year)) = numbered {
        {
            let number = match s.take_leased_number(year)? {
                Some(n) => n,
                None => match server.as_mut() {
                    Some(server) => {
                        let (first, last) = server.lease(device, year, LEASE_BLOCK)?;
                        s.add_lease(year, first, last)?;
                        s.take_leased_number(year)?.expect("a fresh lease")
                    }
                    None => {
                        return Err(Error::Offline(format!(
                            "plus de numéro de réclamation réservé pour {year} sur ce poste : \
                             reconnectez-vous au serveur pour en obtenir"
                        )))
                    }
                },
            };
            *reference = crate::complaint::ComplaintRef::new(year, number as u32).to_string();
        }
    }
    let device_seq: i64 = s
        .sync_value("nextDeviceSeq")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    s.set_sync_value("nextDeviceSeq", &(device_seq + 1).to_string())?;
    Ok(OutboxEntry {
        device_seq,
        op_id: format!("{device}-{device_seq}-{}", crate::store::identity::new_id()),
        login: login.to_owned(),
        acted_at: format_instant(at),
        acted_on: on.to_string(),
        based_on: cursor(s)?.0,
        kind: op.kind().to_owned(),
        reference: op.reference().map(str::to_owned),
        payload: op.payload(),
    })
}

/// Apply a change made here (its entry) to the cache, as `name`, at the instant it was made.
fn apply_entry(s: &mut Store, name: &str, entry: &OutboxEntry) -> Result<Value> {
    let op = Op::from_payload(&entry.payload)?;
    let at = DateTime::parse_from_rfc3339(&entry.acted_at)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| Error::Server(format!("date illisible : {e}")))?;
    let on: NaiveDate = entry
        .acted_on
        .parse()
        .map_err(|e| Error::Server(format!("date illisible : {e}")))?;
    apply_as(s, name, at, on, &op)
}

/// Apply a change through the use cases as `author`, the clock pinned to when it was made.
fn apply_as(
    s: &mut Store,
    author: &str,
    at: DateTime<Utc>,
    on: NaiveDate,
    op: &Op,
) -> Result<Value> {
    let old = s.set_clock(Arc::new(PinnedClock { at, today: on }));
    let out = Register::over(s, author).and_then(|mut reg| op.apply(&mut reg));
    s.set_clock(old);
    out
}

/// A database file and its companions.
fn remove_db(file: &Path) {
    for suffix in ["", "-wal", "-shm", ".head"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".sync-{suffix}"));
    db.with_file_name(name)
}

/// How many times a change is sent when other members' changes keep arriving first.
const APPEND_ATTEMPTS: u32 = 16;

/// After a change came second (another member's arrived first, and this one was applied again
/// on top of it), wait a random moment before sending it again, longer at each try: two
/// workstations writing at once otherwise tried again in step, and one of them could come
/// second eight times running and refuse the user's change. Up to about 1.5 s in all.
fn behind_pause(attempt: u32) {
    let cap_ms = 2u64 << attempt.min(6);
    std::thread::sleep(std::time::Duration::from_millis(fastrand::u64(0..=cap_ms)));
}
