//! Reclam's desktop shell: the window, the one managed state (the open [`Register`], or the
//! firm's shared register through this desk's [`Workstation`]) and the start-up; the
//! commands, one file per trade word, are in `commands/`.
//!
//! No SQL, no business rule and no file naming here: the commands decode their arguments with
//! `reclam::api`, make one `Register` call and hand back its answer or its `{ code, message,
//! field }` error.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dispatch;
#[cfg(target_os = "linux")]
mod display;
mod timing;

use commands::{internal, CmdResult};
use reclam::clock::SystemClock;
use reclam::complaint::ComplaintRef;
use reclam::store::backup::{Maintenance, RestoreReport};
use reclam::store::ComplaintView;
use reclam::sync::{Op, Target, Workstation};
use reclam::wire::AppInfo;
use reclam::{Register, WireError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Complaints in a freshly created demo register.
const DEMO_COUNT: u32 = 1_000;

/// What this desk has open.
enum Desk {
    /// Its own register (or the demo register).
    Solo(Box<Register>),
    /// The firm's register on its server, through this desk's cache, as the member signed in.
    Shared(Box<Workstation>),
    /// Joined to the firm's server, nobody signed in (start, or locked): nothing is readable.
    SharedLocked,
}

/// The message of a command the shared register does not take yet.
const NOT_SHARED: &str = "cette action n'est pas encore disponible sur le registre partagé du \
    cabinet dans cette version de Reclam (imports)";

/// The open register (or why it could not be opened), and which file it is.
struct Open {
    desk: Result<Desk, WireError>,
    path: PathBuf,
    is_demo: bool,
}

/// The one managed state: the open register. Commands lock it for the length of one call.
pub struct AppState {
    open: Mutex<Open>,
    /// The firm's register (the demo register lives beside it, in its own file).
    real_path: PathBuf,
    /// What the start-up maintenance (integrity check, daily backup) found.
    maintenance: Arc<Mutex<Maintenance>>,
}

impl AppState {
    /// Run `f` on the open register, once someone is signed in (when the register has
    /// credentials, or on the firm's shared register): a locked app reads nothing.
    pub fn with<T>(&self, f: impl FnOnce(&mut Register) -> reclam::Result<T>) -> CmdResult<T> {
        self.with_register(|reg| {
            reg.require_signed_in()?;
            f(reg)
        })
    }

    /// Run `f` on the open register whoever is signed in (the sign-in screen's commands).
    pub fn with_register<T>(
        &self,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<T> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        match open.desk.as_mut().map_err(|e| e.clone())? {
            Desk::Solo(reg) => Ok(timing::core(|| f(reg))?),
            Desk::Shared(ws) => Ok(timing::core(|| f(ws.register()?))?),
            Desk::SharedLocked => Err(shared_locked()),
        }
    }

    /// Run `f` on the open register if nobody else is using it (`None`: it was busy, or there
    /// is no register of this desk's own open). Work the user did not ask for (the warm-up)
    /// never makes a command wait for it to start.
    pub fn try_with_register<T>(
        &self,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> Option<reclam::Result<T>> {
        let mut open = self.open.try_lock().ok()?;
        match open.desk.as_mut().ok()? {
            Desk::Solo(reg) => Some(f(reg)),
            Desk::Shared(_) | Desk::SharedLocked => None,
        }
    }

    /// Run `f` on this desk's workstation of the firm's register.
    pub fn with_workstation<T>(
        &self,
        f: impl FnOnce(&mut Workstation) -> reclam::Result<T>,
    ) -> CmdResult<T> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        match open.desk.as_mut().map_err(|e| e.clone())? {
            Desk::Shared(ws) => Ok(f(ws)?),
            Desk::SharedLocked => Err(shared_locked()),
            Desk::Solo(_) => Err(reclam::Error::Server(
                "ce poste n'a pas rejoint le registre d'un cabinet (Paramètres → Registre du \
                 cabinet)"
                    .into(),
            )
            .into()),
        }
    }

    fn is_shared(&self) -> CmdResult<bool> {
        let open = self.open.lock().map_err(|_| internal())?;
        Ok(matches!(
            open.desk,
            Ok(Desk::Shared(_)) | Ok(Desk::SharedLocked)
        ))
    }

    /// Run `f` as `actor` (every change is journaled under that name). Not on the firm's
    /// shared register, whose changes go through the server (`change_via`, `acting_via`).
    pub fn acting<T>(
        &self,
        actor: &str,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<T> {
        if matches!(
            self.open.lock().map_err(|_| internal())?.desk,
            Ok(Desk::SharedLocked)
        ) {
            return Err(shared_locked());
        }
        if self.is_shared()? {
            return Err(reclam::Error::Server(NOT_SHARED.into()).into());
        }
        self.with(|reg| f(reg.act_as(actor)?))
    }

    /// Read as `actor` (what they may do, what they may print). On the firm's shared register
    /// the signed-in member reads, whoever the UI names.
    pub fn reading_as<T>(
        &self,
        actor: &str,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<T> {
        if self.is_shared()? {
            return self.with(f);
        }
        self.with(|reg| f(reg.act_as(actor)?))
    }

    /// Change the complaint `r` as `actor`; returns its file as it now stands.
    pub fn change<T>(
        &self,
        actor: &str,
        r: &ComplaintRef,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<ComplaintView> {
        self.acting(actor, |reg| {
            f(reg)?;
            reg.view(r)
        })
    }

    /// A change that the firm's shared register takes too: `f` on this desk's register, or
    /// `op` sent through the workstation (the member acting). Returns what `f` returns.
    pub fn acting_via<T: serde::de::DeserializeOwned>(
        &self,
        actor: &str,
        op: impl FnOnce() -> Op,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<T> {
        if self.is_shared()? {
            let out = self.with_workstation(|ws| ws.execute(op()))?;
            return serde_json::from_value(out).map_err(|e| {
                reclam::Error::Server(format!("réponse illisible du registre partagé : {e}")).into()
            });
        }
        self.acting(actor, f)
    }

    /// `change` that the firm's shared register takes too (see `acting_via`).
    pub fn change_via<T>(
        &self,
        actor: &str,
        r: &ComplaintRef,
        op: impl FnOnce() -> Op,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<ComplaintView> {
        if self.is_shared()? {
            return self.with_workstation(|ws| {
                ws.execute(op())?;
                ws.register()?.view(r)
            });
        }
        self.change(actor, r, f)
    }

    /// The file of the open register (refused if it could not be opened).
    pub fn path(&self) -> CmdResult<PathBuf> {
        let open = self.open.lock().map_err(|_| internal())?;
        open.desk.as_ref().map_err(|e| e.clone())?;
        Ok(open.path.clone())
    }

    pub fn maintenance(&self) -> CmdResult<Maintenance> {
        Ok(self.maintenance.lock().map_err(|_| internal())?.clone())
    }

    /// What the UI needs to know at start (and after switching registers).
    pub fn info(&self) -> CmdResult<AppInfo> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        let path = open.path.display().to_string();
        let is_demo = open.is_demo;
        let (region, open_error, empty) = match &mut open.desk {
            Ok(Desk::Solo(reg)) => (reg.region().as_str().to_owned(), None, reg.is_empty()?),
            Ok(Desk::Shared(ws)) => {
                let reg = ws.register()?;
                (reg.region().as_str().to_owned(), None, reg.is_empty()?)
            }
            Ok(Desk::SharedLocked) => (String::new(), None, false),
            Err(e) => (String::new(), Some(e.clone()), true),
        };
        Ok(AppInfo {
            db_path: path,
            is_demo,
            today: reclam::clock::Clock::today(&SystemClock),
            region,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            open_error,
            empty,
        })
    }

    /// Open the demo register (filled on first use) or the firm's: the shared one when this
    /// desk joined a firm's server (nobody signed in yet), else this desk's own.
    pub fn switch(&self, demo: bool) -> CmdResult<AppInfo> {
        let (desk, path) = if demo {
            let path = demo_path(&self.real_path);
            (Desk::Solo(Box::new(open_register(&path, true)?)), path)
        } else if read_server_url(&self.real_path).is_some() {
            (Desk::SharedLocked, cache_path(&self.real_path))
        } else {
            (
                Desk::Solo(Box::new(open_register(&self.real_path, false)?)),
                self.real_path.clone(),
            )
        };
        *self.open.lock().map_err(|_| internal())? = Open {
            desk: Ok(desk),
            path,
            is_demo: demo,
        };
        self.info()
    }

    /// The firm's server this desk joined, if any.
    pub fn server_config(&self) -> CmdResult<reclam::wire::ServerConfig> {
        let url = read_server_url(&self.real_path);
        let login = url
            .as_deref()
            .and_then(|u| Target::parse(u).ok())
            .map(|t| t.login);
        let open = matches!(
            self.open.lock().map_err(|_| internal())?.desk,
            Ok(Desk::Shared(_))
        );
        Ok(reclam::wire::ServerConfig { url, login, open })
    }

    /// Sign in to the firm's register at `url` (online, or offline on a desk that knows the
    /// member); with `join`, this desk remembers the server from now on.
    pub fn open_shared(
        &self,
        url: &str,
        password: &str,
        join: bool,
    ) -> CmdResult<reclam::sync::SyncStatus> {
        let target = Target::parse(url)?;
        let cache = cache_path(&self.real_path);
        let mut open = self.open.lock().map_err(|_| internal())?;
        // The cache may be the file open now (a locked session): close it first.
        if matches!(open.desk, Ok(Desk::Shared(_))) {
            open.desk = Ok(Desk::SharedLocked);
        }
        let mut ws = Workstation::open(&cache, Arc::new(SystemClock), target, password)?;
        ws.sync()?;
        let status = ws.status()?;
        if join {
            write_server_url(&self.real_path, url)?;
        }
        *open = Open {
            desk: Ok(Desk::Shared(Box::new(ws))),
            path: cache,
            is_demo: false,
        };
        Ok(status)
    }

    /// Move this desk's own register to the firm's new server (as one of its managers), then
    /// join it: from now on this desk shows the firm's register, which starts with this one.
    pub fn move_to_server(
        &self,
        url: &str,
        password: &str,
    ) -> CmdResult<reclam::sync::AdoptReport> {
        {
            let open = self.open.lock().map_err(|_| internal())?;
            if open.is_demo || !matches!(open.desk, Ok(Desk::Solo(_))) {
                return Err(reclam::Error::Server(
                    "seul le registre de ce poste (pas celui de démonstration) se reprend sur le \
                     serveur du cabinet"
                        .into(),
                )
                .into());
            }
        }
        let target = Target::parse(url)?;
        let cache = cache_path(&self.real_path);
        let mut ws = Workstation::open(&cache, Arc::new(SystemClock), target, password)?;
        ws.sync()?;
        let report = ws.adopt(&self.real_path)?;
        write_server_url(&self.real_path, url)?;
        *self.open.lock().map_err(|_| internal())? = Open {
            desk: Ok(Desk::Shared(Box::new(ws))),
            path: cache,
            is_demo: false,
        };
        Ok(report)
    }

    /// Try the firm's server without joining it: who the login is there, its journal.
    pub fn test_server(&self, url: &str, password: &str) -> CmdResult<reclam::sync::SyncStatus> {
        let target = Target::parse(url)?;
        let mut server = target.connect(password)?;
        let hello = server.hello()?;
        Ok(reclam::sync::SyncStatus {
            server: target.display.clone(),
            login: target.login.clone(),
            member: hello.name,
            role: hello.role,
            online: true,
            offline_since: None,
            offline_reason: None,
            pending: 0,
            pending_others: 0,
            conflicts: 0,
            chain_length: hello.head_seq,
            chain_head: hello.head_hash,
            server_length: Some(hello.head_seq),
            encrypted: server.encrypted,
        })
    }

    /// Back to this desk's own register (the cache stays on disk).
    pub fn leave_server(&self) -> CmdResult<AppInfo> {
        let _ = std::fs::remove_file(server_config_path(&self.real_path));
        self.switch(false)
    }

    /// Lock the shared session: the member signs in again to go on.
    pub fn lock_shared(&self) -> CmdResult<bool> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        if matches!(open.desk, Ok(Desk::Shared(_))) {
            open.desk = Ok(Desk::SharedLocked);
            return Ok(true);
        }
        Ok(matches!(open.desk, Ok(Desk::SharedLocked)))
    }

    /// Replace the open register by a backup, after checking it; the register is closed
    /// during the swap and reopened after (the old one again if the backup is refused).
    pub fn restore(&self, from: &Path, accept_loss: bool) -> CmdResult<RestoreReport> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        // A register that opens and has passwords: only a signed-in manager replaces it. One
        // that cannot be opened is restored from the start screen by whoever is there.
        match &open.desk {
            Ok(Desk::Solo(reg)) => reg.require_signed_in_manager("restaurer une sauvegarde")?,
            Ok(_) => {
                return Err(reclam::Error::Server(
                    "le registre partagé du cabinet ne se restaure pas depuis un poste : il est \
                     sur le serveur"
                        .into(),
                )
                .into())
            }
            Err(_) => {}
        }
        let (target, is_demo) = (open.path.clone(), open.is_demo);
        // Close the register: nothing may hold it open while it is replaced.
        open.desk = Err(internal());
        // The register reopens with nobody acting: whoever acted on the replaced one may not
        // exist in the restored one, so everyone signs in again.
        let result = Register::restore(from, &target, Arc::new(SystemClock), accept_loss);
        open.desk = open_register(&target, is_demo).map(|r| Desk::Solo(Box::new(r)));
        let report = result?;
        open.desk.as_ref().map_err(|e| e.clone())?;
        Ok(report)
    }
}

fn shared_locked() -> WireError {
    reclam::Error::SignIn("connectez-vous au registre du cabinet pour continuer".into()).into()
}

/// Beside this desk's register: the firm's server it joined (`<stem>-serveur.json`, its
/// address only) and the cache of the firm's register (`<stem>-cabinet.db`).
fn server_config_path(real: &Path) -> PathBuf {
    sibling(real, "serveur.json")
}

fn cache_path(real: &Path) -> PathBuf {
    sibling(real, "cabinet.db")
}

fn sibling(real: &Path, suffix: &str) -> PathBuf {
    let stem = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into());
    real.with_file_name(format!("{stem}-{suffix}"))
}

fn read_server_url(real: &Path) -> Option<String> {
    let text = std::fs::read_to_string(server_config_path(real)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("url")?.as_str().map(str::to_owned)
}

fn write_server_url(real: &Path, url: &str) -> reclam::Result<()> {
    let text = serde_json::json!({ "url": url }).to_string();
    reclam::register::files::write_private("server", &server_config_path(real), text.as_bytes())
        .map_err(reclam::Error::Validation)
}

fn open_register(path: &Path, is_demo: bool) -> CmdResult<Register> {
    let mut register = Register::open(path, Arc::new(SystemClock))?;
    if is_demo && register.is_empty()? {
        register.fill_demo(DEMO_COUNT, 2026)?;
    }
    Ok(register)
}

/// The register file: `RECLAM_DB` if set (tests, several firms), else the default data file
/// shared with the `reclam` CLI.
fn database_path() -> PathBuf {
    std::env::var_os("RECLAM_DB")
        .map(PathBuf::from)
        .unwrap_or_else(reclam::store::default_path)
}

/// The demo register: a separate file beside the real one, never mixed with it.
fn demo_path(real: &Path) -> PathBuf {
    let stem = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into());
    real.with_file_name(format!("{stem}-demo.db"))
}

/// The integrity check and the daily backup, on their own connection.
fn run_maintenance(path: PathBuf, into: Arc<Mutex<Maintenance>>) {
    // A large register's check and backup take seconds of CPU: what the user does meanwhile
    // (the window, the commands) goes first.
    lower_this_threads_priority();
    let m = match Register::open(&path, Arc::new(SystemClock)) {
        Ok(register) => register.start_up_maintenance(),
        Err(e) => Maintenance {
            done: true,
            integrity_error: Some(e.to_string()),
            ..Maintenance::default()
        },
    };
    if let Ok(mut slot) = into.lock() {
        *slot = m;
    }
}

/// "Aujourd'hui"'s figures, computed while the window starts (it takes the better part of a
/// second), and again once the start-up maintenance is over if it wrote (the journal's head, the
/// daily backup's record): the core keeps them until the register or the day changes, so the
/// sign-in shows them without computing them (on 100,000 complaints, 26 ms of the first
/// screen's 160). Only when the register is free: a command never waits for the warm-up to
/// start (once started, it holds the register as long as the screen's own call would).
fn warm_up(app: tauri::AppHandle, maintained: std::sync::mpsc::Receiver<()>) {
    let _ = std::thread::Builder::new()
        .name("reclam-warm-up".into())
        .spawn(move || {
            // Nothing is lost if it is skipped or fails: the screen computes them, and says
            // why it can't.
            let warm = || {
                let _ = app
                    .state::<AppState>()
                    .try_with_register(|reg| reg.today_summary().map(drop));
            };
            warm();
            if maintained.recv().is_ok() {
                warm();
            }
        });
}

/// Background priority for the calling thread only.
#[cfg(any(target_os = "linux", windows))]
fn lower_this_threads_priority() {
    let _ = thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min);
}

#[cfg(not(any(target_os = "linux", windows)))]
fn lower_this_threads_priority() {}

/// Make sure a register that cannot be opened is seen, even if the window cannot load.
fn show_open_error(app: &tauri::App, e: &WireError) {
    app.dialog()
        .message(format!(
            "Le registre n'a pas pu être ouvert.\n\n{}\n\nRestaurez la dernière sauvegarde ou \
             contactez votre support.",
            e.message
        ))
        .title("Reclam : registre inaccessible")
        .kind(MessageDialogKind::Error)
        .show(|_| {});
}

fn main() {
    #[cfg(target_os = "linux")]
    display::choose_painting();
    // Copies left for the viewer by an earlier run (draft letters, attachments): gone.
    reclam::register::files::purge_viewer_copies(
        &reclam::register::files::viewer_folder(),
        std::time::Duration::ZERO,
    );
    let real_path = database_path();
    let joined = read_server_url(&real_path).is_some();
    let (desk, open_path) = if joined {
        (Ok(Desk::SharedLocked), cache_path(&real_path))
    } else {
        (
            open_register(&real_path, false).map(|r| Desk::Solo(Box::new(r))),
            real_path.clone(),
        )
    };
    let open_error = desk.as_ref().err().cloned();
    let maintenance = Arc::new(Mutex::new(Maintenance::default()));
    if let Some(e) = &open_error {
        eprintln!("Reclam : {}", e.message);
    }
    // One window per register file: a second launch focuses the first one. Skipped when the
    // file is chosen explicitly (RECLAM_DB: tests, or a second firm opened on purpose).
    let mut builder = tauri::Builder::default();
    if std::env::var_os("RECLAM_DB").is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    }
    let state = AppState {
        open: Mutex::new(Open {
            desk,
            path: open_path,
            is_demo: false,
        }),
        real_path: real_path.clone(),
        maintenance: maintenance.clone(),
    };
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(state)
        .manage(commands::update::PendingUpdate::default())
        .manage(commands::import::ImportRun::default())
        .manage(commands::tasks::Tasks::default())
        .setup(move |app| {
            match &open_error {
                // Beside the UI: the first screen does not wait for the check or the backup.
                // A desk joined to the firm's server keeps no register of its own to check.
                None if joined => {
                    if let Ok(mut m) = maintenance.lock() {
                        m.done = true;
                    }
                }
                None => {
                    let (path, into) = (real_path.clone(), maintenance.clone());
                    let (done, maintained) = std::sync::mpsc::channel();
                    std::thread::spawn(move || {
                        run_maintenance(path, into);
                        let _ = done.send(());
                    });
                    warm_up(app.handle().clone(), maintained);
                }
                Some(e) => show_open_error(app, e),
            }
            Ok(())
        })
        .invoke_handler(dispatch::on_commands_thread(timing::timed(
            commands::handler(),
        )))
        .run(tauri::generate_context!())
        .expect("la fenêtre de Reclam n'a pas pu s'ouvrir");
}
