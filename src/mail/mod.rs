//! Complaints taken in from an e-mail file: a message saved from Thunderbird or any client
//! (`.eml`, RFC 5322 with MIME) or from Outlook (`.msg`, an OLE compound file). What the
//! message says is read (sender, date, subject, text, attachments) and proposed as a complaint;
//! nothing is recorded until the user checked it (`register::mail`).

mod eml;
mod msg;

use crate::complaint::input::MAX_TEXT;
use crate::complaint::{Channel, Direction, NewExchange, ValidationError, MAX_ATTACHMENT_BYTES};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::path::Path;

/// Largest message file read (a message with its attachments).
pub const MAX_MAIL_BYTES: usize = 50 * 1024 * 1024;

/// A message as read from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub from_name: Option<String>,
    pub from_email: Option<String>,
    /// When it was sent (the `Date` header, Outlook's submit time).
    pub sent_at: Option<DateTime<Utc>>,
    pub subject: String,
    /// The text body, or the HTML body as text.
    pub text: String,
    /// Its attachments, inline images and forwarded messages included.
    pub attachments: Vec<MailAttachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// An attachment as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MailAttachmentInfo {
    pub name: String,
    pub size: u64,
}

/// Longest exchange summary an e-mail gives (its beginning).
const EXCHANGE_SUMMARY_CHARS: usize = 2000;

impl Mail {
    /// The day it was sent, never after `today`.
    pub fn sent_on(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.sent_at.map(|t| t.date_naive().min(today))
    }

    /// The subject line and the text, as a complaint's description.
    pub fn description(&self) -> String {
        let mut d = String::new();
        if !self.subject.is_empty() {
            d.push_str(&format!("Objet du message : {}\n\n", self.subject));
        }
        d.push_str(&self.text);
        d.chars()
            .take(MAX_TEXT)
            .collect::<String>()
            .trim()
            .to_owned()
    }

    /// The incoming exchange it stands for on a complaint's file (`name`: the message file).
    pub fn exchange(&self, name: &str, today: NaiveDate) -> NewExchange {
        let mut summary = self.description();
        if summary.chars().count() > EXCHANGE_SUMMARY_CHARS {
            summary = summary
                .chars()
                .take(EXCHANGE_SUMMARY_CHARS)
                .collect::<String>()
                + "…";
        }
        if summary.is_empty() {
            summary = format!("E-mail reçu ({})", clean_name(name, "message.eml"));
        }
        NewExchange {
            on: self.sent_on(today).unwrap_or(today),
            direction: Direction::Incoming,
            channel: Channel::Email,
            summary,
        }
    }

    /// Refuse, before anything is written, a file the register could not keep (the message
    /// `name` itself or one of its attachments).
    pub fn check_sizes(&self, name: &str, bytes: &[u8]) -> Result<(), ValidationError> {
        for (n, size) in std::iter::once((name, bytes.len())).chain(
            self.attachments
                .iter()
                .map(|a| (a.name.as_str(), a.bytes.len())),
        ) {
            if size > MAX_ATTACHMENT_BYTES {
                return Err(ValidationError::new(
                    "file",
                    format!(
                        "« {n} » dépasse {} Mo : enregistrez-le à part et joignez une version \
                         réduite",
                        MAX_ATTACHMENT_BYTES / (1024 * 1024)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A message file's name and bytes, its size checked before it is read.
pub fn read_file(path: &Path) -> Result<(String, Vec<u8>), ValidationError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "message.eml".into());
    let unreadable = |e: std::io::Error| {
        ValidationError::new("file", format!("« {name} » ne peut pas être lu : {e}"))
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_MAIL_BYTES as u64 {
        return Err(ValidationError::new(
            "file",
            format!(
                "« {name} » est trop volumineux ({} Mo, {} Mo au plus)",
                size / (1024 * 1024),
                MAX_MAIL_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    Ok((name, bytes))
}

/// The OLE compound file signature (Outlook's `.msg`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn refused(name: &str, why: impl std::fmt::Display) -> ValidationError {
    ValidationError::new(
        "file",
        format!("« {name} » n'est pas un e-mail lisible ({why}) : enregistrez le message depuis votre messagerie au format .eml ou .msg"),
    )
}

/// Read a message file (`name` for its extension and the messages).
pub fn read(name: &str, bytes: &[u8]) -> Result<Mail, ValidationError> {
    if bytes.len() > MAX_MAIL_BYTES {
        return Err(ValidationError::new(
            "file",
            format!(
                "« {name} » est trop volumineux ({} Mo, {} Mo au plus)",
                bytes.len() / (1024 * 1024),
                MAX_MAIL_BYTES / (1024 * 1024)
            ),
        ));
    }
    if bytes.is_empty() {
        return Err(refused(name, "fichier vide"));
    }
    let mail = if bytes.starts_with(&OLE_MAGIC) {
        msg::read(bytes).map_err(|why| refused(name, why))?
    } else if name.to_lowercase().ends_with(".msg") {
        return Err(refused(name, "ce n'est pas un fichier Outlook"));
    } else {
        eml::read(bytes).map_err(|why| refused(name, why))?
    };
    if mail.from_email.is_none() && mail.from_name.is_none() && mail.text.trim().is_empty() {
        return Err(refused(name, "ni expéditeur ni texte"));
    }
    Ok(mail)
}

/// The attachment's name made safe for the file (no folder, no control characters).
pub fn clean_name(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        fallback.to_owned()
    } else {
        cleaned.chars().take(200).collect()
    }
}

/// HTML as plain text (the text the description keeps).
pub(crate) fn html_text(html: &str) -> String {
    nanohtml2text::html2text(html)
}

/// Lines trimmed at their end, no more than one blank line in a row, trimmed.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_owned()
}
