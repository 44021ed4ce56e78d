//! The documents the entry points hand to the user, named here (not in the shell or the CLI):
//! written where the user chose, or as a private temporary copy for the system viewer; and
//! the files the user picks, read with a French reason when that fails.

use super::{files, PackFiles, Register};
use crate::complaint::AttachmentMeta;
use crate::complaint::ComplaintRef;
use crate::complaint::LetterMeta;
use crate::error::Result;
use crate::extract::ExtractQuery;
use crate::firm::User;
use crate::letters::{Draft, LetterRequest};
use crate::register::client_export::ClientExportSummary;
use std::path::{Path, PathBuf};

impl Register {
    /// Attach the file at `path` (read here, stored in the register under its file name).
    pub fn add_attachment_file(&mut self, r: &ComplaintRef, path: &Path) -> Result<AttachmentMeta> {
        let bytes = files::read("path", path)?;
        self.add_attachment(r, &file_name(path), &bytes)
    }

    /// A user's signature from the PNG file at `path`; returns the users.
    pub fn set_signature_file(&mut self, user: &str, path: &Path) -> Result<Vec<User>> {
        let png = files::read("signature", path)?;
        self.set_signature(user, &png)?;
        self.users()
    }

    /// The firm's logo from the PNG file at `path`.
    pub fn set_logo_file(&mut self, path: &Path) -> Result<()> {
        let png = files::read("logo", path)?;
        self.set_logo(&png)
    }

    /// A copy of an issued letter (hash checked) at `path`, owner-only.
    pub fn save_letter(&self, id: i64, path: &Path) -> Result<LetterMeta> {
        let (meta, pdf) = self.letter_pdf(id)?;
        files::write_private("path", path, &pdf)?;
        Ok(meta)
    }

    /// A draft letter (not stored in the register) written at `path`, owner-only.
    pub fn save_draft_letter(
        &self,
        r: &ComplaintRef,
        req: &LetterRequest,
        path: &Path,
    ) -> Result<Draft> {
        let draft = self.draft_letter(r, req)?;
        files::write_private("out", path, &draft.pdf)?;
        Ok(draft)
    }

    /// An issued letter as a private temporary file, for the system viewer.
    pub fn letter_for_viewer(&self, id: i64) -> Result<PathBuf> {
        let (meta, pdf) = self.letter_pdf(id)?;
        viewer_copy(
            &format!("lettre-{}-{}.pdf", meta.id, meta.kind.as_str()),
            &pdf,
        )
    }

    /// A draft letter as a private temporary file, for the system viewer.
    pub fn draft_letter_for_viewer(
        &self,
        r: &ComplaintRef,
        req: &LetterRequest,
    ) -> Result<PathBuf> {
        let pdf = self.draft_letter(r, req)?.pdf;
        viewer_copy(&format!("brouillon-{r}-{}.pdf", req.kind.as_str()), &pdf)
    }

    /// An attachment (hash checked) as a private temporary file, for the system viewer.
    pub fn attachment_for_viewer(&self, id: i64) -> Result<PathBuf> {
        let (meta, bytes) = self.attachment(id)?;
        viewer_copy(&format!("{id}-{}", meta.name), &bytes)
    }

    /// The inspection pack written into the folder `dir` itself (created if needed), the whole
    /// PDF first, as the command line has always written it. [`Register::write_pack`] writes
    /// the same into a sub-folder of its own.
    pub fn write_pack_into(&self, q: &ExtractQuery, dir: &Path) -> Result<PackFiles> {
        self.write_pack_into_with(q, dir, &crate::progress::Silent)
    }

    /// [`Register::write_pack_into`] telling `progress` each part made; cancelled, nothing is
    /// written (the pack is made in memory first).
    pub fn write_pack_into_with(
        &self,
        q: &ExtractQuery,
        dir: &Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<PackFiles> {
        let actor = self.actor()?;
        let pack = crate::extract::pack::inspection_pack_with(&self.store, q, &actor, progress)?;
        progress.stage("Écriture des fichiers");
        files::create_private_dir("out", dir)?;
        let pdf = dir.join(format!("{}.pdf", pack_name(q)));
        files::write_private("out", &pdf, &pack.pdf)?;
        let mut parts = Vec::with_capacity(pack.parts.len());
        for (name, bytes) in &pack.parts {
            let path = dir.join(name);
            files::write_private("out", &path, bytes)?;
            parts.push(path);
        }
        Ok(PackFiles {
            pdf,
            pages: pack.pages,
            parts,
        })
    }

    /// The inspection pack written into its own sub-folder of `dir`
    /// (`dossier-inspection_<from>_<to>`), owner-only.
    pub fn write_pack(&self, q: &ExtractQuery, dir: &Path) -> Result<PackFiles> {
        self.write_pack_with(q, dir, &crate::progress::Silent)
    }

    /// [`Register::write_pack`] telling `progress` how far it is (see
    /// [`Register::write_pack_into_with`]).
    pub fn write_pack_with(
        &self,
        q: &ExtractQuery,
        dir: &Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<PackFiles> {
        self.write_pack_into_with(q, &dir.join(pack_name(q)), progress)
    }

    /// The client export written as JSON at `json` and, if asked, as PDF at `pdf`.
    pub fn write_client_export_files(
        &mut self,
        name_or_email: &str,
        json: &Path,
        pdf: Option<&Path>,
    ) -> Result<ClientExportSummary> {
        let export = self.client_export(name_or_email)?;
        let text = serde_json::to_vec_pretty(&export).map_err(std::io::Error::other)?;
        files::write_private("out", json, &text)?;
        if let Some(path) = pdf {
            files::write_private("pdf", path, &export.pdf)?;
        }
        Ok(ClientExportSummary {
            query: export.query.clone(),
            references: export
                .complaints
                .iter()
                .map(|c| c.complaint.reference.to_string())
                .collect(),
            json_path: json.display().to_string(),
            pdf_path: pdf.map(|p| p.display().to_string()).unwrap_or_default(),
        })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A private copy for the system viewer (see [`files::viewer_copy`]).
fn viewer_copy(name: &str, bytes: &[u8]) -> Result<PathBuf> {
    Ok(files::viewer_copy(name, bytes)?)
}

/// The inspection pack's name (its PDF, and its sub-folder): `dossier-inspection_<from>_<to>`.
fn pack_name(q: &ExtractQuery) -> String {
    format!(
        "dossier-inspection_{}_{}",
        q.from.format("%Y-%m-%d"),
        q.to.format("%Y-%m-%d")
    )
}
