//! Who is at the keyboard: the sign-in screen, the lock, the first account of a register.

use super::CmdResult;
use crate::AppState;
use reclam::firm::SessionState;
use tauri::State;

/// Who may act now (the sign-in screen, the lock, Settings' warning without credentials).
#[tauri::command]
pub fn session_state(state: State<'_, AppState>) -> CmdResult<SessionState> {
    let shared = state.server_config()?;
    if shared.url.is_some() && !shared.open && state.lock_shared()? {
        return Ok(SessionState::locked());
    }
    state.with_register(|reg| {
        let mut s = reg.session()?;
        // The firm's register: the member signed in with their server password.
        s.sign_in_required |= shared.open;
        Ok(s)
    })
}

/// Sign in with a password or PIN; refused, or delayed after five failures in a row.
#[tauri::command]
pub fn sign_in(state: State<'_, AppState>, name: &str, secret: &str) -> CmdResult<SessionState> {
    state.with_register(|reg| {
        reg.sign_in(name, secret)?;
        reg.session()
    })
}

/// Choose who acts on a register without credentials (anyone at this computer may).
#[tauri::command]
pub fn choose_user(state: State<'_, AppState>, name: &str) -> CmdResult<SessionState> {
    state.with_register(|reg| {
        reg.act_as(name)?;
        reg.session()
    })
}

/// Lock the app ("Verrouiller", or after the idle time): nobody acts until a sign-in.
#[tauri::command]
pub fn lock(state: State<'_, AppState>) -> CmdResult<SessionState> {
    if state.lock_shared()? {
        // The firm's register: the member signs in again (server_sign_in).
        return Ok(SessionState::locked());
    }
    state.with_register(|reg| {
        reg.lock();
        reg.session()
    })
}

/// The first user of a register with no user: the manager, with their secret, signed in.
#[tauri::command]
pub fn create_first_user(
    state: State<'_, AppState>,
    name: &str,
    secret: &str,
) -> CmdResult<SessionState> {
    state.with_register(|reg| {
        reg.create_first_user(name, secret)?;
        reg.session()
    })
}
