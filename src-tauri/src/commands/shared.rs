//! The firm's register shared on its PostgreSQL server: joining it, signing in (online or
//! offline), the sync state, the conflicts to review.

use super::{internal, CmdResult};
use crate::AppState;
use reclam::store::sync::Conflict;
use reclam::sync::{Op, SyncStatus};
use reclam::wire::{AppInfo, ServerConfig};
use tauri::State;
use tauri::{AppHandle, Manager};

/// Run `f` on a thread of its own: the server's client blocks (connecting may take seconds),
/// and may neither hold the window's thread nor run inside the async runtime.
pub async fn off_thread<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&AppState) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f(&app.state::<AppState>()));
    });
    rx.await.map_err(|_| internal())?
}

#[tauri::command]
pub fn server_config(state: State<'_, AppState>) -> CmdResult<ServerConfig> {
    state.server_config()
}

/// Try a server and a login without joining.
#[tauri::command]
pub async fn test_server(app: AppHandle, url: String, password: String) -> CmdResult<SyncStatus> {
    off_thread(app, move |state| state.test_server(&url, &password)).await
}

/// Join the firm's register: this desk shows it from now on, signed in as the URL's login.
#[tauri::command]
pub async fn join_server(app: AppHandle, url: String, password: String) -> CmdResult<AppInfo> {
    off_thread(app, move |state| {
        state.open_shared(&url, &password, true)?;
        state.info()
    })
    .await
}

/// Move this desk's own register to the firm's new server, then join it.
#[tauri::command]
pub async fn move_to_server(
    app: AppHandle,
    url: String,
    password: String,
) -> CmdResult<reclam::sync::AdoptReport> {
    off_thread(app, move |state| state.move_to_server(&url, &password)).await
}

/// Sign in to the firm's register this desk joined (offline too, once known here).
#[tauri::command]
pub async fn server_sign_in(app: AppHandle, password: String) -> CmdResult<SyncStatus> {
    off_thread(app, move |state| {
        let url = state.server_config()?.url.ok_or_else(|| {
            reclam::WireError::from(reclam::Error::Server(
                "ce poste n'a pas rejoint le registre d'un cabinet".into(),
            ))
        })?;
        state.open_shared(&url, &password, false)
    })
    .await
}

/// Back to this desk's own register.
#[tauri::command]
pub fn leave_server(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    state.leave_server()
}

#[tauri::command]
pub fn sync_status(state: State<'_, AppState>) -> CmdResult<SyncStatus> {
    state.with_workstation(|ws| ws.status())
}

/// Push and pull now.
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> CmdResult<SyncStatus> {
    off_thread(app, |state| {
        // Offline: reach the server first without holding the app's lock (connecting may take
        // seconds while the other commands wait for it).
        let (offline, target, password) = state.with_workstation(|ws| {
            let (target, password) = ws.credentials();
            Ok((!ws.is_online(), target, password))
        })?;
        let fresh = if offline {
            match target.connect(&password) {
                Ok(server) => Some(server),
                Err(_) => return state.with_workstation(|ws| ws.status()),
            }
        } else {
            None
        };
        state.with_workstation(|ws| {
            if let Some(server) = fresh {
                if let Err(e) = ws.attach(server) {
                    if !matches!(e, reclam::Error::Offline(_)) {
                        return Err(e);
                    }
                }
            }
            ws.sync()?;
            ws.status_checked()
        })
    })
    .await
}

#[tauri::command]
pub fn list_conflicts(state: State<'_, AppState>, all: bool) -> CmdResult<Vec<Conflict>> {
    state.with_workstation(|ws| ws.conflicts(!all))
}

/// Mark a conflict reviewed (a supervisor or a manager); returns those still open.
#[tauri::command]
pub fn resolve_conflict(
    state: State<'_, AppState>,
    seq: i64,
    note: String,
) -> CmdResult<Vec<Conflict>> {
    state.with_workstation(|ws| {
        ws.execute(Op::ResolveConflict { seq, note })?;
        ws.conflicts(true)
    })
}
