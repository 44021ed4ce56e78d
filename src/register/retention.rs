//! Personal data: the retention period, anonymisation of the complaints past it, and the
//! client's access export.

use super::client_export::ClientExportSummary;
use super::{files, Register};
use crate::complaint::ComplaintRef;
use crate::error::Result;
use crate::store::retention::{AnonymisationReport, Candidate};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::path::Path;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn retention_years(&self) -> Result<u32> {
        self.s().retention_years()
    }

    /// The complaints past the retention period: what an anonymisation would change.
    pub fn anonymisation_candidates(&self) -> Result<Vec<Candidate>> {
        self.s().anonymisation_candidates()
    }

    /// The requests for information past the retention period, anonymised with the
    /// complaints.
    pub fn anonymisation_requests_due(&self) -> Result<u32> {
        self.s().requests_due_for_anonymisation()
    }

    /// Anonymise the listed complaints in one transaction (a manager's decision).
    pub fn anonymise(&mut self, references: &[ComplaintRef]) -> Result<AnonymisationReport> {
        self.anonymise_with(references, &crate::progress::Silent)
    }

    /// [`Register::anonymise`] telling `progress` how far it is; cancelled, nothing changes.
    pub fn anonymise_with(
        &mut self,
        references: &[ComplaintRef],
        progress: &dyn crate::progress::Progress,
    ) -> Result<AnonymisationReport> {
        let actor = self.actor()?;
        self.sm().anonymise_with(references, &actor, progress)
    }

    /// The client export written as JSON and PDF (owner-only) into `dir`.
    pub fn write_client_export(
        &mut self,
        name_or_email: &str,
        dir: &Path,
    ) -> Result<ClientExportSummary> {
        let export = self.client_export(name_or_email)?;
        let stem: String = export
            .query
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let json_path = dir.join(format!("donnees-client_{stem}.json"));
        let pdf_path = dir.join(format!("donnees-client_{stem}.pdf"));
        let json = serde_json::to_vec_pretty(&export).map_err(std::io::Error::other)?;
        files::write_private("dir", &json_path, &json)?;
        files::write_private("dir", &pdf_path, &export.pdf)?;
        Ok(ClientExportSummary {
            query: export.query.clone(),
            references: export
                .complaints
                .iter()
                .map(|c| c.complaint.reference.to_string())
                .collect(),
            json_path: json_path.display().to_string(),
            pdf_path: pdf_path.display().to_string(),
        })
    }
}
