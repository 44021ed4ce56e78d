//! The register's proof and its backups.

use super::tasks::{self, TaskKind};
use super::CmdResult;
use crate::AppState;
use reclam::clock::SystemClock;
use reclam::store::backup::{BackupStatus, RestorePreview, RestoreReport};
use reclam::store::verify::VerifyReport;
use reclam::wire::TaskProgress;
use reclam::Register;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

/// Walk the register's proof (hash chain, states, letters, attachments), as a long operation
/// (progress on `on_progress`, cancellable: it only reads).
#[tauri::command]
pub async fn verify_register(
    app: AppHandle,
    on_progress: Channel<TaskProgress>,
) -> CmdResult<VerifyReport> {
    tasks::run(app, TaskKind::Verify, on_progress, |state, progress| {
        // On its own connection: the walk reads the whole register (about 1 s per 10,000
        // complaints) and the other screens keep working meanwhile (WAL: readers never block).
        let path = state.path()?;
        Ok(Register::open(&path, Arc::new(SystemClock))?.verify_with(progress)?)
    })
    .await
}

#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    let maintenance = state.maintenance()?;
    state.with(|reg| reg.backup_status(maintenance))
}

/// A backup of the open register where the user chose (save dialog), as a long operation (a
/// large register takes seconds to copy; cancellable: no file is left).
#[tauri::command]
pub async fn backup_now(
    app: AppHandle,
    path: PathBuf,
    on_progress: Channel<TaskProgress>,
) -> CmdResult<()> {
    tasks::run(
        app,
        TaskKind::Backup,
        on_progress,
        move |state, progress| {
            // On a connection of its own: the other screens keep working meanwhile (the copy
            // is one snapshot all the same: SQLite starts it again if a write comes in).
            let reader = state.with(|reg| reg.second_reader())?;
            Ok(reader.backup_to_with(&path, progress)?)
        },
    )
    .await
}

/// Replace the open register by a backup, after checking it; `accept_loss` is the user's
/// explicit confirmation of a restore that needs one (another register, a diverging journal).
#[tauri::command]
pub fn restore_backup(
    state: State<'_, AppState>,
    path: PathBuf,
    accept_loss: Option<bool>,
) -> CmdResult<RestoreReport> {
    state.restore(&path, accept_loss.unwrap_or(false))
}

/// Both registers side by side before a restore, and what it would lose.
#[tauri::command]
pub fn restore_preview(state: State<'_, AppState>, path: PathBuf) -> CmdResult<RestorePreview> {
    state.with(|reg| reg.restore_preview(&path))
}
