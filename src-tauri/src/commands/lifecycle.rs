//! The complaint's steps: acknowledgement, holding letter, answer, closure, dysfunctions.

use super::CmdResult;
use crate::AppState;
use reclam::api::lifecycle::{AcknowledgeReq, AddDysfunctionReq, AnswerReq, CloseReq, HoldReq};
use reclam::api::Request;
use reclam::store::ComplaintView;
use tauri::State;

#[tauri::command]
pub fn acknowledge(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let a = AcknowledgeReq { reference, on }.decode()?;
    state.change(actor, &a.reference, |reg| {
        reg.acknowledge(&a.reference, a.on)
    })
}

#[tauri::command]
pub fn hold(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    note: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let h = HoldReq {
        reference,
        on,
        note,
    }
    .decode()?;
    state.change(actor, &h.reference, |reg| {
        reg.hold(&h.reference, h.on, &h.note)
    })
}

#[tauri::command]
#[allow(clippy::too_many_arguments)] // the UI's arguments, one by one
pub fn answer(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    outcome: String,
    summary: String,
    gesture: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let a = AnswerReq {
        reference,
        on,
        outcome,
        summary,
        gesture,
    }
    .decode()?;
    state.change(actor, &a.reference, |reg| {
        reg.answer(&a.reference, a.on, a.outcome, &a.summary, a.gesture)
    })
}

#[tauri::command]
pub fn close(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    feedback: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let c = CloseReq {
        reference,
        on,
        feedback,
    }
    .decode()?;
    state.change(actor, &c.reference, |reg| {
        reg.close(&c.reference, c.on, c.feedback)
    })
}

#[tauri::command]
pub fn add_dysfunction(
    state: State<'_, AppState>,
    reference: String,
    category: String,
    description: String,
    on: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let d = AddDysfunctionReq {
        reference,
        category,
        description,
        on,
    }
    .decode()?;
    state.change(actor, &d.reference, |reg| {
        reg.add_dysfunction(&d.reference, d.category, &d.description, d.on)
    })
}
