//! The firm's settings and its logo.

use super::CmdResult;
use crate::AppState;
use reclam::settings::Settings;
use reclam::sync::Op;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.with(|reg| reg.settings())
}

#[tauri::command]
pub fn set_setting(
    state: State<'_, AppState>,
    key: &str,
    value: &str,
    actor: &str,
) -> CmdResult<Settings> {
    if state.server_config()?.open {
        return state.with_workstation(|ws| {
            ws.execute(Op::SetSetting {
                key: key.to_owned(),
                value: value.to_owned(),
            })?;
            ws.register()?.settings()
        });
    }
    state.acting(actor, |reg| {
        reg.set_setting(key, value)?;
        reg.settings()
    })
}

/// Save a group of settings (the Settings screen's sections), checked together: a mediator
/// without its postal address is refused here, not when a rejection letter is written.
#[tauri::command]
pub fn set_settings(
    state: State<'_, AppState>,
    entries: Vec<(String, String)>,
    actor: &str,
) -> CmdResult<Settings> {
    if state.server_config()?.open {
        return state.with_workstation(|ws| {
            ws.register()?.check_settings(&entries)?;
            for (key, value) in &entries {
                ws.execute(Op::SetSetting {
                    key: key.clone(),
                    value: value.clone(),
                })?;
            }
            ws.register()?.settings()
        });
    }
    state.acting(actor, |reg| {
        reg.set_settings(&entries)?;
        reg.settings()
    })
}

/// Set the firm's logo from the PNG the user picked.
#[tauri::command]
pub fn set_logo(state: State<'_, AppState>, path: PathBuf, actor: &str) -> CmdResult<()> {
    if state.server_config()?.open {
        let png = reclam::register::files::read("logo", &path).map_err(reclam::Error::from)?;
        return state.with_workstation(|ws| ws.execute(Op::SetLogo { png }).map(|_| ()));
    }
    state.acting(actor, |reg| reg.set_logo_file(&path))
}
