//! Reclam's desktop shell: the window, the one managed state (the open [`Register`]) and the
//! start-up; the commands, one file per trade word, are in `commands/`.
//!
//! No SQL, no business rule and no file naming here: the commands decode their arguments with
//! `reclam::api`, make one `Register` call and hand back its answer or its `{ code, message,
//! field }` error.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use commands::{internal, CmdResult};
use reclam::clock::SystemClock;
use reclam::complaint::ComplaintRef;
use reclam::store::backup::{Maintenance, RestoreReport};
use reclam::store::ComplaintView;
use reclam::wire::AppInfo;
use reclam::{Register, WireError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Complaints in a freshly created demo register.
const DEMO_COUNT: u32 = 1_000;

/// The open register (or why it could not be opened), and which file it is.
struct Open {
    register: Result<Register, WireError>,
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
    /// Run `f` on the open register.
    /// Run `f` on the open register, once someone is signed in (when the register has
    /// credentials): a locked app reads nothing.
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
        let register = open.register.as_mut().map_err(|e| e.clone())?;
        Ok(f(register)?)
    }

    /// Run `f` as `actor` (every change is journaled under that name).
    pub fn acting<T>(
        &self,
        actor: &str,
        f: impl FnOnce(&mut Register) -> reclam::Result<T>,
    ) -> CmdResult<T> {
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

    /// The file of the open register (refused if it could not be opened).
    pub fn path(&self) -> CmdResult<PathBuf> {
        let open = self.open.lock().map_err(|_| internal())?;
        open.register.as_ref().map_err(|e| e.clone())?;
        Ok(open.path.clone())
    }

    pub fn maintenance(&self) -> CmdResult<Maintenance> {
        Ok(self.maintenance.lock().map_err(|_| internal())?.clone())
    }

    /// What the UI needs to know at start (and after switching registers).
    pub fn info(&self) -> CmdResult<AppInfo> {
        let open = self.open.lock().map_err(|_| internal())?;
        let (region, open_error, empty) = match &open.register {
            Ok(reg) => (reg.region().as_str().to_owned(), None, reg.is_empty()?),
            Err(e) => (String::new(), Some(e.clone()), true),
        };
        Ok(AppInfo {
            db_path: open.path.display().to_string(),
            is_demo: open.is_demo,
            today: reclam::clock::Clock::today(&SystemClock),
            region,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            open_error,
            empty,
        })
    }

    /// Open the demo register (filled on first use) or the firm's.
    pub fn switch(&self, demo: bool) -> CmdResult<AppInfo> {
        let path = if demo {
            demo_path(&self.real_path)
        } else {
            self.real_path.clone()
        };
        let register = open_register(&path, demo)?;
        *self.open.lock().map_err(|_| internal())? = Open {
            register: Ok(register),
            path,
            is_demo: demo,
        };
        self.info()
    }

    /// Replace the open register by a backup, after checking it; the register is closed
    /// during the swap and reopened after (the old one again if the backup is refused).
    pub fn restore(&self, from: &Path, accept_loss: bool) -> CmdResult<RestoreReport> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        // A register that opens and has passwords: only a signed-in manager replaces it. One
        // that cannot be opened is restored from the start screen by whoever is there.
        if let Ok(reg) = &open.register {
            reg.require_signed_in_manager("restaurer une sauvegarde")?;
        }
        let (target, is_demo) = (open.path.clone(), open.is_demo);
        // Close the register: nothing may hold it open while it is replaced.
        open.register = Err(internal());
        // The register reopens with nobody acting: whoever acted on the replaced one may not
        // exist in the restored one, so everyone signs in again.
        let result = Register::restore(from, &target, Arc::new(SystemClock), accept_loss);
        open.register = open_register(&target, is_demo);
        let report = result?;
        open.register.as_ref().map_err(|e| e.clone())?;
        Ok(report)
    }
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
    // Copies left for the viewer by an earlier run (draft letters, attachments): gone.
    reclam::register::files::purge_viewer_copies(
        &reclam::register::files::viewer_folder(),
        std::time::Duration::ZERO,
    );
    let real_path = database_path();
    let register = open_register(&real_path, false);
    let open_error = register.as_ref().err().cloned();
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
            register,
            path: real_path.clone(),
            is_demo: false,
        }),
        real_path: real_path.clone(),
        maintenance: maintenance.clone(),
    };
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .setup(move |app| {
            match &open_error {
                // Beside the UI: the first screen does not wait for the check or the backup.
                None => {
                    let (path, into) = (real_path.clone(), maintenance.clone());
                    std::thread::spawn(move || run_maintenance(path, into));
                }
                Some(e) => show_open_error(app, e),
            }
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("la fenêtre de Reclam n'a pas pu s'ouvrir");
}
