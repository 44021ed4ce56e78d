//! Intake: the register list, the complaint file, recording and correcting a complaint.

use super::CmdResult;
use crate::AppState;
use reclam::api::complaints::{
    ListComplaintsReq, PreviewDeadlinesReq, RecordComplaintReq, RecordRequestReq, ReferenceReq,
    UpdateComplaintReq,
};
use reclam::api::Request;
use reclam::calendar::Deadlines;
use reclam::complaint::Complaint;
use reclam::store::register::RegisterPage;
use reclam::store::today::TodaySummary;
use reclam::store::ComplaintView;
use reclam::sync::Op;
use serde_json::Value;
use tauri::State;

#[tauri::command]
pub fn list_complaints(state: State<'_, AppState>, query: Value) -> CmdResult<RegisterPage> {
    let q = ListComplaintsReq { query }.decode()?;
    state.with(|reg| reg.list(&q))
}

#[tauri::command]
pub fn today_summary(state: State<'_, AppState>) -> CmdResult<TodaySummary> {
    state.with(|reg| reg.today_summary())
}

#[tauri::command]
pub fn get_complaint(state: State<'_, AppState>, reference: String) -> CmdResult<ComplaintView> {
    let r = ReferenceReq { reference }.decode()?;
    state.with(|reg| reg.view(&r))
}

#[tauri::command]
pub fn preview_deadlines(
    state: State<'_, AppState>,
    sent_on: Option<String>,
    received_on: String,
) -> CmdResult<Deadlines> {
    let p = PreviewDeadlinesReq {
        sent_on,
        received_on,
    }
    .decode()?;
    state.with(|reg| Ok(reg.preview_deadlines(p.sent_on, p.received_on)))
}

#[tauri::command]
pub fn record_complaint(
    state: State<'_, AppState>,
    input: Value,
    actor: &str,
) -> CmdResult<Complaint> {
    let req = RecordComplaintReq { input };
    let new = req.clone().decode()?;
    state.acting_via(
        actor,
        || Op::Record {
            reference: String::new(),
            req,
        },
        |reg| reg.record(&new),
    )
}

#[tauri::command]
pub fn record_request(state: State<'_, AppState>, input: Value, actor: &str) -> CmdResult<i64> {
    let req = RecordRequestReq { input };
    let new = req.clone().decode()?;
    state.acting_via(
        actor,
        || Op::RecordRequest(req),
        |reg| reg.record_request(&new),
    )
}

#[tauri::command]
pub fn update_complaint(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = UpdateComplaintReq { reference, input };
    let (r, new) = req.clone().decode()?;
    state.change_via(actor, &r, || Op::Update(req), |reg| reg.update(&r, &new))
}

/// The complaints still open for this client (name or contract), shown at intake.
#[tauri::command]
pub fn open_for_client(
    state: State<'_, AppState>,
    name: String,
    contract: Option<String>,
) -> CmdResult<Vec<reclam::store::clients::ClientComplaintSummary>> {
    state.with(|reg| reg.open_for_client(&name, contract.as_deref()))
}
