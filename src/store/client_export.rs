//! The client's right of access (RGPD article 15), the store's part: the whole file of every
//! complaint of one client (found by exact name or e-mail address, case and spacing aside;
//! anonymised complaints hold no personal data and are left out), and the journaling of the
//! disclosure (`clientExport`). Composing the export is `register::client_export`'s.

use super::journal::{self, Event};
use super::letters::letters_of;
use super::{actor_name, complaints, file, retention, Store};
use crate::complaint::{
    Approval, AttachmentMeta, Complaint, ComplaintRef, DisputeStep, Exchange, LetterMeta,
};
use crate::error::Result;
use serde::Serialize;
use serde_json::json;

/// One complaint of the client, with its whole file.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientComplaint {
    pub complaint: Complaint,
    pub exchanges: Vec<Exchange>,
    pub letters: Vec<LetterMeta>,
    pub attachments: Vec<AttachmentMeta>,
    pub dispute_steps: Vec<DisputeStep>,
    pub approvals: Vec<Approval>,
    pub events: Vec<Event>,
}

impl Store {
    /// The whole file of every complaint whose client's name or e-mail address, as `normalise`
    /// gives it, is `wanted`.
    pub fn client_files(
        &self,
        wanted: &str,
        normalise: &dyn Fn(&str) -> String,
    ) -> Result<Vec<ClientComplaint>> {
        let conn = self.conn();
        let found: Vec<(i64, ComplaintRef, String, Option<String>)> = conn
            .prepare(
                "SELECT id, reference, client_name, client_email FROM complaints
                 ORDER BY received_on, id",
            )?
            .query_map([], |r| {
                Ok((r.get(0)?, complaints::vocab(r, 1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut files = Vec::new();
        for (id, reference, name, email) in found {
            let matches = normalise(&name) == wanted
                || email.as_deref().is_some_and(|e| normalise(e) == wanted);
            if !matches || retention::is_anonymised(conn, id)? {
                continue;
            }
            let (_, complaint) = complaints::load(conn, &reference)?;
            let (exchanges, attachments, dispute_steps) = file::file_records(conn, id)?;
            files.push(ClientComplaint {
                exchanges,
                letters: letters_of(conn, id)?,
                attachments,
                dispute_steps,
                approvals: self.approvals(&reference)?,
                events: self.history(&reference)?,
                complaint,
            });
        }
        Ok(files)
    }

    /// Journal the firm's new signing certificate (its fingerprint, subject, issuer and
    /// validity), created by the app or imported from a `.p12`, and the one it replaces.
    pub fn journal_certificate(
        &mut self,
        info: &crate::sign::CertificateInfo,
        imported: bool,
        replaced: Option<&str>,
        actor: &str,
    ) -> Result<()> {
        let actor = actor_name(actor)?;
        let kind = if imported {
            "certificateImported"
        } else {
            "certificateCreated"
        };
        self.write(|tx, w| {
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                kind,
                json!({ "fingerprint": info.fingerprint, "subject": info.subject,
                        "issuer": info.issuer, "notAfter": info.not_after,
                        "selfSigned": info.self_signed, "key": info.key,
                        "replaces": replaced }),
                None,
            )?;
            Ok(())
        })
    }

    /// Journal that the firm's certificate `fingerprint` is revoked (its key lost or
    /// compromised, or revoked by its authority): letters are no longer signed with it.
    pub fn journal_certificate_revoked(
        &mut self,
        fingerprint: &str,
        reason: &str,
        actor: &str,
    ) -> Result<()> {
        let actor = actor_name(actor)?;
        self.write(|tx, w| {
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "certificateRevoked",
                json!({ "fingerprint": fingerprint, "reason": reason }),
                None,
            )?;
            Ok(())
        })
    }

    /// When the certificate `fingerprint` was declared revoked, and why, if it was.
    pub fn certificate_revocation(&self, fingerprint: &str) -> Result<Option<(String, String)>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT at, json_extract(data, '$.reason') FROM events \
                 WHERE kind = 'certificateRevoked' AND json_extract(data, '$.fingerprint') = ?1 \
                 ORDER BY id LIMIT 1",
            )?
            .query_row([fingerprint], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            });
        match row {
            Ok((at, reason)) => Ok(Some((at, reason.unwrap_or_default()))),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Journal the disclosure of `references` to the client searched as `query`.
    pub fn journal_client_export(
        &mut self,
        query: &str,
        references: &[&str],
        actor: &str,
    ) -> Result<()> {
        let actor = actor_name(actor)?;
        self.write(|tx, w| {
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "clientExport",
                // A search that found nothing holds no complaint to redact later: keep only
                // the query's hash, so the name does not stay in the journal for good.
                if references.is_empty() {
                    json!({ "querySha256": journal::sha256_hex(
                        query.trim().to_lowercase().as_bytes()
                    ), "references": references })
                } else {
                    json!({ "query": query, "references": references })
                },
                None,
            )?;
            Ok(())
        })
    }
}
