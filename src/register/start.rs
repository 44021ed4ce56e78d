//! What the entry points need around the use cases: whether the register is empty, the demo
//! register, the start-up maintenance and the backups screen, a user's authority.

use super::Register;
use crate::complaint::Money;
use crate::error::Result;
use crate::firm::User;
use crate::store::backup::{BackupStatus, Maintenance};
use crate::store::register::RegisterQuery;

impl Register {
    /// The register holds no complaint yet.
    pub fn is_empty(&self) -> Result<bool> {
        let q = RegisterQuery {
            limit: 1,
            ..RegisterQuery::default()
        };
        Ok(self.list(&q)?.total == 0)
    }

    /// Fill the register with `count` fictitious complaints (the demo register).
    pub fn fill_demo(&mut self, count: u32, seed: u64) -> Result<u32> {
        crate::demo::fill(&mut self.store, count, seed)
    }

    /// The start-up maintenance: SQLite's quick check, then (if the file is sound) today's
    /// backup and the rotation.
    pub fn start_up_maintenance(&self) -> Maintenance {
        let mut m = Maintenance::default();
        // The file's own check, then the journal's head recorded beside it (a journal that
        // lost its last events is noticed at start, before a backup copies it).
        let check = self.quick_check().and_then(|found| match found {
            Some(f) => Ok(Some(f)),
            None => self.s().head_check(),
        });
        match check {
            Ok(None) => match self.daily_backup() {
                Ok(written) => m.backup_written = written.map(|p| p.display().to_string()),
                Err(e) => m.backup_error = Some(e.to_string()),
            },
            Ok(Some(found)) => m.integrity_error = Some(found),
            Err(e) => m.integrity_error = Some(e.to_string()),
        }
        m.done = true;
        m
    }

    /// The backups screen: the folder, its files and what the start-up maintenance found.
    pub fn backup_status(&self, maintenance: Maintenance) -> Result<BackupStatus> {
        Ok(BackupStatus {
            folder: self.backup_folder()?.display().to_string(),
            files: self.backups()?,
            maintenance,
        })
    }

    /// The largest gesture `user` may grant alone (`None`: no ceiling).
    pub fn authority(&self, user: &User) -> Result<Option<Money>> {
        self.store.authority(user)
    }
}
