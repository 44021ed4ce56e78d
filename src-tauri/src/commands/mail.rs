//! Complaints taken in from an e-mail file (`.eml`, `.msg`) chosen or dropped on the app: the
//! proposal first, recorded once the user checked it; an e-mail added to a complaint's file.

use super::CmdResult;
use crate::AppState;
use reclam::complaint::{Complaint, NewComplaint};
use reclam::register::mail::EmailIntake;
use reclam::store::ComplaintView;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tauri::State;

fn email_file(path: &Path) -> reclam::Result<(String, Vec<u8>)> {
    Ok(reclam::mail::read_file(path)?)
}

/// What the message proposes (nothing recorded).
#[tauri::command]
pub fn read_email(state: State<'_, AppState>, path: PathBuf) -> CmdResult<EmailIntake> {
    let (name, bytes) = email_file(&path)?;
    state.with(|reg| reg.propose_from_email(&name, &bytes))
}

/// Record the complaint as checked (`input`, a `NewComplaint`), with the message and its
/// attachments kept in its file.
#[tauri::command]
pub fn record_from_email(
    state: State<'_, AppState>,
    input: Value,
    path: PathBuf,
    actor: &str,
) -> CmdResult<Complaint> {
    let new: NewComplaint =
        reclam::complaint::input::from_json_value(input).map_err(reclam::Error::from)?;
    let (name, bytes) = email_file(&path)?;
    if state.is_shared()? {
        let out = state.with_workstation(|ws| ws.record_from_email(&new, &name, &bytes))?;
        return serde_json::from_value(out).map_err(|e| {
            reclam::Error::Server(format!("réponse illisible du registre partagé : {e}")).into()
        });
    }
    state.acting(actor, |reg| reg.record_from_email(&new, &name, &bytes))
}

/// An e-mail about a complaint: an incoming exchange, the message and its attachments kept.
#[tauri::command]
pub fn add_email_exchange(
    state: State<'_, AppState>,
    reference: String,
    path: PathBuf,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = reclam::api::decode::<reclam::api::complaints::ReferenceReq>(
        serde_json::json!({ "reference": reference }),
    )?;
    let (name, bytes) = email_file(&path)?;
    if state.is_shared()? {
        return state.with_workstation(|ws| {
            ws.add_email_exchange(r.as_str(), &name, &bytes)?;
            ws.register()?.view(&r)
        });
    }
    state.acting(actor, |reg| {
        reg.add_email_exchange(&r, &name, &bytes)?;
        reg.view(&r)
    })
}
