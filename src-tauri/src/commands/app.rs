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
            // The launcher's own words ("Launcher \"gio\" \"open\" ... failed with
            // ExitStatus(...)") go to the log, for support; the user is told what is likely
            // missing and where the file is.
            eprintln!("viewer for {}: {e}", file.display());
            no_viewer(file)
        })
}

/// No application opened `file`: say so in French, and where the file is, so that the user
/// can open it from its folder. It is the register's temporary copy for the viewer (deleted
/// after an hour, and when Reclam starts again): the register keeps the letter itself.
fn no_viewer(file: &Path) -> WireError {
    let is_pdf = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let what = if is_pdf {
        "aucun lecteur de PDF ne s'est ouvert sur ce poste (il n'y en a peut-être pas d'installé)"
    } else {
        "aucune application de ce poste n'a ouvert ce fichier (aucune n'est peut-être \
         installée pour ce type de fichier)"
    };
    WireError::new(
        ErrorCode::Io,
        format!(
            "{what}\u{a0}: une copie provisoire est ici, «\u{a0}{}\u{a0}», effacée dans \
             l'heure",
            file.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_viewer_is_said_with_the_file_s_place() {
        let e = no_viewer(Path::new("/tmp/reclam-lecture/lettre-3-answer.PDF"));
        assert_eq!(e.code, ErrorCode::Io);
        assert_eq!(
            e.message,
            "aucun lecteur de PDF ne s'est ouvert sur ce poste (il n'y en a peut-être pas \
             d'installé)\u{a0}: une copie provisoire est ici, \
             «\u{a0}/tmp/reclam-lecture/lettre-3-answer.PDF\u{a0}», effacée dans l'heure"
        );
        let e = no_viewer(Path::new("/tmp/reclam-lecture/7-photo.heic"));
        assert!(
            e.message.starts_with("aucune application de ce poste"),
            "{}",
            e.message
        );
        assert!(
            e.message
                .contains("«\u{a0}/tmp/reclam-lecture/7-photo.heic\u{a0}»"),
            "{}",
            e.message
        );
    }
}
