//! Corrective actions decided from the complaints and their dysfunctions.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::{AddActionReq, EditActionReq, SetActionStatusReq};
use reclam::api::Request;
use reclam::complaint::{CorrectiveAction, DysfunctionEntry};
use reclam::sync::Op;
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
    let wire = AddActionReq { action };
    let a = wire.clone().decode()?;
    state.acting_via(
        actor,
        || Op::AddAction(wire),
        |reg| reg.add_corrective_action(&a),
    )
}

#[tauri::command]
pub fn set_action_status(
    state: State<'_, AppState>,
    id: i64,
    status: String,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let wire = SetActionStatusReq { id, status };
    let (id, status) = wire.clone().decode()?;
    // On the firm's register the action is named by its text too (ids are each cache's own).
    let description = if state.server_config()?.open {
        state.with(|reg| Ok(reg.corrective_action(id)?.description))?
    } else {
        String::new()
    };
    state.acting_via(
        actor,
        || Op::SetActionStatus {
            req: wire,
            description,
        },
        |reg| reg.set_corrective_action_status(id, status),
    )
}

/// Correct an action still open; `input` is an `ActionEdit`.
#[tauri::command]
pub fn edit_action(
    state: State<'_, AppState>,
    id: i64,
    input: Value,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let wire = EditActionReq { id, input };
    let (id, edit) = wire.clone().decode()?;
    let description = state.with(|reg| Ok(reg.corrective_action(id)?.description))?;
    state.acting_via(
        actor,
        || Op::EditAction {
            req: wire,
            description,
        },
        |reg| reg.edit_corrective_action(id, &edit),
    )
}
