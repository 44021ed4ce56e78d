//! The complaint's steps: acknowledgement, holding letter, answer, closure, dysfunctions.

use super::CmdResult;
use crate::AppState;
use reclam::api::lifecycle::{
    AcknowledgeReq, AddDysfunctionReq, AnswerReq, AuthorityCheckReq, CloseReq, HoldReq,
};
use reclam::api::Request;
use reclam::register::AuthorityCheck;
use reclam::store::ComplaintView;
use reclam::sync::Op;
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub fn acknowledge(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    via: Option<String>,
    copy: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = AcknowledgeReq {
        reference,
        on,
        via,
        copy,
    };
    let a = req.clone().decode()?;
    state.change_via(
        actor,
        &a.reference,
        || Op::Acknowledge(req),
        |reg| reg.acknowledge(&a.reference, a.on, a.sent.clone()),
    )
}

#[tauri::command]
pub fn hold(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    note: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = HoldReq {
        reference,
        on,
        note,
    };
    let h = req.clone().decode()?;
    state.change_via(
        actor,
        &h.reference,
        || Op::Hold(req),
        |reg| reg.hold(&h.reference, h.on, &h.note),
    )
}

/// Record the answer; `input` is an `AnswerReq` without its reference (the gesture, refund
/// and internal document included). A gesture or refund beyond the acting user's authority
/// is refused until an accepted request covers it.
#[tauri::command]
pub fn answer(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let mut input = input;
    if let Value::Object(map) = &mut input {
        map.insert("reference".into(), Value::String(reference));
    }
    let req: AnswerReq =
        reclam::complaint::input::from_json_value(input).map_err(reclam::Error::from)?;
    let a = req.clone().decode()?;
    state.change_via(
        actor,
        &a.reference,
        || Op::Answer(req),
        |reg| {
            reg.answer(
                &a.reference,
                a.on,
                a.outcome,
                &a.summary,
                &a.money,
                a.sent.clone(),
            )
        },
    )
}

/// What the answer's money needs from the acting user (reason, approval, document), as
/// they type it; `input` is an `AnswerMoneyReq`.
#[tauri::command]
pub fn authority_check(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<AuthorityCheck> {
    let mut input = input;
    if let Value::Object(map) = &mut input {
        map.insert("reference".into(), Value::String(reference));
    }
    let a = reclam::api::decode::<AuthorityCheckReq>(input)?;
    state.reading_as(actor, |reg| reg.authority_check(&a.reference, &a.money))
}

#[tauri::command]
pub fn close(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    feedback: String,
    satisfaction: Option<u8>,
    recourse: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = CloseReq {
        reference,
        on,
        feedback,
        satisfaction,
        recourse,
    };
    let c = req.clone().decode()?;
    state.change_via(
        actor,
        &c.reference,
        || Op::Close(req),
        |reg| {
            reg.close(
                &c.reference,
                c.on,
                c.feedback,
                c.satisfaction,
                c.recourse.as_deref(),
            )
        },
    )
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
    let req = AddDysfunctionReq {
        reference,
        category,
        description,
        on,
    };
    let d = req.clone().decode()?;
    state.change_via(
        actor,
        &d.reference,
        || Op::AddDysfunction(req),
        |reg| reg.add_dysfunction(&d.reference, d.category, &d.description, d.on),
    )
}
