//! What the complaint file keeps besides the register fields: exchanges with the client,
//! attachments (bytes and SHA-256 in the database), the other legs of a dispute (insurer,
//! mediator, litigation), and the firm's users who author every event. The types are the
//! domain's (`complaint::file`, `firm`); this module keeps them.
//!
//! Each addition to a complaint is journaled in the same transaction, with the complaint's
//! state hash, like the lifecycle transitions.

use super::complaints;
use super::journal::{self, sha256_hex};
use super::{actor_name, Store};
use crate::complaint::input::{past_date, required, text, ValidationError, MAX_LINE, MAX_TEXT};
use crate::complaint::lifecycle::Change;
use crate::complaint::{
    AttachmentMeta, ComplaintRef, DisputeKind, DisputeStep, Exchange, Money, NewDisputeStep,
    NewExchange, MAX_ATTACHMENT_BYTES,
};
use crate::error::{Error, Result};
use crate::firm::{NewUser, User};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;
use std::str::FromStr;

use crate::complaint::french_date as fr;

/// A date on the file: in the past, and not before the complaint was received.
fn file_date(
    field: &str,
    on: NaiveDate,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate> {
    let on = past_date(field, on, today)?;
    if on < received_on {
        return Err(ValidationError::new(
            field,
            format!(
                "le {} est antérieur à la réception de la réclamation ({})",
                fr(on),
                fr(received_on)
            ),
        )
        .into());
    }
    Ok(on)
}

/// The media type shown to the system viewer, from the file name's extension.
pub fn media_type(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("heic") => "image/heic",
        Some("tif" | "tiff") => "image/tiff",
        Some("txt") => "text/plain",
        Some("eml") => "message/rfc822",
        Some("msg") => "application/vnd.ms-outlook",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    }
}

impl Store {
    /// Record an exchange (incoming or outgoing) on a complaint.
    pub fn add_exchange(&mut self, r: &ComplaintRef, x: &NewExchange, actor: &str) -> Result<()> {
        let summary = required("summary", &x.summary, MAX_TEXT, true)?;
        let recorded_by = actor_name(actor)?;
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                let on = file_date("on", x.on, c.received_on, today)?;
                tx.prepare_cached(
                    "INSERT INTO exchanges (complaint_id, on_date, direction, channel, summary,
                        recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    id,
                    on,
                    x.direction.as_str(),
                    x.channel.as_str(),
                    summary,
                    recorded_by,
                    w.now()
                ])?;
                Ok(Change {
                    kind: "exchange",
                    data: json!({ "exchangeId": tx.last_insert_rowid(), "on": on,
                        "direction": x.direction, "channel": x.channel, "summary": summary }),
                })
            })
        })?;
        Ok(())
    }

    /// Record a step of the dispute outside the firm. An insurer's answer follows a forwarding
    /// to the insurer, a mediator's outcome follows a referral.
    pub fn add_dispute_step(
        &mut self,
        r: &ComplaintRef,
        s: &NewDisputeStep,
        actor: &str,
    ) -> Result<()> {
        let summary = text("summary", &s.summary, MAX_TEXT, true)?;
        if summary.is_empty()
            && matches!(
                s.kind,
                DisputeKind::InsurerAnswer | DisputeKind::MediatorOutcome
            )
        {
            return Err(ValidationError::new(
                "summary",
                "obligatoire : résumez la réponse ou l'avis",
            )
            .into());
        }
        let recorded_by = actor_name(actor)?;
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                let on = file_date("on", s.on, c.received_on, today)?;
                let prerequisite = match s.kind {
                    DisputeKind::InsurerAnswer => Some(DisputeKind::InsurerForwarded),
                    DisputeKind::MediatorOutcome => Some(DisputeKind::MediatorReferral),
                    _ => None,
                };
                if let Some(before) = prerequisite {
                    let first: Option<NaiveDate> = tx
                        .prepare_cached(
                            "SELECT min(on_date) FROM dispute_steps
                             WHERE complaint_id = ?1 AND kind = ?2",
                        )?
                        .query_row(params![id, before.as_str()], |r| r.get(0))?;
                    match first {
                        None => {
                            return Err(ValidationError::new(
                                "kind",
                                format!("enregistrez d'abord l'étape « {} »", before.label()),
                            )
                            .into())
                        }
                        Some(first) if on < first => {
                            return Err(ValidationError::new(
                                "on",
                                format!(
                                    "le {} est antérieur à l'étape « {} » ({})",
                                    fr(on),
                                    before.label(),
                                    fr(first)
                                ),
                            )
                            .into())
                        }
                        Some(_) => {}
                    }
                }
                // Each leg that waits for a sequel says when; the usual wait by default.
                let expected_on = match (s.kind.usual_wait_days(), s.expected_on) {
                    (None, Some(_)) => {
                        return Err(ValidationError::new(
                            "expectedOn",
                            format!("« {} » n'attend pas de suite datée", s.kind.label()),
                        )
                        .into())
                    }
                    (None, None) => None,
                    (Some(days), None) => Some(on + chrono::Duration::days(days)),
                    (Some(_), Some(d)) if d < on => {
                        return Err(ValidationError::new(
                            "expectedOn",
                            format!(
                                "la suite ne peut pas être attendue le {}, avant l'étape ({})",
                                fr(d),
                                fr(on)
                            ),
                        )
                        .into())
                    }
                    (Some(_), Some(d)) => Some(d),
                };
                tx.prepare_cached(
                    "INSERT INTO dispute_steps (complaint_id, kind, on_date, summary, recorded_by,
                        recorded_at, expected_on, from_lawyer)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    id,
                    s.kind.as_str(),
                    on,
                    summary,
                    recorded_by,
                    w.now(),
                    expected_on,
                    s.from_lawyer
                ])?;
                let mut data = json!({ "stepId": tx.last_insert_rowid(), "step": s.kind,
                    "on": on, "summary": summary });
                if let Some(d) = expected_on {
                    data["expectedOn"] = json!(d);
                }
                if s.from_lawyer {
                    data["fromLawyer"] = json!(true);
                }
                Ok(Change {
                    kind: "disputeStep",
                    data,
                })
            })
        })?;
        Ok(())
    }

    /// Attach a file to a complaint: its bytes and their SHA-256 are stored and journaled.
    pub fn add_attachment(
        &mut self,
        r: &ComplaintRef,
        name: &str,
        bytes: &[u8],
        actor: &str,
    ) -> Result<AttachmentMeta> {
        let name = required("name", name, MAX_LINE, false)?;
        if bytes.len() > MAX_ATTACHMENT_BYTES {
            return Err(ValidationError::new(
                "file",
                format!(
                    "fichier trop volumineux ({} Mo, {} Mo au plus)",
                    bytes.len() / (1024 * 1024),
                    MAX_ATTACHMENT_BYTES / (1024 * 1024)
                ),
            )
            .into());
        }
        let added_by = actor_name(actor)?;
        let sha256 = sha256_hex(bytes);
        let media_type = media_type(&name);
        let size = i64::try_from(bytes.len()).expect("bounded above");
        self.write(|tx, w| {
            let added_at = w.now();
            let mut attachment_id = 0;
            w.apply(tx, r, actor, |tx, id, _, _| {
                tx.prepare_cached(
                    "INSERT INTO attachments (complaint_id, name, media_type, size, sha256, content,
                        added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![id, name, media_type, size, sha256, bytes, added_by, added_at])?;
                attachment_id = tx.last_insert_rowid();
                Ok(Change {
                    kind: "attachment",
                    data: json!({ "attachmentId": attachment_id, "name": name,
                        "mediaType": media_type, "size": size, "sha256": sha256 }),
                })
            })?;
            Ok(AttachmentMeta {
                id: attachment_id,
                name: name.clone(),
                media_type: media_type.to_owned(),
                size,
                sha256: sha256.clone(),
                added_at,
                added_by: added_by.clone(),
            })
        })
    }

    /// One attachment with its bytes; the hash is checked, so a file altered behind the app's
    /// back is reported rather than shown as genuine.
    pub fn attachment(&self, id: i64) -> Result<(AttachmentMeta, Vec<u8>)> {
        let found = self
            .conn()
            .prepare_cached(
                "SELECT id, name, media_type, size, sha256, added_at, added_by, content
                 FROM attachments WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((attachment_from_row(r)?, r.get::<_, Vec<u8>>(7)?))
            })
            .optional()?;
        let (meta, bytes) =
            found.ok_or_else(|| Error::NotFound(format!("pièce jointe n° {id}")))?;
        match super::retention::redaction_of(self.conn(), "attachments", id)? {
            Some(true) => {
                return Err(Error::NotFound(format!(
                    "contenu de la pièce jointe n° {id} (anonymisée à l'issue de la durée de \
                     conservation)"
                )))
            }
            Some(false) => {
                return Err(Error::Tampered(format!(
                    "la pièce jointe n° {id} est marquée anonymisée sans anonymisation \
                     journalisée"
                )))
            }
            None => {}
        }
        if sha256_hex(&bytes) != meta.sha256 {
            return Err(Error::Tampered(format!(
                "la pièce jointe « {} » ne correspond plus à son empreinte SHA-256",
                meta.name
            )));
        }
        Ok((meta, bytes))
    }

    /// The firm's users, active first, by name.
    pub fn users(&self) -> Result<Vec<User>> {
        let mut users = list_users(self.conn())?;
        for u in &mut users {
            u.authority = self.authority(u)?;
        }
        Ok(users)
    }

    /// Add a user (journaled). Names are unique, whatever their case.
    pub fn add_user(&mut self, u: &NewUser, actor: &str) -> Result<User> {
        self.add_user_with(u, None, actor)
    }

    /// Add a user with their first secret's hash (`phc`), both in one transaction: a user is
    /// never left half-created.
    pub fn add_user_with(&mut self, u: &NewUser, phc: Option<&str>, actor: &str) -> Result<User> {
        let name = required("name", &u.name, 100, false)?;
        let max_gesture = match u.max_gesture.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                Money::from_str(s)
                    .map_err(|e| ValidationError::new("maxGesture", e.to_string()))?,
            ),
        };
        let actor = actor_name(actor)?;
        let mut user = self.write(|tx, w| {
            let taken: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE name = ?1)")?
                .query_row([&name], |r| r.get(0))?;
            if taken {
                return Err(ValidationError::new(
                    "name",
                    format!("un utilisateur « {name} » existe déjà"),
                )
                .into());
            }
            tx.prepare_cached(
                "INSERT INTO users (name, role, can_sign, max_gesture, active, created_at)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5)",
            )?
            .execute(params![
                name,
                u.role.as_str(),
                u.can_sign,
                max_gesture.map(|m| m.to_string()),
                w.now()
            ])?;
            let user = User {
                id: tx.last_insert_rowid(),
                name: name.clone(),
                role: u.role,
                can_sign: u.can_sign,
                max_gesture,
                active: true,
                authority: None,
                has_signature: false,
                has_credentials: false,
            };
            journal::append(
                tx,
                None,
                w.now(),
                &actor,
                "userAdded",
                json!({ "userId": user.id, "name": user.name, "role": user.role,
                    "canSign": user.can_sign, "maxGesture": user.max_gesture }),
                None,
            )?;
            if let Some(phc) = phc {
                super::people::insert_credentials(tx, w, &user, phc, &actor)?;
            }
            Ok(user)
        })?;
        user.authority = self.authority(&user)?;
        Ok(user)
    }
}

pub(crate) fn list_users(conn: &Connection) -> Result<Vec<User>> {
    let users = conn
        .prepare_cached(
            "SELECT id, name, role, can_sign, max_gesture, active, signature_png IS NOT NULL,
                EXISTS (SELECT 1 FROM credentials c WHERE c.user_id = users.id)
             FROM users
             ORDER BY active DESC, name COLLATE NOCASE",
        )?
        .query_map([], |r| {
            Ok(User {
                id: r.get(0)?,
                name: r.get(1)?,
                role: complaints::vocab(r, 2)?,
                can_sign: r.get(3)?,
                max_gesture: match r.get::<_, Option<String>>(4)? {
                    None => None,
                    Some(_) => Some(complaints::vocab(r, 4)?),
                },
                active: r.get(5)?,
                authority: None,
                has_signature: r.get(6)?,
                has_credentials: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(users)
}

fn attachment_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AttachmentMeta> {
    Ok(AttachmentMeta {
        id: r.get(0)?,
        name: r.get(1)?,
        media_type: r.get(2)?,
        size: r.get(3)?,
        sha256: r.get(4)?,
        added_at: r.get(5)?,
        added_by: r.get(6)?,
    })
}

/// The exchanges, attachments and dispute steps of one complaint, oldest first.
pub(crate) fn file_records(
    conn: &Connection,
    complaint_id: i64,
) -> Result<(Vec<Exchange>, Vec<AttachmentMeta>, Vec<DisputeStep>)> {
    let exchanges = conn
        .prepare_cached(
            "SELECT id, on_date, direction, channel, summary, recorded_by FROM exchanges
             WHERE complaint_id = ?1 ORDER BY on_date, id",
        )?
        .query_map([complaint_id], |r| {
            Ok(Exchange {
                id: r.get(0)?,
                on: r.get(1)?,
                direction: complaints::vocab(r, 2)?,
                channel: complaints::vocab(r, 3)?,
                summary: r.get(4)?,
                recorded_by: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let attachments = conn
        .prepare_cached(
            "SELECT id, name, media_type, size, sha256, added_at, added_by FROM attachments
             WHERE complaint_id = ?1 ORDER BY id",
        )?
        .query_map([complaint_id], attachment_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let steps = conn
        .prepare_cached(
            "SELECT id, kind, on_date, summary, recorded_by, expected_on, from_lawyer
             FROM dispute_steps WHERE complaint_id = ?1 ORDER BY on_date, id",
        )?
        .query_map([complaint_id], |r| {
            Ok(DisputeStep {
                id: r.get(0)?,
                kind: complaints::vocab(r, 1)?,
                on: r.get(2)?,
                summary: r.get(3)?,
                recorded_by: r.get(4)?,
                expected_on: r.get(5)?,
                from_lawyer: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok((exchanges, attachments, steps))
}
