//! Corrective actions decided from the complaints and their dysfunctions.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::{AddActionReq, SetActionStatusReq};
use reclam::api::Request;
use reclam::complaint::{CorrectiveAction, DysfunctionEntry};
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub fn list_actions(state: State<'_, AppState>) -> CmdResult<Vec<CorrectiveAction>> {
    state.with(|reg| reg.corrective_actions())
}

#[tauri::command]
pub fn list_dysfunctions(state: State<'_, AppState>) -> CmdResult<Vec<DysfunctionEntry>> {
    state.with(|reg| reg.dysfunction_log())
}

#[tauri::command]
pub fn add_action(
    state: State<'_, AppState>,
    action: Value,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let a = AddActionReq { action }.decode()?;
    state.acting(actor, |reg| reg.add_corrective_action(&a))
}

#[tauri::command]
pub fn set_action_status(
    state: State<'_, AppState>,
    id: i64,
    status: String,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let (id, status) = SetActionStatusReq { id, status }.decode()?;
    state.acting(actor, |reg| reg.set_corrective_action_status(id, status))
}
