//! The firm's register shared on its PostgreSQL server: joining it, signing in (online or
//! offline), the sync state, the conflicts to review.

use super::CmdResult;
use crate::AppState;
use reclam::store::sync::Conflict;
use reclam::sync::{Op, SyncStatus};
use reclam::wire::{AppInfo, ServerConfig};
use tauri::State;

#[tauri::command]
pub fn server_config(state: State<'_, AppState>) -> CmdResult<ServerConfig> {
    state.server_config()
}

/// Try a server and a login without joining.
#[tauri::command]
pub async fn test_server(
    state: State<'_, AppState>,
    url: String,
    password: String,
) -> CmdResult<SyncStatus> {
    state.test_server(&url, &password)
}

/// Join the firm's register: this desk shows it from now on, signed in as the URL's login.
#[tauri::command]
pub async fn join_server(
    state: State<'_, AppState>,
    url: String,
    password: String,
) -> CmdResult<AppInfo> {
    state.open_shared(&url, &password, true)?;
    state.info()
}

/// Sign in to the firm's register this desk joined (offline too, once known here).
#[tauri::command]
pub async fn server_sign_in(state: State<'_, AppState>, password: String) -> CmdResult<SyncStatus> {
    let url = state.server_config()?.url.ok_or_else(|| {
        reclam::WireError::from(reclam::Error::Server(
            "ce poste n'a pas rejoint le registre d'un cabinet".into(),
        ))
    })?;
    state.open_shared(&url, &password, false)
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
pub async fn sync_now(state: State<'_, AppState>) -> CmdResult<SyncStatus> {
    state.with_workstation(|ws| {
        ws.sync()?;
        ws.status_checked()
    })
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
