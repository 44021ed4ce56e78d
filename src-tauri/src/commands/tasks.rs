//! Long operations (an extract, the inspection pack, a backup, the proof's walk, an
//! anonymisation): off the window's thread, one of each kind at a time, their progress sent to
//! the UI over a channel, cancellable (nothing is left half-done: see `reclam::progress`).

use super::shared::off_thread;
use super::{internal, CmdResult};
use crate::AppState;
use reclam::progress::{Progress, StagedReporter};
use reclam::wire::TaskProgress;
use reclam::{ErrorCode, WireError};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

/// The kinds of long operation, as the UI names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TaskKind {
    Extract,
    Pack,
    Backup,
    Verify,
    Anonymise,
}

impl TaskKind {
    /// Why a second one is refused while one runs.
    fn busy(self) -> &'static str {
        match self {
            TaskKind::Extract => "un extrait est déjà en cours : attendez sa fin ou annulez-le",
            TaskKind::Pack => {
                "un dossier d'inspection est déjà en cours : attendez sa fin ou annulez-le"
            }
            TaskKind::Backup => "une sauvegarde est déjà en cours : attendez sa fin ou annulez-la",
            TaskKind::Verify => {
                "une vérification est déjà en cours : attendez sa fin ou annulez-la"
            }
            TaskKind::Anonymise => {
                "une anonymisation est déjà en cours : attendez sa fin ou annulez-la"
            }
        }
    }
}

/// The long operations under way, each with its cancel flag.
#[derive(Default)]
pub struct Tasks {
    running: Arc<Mutex<HashMap<TaskKind, Arc<AtomicBool>>>>,
}

/// One operation under way; it is over when this is dropped.
struct Running {
    kind: TaskKind,
    running: Arc<Mutex<HashMap<TaskKind, Arc<AtomicBool>>>>,
    cancel: Arc<AtomicBool>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(mut r) = self.running.lock() {
            r.remove(&self.kind);
        }
    }
}

impl Tasks {
    fn start(&self, kind: TaskKind) -> CmdResult<Running> {
        let mut running = self.running.lock().map_err(|_| internal())?;
        if running.contains_key(&kind) {
            return Err(WireError::new(ErrorCode::Validation, kind.busy()));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(kind, cancel.clone());
        Ok(Running {
            kind,
            running: self.running.clone(),
            cancel,
        })
    }
}

/// Run `f` as the long operation `kind`: refused while another of its kind runs, on a thread of
/// its own, its progress sent on `channel`.
pub async fn run<T: Send + 'static>(
    app: AppHandle,
    kind: TaskKind,
    channel: Channel<TaskProgress>,
    f: impl FnOnce(&AppState, &dyn Progress) -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    let running = app.state::<Tasks>().start(kind)?;
    off_thread(app, move |state| {
        let progress = StagedReporter::new(
            |stage: &str, done, total| {
                let _ = channel.send(TaskProgress {
                    stage: stage.to_owned(),
                    done,
                    total,
                });
            },
            &running.cancel,
        );
        let out = f(state, &progress);
        drop(progress);
        drop(running);
        out
    })
    .await
}

/// Stop the long operation `task` under way (it ends with the code "cancelled", having left
/// nothing half-done); nothing happens if none runs.
#[tauri::command]
pub fn cancel_task(tasks: State<'_, Tasks>, task: TaskKind) -> CmdResult<()> {
    if let Some(cancel) = tasks.running.lock().map_err(|_| internal())?.get(&task) {
        cancel.store(true, Ordering::SeqCst);
    }
    Ok(())
}
