//! The application: which register is open, the demo register, the system viewer.

use super::CmdResult;
use crate::AppState;
use reclam::wire::AppInfo;
use reclam::{ErrorCode, WireError};
use std::path::Path;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    state.info()
}

#[tauri::command]
pub async fn open_demo(app: tauri::AppHandle) -> CmdResult<AppInfo> {
    // Closing the firm's register drops its server connection, whose client blocks: off the
    // async runtime.
    super::shared::off_thread(app, |state| state.switch(true)).await
}

#[tauri::command]
pub fn open_default(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    state.switch(false)
}

/// Open a file the register wrote for the viewer (a letter, an attachment).
pub fn open_in_viewer(app: &tauri::AppHandle, file: &Path) -> CmdResult<()> {
    app.opener()
        .open_path(file.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            WireError::new(
                ErrorCode::Io,
                format!("impossible d'ouvrir le fichier : {e}"),
            )
        })
}
