//! Personal data: anonymisation past the retention period, and the client's access export.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::AnonymiseReq;
use reclam::api::Request;
use reclam::register::client_export::ClientExportSummary;
use reclam::store::retention::{AnonymisationReport, Candidate};
use reclam::sync::Op;
use std::path::PathBuf;
use tauri::State;

/// The complaints past the retention period: what an anonymisation would change.
#[tauri::command]
pub fn anonymisation_candidates(state: State<'_, AppState>) -> CmdResult<Vec<Candidate>> {
    state.with(|reg| reg.anonymisation_candidates())
}

/// How many requests for information an anonymisation would take now.
#[tauri::command]
pub fn anonymisation_requests_due(state: State<'_, AppState>) -> CmdResult<u32> {
    state.with(|reg| reg.anonymisation_requests_due())
}

/// Anonymise the listed complaints (after the user confirmed the list), in one transaction.
#[tauri::command]
pub async fn anonymise(
    app: tauri::AppHandle,
    references: Vec<String>,
    actor: String,
    on_progress: tauri::ipc::Channel<reclam::wire::TaskProgress>,
) -> CmdResult<AnonymisationReport> {
    let refs = AnonymiseReq {
        references: references.clone(),
    }
    .decode()?;
    // A large anonymisation takes a while, and the firm's server's client blocks: a long
    // operation, off the async runtime (cancellable on this desk's register: rolled back).
    super::tasks::run(
        app,
        super::tasks::TaskKind::Anonymise,
        on_progress,
        move |state, progress| {
            state.acting_via(
                &actor,
                || Op::Anonymise { references },
                |reg| reg.anonymise_with(&refs, progress),
            )
        },
    )
    .await
}

/// Everything held about one client (GDPR access request), written as JSON and PDF into the
/// folder the user chose; the export is journaled.
#[tauri::command]
pub fn client_export(
    state: State<'_, AppState>,
    query: &str,
    dir: PathBuf,
    actor: &str,
) -> CmdResult<ClientExportSummary> {
    state.reading_as(actor, |reg| reg.write_client_export(query, &dir))
}
