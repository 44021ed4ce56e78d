//! The complaint's file: exchanges with the client, dispute legs, attachments.

use super::app::open_in_viewer;
use super::CmdResult;
use crate::AppState;
use reclam::api::lifecycle::{AddAttachmentReq, AddDisputeStepReq, AddExchangeReq};
use reclam::api::Request;
use reclam::store::ComplaintView;
use reclam::sync::Op;
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn add_exchange(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = AddExchangeReq { reference, input };
    let (r, x) = req.clone().decode()?;
    state.change_via(
        actor,
        &r,
        || Op::AddExchange(req),
        |reg| reg.add_exchange(&r, &x),
    )
}

#[tauri::command]
pub fn add_dispute_step(
    state: State<'_, AppState>,
    reference: String,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let req = AddDisputeStepReq { reference, input };
    let (r, step) = req.clone().decode()?;
    state.change_via(
        actor,
        &r,
        || Op::AddDisputeStep(req),
        |reg| reg.add_dispute_step(&r, &step),
    )
}

/// Attach the file the user picked in the native dialog (read here, stored in the register).
#[tauri::command]
pub fn add_attachment(
    state: State<'_, AppState>,
    reference: String,
    path: PathBuf,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, path) = AddAttachmentReq { reference, path }.decode()?;
    if state.server_config()?.open {
        // The file itself travels to every workstation.
        let bytes =
            reclam::register::files::read("attachment", &path).map_err(reclam::Error::from)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "piece-jointe".into());
        return state.change_via(
            actor,
            &r,
            || Op::AddAttachment {
                reference: r.to_string(),
                name,
                bytes,
            },
            |_| Ok(()),
        );
    }
    state.change(actor, &r, |reg| reg.add_attachment_file(&r, &path))
}

/// Open an attachment (hash checked) in the system viewer.
#[tauri::command]
pub fn open_attachment(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<()> {
    let file = state.with(|reg| reg.attachment_for_viewer(id))?;
    open_in_viewer(&app, &file)
}
