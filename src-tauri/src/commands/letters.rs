//! Letters: templates, preview, drafts, issued letters and the approval of a gesture.

use super::app::open_in_viewer;
use super::CmdResult;
use crate::AppState;
use reclam::api::complaints::ReferenceReq;
use reclam::api::letters::LetterReq;
use reclam::api::Request;
use reclam::letters::Composed;
use reclam::letters::TemplateEntry;
use reclam::register::letters::LetterChoices;
use reclam::store::ComplaintView;
use reclam::sync::Op;
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn list_templates(state: State<'_, AppState>) -> CmdResult<Vec<TemplateEntry>> {
    state.with(|reg| reg.templates())
}

/// The placeholders a template may use (the letters', or those of the template `key`), with
/// their French descriptions.
#[tauri::command]
pub fn template_placeholders(key: Option<String>) -> Vec<(&'static str, &'static str)> {
    reclam::letters::placeholders_for(key.as_deref().unwrap_or_default()).to_vec()
}

#[tauri::command]
pub fn set_template(
    state: State<'_, AppState>,
    key: &str,
    text: &str,
    actor: &str,
) -> CmdResult<Vec<TemplateEntry>> {
    if state.server_config()?.open {
        return state.with_workstation(|ws| {
            ws.execute(Op::SetTemplate {
                key: key.to_owned(),
                text: text.to_owned(),
            })?;
            ws.register()?.templates()
        });
    }
    state.acting(actor, |reg| {
        reg.set_template(key, text)?;
        reg.templates()
    })
}

/// What the letter would say (for the on-screen preview); nothing is stored.
#[tauri::command]
pub fn preview_letter(
    state: State<'_, AppState>,
    reference: String,
    request: Value,
) -> CmdResult<Composed> {
    let (r, req) = LetterReq { reference, request }.decode()?;
    state.with(|reg| Ok(reg.draft_letter(&r, &req)?.composed))
}

/// What the letters area may offer now: the letters, who may sign them and why not, the
/// latest date a holding letter may announce, the gesture's approval.
#[tauri::command]
pub fn letter_choices(
    state: State<'_, AppState>,
    reference: String,
    actor: String,
) -> CmdResult<LetterChoices> {
    let r = ReferenceReq { reference }.decode()?;
    state.with(|reg| reg.act_as(&actor)?.letter_choices(&r))
}

/// Open the draft PDF in the system viewer (not stored in the register).
#[tauri::command]
pub fn open_draft_letter(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    reference: String,
    request: Value,
) -> CmdResult<()> {
    let (r, req) = LetterReq { reference, request }.decode()?;
    let file = state.with(|reg| reg.draft_letter_for_viewer(&r, &req))?;
    open_in_viewer(&app, &file)
}

#[tauri::command]
pub fn issue_letter(
    state: State<'_, AppState>,
    reference: String,
    request: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let wire = LetterReq { reference, request };
    let (r, req) = wire.clone().decode()?;
    state.change_via(
        actor,
        &r,
        || Op::IssueLetter(wire),
        |reg| reg.issue_letter(&r, &req),
    )
}

/// Open an issued letter (hash checked) in the system viewer, for printing.
#[tauri::command]
pub fn open_letter(app: tauri::AppHandle, state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let file = state.with(|reg| reg.letter_for_viewer(id))?;
    open_in_viewer(&app, &file)
}

/// Save a copy of an issued letter where the user chose (native save dialog).
#[tauri::command]
pub fn save_letter(state: State<'_, AppState>, id: i64, path: PathBuf) -> CmdResult<()> {
    state.with(|reg| reg.save_letter(id, &path).map(|_| ()))
}

/// The firm's signing certificate, if it has one.
#[tauri::command]
pub fn certificate_info(
    state: State<'_, AppState>,
) -> CmdResult<Option<reclam::sign::CertificateInfo>> {
    state.with(|reg| reg.certificate())
}

/// Create the firm's self-signed certificate (a manager), its key encrypted with `passphrase`;
/// it stays unlocked for this session.
#[tauri::command]
pub fn create_certificate(
    state: State<'_, AppState>,
    passphrase: String,
    replace: bool,
    actor: &str,
) -> CmdResult<reclam::sign::CertificateInfo> {
    state.acting(actor, |reg| {
        reg.create_certificate_replacing(&passphrase, replace)
    })
}

/// Import a certificate bought from a certification authority from its `.p12` (a manager),
/// opened with the file's `password`, its key then kept encrypted with `passphrase`; a valid
/// current certificate is replaced only with `replace`.
#[tauri::command]
pub fn import_certificate(
    state: State<'_, AppState>,
    path: PathBuf,
    password: String,
    passphrase: String,
    replace: bool,
    actor: &str,
) -> CmdResult<reclam::sign::CertificateInfo> {
    state.acting(actor, |reg| {
        let bytes = reclam::register::files::read("file", &path)?;
        reg.import_certificate(&bytes, &password, &passphrase, replace)
    })
}

/// Declare the firm's certificate revoked (a manager): letters are no longer signed with it.
#[tauri::command]
pub fn revoke_certificate(
    state: State<'_, AppState>,
    reason: String,
    actor: &str,
) -> CmdResult<reclam::sign::CertificateInfo> {
    state.acting(actor, |reg| reg.revoke_certificate(&reason))
}

/// Unlock the firm's key for this session: letters issued are then signed.
#[tauri::command]
pub fn unlock_certificate(
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<reclam::sign::CertificateInfo> {
    state.with(|reg| reg.unlock_certificate(&passphrase))
}
