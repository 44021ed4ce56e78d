//! What happens besides the usual steps: a withdrawal, a requalification, an oral complaint's
//! written confirmation, how a step reached the client; and the requests for information.

use super::CmdResult;
use crate::AppState;
use chrono::NaiveDate;
use reclam::api::ending::{
    CloseRequestReq, ConfirmReq, EndReq, RequestToComplaintReq, SetPlatformReq, StateSentReq,
};
use reclam::api::Request;
use reclam::complaint::{Complaint, ComplaintRef};
use reclam::store::{ComplaintView, InfoRequest, RequestPage, RequestQuery};
use reclam::sync::Op;
use reclam::Register;
use serde_json::Value;
use tauri::State;

/// A withdrawal or a requalification: the same request, its own change and use case.
fn end(
    state: State<'_, AppState>,
    req: EndReq,
    actor: &str,
    op: fn(EndReq) -> Op,
    use_case: fn(&mut Register, &ComplaintRef, NaiveDate, &str) -> reclam::Result<Complaint>,
) -> CmdResult<ComplaintView> {
    let e = req.clone().decode()?;
    state.change_via(
        actor,
        &e.reference,
        || op(req),
        |reg| use_case(reg, &e.reference, e.on, &e.reason),
    )
}

#[tauri::command]
pub fn withdraw(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = EndReq {
        reference,
        on,
        reason,
    };
    end(state, req, actor, Op::Withdraw, Register::withdraw)
}

#[tauri::command]
pub fn requalify(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    reason: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = EndReq {
        reference,
        on,
        reason,
    };
    end(state, req, actor, Op::Requalify, Register::requalify)
}

#[tauri::command]
pub fn confirm(
    state: State<'_, AppState>,
    reference: String,
    on: String,
    copy: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = ConfirmReq {
        reference,
        on,
        copy,
    };
    let c = req.clone().decode()?;
    state.change_via(
        actor,
        &c.reference,
        || Op::Confirm(req),
        |reg| reg.confirm(&c.reference, c.on, c.copy.clone()),
    )
}

#[tauri::command]
pub fn state_sent(
    state: State<'_, AppState>,
    reference: String,
    step: String,
    via: String,
    copy: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = StateSentReq {
        reference,
        step,
        via,
        copy,
    };
    let (r, step, sent) = req.clone().decode()?;
    state.change_via(
        actor,
        &r,
        || Op::StateSent(req),
        |reg| reg.state_sent(&r, step, sent),
    )
}

#[tauri::command]
pub fn list_requests(
    state: State<'_, AppState>,
    query: RequestQuery,
    actor: &str,
) -> CmdResult<RequestPage> {
    state.reading_as(actor, |reg| reg.requests(&query))
}

#[tauri::command]
pub fn close_request(
    state: State<'_, AppState>,
    id: i64,
    on: String,
    note: String,
    actor: &str,
) -> CmdResult<InfoRequest> {
    let req = CloseRequestReq { id, on, note };
    let (id, on, note) = req.clone().decode()?;
    let client_name = state.reading_as(actor, |reg| Ok(reg.request(id)?.client_name))?;
    state.acting_via(
        actor,
        || Op::CloseRequest { req, client_name },
        |reg| reg.close_request(id, on, &note),
    )
}

/// A request that was a complaint after all; `input` is the complaint as completed.
#[tauri::command]
pub fn request_to_complaint(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
    input: Value,
    actor: &str,
) -> CmdResult<Complaint> {
    let req = RequestToComplaintReq { id, reason, input };
    let (id, reason, new) = req.clone().decode()?;
    let client_name = state.reading_as(actor, |reg| Ok(reg.request(id)?.client_name))?;
    state.acting_via(
        actor,
        || Op::RequestToComplaint {
            reference: String::new(),
            req,
            client_name,
        },
        |reg| reg.request_to_complaint(id, &reason, &new),
    )
}

/// What the complaints platform says of the complaint; `input` is a `PlatformCase`.
#[tauri::command]
pub fn set_platform(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = SetPlatformReq { reference, input };
    let (r, case) = req.clone().decode()?;
    state.change_via(
        actor,
        &r,
        || Op::SetPlatform(req),
        |reg| reg.set_platform(&r, case.clone()),
    )
}
