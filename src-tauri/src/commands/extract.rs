//! The register extract, its statistics and the inspection pack.

use super::shared::off_thread;
use super::CmdResult;
use crate::AppState;
use reclam::api::extract::{ExportExtractReq, ExportPackReq, ExtractStatsReq};
use reclam::api::Request;
use reclam::extract::stats::Stats;
use serde_json::Value;
use std::path::PathBuf;
use tauri::{AppHandle, State};

/// Statistics of the complaints received in a period (with the extract's filters).
#[tauri::command]
pub fn extract_stats(state: State<'_, AppState>, query: Value) -> CmdResult<Stats> {
    let q = ExtractStatsReq { query }.decode()?;
    state.with(|reg| reg.stats(&q))
}

/// Write the register extract ("pdf", "csv" or "xlsx") where the user chose (save dialog).
/// Off the window's thread: an extract of thousands of pages takes seconds, and the window
/// keeps painting meanwhile.
#[tauri::command]
pub async fn export_extract(
    app: AppHandle,
    query: Value,
    format: String,
    path: PathBuf,
    actor: String,
) -> CmdResult<()> {
    let (q, format, path) = ExportExtractReq {
        query,
        format,
        path,
    }
    .decode()?;
    off_thread(app, move |state| {
        state.reading_as(&actor, |reg| {
            reg.export_extract_to(&q, &format, &path).map(|_| ())
        })
    })
    .await
}

/// Write the inspection pack (one PDF and its parts) into its own sub-folder of the folder the
/// user chose; returns the paths written, the whole PDF first.
#[tauri::command]
pub async fn export_pack(
    app: AppHandle,
    query: Value,
    dir: PathBuf,
    actor: String,
) -> CmdResult<Vec<String>> {
    let (q, dir) = ExportPackReq { query, dir }.decode()?;
    let pack = off_thread(app, move |state| {
        state.reading_as(&actor, |reg| reg.write_pack(&q, &dir))
    })
    .await?;
    Ok(std::iter::once(&pack.pdf)
        .chain(&pack.parts)
        .map(|p| p.display().to_string())
        .collect())
}
