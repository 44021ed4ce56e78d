//! The register extract (PDF, CSV, XLSX), the statistics and the inspection pack, and the
//! files they are written to.

use super::{files, Register};
use crate::error::Result;
use crate::extract::stats::Stats;
use crate::extract::{ExtractQuery, ExtractRow};
use crate::progress::{stop_if_asked, Progress, Silent};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::path::{Path, PathBuf};

/// The inspection pack as written: the whole PDF first, then its parts.
#[derive(Debug, Clone)]
pub struct PackFiles {
    pub pdf: PathBuf,
    pub pages: usize,
    pub parts: Vec<PathBuf>,
}

impl<S: BorrowMut<Store>> Register<S> {
    /// The complaints an extract lists.
    pub fn extract_rows(&self, q: &ExtractQuery) -> Result<Vec<ExtractRow>> {
        crate::extract::rows(self.s(), q)
    }

    /// Statistics of the complaints received in a period (with the extract's filters), given
    /// again without reading the register while it and the day are unchanged.
    pub fn stats(&self, q: &ExtractQuery) -> Result<Stats> {
        self.s()
            .kept_for_extract(q, || crate::extract::stats::compute(self.s(), q))
    }

    /// The extract in one of its formats ("pdf", "csv", "xlsx"), made by the acting user.
    pub fn export_extract(&self, q: &ExtractQuery, format: &str) -> Result<Vec<u8>> {
        let actor = self.actor()?;
        crate::extract::export(self.s(), q, format, &actor)
    }

    /// The extract written to `path` (owner-only); returns how many complaints it lists. The
    /// PDF is written page after page, so memory does not grow with its pages.
    pub fn export_extract_to(&self, q: &ExtractQuery, format: &str, path: &Path) -> Result<usize> {
        self.export_extract_to_with(q, format, path, &Silent)
    }

    /// [`Register::export_extract_to`] telling `progress` how far it is. The file is written
    /// under a temporary name beside `path` and renamed once complete: a cancelled or failed
    /// extract leaves no file, and never a half-written one under the name chosen.
    pub fn export_extract_to_with(
        &self,
        q: &ExtractQuery,
        format: &str,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<usize> {
        use crate::extract::CANCELLED;
        files::whole_or_nothing(path, |tmp| {
            if format == "pdf" {
                let actor = self.actor()?;
                let file = files::create_private("out", tmp)?;
                let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
                let n =
                    crate::extract::export_pdf_to_with(self.s(), q, &actor, &mut out, progress)?;
                out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                return Ok(n);
            }
            progress.stage("Lecture du registre");
            let rows = self.extract_rows(q)?.len();
            let bytes = self.export_extract(q, format)?;
            stop_if_asked(progress, CANCELLED)?;
            progress.stage("Écriture du fichier");
            files::write_private("out", tmp, &bytes)?;
            Ok(rows)
        })
    }
}
