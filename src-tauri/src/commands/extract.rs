//! The register extract, its statistics and the inspection pack.

use super::tasks::{self, TaskKind};
use super::CmdResult;
use crate::AppState;
use reclam::api::extract::{ExportExtractReq, ExportPackReq, ExtractStatsReq};
use reclam::api::Request;
use reclam::extract::stats::Stats;
use reclam::wire::TaskProgress;
use serde_json::Value;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

/// Statistics of the complaints received in a period (with the extract's filters).
#[tauri::command]
pub fn extract_stats(state: State<'_, AppState>, query: Value) -> CmdResult<Stats> {
    let q = ExtractStatsReq { query }.decode()?;
    state.with(|reg| reg.stats(&q))
}

/// Write the register extract ("pdf", "csv" or "xlsx") where the user chose (save dialog), as
/// a long operation (progress on `on_progress`, cancellable: no file is left).
#[tauri::command]
pub async fn export_extract(
    app: AppHandle,
    query: Value,
    format: String,
    path: PathBuf,
    actor: String,
    on_progress: Channel<TaskProgress>,
) -> CmdResult<()> {
    let (q, format, path) = ExportExtractReq {
        query,
        format,
        path,
    }
    .decode()?;
    tasks::run(
        app,
        TaskKind::Extract,
        on_progress,
        move |state, progress| {
            // On a connection of its own: the other screens keep working meanwhile.
            let reader = state.reading_as(&actor, |reg| reg.second_reader())?;
            reader.export_extract_to_with(&q, &format, &path, progress)?;
            Ok(())
        },
    )
    .await
}

/// Write the inspection pack (one PDF and its parts) into its own sub-folder of the folder the
/// user chose, as a long operation; returns the paths written, the whole PDF first.
#[tauri::command]
pub async fn export_pack(
    app: AppHandle,
    query: Value,
    dir: PathBuf,
    actor: String,
    on_progress: Channel<TaskProgress>,
) -> CmdResult<Vec<String>> {
    let (q, dir) = ExportPackReq { query, dir }.decode()?;
    let pack = tasks::run(app, TaskKind::Pack, on_progress, move |state, progress| {
        let reader = state.reading_as(&actor, |reg| reg.second_reader())?;
        Ok(reader.write_pack_with(&q, &dir, progress)?)
    })
    .await?;
    Ok(std::iter::once(&pack.pdf)
        .chain(&pack.parts)
        .map(|p| p.display().to_string())
        .collect())
}
