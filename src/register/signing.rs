//! The firm's signing certificate: created (self-signed, from the firm's settings), imported
//! from a certification authority's `.p12`, shown, or declared revoked; its key kept beside
//! the register, encrypted with a passphrase, never in the register; unlocked for the session
//! to sign letters as they are issued (`letters`). A certificate replaced is kept beside the
//! register under its fingerprint (the letters it signed stay verifiable), never deleted.

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

    /// The firm's certificate, if it has one, with its revocation if it was declared revoked.
    pub fn certificate(&self) -> Result<Option<CertificateInfo>> {
        let (cert, _) = self.certificate_paths();
        if !cert.exists() {
            return Ok(None);
        }
        let mut info = sign::info(&std::fs::read_to_string(cert)?)?;
        info.revoked_on = self
            .s()
            .certificate_revocation(&info.fingerprint)?
            .map(|(at, _)| at);
        Ok(Some(info))
    }

    /// Before a new certificate takes the place of the current one: refused while the current
    /// one is still valid unless `replace` says so; the current files are then kept under
    /// their fingerprint. Returns the fingerprint replaced.
    fn set_aside_current(&mut self, replace: bool) -> Result<Option<String>> {
        let Some(current) = self.certificate()? else {
            return Ok(None);
        };
        let expired = sign::not_valid_at(&current, self.clock().now());
        if current.revoked_on.is_none() && !expired && !replace {
            return Err(ValidationError::new(
                "certificate",
                "le cabinet a déjà un certificat valable : confirmez son remplacement \
                 (reclam cert import --replace), ou déclarez-le révoqué d'abord",
            )
            .into());
        }
        let (cert_path, key_path) = self.certificate_paths();
        let short = &current.fingerprint[..16.min(current.fingerprint.len())];
        let aside = |p: &std::path::Path| {
            let stem = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            p.with_file_name(format!("{stem}-{short}.pem"))
        };
        std::fs::rename(&key_path, aside(&key_path))?;
        std::fs::rename(&cert_path, aside(&cert_path))?;
        self.signer = None;
        Ok(Some(current.fingerprint))
    }

    /// Write the new certificate and its encrypted key beside the register, journal it and
    /// unlock it for the session.
    fn install_certificate(
        &mut self,
        cert_pem: &str,
        key_pem: &str,
        passphrase: &str,
        imported: bool,
        replaced: Option<&str>,
        actor: &str,
    ) -> Result<CertificateInfo> {
        let (cert_path, key_path) = self.certificate_paths();
        let signer = sign::unlock(cert_pem, key_pem, passphrase)?;
        files::write_private("certificate", &key_path, key_pem.as_bytes())?;
        files::write_private("certificate", &cert_path, cert_pem.as_bytes())?;
        let info = signer.info();
        self.sm()
            .journal_certificate(&info, imported, replaced, actor)?;
        self.signer = Some(signer);
        Ok(info)
    }

    /// Import a certificate bought from a certification authority (RGS, eIDAS) from its
    /// `.p12`, opened with the file's `password`; its key is then kept encrypted with
    /// `passphrase`. Replaces a valid current certificate only with `replace`. A manager's
    /// decision, journaled with the fingerprint.
    pub fn import_certificate(
        &mut self,
        p12: &[u8],
        password: &str,
        passphrase: &str,
        replace: bool,
    ) -> Result<CertificateInfo> {
        let actor = self.require_manager("importer le certificat du cabinet")?;
        let (cert_pem, key_pem) = sign::import_p12(p12, password, passphrase, self.clock().now())?;
        let replaced = self.set_aside_current(replace)?;
        self.install_certificate(
            &cert_pem,
            &key_pem,
            passphrase,
            true,
            replaced.as_deref(),
            &actor,
        )
    }

    /// Declare the firm's certificate revoked (its key lost or compromised, its authority
    /// revoked it): journaled with the reason; letters are no longer signed with it, and
    /// issuing waits for a new certificate. A manager's decision.
    pub fn revoke_certificate(&mut self, reason: &str) -> Result<CertificateInfo> {
        let actor = self.require_manager("déclarer le certificat du cabinet révoqué")?;
        let Some(current) = self.certificate()? else {
            return Err(
                ValidationError::new("certificate", "le cabinet n'a pas de certificat").into(),
            );
        };
        if current.revoked_on.is_some() {
            return Err(ValidationError::new(
                "certificate",
                "le certificat du cabinet est déjà déclaré révoqué",
            )
            .into());
        }
        if reason.trim().is_empty() {
            return Err(ValidationError::new(
                "reason",
                "indiquez pourquoi le certificat est révoqué (clé perdue, compromise, \
                 révocation par l'autorité…)",
            )
            .into());
        }
        self.sm()
            .journal_certificate_revoked(&current.fingerprint, reason.trim(), &actor)?;
        self.signer = None;
        Ok(self.certificate()?.unwrap_or(current))
    }

    /// Create the firm's self-signed certificate from its settings (name, ORIAS number), its
    /// key encrypted with `passphrase`; journaled with its fingerprint. Takes the place of an
    /// expired or revoked certificate (or, with `replace`, of a valid one). A manager's
    /// decision.
    pub fn create_certificate(&mut self, passphrase: &str) -> Result<CertificateInfo> {
        self.create_certificate_replacing(passphrase, false)
    }

    /// `create_certificate`, replacing a valid current certificate when `replace`.
    pub fn create_certificate_replacing(
        &mut self,
        passphrase: &str,
        replace: bool,
    ) -> Result<CertificateInfo> {
        let actor = self.require_manager("créer le certificat du cabinet")?;
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
        let replaced = self.set_aside_current(replace)?;
        self.install_certificate(
            &cert_pem,
            &key_pem,
            passphrase,
            false,
            replaced.as_deref(),
            &actor,
        )
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
        self.refuse_revoked(&info.fingerprint)?;
        self.signer = Some(signer);
        Ok(info)
    }

    /// Refuse a certificate the firm declared revoked.
    fn refuse_revoked(&self, fingerprint: &str) -> Result<()> {
        if let Some((at, reason)) = self.s().certificate_revocation(fingerprint)? {
            let on = at.get(..10).unwrap_or(&at);
            return Err(ValidationError::new(
                "certificate",
                format!(
                    "le certificat du cabinet a été déclaré révoqué le {on} ({reason}) : il ne \
                     signe plus ; importez ou créez-en un nouveau (Paramètres → Signature \
                     électronique des courriers)"
                ),
            )
            .into());
        }
        Ok(())
    }

    /// Why nothing can be signed when no key is unlocked: the certificate is missing, revoked,
    /// or locked.
    fn no_signer(&self, locked: &str) -> crate::Error {
        let revoked = self
            .certificate()
            .and_then(|info| info.map_or(Ok(()), |i| self.refuse_revoked(&i.fingerprint)));
        if let Err(e) = revoked {
            return e;
        }
        let why = if self.certificate_paths().0.exists() {
            locked
        } else {
            "le cabinet n'a pas de certificat : créez-le d'abord (reclam cert create)"
        };
        ValidationError::new("certificate", why).into()
    }

    /// Sign a PDF written by the register (an extract, the inspection pack), on request: the
    /// file is replaced by its signed version. The certificate must exist and be unlocked.
    pub fn sign_document(&self, path: &std::path::Path, reason: &str) -> Result<()> {
        let Some(signer) = &self.signer else {
            return Err(self.no_signer(
                "le certificat du cabinet est verrouillé : saisissez sa phrase secrète",
            ));
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
            return Err(self.no_signer(
                "le certificat du cabinet est verrouillé : saisissez sa phrase secrète pour \
                 signer la lettre (Paramètres → Signature électronique des courriers ; en \
                 ligne de commande : RECLAM_CERT_PASSPHRASE)",
            ));
        };
        let signed = signer.sign_pdf(&pdf, self.clock().now(), reason)?;
        Ok((signed, Some(signer.info().fingerprint)))
    }
}
