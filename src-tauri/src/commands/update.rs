//! Signed updates (`tauri-plugin-updater`): the release manifest checked (at start when the
//! firm leaves `updates.automatic` on, or on request), the package downloaded and its minisign
//! signature verified against the public key built into the app (tauri.conf.json), then, only
//! on the user's word, installed: under the register's lock, so never in the middle of a write,
//! after a copy of the register in the backup folder; then the app restarts.
//!
//! `RECLAM_UPDATE_ENDPOINT` replaces the manifest's address (a firm's own server, the tests).
//! Debug builds only (the tests) also take the public key from `RECLAM_UPDATE_PUBKEY`: a
//! release build trusts the key it was built with, nothing else.

use super::{internal, CmdResult};
use crate::AppState;
use reclam::{ErrorCode, WireError};
use serde::Serialize;
use std::sync::Mutex;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_updater::{Update, UpdaterExt};

/// The update found and, once downloaded and verified, its package.
#[derive(Default)]
pub struct PendingUpdate {
    update: Mutex<Option<Update>>,
    package: Mutex<Option<Vec<u8>>>,
}

/// An update offered to the user.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    pub version: String,
    pub current_version: String,
    /// The release notes, as published.
    pub notes: Option<String>,
    /// The publication date (RFC 3339), if the manifest gives it.
    pub date: Option<String>,
}

/// How much of the package has arrived.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DownloadProgress {
    pub received: u64,
    pub total: Option<u64>,
}

/// The updater's refusals in French: a signature that does not verify is said so plainly.
fn refusal(e: tauri_plugin_updater::Error) -> WireError {
    use tauri_plugin_updater::Error as E;
    let message = match &e {
        E::Minisign(_) | E::Base64(_) | E::SignatureUtf8(_) => {
            "la signature de la mise à jour ne correspond pas à la clé de Reclam : elle a été \
             refusée et rien n'a été installé"
                .to_owned()
        }
        E::Network(_) | E::Reqwest(_) => {
            format!("le serveur des mises à jour est injoignable (connexion à Internet ?) : {e}")
        }
        E::ReleaseNotFound | E::TargetNotFound(_) | E::TargetsNotFound(_) => {
            "aucune version publiée pour cet ordinateur".to_owned()
        }
        _ => format!("mise à jour impossible : {e}"),
    };
    WireError {
        field: Some("update".into()),
        ..WireError::new(ErrorCode::Validation, message)
    }
}

fn updater(app: &AppHandle) -> CmdResult<tauri_plugin_updater::Updater> {
    let mut builder = app
        .updater_builder()
        .timeout(std::time::Duration::from_secs(30));
    #[cfg(debug_assertions)]
    if let Some(key) = std::env::var("RECLAM_UPDATE_PUBKEY")
        .ok()
        .filter(|k| !k.is_empty())
    {
        builder = builder.pubkey(key);
    }
    if let Some(url) = std::env::var("RECLAM_UPDATE_ENDPOINT")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let url = url.parse().map_err(|_| {
            WireError::new(
                ErrorCode::Validation,
                format!("adresse des mises à jour invalide : {url}"),
            )
        })?;
        builder = builder.endpoints(vec![url]).map_err(refusal)?;
    }
    builder.build().map_err(refusal)
}

/// Look for a newer version; remembered for the download. `None`: Reclam is up to date.
#[tauri::command]
pub async fn check_update(
    app: AppHandle,
    pending: State<'_, PendingUpdate>,
) -> CmdResult<Option<UpdateOffer>> {
    let found = updater(&app)?.check().await.map_err(refusal)?;
    let offer = found.as_ref().map(|u| UpdateOffer {
        version: u.version.clone(),
        current_version: u.current_version.clone(),
        notes: u.body.clone(),
        date: u
            .date
            .and_then(|d| chrono::DateTime::from_timestamp(d.unix_timestamp(), 0))
            .map(|d| d.to_rfc3339()),
    });
    *pending.update.lock().map_err(|_| internal())? = found;
    *pending.package.lock().map_err(|_| internal())? = None;
    Ok(offer)
}

/// Download the update found and verify its signature (refused if it does not verify);
/// `on_progress` is told what has arrived. Nothing is installed.
#[tauri::command]
pub async fn download_update(
    pending: State<'_, PendingUpdate>,
    on_progress: Channel<DownloadProgress>,
) -> CmdResult<()> {
    let update = pending
        .update
        .lock()
        .map_err(|_| internal())?
        .clone()
        .ok_or_else(|| {
            WireError::new(
                ErrorCode::Validation,
                "aucune mise à jour à télécharger : recherchez-en une d'abord",
            )
        })?;
    let mut received = 0u64;
    let package = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                let _ = on_progress.send(DownloadProgress { received, total });
            },
            || {},
        )
        .await
        .map_err(refusal)?;
    *pending.package.lock().map_err(|_| internal())? = Some(package);
    Ok(())
}

/// Install the downloaded update and restart: under the register's lock (no write is under
/// way, none starts), after a copy of the register in the backup folder. The signature is
/// verified again by the installer.
#[tauri::command]
pub fn install_update(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingUpdate>,
) -> CmdResult<()> {
    let update = pending.update.lock().map_err(|_| internal())?.clone();
    let package = pending.package.lock().map_err(|_| internal())?.take();
    let (Some(update), Some(package)) = (update, package) else {
        return Err(WireError::new(
            ErrorCode::Validation,
            "la mise à jour n'est pas encore téléchargée et vérifiée",
        ));
    };
    if state.info()?.is_demo {
        return Err(WireError::new(
            ErrorCode::Validation,
            "le registre de démonstration est ouvert : revenez au registre du cabinet avant \
             d'installer la mise à jour, pour qu'il soit sauvegardé",
        ));
    }
    let installed = state.with(|reg| {
        reg.backup_before_update(&update.version)?;
        Ok(update.install(&package))
    })?;
    installed.map_err(refusal)?;
    app.restart()
}
