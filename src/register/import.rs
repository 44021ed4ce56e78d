//! Importing a register kept elsewhere (CSV, XLSX): preview, then import.

use super::{files, Register};
use crate::error::Result;
use crate::import::{ImportOptions, ImportReport, Policy};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::path::Path;

impl<S: BorrowMut<Store>> Register<S> {
    /// Preview (`dry_run`) or import the register file `bytes` named `file_name`.
    pub fn import(
        &mut self,
        bytes: &[u8],
        file_name: &str,
        opts: &ImportOptions,
        policy: Policy,
        dry_run: bool,
    ) -> Result<ImportReport> {
        let actor = self.actor()?;
        crate::import::import(self.sm(), bytes, file_name, opts, policy, dry_run, &actor)
    }

    /// The same, reading the file the user chose.
    pub fn import_file(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        policy: Policy,
        dry_run: bool,
    ) -> Result<ImportReport> {
        self.import_file_with(path, opts, policy, dry_run, &crate::progress::Silent)
    }

    /// [`Register::import_file`], telling `progress` the rows gone through; cancelled, it
    /// imports nothing.
    pub fn import_file_with(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        policy: Policy,
        dry_run: bool,
        progress: &dyn crate::progress::Progress,
    ) -> Result<ImportReport> {
        let bytes = files::read("file", path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let actor = self.actor()?;
        crate::import::import_with(
            self.sm(),
            &bytes,
            &name,
            opts,
            policy,
            dry_run,
            &actor,
            progress,
        )
    }
}
