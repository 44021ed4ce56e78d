//! Importing a register kept elsewhere (CSV, XLSX): preview, then import.

use super::shared::off_thread;
use super::CmdResult;
use reclam::api::others::ImportReq;
use reclam::api::Request;
use reclam::import::ImportReport;
use reclam::progress::Reporter;
use reclam::{ErrorCode, WireError};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

/// Preview (`dryRun`) or import a register file chosen by the user. `mapping` is one field
/// (or null) per column; null lets the core guess from the headers. `sheet` and `headerLine`
/// override what the reading found; `defaultOutcome` and `decisions` (line → decision) give
/// the decision of rows whose text says none.
/// The import under way, if any: a second one is refused while it runs, and the user may
/// cancel it (inside its transaction: nothing is imported).
#[derive(Default)]
pub struct ImportRun {
    busy: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
}

/// How far the import is: rows gone through of the file's rows.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: u64,
    pub total: u64,
}

#[tauri::command]
#[allow(clippy::too_many_arguments)] // the wizard's choices, one by one
pub async fn import_register(
    app: AppHandle,
    path: PathBuf,
    mapping: Option<Value>,
    sheet: Option<String>,
    header_line: Option<u32>,
    default_outcome: Option<String>,
    decisions: Option<HashMap<u32, String>>,
    dry_run: bool,
    all_or_nothing: bool,
    actor: String,
    on_progress: Channel<ImportProgress>,
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
    let (busy, cancel) = {
        let run = app.state::<ImportRun>();
        (run.busy.clone(), run.cancel.clone())
    };
    if busy.swap(true, Ordering::SeqCst) {
        return Err(WireError::new(
            ErrorCode::Validation,
            "un import est déjà en cours : attendez sa fin ou annulez-le",
        ));
    }
    cancel.store(false, Ordering::SeqCst);
    let running = busy.clone();
    // Off the window's thread: the window keeps painting (and its progress bar moving).
    let report = off_thread(app, move |state| {
        let progress = Reporter {
            report: |done, total| {
                let _ = on_progress.send(ImportProgress { done, total });
            },
            cancel: &cancel,
        };
        state.acting(&actor, |reg| {
            reg.import_file_with(&i.path, &i.options, i.policy, i.dry_run, &progress)
        })
    })
    .await;
    running.store(false, Ordering::SeqCst);
    report
}

/// Stop the import under way: it ends without importing anything.
#[tauri::command]
pub fn cancel_import(run: State<'_, ImportRun>) {
    run.cancel.store(true, Ordering::SeqCst);
}
