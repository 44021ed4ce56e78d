//! `.eml`: RFC 5322 with MIME, through `mailparse` (quoted-printable and base64 bodies, any
//! charset, RFC 2047 encoded names).

use super::{clean_name, html_text, tidy, Mail, MailAttachment};
use chrono::{DateTime, Utc};
use mailparse::{addrparse_header, dateparse, DispositionType, MailAddr, ParsedMail};

pub(super) fn read(bytes: &[u8]) -> Result<Mail, String> {
    let parsed = mailparse::parse_mail(bytes).map_err(|e| e.to_string())?;
    let headers = &parsed.headers;
    if headers.is_empty() {
        return Err("aucun en-tête".into());
    }
    let find = |key: &str| {
        headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case(key))
    };
    let (from_name, from_email) = match find("From").map(addrparse_header) {
        Some(Ok(list)) => match list.iter().next() {
            Some(MailAddr::Single(s)) => (s.display_name.clone(), Some(s.addr.clone())),
            Some(MailAddr::Group(g)) => (Some(g.group_name.clone()), None),
            None => (None, None),
        },
        _ => (None, None),
    };
    let sent_at = find("Date")
        .and_then(|h| dateparse(&h.get_value()).ok())
        .and_then(|t| DateTime::<Utc>::from_timestamp(t, 0));
    let subject = find("Subject").map(|h| h.get_value()).unwrap_or_default();
    let mut plain = None;
    let mut html = None;
    let mut attachments = Vec::new();
    walk(&parsed, &mut plain, &mut html, &mut attachments, 0)?;
    let text = match (plain, html) {
        (Some(t), _) => t,
        (None, Some(h)) => html_text(&h),
        (None, None) => String::new(),
    };
    Ok(Mail {
        from_name: from_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        from_email: from_email.filter(|e| e.contains('@')),
        sent_at,
        subject: subject.trim().to_owned(),
        text: tidy(&text),
        attachments,
    })
}

fn walk(
    part: &ParsedMail<'_>,
    plain: &mut Option<String>,
    html: &mut Option<String>,
    attachments: &mut Vec<MailAttachment>,
    depth: usize,
) -> Result<(), String> {
    if depth > 20 {
        return Err("parties imbriquées trop profondément".into());
    }
    let mime = part.ctype.mimetype.to_lowercase();
    let disposition = part.get_content_disposition();
    let file_name = disposition
        .params
        .get("filename")
        .or_else(|| part.ctype.params.get("name"))
        .cloned();
    if !part.subparts.is_empty() && mime.starts_with("multipart/") {
        for sub in &part.subparts {
            walk(sub, plain, html, attachments, depth + 1)?;
        }
        return Ok(());
    }
    let is_attachment = disposition.disposition == DispositionType::Attachment
        || file_name.is_some()
        || mime == "message/rfc822"
        || !(mime.starts_with("text/") || mime.starts_with("multipart/"));
    if is_attachment {
        let bytes = part.get_body_raw().map_err(|e| e.to_string())?;
        let fallback = if mime == "message/rfc822" {
            format!("message-transfere-{}.eml", attachments.len() + 1)
        } else {
            format!("piece-jointe-{}", attachments.len() + 1)
        };
        attachments.push(MailAttachment {
            name: clean_name(file_name.as_deref().unwrap_or(""), &fallback),
            bytes,
        });
        return Ok(());
    }
    let body = part.get_body().map_err(|e| e.to_string())?;
    if mime == "text/html" {
        if html.is_none() {
            *html = Some(body);
        }
    } else if plain.is_none() {
        *plain = Some(body);
    }
    Ok(())
}
