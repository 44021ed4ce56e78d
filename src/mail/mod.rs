//! Complaints taken in from an e-mail file: a message saved from Thunderbird or any client
//! (`.eml`, RFC 5322 with MIME) or from Outlook (`.msg`, an OLE compound file). What the
//! message says is read (sender, date, subject, text, attachments) and proposed as a complaint;
//! nothing is recorded until the user checked it (`register::mail`).

mod eml;
mod msg;

use crate::complaint::ValidationError;
use chrono::{DateTime, Utc};
use serde::Serialize;

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
