//! The firm's signing certificate: created (self-signed, from the firm's settings) or shown;
//! its key kept beside the register, encrypted with a passphrase, never in the register;
//! unlocked for the session to sign letters as they are issued (`letters`).

use super::{files, Register};
use crate::complaint::ValidationError;
use crate::error::Result;
use crate::sign::{self, CertificateInfo, SignError};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::path::PathBuf;

/// How long a self-signed firm certificate is valid.
pub const SELF_SIGNED_YEARS: u64 = 3;

impl From<SignError> for crate::Error {
    fn from(e: SignError) -> Self {
        let field = match e {
            SignError::Passphrase => "passphrase",
            SignError::Certificate(_) => "certificate",
            SignError::Pdf(_) => "pdf",
        };
        crate::Error::Validation(ValidationError::new(field, e.to_string()))
    }
}

impl<S: BorrowMut<Store>> Register<S> {
    /// Where the certificate (public) and its encrypted key are kept: beside the register.
    pub fn certificate_paths(&self) -> (PathBuf, PathBuf) {
        let path = self.path();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "registre".into());
        (
            path.with_file_name(format!("{stem}-certificat.pem")),
            path.with_file_name(format!("{stem}-certificat-cle.pem")),
        )
    }

    /// The firm's certificate, if it has one.
    pub fn certificate(&self) -> Result<Option<CertificateInfo>> {
        let (cert, _) = self.certificate_paths();
        if !cert.exists() {
            return Ok(None);
        }
        Ok(Some(sign::info(&std::fs::read_to_string(cert)?)?))
    }

    /// Create the firm's self-signed certificate from its settings (name, ORIAS number), its
    /// key encrypted with `passphrase`; journaled with its fingerprint. A manager's decision.
    pub fn create_certificate(&mut self, passphrase: &str) -> Result<CertificateInfo> {
        let actor = self.require_manager("créer le certificat du cabinet")?;
        let (cert_path, key_path) = self.certificate_paths();
        if cert_path.exists() {
            return Err(ValidationError::new(
                "certificate",
                "le cabinet a déjà un certificat : il ne se remplace pas ici",
            )
            .into());
        }
        let (firm, _, _) = self.s().firm()?;
        let mut missing = Vec::new();
        if firm.name.trim().is_empty() {
            missing.push(ValidationError::new(
                "firm.name",
                "renseignez le nom du cabinet (Paramètres) : il est le nom du certificat",
            ));
        }
        if firm.orias.trim().is_empty() {
            missing.push(ValidationError::new(
                "firm.orias",
                "renseignez le numéro ORIAS du cabinet (Paramètres) : le certificat le porte",
            ));
        }
        if let Some(errors) = crate::error::ValidationErrors::new(missing) {
            return Err(errors.into());
        }
        let (cert_pem, key_pem) = sign::create_self_signed(
            &firm.name,
            &firm.orias,
            self.clock().now(),
            SELF_SIGNED_YEARS,
            passphrase,
        )?;
        files::write_private("certificate", &key_path, key_pem.as_bytes())?;
        files::write_private("certificate", &cert_path, cert_pem.as_bytes())?;
        let info = sign::info(&cert_pem)?;
        self.sm().journal_certificate(&info, &actor)?;
        self.signer = Some(sign::unlock(&cert_pem, &key_pem, passphrase)?);
        Ok(info)
    }

    /// Unlock the firm's key for this session (letters issued are then signed).
    pub fn unlock_certificate(&mut self, passphrase: &str) -> Result<CertificateInfo> {
        let (cert_path, key_path) = self.certificate_paths();
        if !cert_path.exists() {
            return Err(ValidationError::new(
                "certificate",
                "le cabinet n'a pas encore de certificat",
            )
            .into());
        }
        let signer = sign::unlock(
            &std::fs::read_to_string(cert_path)?,
            &std::fs::read_to_string(key_path)?,
            passphrase,
        )?;
        let info = signer.info();
        self.signer = Some(signer);
        Ok(info)
    }

    /// Sign a PDF written by the register (an extract, the inspection pack), on request: the
    /// file is replaced by its signed version. The certificate must exist and be unlocked.
    pub fn sign_document(&self, path: &std::path::Path, reason: &str) -> Result<()> {
        let Some(signer) = &self.signer else {
            let why = if self.certificate_paths().0.exists() {
                "le certificat du cabinet est verrouillé : saisissez sa phrase secrète"
            } else {
                "le cabinet n'a pas de certificat : créez-le d'abord (reclam cert create)"
            };
            return Err(ValidationError::new("certificate", why).into());
        };
        let pdf = std::fs::read(path)?;
        let signed = signer.sign_pdf(&pdf, self.clock().now(), reason)?;
        let tmp = path.with_extension("pdf.signature");
        let _ = std::fs::remove_file(&tmp);
        files::write_private("out", &tmp, &signed)?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    }

    /// The PDF as issued: signed when the firm has a certificate (which must then be unlocked
    /// and valid), as composed otherwise. Returns the certificate's fingerprint when signed.
    pub(super) fn signed_for_issue(
        &self,
        pdf: Vec<u8>,
        reason: &str,
    ) -> Result<(Vec<u8>, Option<String>)> {
        let (cert_path, _) = self.certificate_paths();
        if !cert_path.exists() {
            return Ok((pdf, None));
        }
        let Some(signer) = &self.signer else {
            return Err(ValidationError::new(
                "certificate",
                "le certificat du cabinet est verrouillé : saisissez sa phrase secrète pour \
                 signer la lettre (Paramètres → Signature électronique des courriers ; en \
                 ligne de commande : RECLAM_CERT_PASSPHRASE)",
            )
            .into());
        };
        let signed = signer.sign_pdf(&pdf, self.clock().now(), reason)?;
        Ok((signed, Some(signer.info().fingerprint)))
    }
}
