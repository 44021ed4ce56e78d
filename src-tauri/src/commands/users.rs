//! The firm's people: who may use the register, sign letters and grant gestures.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::AddUserReq;
use reclam::api::Request;
use reclam::firm::User;
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn list_users(state: State<'_, AppState>) -> CmdResult<Vec<User>> {
    state.with(|reg| reg.users())
}

#[tauri::command]
pub fn add_user(state: State<'_, AppState>, input: Value, actor: &str) -> CmdResult<Vec<User>> {
    let new = AddUserReq { input }.decode()?;
    state.acting(actor, |reg| {
        reg.add_user(&new)?;
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
    state.acting(actor, |reg| reg.set_signature_file(user, &path))
}
