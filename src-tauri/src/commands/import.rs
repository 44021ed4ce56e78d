//! Importing a register kept elsewhere (CSV, XLSX): preview, then import.

use super::CmdResult;
use crate::AppState;
use reclam::api::others::ImportReq;
use reclam::api::Request;
use reclam::import::ImportReport;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use tauri::State;

/// Preview (`dryRun`) or import a register file chosen by the user. `mapping` is one field
/// (or null) per column; null lets the core guess from the headers. `sheet` and `headerLine`
/// override what the reading found; `defaultOutcome` and `decisions` (line → decision) give
/// the decision of rows whose text says none.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // the wizard's choices, one by one
pub fn import_register(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Value>,
    sheet: Option<String>,
    header_line: Option<u32>,
    default_outcome: Option<String>,
    decisions: Option<HashMap<u32, String>>,
    dry_run: bool,
    all_or_nothing: bool,
    actor: &str,
) -> CmdResult<ImportReport> {
    let i = ImportReq {
        path,
        mapping,
        sheet,
        header_line,
        default_outcome,
        decisions,
        dry_run,
        all_or_nothing,
    }
    .decode()?;
    state.acting(actor, |reg| {
        reg.import_file(&i.path, &i.options, i.policy, i.dry_run)
    })
}
