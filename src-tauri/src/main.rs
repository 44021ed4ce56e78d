//! Reclam's desktop shell: window, state and commands of a few lines over the `reclam` core.
//!
//! No SQL and no business rule here: each command makes one core call and maps its error to
//! the `{ code, message }` the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use reclam::clock::SystemClock;
use reclam::store::register::{RegisterPage, RegisterQuery};
use reclam::{Store, WireError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The open register, or why it could not be opened (shown by the UI instead of crashing).
struct AppState {
    store: Mutex<Result<Store, WireError>>,
}

type CmdResult<T> = Result<T, WireError>;

impl AppState {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> reclam::Result<T>) -> CmdResult<T> {
        let mut guard = self.store.lock().map_err(|_| WireError {
            code: "internal".into(),
            message: "état interne incohérent : redémarrez Reclam".into(),
            field: None,
        })?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| e.to_wire())
    }
}

#[tauri::command]
fn list_complaints(
    state: tauri::State<'_, AppState>,
    query: RegisterQuery,
) -> CmdResult<RegisterPage> {
    state.with(|s| s.list(&query))
}

/// The register file: `RECLAM_DB` if set (tests, several firms), else the default data file
/// shared with the `reclam` CLI.
fn database_path() -> PathBuf {
    std::env::var_os("RECLAM_DB")
        .map(PathBuf::from)
        .unwrap_or_else(reclam::store::default_path)
}

fn main() {
    let store = Store::open(database_path(), Arc::new(SystemClock)).map_err(|e| e.to_wire());
    if let Err(e) = &store {
        eprintln!("Reclam : {}", e.message);
    }
    tauri::Builder::default()
        .manage(AppState {
            store: Mutex::new(store),
        })
        .invoke_handler(tauri::generate_handler![list_complaints])
        .run(tauri::generate_context!())
        .expect("la fenêtre de Reclam n'a pas pu s'ouvrir");
}
