//! The firm's people: who may use the register, sign letters and grant gestures. Managing
//! them is a manager's right (the core refuses anyone else); a user changes their own
//! password and signature.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::AddUserReq;
use reclam::api::{Fields, Request};
use reclam::firm::{User, UserEdit};
use reclam::sync::Op;
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn list_users(state: State<'_, AppState>) -> CmdResult<Vec<User>> {
    state.with(|reg| reg.users())
}

/// Add a user (with their first password or PIN, if given).
#[tauri::command]
pub fn add_user(state: State<'_, AppState>, input: Value, actor: &str) -> CmdResult<Vec<User>> {
    let new = AddUserReq { input }.decode()?;
    if state.server_config()?.open {
        // A member of the firm: their login on the server ("claire.martin"), with the first
        // password the manager hands over.
        let secret = new.secret.clone().unwrap_or_default();
        return state.with_workstation(|ws| {
            ws.add_member(&reclam::sync::server::login_for(&new.name), &new, &secret)?;
            ws.register()?.users()
        });
    }
    state.acting(actor, |reg| {
        reg.add_user(&new)?;
        reg.users()
    })
}

/// Change a user's role, signing right or personal limit.
#[tauri::command]
pub fn edit_user(
    state: State<'_, AppState>,
    name: &str,
    input: Value,
    actor: &str,
) -> CmdResult<Vec<User>> {
    let mut f = Fields::default();
    let Some(edit) = f.json::<UserEdit>(input) else {
        return Err(f.into_error().into());
    };
    if state.server_config()?.open {
        // The member's role on the server follows.
        return state.with_workstation(|ws| {
            ws.edit_member(name, &edit)?;
            ws.register()?.users()
        });
    }
    state.acting(actor, |reg| {
        reg.edit_user(name, &edit)?;
        reg.users()
    })
}

/// Deactivate (or reactivate) a user.
#[tauri::command]
pub fn set_user_active(
    state: State<'_, AppState>,
    name: &str,
    active: bool,
    actor: &str,
) -> CmdResult<Vec<User>> {
    if state.server_config()?.open {
        // Their server login is refused (or allowed) again from now on.
        return state.with_workstation(|ws| {
            ws.set_member_active(name, active)?;
            ws.register()?.users()
        });
    }
    state.acting(actor, |reg| {
        reg.set_user_active(name, active)?;
        reg.users()
    })
}

/// Set a user's password or PIN: one's own, or anyone's as a manager (a reset).
#[tauri::command]
pub fn set_password(
    state: State<'_, AppState>,
    name: &str,
    secret: &str,
    actor: &str,
) -> CmdResult<Vec<User>> {
    if state.server_config()?.open {
        // The member's password is their server login's.
        return state.with_workstation(|ws| {
            ws.set_member_password(name, secret)?;
            ws.register()?.users()
        });
    }
    state.acting(actor, |reg| {
        reg.set_password(name, secret)?;
        reg.users()
    })
}

/// Store a user's signature image, read from the PNG the user picked.
#[tauri::command]
pub fn set_signature(
    state: State<'_, AppState>,
    user: &str,
    path: PathBuf,
    actor: &str,
) -> CmdResult<Vec<User>> {
    if state.server_config()?.open {
        // The image travels to every workstation of the firm's register.
        let png = reclam::register::files::read("signature", &path).map_err(reclam::Error::from)?;
        return state.with_workstation(|ws| {
            ws.execute(Op::SetSignature {
                user: user.to_owned(),
                png,
            })?;
            ws.register()?.users()
        });
    }
    state.acting(actor, |reg| reg.set_signature_file(user, &path))
}
