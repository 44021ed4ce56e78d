//! Letters in the register: the firm's templates, signatures and logo, the authority to grant
//! a gesture, approvals, and issued letters. Composing and printing a letter is not done here
//! (`register::letters` asks `letters` and `print`): this module keeps what was issued.
//!
//! Recording an issued letter stores the exact PDF bytes with their SHA-256, journals who
//! issued what, and moves the complaint's step (an acknowledgement letter acknowledges the
//! complaint, a holding letter records the holding step), all in one transaction. An issued
//! letter never changes.

use super::journal::{self, sha256_hex};
use super::{actor_name, complaints, Store};
use crate::complaint::ending;
use crate::complaint::lifecycle::{self, Change};
use crate::complaint::{
    Approval, ComplaintRef, LetterKind, LetterMeta, Money, Status, Step, ValidationError,
};
use crate::error::{Error, Result};
use crate::firm::User;
use crate::firm::{Firm, Mediator};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

/// The bytes of a letter as issued, and the fingerprint of the certificate that signed them.
#[derive(Debug, Clone, Copy)]
pub struct IssuedPdf<'a> {
    pub pdf: &'a [u8],
    pub certificate: Option<&'a str>,
}

/// Largest signature image accepted.
pub const MAX_SIGNATURE_BYTES: usize = 2 * 1024 * 1024;

fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

impl Store {
    /// Keep a letter template's text (checked by the caller), journaled with the text it
    /// replaces (`before`: the stored text, or the shipped default).
    pub fn save_template(
        &mut self,
        key: &str,
        text: &str,
        before: &str,
        actor: &str,
    ) -> Result<()> {
        let actor = actor_name(actor)?;
        self.write(|tx, w| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, text],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "template",
                json!({ "key": key, "before": before, "after": text }),
                None,
            )?;
            Ok(())
        })
    }

    /// A user by name (any case), with their signature image.
    pub fn user(&self, name: &str) -> Result<(User, Option<Vec<u8>>)> {
        let users = self.users()?;
        let user = users
            .into_iter()
            .find(|u| u.name.to_lowercase() == name.trim().to_lowercase())
            .ok_or_else(|| {
                Error::Validation(ValidationError::new(
                    "signatory",
                    format!(
                        "utilisateur inconnu « {} » (ajoutez-le dans les Paramètres)",
                        name.trim()
                    ),
                ))
            })?;
        let png: Option<Vec<u8>> = self
            .conn()
            .prepare_cached("SELECT signature_png FROM users WHERE id = ?1")?
            .query_row([user.id], |r| r.get(0))?;
        Ok((user, png))
    }

    /// Store a user's signature image (PNG), journaled with its hash.
    pub fn set_signature(&mut self, user: &str, png: &[u8], actor: &str) -> Result<()> {
        if !is_png(png) {
            return Err(ValidationError::new(
                "signature",
                "l'image de signature doit être un fichier PNG",
            )
            .into());
        }
        if png.len() > MAX_SIGNATURE_BYTES {
            return Err(ValidationError::new(
                "signature",
                "image de signature trop lourde (2 Mo au plus)",
            )
            .into());
        }
        let (u, _) = self.user(user)?;
        let actor = actor_name(actor)?;
        let hash = sha256_hex(png);
        self.write(|tx, w| {
            tx.execute(
                "UPDATE users SET signature_png = ?2 WHERE id = ?1",
                params![u.id, png],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "signature",
                json!({ "userId": u.id, "name": u.name, "sha256": hash }),
                None,
            )?;
            Ok(())
        })
    }

    /// Set the firm's logo (PNG) printed on the letterhead; journaled with its hash.
    pub fn set_logo(&mut self, png: &[u8], actor: &str) -> Result<()> {
        if !is_png(png) {
            return Err(ValidationError::new("logo", "le logo doit être une image PNG").into());
        }
        if png.len() > MAX_SIGNATURE_BYTES {
            return Err(ValidationError::new("logo", "logo trop lourd (2 Mo au plus)").into());
        }
        let actor = actor_name(actor)?;
        let hash = sha256_hex(png);
        self.write(|tx, w| {
            tx.execute(
                "INSERT INTO firm_logo (id, png, sha256, updated_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET png = excluded.png, sha256 = excluded.sha256,
                    updated_at = excluded.updated_at",
                params![png, hash, w.now()],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "logo",
                json!({ "sha256": hash }),
                None,
            )?;
            Ok(())
        })
    }

    /// The firm's logo, if one was set.
    pub fn logo(&self) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT png FROM firm_logo WHERE id = 1")?
            .query_row([], |r| r.get(0))
            .optional()?)
    }

    /// The firm's authority matrix, from the settings (defaults: the seed's).
    pub fn thresholds(&self) -> Result<crate::firm::Thresholds> {
        let get = |key: &str| -> Result<Option<Money>> {
            let value = match self.setting(key)? {
                Some(v) => v,
                None => crate::settings::DEFAULT_AUTHORITY
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).to_owned())
                    .expect("a default per threshold"),
            };
            if value.trim().is_empty() {
                return Ok(None);
            }
            Ok(Some(value.parse().map_err(
                |e: crate::complaint::MoneyError| ValidationError::new(key, e.to_string()),
            )?))
        };
        let required = |key: &str| -> Result<Money> {
            get(key)?.ok_or_else(|| {
                ValidationError::new(key, "un montant est attendu pour ce seuil").into()
            })
        };
        Ok(crate::firm::Thresholds {
            reason_from: required("authority.reasonFrom")?,
            advisor: required("authority.advisor")?,
            supervisor: get("authority.supervisor")?,
            document_from: required("authority.documentFrom")?,
        })
    }

    /// The largest gesture `user` may grant alone; `None`: no limit (the manager by default).
    pub fn authority(&self, user: &User) -> Result<Option<Money>> {
        Ok(crate::firm::gesture_limit(user, &self.thresholds()?))
    }

    /// Only a manager may do `what` (when the firm has users at all): change the authority
    /// thresholds, anonymise complaints.
    pub(crate) fn require_manager(&self, field: &str, actor: &str, what: &str) -> Result<()> {
        if !crate::firm::is_manager(&self.users()?, actor) {
            return Err(
                ValidationError::new(field, format!("seul un dirigeant peut {what}")).into(),
            );
        }
        Ok(())
    }

    /// Approve a goodwill gesture of `amount` on a complaint, as `approver` (who must hold the
    /// authority for it). Journaled: who, when, how much.
    pub fn approve_gesture(
        &mut self,
        r: &ComplaintRef,
        amount: Money,
        approver: &str,
    ) -> Result<Approval> {
        let (user, _) = self.user(approver).map_err(|_| {
            ValidationError::new("approver", format!("utilisateur inconnu « {approver} »"))
        })?;
        if !user.active {
            return Err(ValidationError::new(
                "approver",
                format!("{} n'est plus actif", user.name),
            )
            .into());
        }
        if let Some(max) = self.authority(&user)? {
            if amount > max {
                return Err(ValidationError::new(
                    "amount",
                    format!(
                        "{} ne peut valider un geste que jusqu'à {} : faites valider {} par un \
                         utilisateur habilité",
                        user.name,
                        max.to_french(),
                        amount.to_french()
                    ),
                )
                .into());
            }
        }
        self.write(|tx, w| {
            let at = w.now();
            let mut id = 0;
            w.apply(tx, r, &user.name, |tx, cid, c, _| {
                if c.status == Status::Closed {
                    return Err(
                        ValidationError::new("amount", "la réclamation est clôturée").into(),
                    );
                }
                tx.prepare_cached(
                    "INSERT INTO approvals (complaint_id, amount, approved_by, approved_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![cid, amount.to_string(), user.name, at])?;
                id = tx.last_insert_rowid();
                Ok(Change {
                    kind: "gestureApproved",
                    data: json!({ "approvalId": id, "amount": amount, "approvedBy": user.name }),
                })
            })?;
            Ok(Approval {
                id,
                amount,
                approved_by: user.name.clone(),
                approved_at: at,
            })
        })
    }

    /// The approvals recorded on a complaint, oldest first.
    pub fn approvals(&self, r: &ComplaintRef) -> Result<Vec<Approval>> {
        let (id, _) = complaints::load(self.conn(), r)?;
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT id, amount, approved_by, approved_at FROM approvals
                 WHERE complaint_id = ?1 ORDER BY id",
            )?
            .query_map([id], |r| {
                Ok(Approval {
                    id: r.get(0)?,
                    amount: complaints::vocab(r, 1)?,
                    approved_by: r.get(2)?,
                    approved_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The firm's identity, its mediator, and whether every answer names the mediator.
    pub fn firm(&self) -> Result<(Firm, Mediator, bool)> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        Ok((
            Firm {
                name: get("firm.name")?,
                address: get("firm.address")?,
                orias: get("firm.orias")?,
                email: get("firm.email")?,
                phone: get("firm.phone")?,
                logo_png: self.logo()?,
            },
            Mediator {
                name: get("mediator.name")?,
                address: get("mediator.address")?,
                website: get("mediator.website")?,
            },
            get("letters.mediatorInEveryAnswer")? == "true",
        ))
    }

    /// Record an issued letter: its PDF and hash, journaled, and the step it stands for (an
    /// acknowledgement letter acknowledges a received complaint, a holding letter records a
    /// holding step with `holding_note`), all in one transaction.
    pub fn record_issued_letter(
        &mut self,
        r: &ComplaintRef,
        kind: LetterKind,
        holding: Option<(&str, chrono::NaiveDate)>,
        signatory: &str,
        issued: IssuedPdf<'_>,
        actor: &str,
    ) -> Result<LetterMeta> {
        let IssuedPdf { pdf, certificate } = issued;
        let actor = actor_name(actor)?;
        let sha256 = sha256_hex(pdf);
        let size = i64::try_from(pdf.len()).expect("a letter is small");
        self.write(|tx, w| {
            let issued_at = w.now();
            // The step the letter stands for, journaled as such.
            match kind {
                LetterKind::Acknowledgement => {
                    let (_, c) = complaints::load(tx, r)?;
                    if c.status == Status::Received {
                        w.apply(tx, r, &actor, |_, _, c, today| {
                            let change = lifecycle::acknowledge(c, today, today)?;
                            Ok(ending::with_sent(
                                c,
                                Step::Acknowledgement,
                                Some(super::ending::letter_sent()),
                                change,
                            )?)
                        })?;
                    } else if c.acknowledged_on.is_some() && c.ack_sent.is_none() {
                        w.apply(tx, r, &actor, |_, _, c, _| {
                            Ok(ending::state_sent(
                                c,
                                Step::Acknowledgement,
                                super::ending::letter_sent(),
                            )?)
                        })?;
                    }
                }
                LetterKind::Holding => {
                    let note = holding.map(|(n, _)| n).unwrap_or_default();
                    w.apply(tx, r, &actor, |tx, id, c, today| {
                        let change = lifecycle::hold(c, today, note, today)?;
                        complaints::insert_holding(tx, id, c.holdings.last().expect("just pushed"))?;
                        Ok(change)
                    })?;
                }
                // Journaled as issued; the client's written confirmation is its own step.
                LetterKind::Confirmation => {}
                LetterKind::Answer => {
                    // The letter is how the answer reached the client, unless the user said
                    // otherwise when recording it.
                    let (_, c) = complaints::load(tx, r)?;
                    if c.answer.as_ref().is_some_and(|a| a.sent.is_none()) {
                        w.apply(tx, r, &actor, |_, _, c, _| {
                            Ok(ending::state_sent(
                                c,
                                Step::Answer,
                                super::ending::letter_sent(),
                            )?)
                        })?;
                    }
                }
            }
            let mut letter_id = 0;
            w.apply(tx, r, &actor, |tx, id, _, _| {
                tx.prepare_cached(
                    "INSERT INTO letters (complaint_id, kind, signatory, pdf, size, sha256,
                        issued_by, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    id,
                    kind.as_str(),
                    signatory,
                    pdf,
                    size,
                    sha256,
                    actor,
                    issued_at
                ])?;
                letter_id = tx.last_insert_rowid();
                let mut data = json!({ "letterId": letter_id, "letter": kind, "signatory": signatory,
                    "sha256": sha256, "size": size });
                if let Some((_, expected_on)) = holding {
                    data["expectedOn"] = json!(expected_on);
                }
                // Signed: the firm's certificate, by its fingerprint.
                if let Some(fingerprint) = certificate {
                    data["certificate"] = json!(fingerprint);
                }
                Ok(Change { kind: "letterIssued", data })
            })?;
            Ok(LetterMeta {
                id: letter_id,
                kind,
                signatory: signatory.to_owned(),
                size,
                sha256: sha256.clone(),
                issued_at,
                issued_by: actor.clone(),
            })
        })
    }

    /// The letters issued for a complaint, oldest first.
    pub fn letters(&self, r: &ComplaintRef) -> Result<Vec<LetterMeta>> {
        let (id, _) = complaints::load(self.conn(), r)?;
        letters_of(self.conn(), id)
    }

    /// An issued letter with its bytes; the hash is checked, so a letter altered behind the
    /// app's back is reported. An anonymised letter gives its placeholder PDF.
    pub fn letter_pdf(&self, id: i64) -> Result<(LetterMeta, Vec<u8>)> {
        let found = self
            .conn()
            .prepare_cached(&format!("{SELECT_LETTER}, pdf FROM letters WHERE id = ?1"))?
            .query_row([id], |r| Ok((letter_from_row(r)?, r.get::<_, Vec<u8>>(7)?)))
            .optional()?;
        let (meta, pdf) = found.ok_or_else(|| Error::NotFound(format!("lettre n° {id}")))?;
        match super::retention::redaction_of(self.conn(), "letters", id)? {
            // Anonymised after the retention period: the placeholder that replaced it.
            Some(true) => return Ok((meta, pdf)),
            Some(false) => {
                return Err(Error::Tampered(format!(
                    "la lettre n° {id} est marquée anonymisée sans anonymisation journalisée"
                )))
            }
            None => {}
        }
        if sha256_hex(&pdf) != meta.sha256 {
            return Err(Error::Tampered(format!(
                "la lettre n° {id} ne correspond plus à son empreinte SHA-256"
            )));
        }
        Ok((meta, pdf))
    }
}

const SELECT_LETTER: &str = "SELECT id, kind, signatory, size, sha256, issued_at, issued_by";

fn letter_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LetterMeta> {
    let kind: String = r.get(1)?;
    Ok(LetterMeta {
        id: r.get(0)?,
        kind: kind.parse().map_err(|e: ValidationError| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
        })?,
        signatory: r.get(2)?,
        size: r.get(3)?,
        sha256: r.get(4)?,
        issued_at: r.get(5)?,
        issued_by: r.get(6)?,
    })
}

pub(crate) fn letters_of(
    conn: &rusqlite::Connection,
    complaint_id: i64,
) -> Result<Vec<LetterMeta>> {
    let rows = conn
        .prepare_cached(&format!(
            "{SELECT_LETTER} FROM letters WHERE complaint_id = ?1 ORDER BY id"
        ))?
        .query_map([complaint_id], letter_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
