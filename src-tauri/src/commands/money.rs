//! Where money is decided: requests for approval and their decisions, proposals made to the
//! client, the refund's payment.

use super::CmdResult;
use crate::AppState;
use reclam::api::Fields;
use reclam::complaint::{EscalationDecision, NewEscalation, NewProposal, NewRefundPayment};
use reclam::store::authority::{PendingApproval, RefundDue};
use reclam::store::ComplaintView;
use reclam::sync::Op;
use serde_json::Value;
use tauri::State;

fn reference(reference: &str) -> CmdResult<reclam::complaint::ComplaintRef> {
    let mut f = Fields::default();
    match f.reference("reference", reference) {
        Some(r) => Ok(r),
        None => Err(f.into_error().into()),
    }
}

fn decode<T: serde::de::DeserializeOwned>(input: Value) -> CmdResult<T> {
    let mut f = Fields::default();
    match f.json(input) {
        Some(v) => Ok(v),
        None => Err(f.into_error().into()),
    }
}

/// Ask for the approval of a gesture or refund beyond the acting user's authority.
#[tauri::command]
pub fn request_approval(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(&reference)?;
    let e: NewEscalation = decode(input.clone())?;
    state.change_via(
        actor,
        &r,
        || Op::RequestApproval { reference, input },
        |reg| reg.request_approval(&r, &e),
    )
}

/// Accept (possibly for a lower amount) or refuse a request, as the acting user.
#[tauri::command]
pub fn decide_approval(
    state: State<'_, AppState>,
    id: i64,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let d: EscalationDecision = decode(input.clone())?;
    if state.server_config()?.open {
        return state.with_workstation(|ws| {
            let (reference, _) = ws.register()?.store().escalation(id)?;
            ws.execute(Op::DecideApproval {
                id,
                reference: reference.to_string(),
                input,
            })?;
            let reg = ws.register()?;
            let (r, _) = reg.store().escalation(id)?;
            reg.view(&r)
        });
    }
    state.acting(actor, |reg| {
        let e = reg.decide_approval(id, &d)?;
        let (r, _) = reg.store().escalation(e.id)?;
        reg.view(&r)
    })
}

/// The requests waiting for a decision that concern the acting user (Aujourd'hui).
#[tauri::command]
pub fn pending_approvals(
    state: State<'_, AppState>,
    actor: &str,
) -> CmdResult<Vec<PendingApproval>> {
    state.reading_as(actor, |reg| reg.pending_approvals())
}

/// Refunds decided and not yet paid (Aujourd'hui).
#[tauri::command]
pub fn refunds_due(state: State<'_, AppState>) -> CmdResult<Vec<RefundDue>> {
    state.with(|reg| reg.refunds_due())
}

#[tauri::command]
pub fn add_proposal(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(&reference)?;
    let p: NewProposal = decode(input.clone())?;
    state.change_via(
        actor,
        &r,
        || Op::AddProposal { reference, input },
        |reg| reg.add_proposal(&r, &p),
    )
}

/// The client's response to a proposal: accepted or refused, on a day.
#[tauri::command]
pub fn respond_proposal(
    state: State<'_, AppState>,
    reference: String,
    id: i64,
    accepted: bool,
    on: String,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let mut f = Fields::default();
    let r = f.reference("reference", &reference);
    let day = f.date("on", &on);
    let (Some(r), Some(day)) = (r, day) else {
        return Err(f.into_error().into());
    };
    state.change_via(
        actor,
        &r,
        || Op::RespondProposal {
            reference,
            id,
            accepted,
            on,
        },
        |reg| reg.respond_proposal(&r, id, accepted, day),
    )
}

#[tauri::command]
pub fn record_refund_payment(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(&reference)?;
    let p: NewRefundPayment = decode(input.clone())?;
    state.change_via(
        actor,
        &r,
        || Op::RecordRefundPayment { reference, input },
        |reg| reg.record_refund_payment(&r, &p),
    )
}
