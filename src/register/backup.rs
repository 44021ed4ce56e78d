//! Backups of the register: where they go, a copy now, the daily one with its rotation, and
//! the restore (which happens with the register closed).

use super::Register;
use crate::clock::Clock;
use crate::error::Result;
use crate::store::backup::{self, BackupFile, RestoreReport};
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Register {
    pub fn backup_folder(&self) -> Result<PathBuf> {
        self.store.backup_folder()
    }

    /// The backups kept in the backup folder.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        backup::list(&self.backup_folder()?)
    }

    /// A consistent copy of the register at `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.store.backup_to(dest)
    }

    /// Today's backup, if not written yet, and the rotation; returns the file written.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        self.store.daily_backup()
    }

    /// Replace the register at `target` (closed) by the checked backup `from`.
    pub fn restore(from: &Path, target: &Path, clock: Arc<dyn Clock>) -> Result<RestoreReport> {
        backup::restore(from, target, clock)
    }
}
