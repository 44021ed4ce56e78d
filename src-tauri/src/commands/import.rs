//! Importing a register kept elsewhere (CSV, XLSX): preview, then import.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::ImportReq;
use reclam::api::Request;
use reclam::import::ImportReport;
use serde_json::Value;
use std::path::PathBuf;
use tauri::State;

/// Preview (`dryRun`) or import a register file chosen by the user. `mapping` is one field
/// (or null) per column; null lets the core guess from the headers.
#[tauri::command]
pub fn import_register(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Value>,
    dry_run: bool,
    all_or_nothing: bool,
    actor: &str,
) -> CmdResult<ImportReport> {
    let i = ImportReq {
        path,
        mapping,
        dry_run,
        all_or_nothing,
    }
    .decode()?;
    state.acting(actor, |reg| {
        reg.import_file(&i.path, i.mapping.as_ref(), i.policy, i.dry_run)
    })
}
