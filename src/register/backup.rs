//! Backups of the register: where they go, a copy now, the daily one with its rotation, and
//! the restore (which happens with the register closed).

use super::Register;
use crate::clock::Clock;
use crate::error::Result;
use crate::store::backup::{self, BackupFile, RestorePreview, RestoreReport};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn backup_folder(&self) -> Result<PathBuf> {
        self.s().backup_folder()
    }

    /// The backups kept in the backup folder.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        backup::list(&self.backup_folder()?, self.s().identity())
    }

    /// A consistent copy of the register at `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.s().backup_to(dest)
    }

    /// [`Register::backup_to`] telling `progress` how far it is; cancelled, no file is left.
    pub fn backup_to_with(
        &self,
        dest: &Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<()> {
        self.s().backup_to_with(dest, progress)
    }

    /// A copy of the register before the app is updated to `version`, in the backup folder
    /// (`registre_avant-mise-a-jour-0.2.0_2026-12-04.db`); never rotated away. Returns it.
    pub fn backup_before_update(&self, version: &str) -> Result<PathBuf> {
        let stem = self
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "registre".to_owned());
        let version: String = version
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            .collect();
        let folder = self.backup_folder()?;
        std::fs::create_dir_all(&folder)?;
        let dest = folder.join(format!(
            "{stem}_avant-mise-a-jour-{version}_{}.db",
            self.today().format("%Y-%m-%d")
        ));
        self.backup_to(&dest)?;
        Ok(dest)
    }

    /// Today's backup, if not written yet, and the rotation; returns the file written.
    pub fn daily_backup(&self) -> Result<Option<PathBuf>> {
        self.s().daily_backup()
    }

    /// The register's identity (created with it and journaled).
    pub fn identity(&self) -> Option<&str> {
        self.s().identity()
    }

    /// What restoring `from` over this register would do: both registers side by side.
    pub fn restore_preview(&self, from: &Path) -> Result<RestorePreview> {
        backup::preview(from, self.path())
    }
}

impl Register {
    /// Replace the register at `target` (closed) by the checked backup `from`; another
    /// register's backup or a diverging one needs `accept_loss` (an explicit confirmation).
    /// Whoever acted on the replaced register is signed out: reopen it and act again.
    pub fn restore(
        from: &Path,
        target: &Path,
        clock: Arc<dyn Clock>,
        accept_loss: bool,
    ) -> Result<RestoreReport> {
        backup::restore(from, target, clock, accept_loss)
    }
}
