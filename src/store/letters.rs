//! Letters in the register: the firm's templates, signatures, the authority to grant a
//! gesture, approvals, drafts and issued letters.
//!
//! A draft is composed and rendered on demand and never stored. Issuing stores the exact PDF
//! bytes with their SHA-256, journals who issued what, and moves the complaint's step (an
//! acknowledgement letter acknowledges the complaint, a holding letter records the holding
//! step), all in one transaction. An issued letter never changes.

use super::file::User;
use super::journal::{self, sha256_hex};
use super::{actor_name, complaints, Store};
use crate::complaint::lifecycle::{self, Change};
use crate::complaint::{ComplaintRef, Money, Role, Status, ValidationError};
use crate::error::{Error, Result};
use crate::letters::{
    self, default_template, template::Template, Composed, Firm, HoldingInfo, LetterKind, Mediator,
    Signatory, TEMPLATES,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;

/// Largest signature image accepted.
pub const MAX_SIGNATURE_BYTES: usize = 2 * 1024 * 1024;

/// An issued letter, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterMeta {
    pub id: i64,
    pub kind: LetterKind,
    pub signatory: String,
    pub size: i64,
    pub sha256: String,
    pub issued_at: DateTime<Utc>,
    pub issued_by: String,
}

/// What to write: the kind, who signs, and for a holding letter what it announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct LetterRequest {
    pub kind: LetterKind,
    pub signatory: String,
    #[serde(default)]
    pub holding: Option<HoldingInfo>,
}

/// A letter template as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateEntry {
    pub key: String,
    pub label: String,
    pub text: String,
    pub is_default: bool,
}

/// An approval of a gesture above the signatory's authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub id: i64,
    pub amount: Money,
    pub approved_by: String,
    pub approved_at: DateTime<Utc>,
}

/// A letter not issued yet: what it says (for the on-screen preview) and its PDF.
#[derive(Debug, Clone)]
pub struct Draft {
    pub composed: Composed,
    pub pdf: Vec<u8>,
}

fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

impl Store {
    /// The letter templates: the firm's text, or the shipped default.
    pub fn templates(&self) -> Result<Vec<TemplateEntry>> {
        let mut out = Vec::with_capacity(TEMPLATES.len());
        for (key, label, default) in TEMPLATES {
            let stored = self.setting(key)?;
            out.push(TemplateEntry {
                key: (*key).to_owned(),
                label: (*label).to_owned(),
                is_default: stored.is_none() || stored.as_deref() == Some(default),
                text: stored.unwrap_or_else(|| (*default).to_owned()),
            });
        }
        Ok(out)
    }

    /// Change a template (journaled). Its placeholders are checked; an empty text restores
    /// the shipped default.
    pub fn set_template(&mut self, key: &str, text: &str, actor: &str) -> Result<()> {
        let Some(default) = default_template(key) else {
            return Err(ValidationError::new(key, "modèle de lettre inconnu").into());
        };
        let text = crate::complaint::input::text(key, text, 20_000, true)?;
        let text = if text.is_empty() {
            default.to_owned()
        } else {
            text
        };
        Template::parse_with(key, &text, crate::letters::placeholders_for(key))?;
        let actor = actor_name(actor)?;
        let before = self.setting(key)?;
        if before.as_deref().unwrap_or(default) == text {
            return Ok(());
        }
        self.write(|tx, w| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, &text],
            )?;
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "template",
                json!({ "key": key, "before": before.unwrap_or_else(|| default.to_owned()),
                        "after": text }),
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

    /// The largest gesture `user` may grant alone; `None`: no limit (the manager by default).
    pub fn authority(&self, user: &User) -> Result<Option<Money>> {
        if let Some(own) = user.max_gesture {
            return Ok(Some(own));
        }
        let key = match user.role {
            Role::Manager => return Ok(None),
            Role::Advisor => "authority.advisor",
            Role::Supervisor => "authority.supervisor",
        };
        let value = match self.setting(key)? {
            Some(v) => v,
            None => crate::settings::DEFAULT_AUTHORITY
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
                .expect("a default per role"),
        };
        Ok(Some(value.parse().map_err(
            |e: crate::complaint::MoneyError| ValidationError::new(key, e.to_string()),
        )?))
    }

    /// Only a manager may do `what` (when the firm has users at all): change the authority
    /// thresholds, anonymise complaints.
    pub(crate) fn require_manager(&self, field: &str, actor: &str, what: &str) -> Result<()> {
        let users = self.users()?;
        if users.is_empty() {
            return Ok(());
        }
        let ok = users.iter().any(|u| {
            u.active
                && u.role == Role::Manager
                && u.name.to_lowercase() == actor.trim().to_lowercase()
        });
        if !ok {
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

    pub(crate) fn firm(&self) -> Result<(Firm, Mediator, bool)> {
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

    /// Compose and render a letter (not stored). Refuses what the rules forbid: no signing
    /// authority, a gesture above the signatory's authority without approval, a rejection
    /// without a mediator configured...
    pub fn draft_letter(&self, r: &ComplaintRef, req: &LetterRequest) -> Result<Draft> {
        let (_, c) = complaints::load(self.conn(), r)?;
        let (signatory, png) = self.user(&req.signatory)?;
        if !signatory.active || !signatory.can_sign {
            return Err(ValidationError::new(
                "signatory",
                format!(
                    "{} n'est pas habilité(e) à signer les lettres",
                    signatory.name
                ),
            )
            .into());
        }
        if req.kind == LetterKind::Answer {
            if let Some(gesture) = c.answer.as_ref().and_then(|a| a.gesture) {
                if let Some(max) = self.authority(&signatory)? {
                    let approved = self.approvals(r)?.iter().any(|a| a.amount >= gesture);
                    if gesture > max && !approved {
                        return Err(ValidationError::new(
                            "gesture",
                            format!(
                                "le geste commercial de {} dépasse l'habilitation de {} ({}) : il \
                                 doit être validé par un responsable ou le dirigeant avant \
                                 l'envoi de la réponse",
                                gesture.to_french(),
                                signatory.name,
                                max.to_french()
                            ),
                        )
                        .into());
                    }
                }
            }
        }
        let (firm, mediator, every) = self.firm()?;
        let mut templates = BTreeMap::new();
        for (key, _, _) in TEMPLATES {
            if let Some(t) = self.setting(key)? {
                templates.insert((*key).to_owned(), t);
            }
        }
        let sig = Signatory {
            name: signatory.name.clone(),
            title: signatory.role.label().to_owned(),
            signature_png: png,
        };
        let ctx = letters::Context {
            firm: &firm,
            mediator: &mediator,
            mediator_in_every_answer: every,
            templates: &templates,
            signatory: &sig,
            today: self.today(),
            holding: req.holding.as_ref(),
        };
        let composed = letters::compose(req.kind, &c, &ctx)?;
        let pdf = letters::render(&composed, &firm, &sig, self.clock().now())?;
        Ok(Draft { composed, pdf })
    }

    /// Issue a letter: store its PDF and hash, journal it, and move the complaint's step.
    pub fn issue_letter(
        &mut self,
        r: &ComplaintRef,
        req: &LetterRequest,
        actor: &str,
    ) -> Result<LetterMeta> {
        let draft = self.draft_letter(r, req)?;
        let actor = actor_name(actor)?;
        let sha256 = sha256_hex(&draft.pdf);
        let size = i64::try_from(draft.pdf.len()).expect("a letter is small");
        let signatory = draft.composed.signatory_name.clone();
        self.write(|tx, w| {
            let issued_at = w.now();
            // The step the letter stands for, journaled as such.
            match req.kind {
                LetterKind::Acknowledgement => {
                    let (_, c) = complaints::load(tx, r)?;
                    if c.status == Status::Received {
                        w.apply(tx, r, &actor, |_, _, c, today| {
                            Ok(lifecycle::acknowledge(c, today, today)?)
                        })?;
                    }
                }
                LetterKind::Holding => {
                    let note = req.holding.as_ref().map(|h| h.note.as_str()).unwrap_or_default();
                    w.apply(tx, r, &actor, |tx, id, c, today| {
                        let change = lifecycle::hold(c, today, note, today)?;
                        complaints::insert_holding(tx, id, c.holdings.last().expect("just pushed"))?;
                        Ok(change)
                    })?;
                }
                LetterKind::Answer => {}
            }
            let mut letter_id = 0;
            w.apply(tx, r, &actor, |tx, id, _, _| {
                tx.prepare_cached(
                    "INSERT INTO letters (complaint_id, kind, signatory, pdf, size, sha256,
                        issued_by, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    id,
                    req.kind.as_str(),
                    signatory,
                    draft.pdf,
                    size,
                    sha256,
                    actor,
                    issued_at
                ])?;
                letter_id = tx.last_insert_rowid();
                let mut data = json!({ "letterId": letter_id, "letter": req.kind, "signatory": signatory,
                    "sha256": sha256, "size": size });
                if let Some(h) = &req.holding {
                    data["expectedOn"] = json!(h.expected_on);
                }
                Ok(Change { kind: "letterIssued", data })
            })?;
            Ok(LetterMeta {
                id: letter_id,
                kind: req.kind,
                signatory: signatory.clone(),
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
