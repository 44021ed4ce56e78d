//! `.msg`: Outlook's message file, an OLE compound file read with `cfb` (MS-OXMSG): the
//! properties are streams named `__substg1.0_<id><type>` (strings in UTF-16 or in the
//! message's code page, binaries), the fixed-size ones (the dates) in
//! `__properties_version1.0`, the attachments in `__attach_version1.0_#N` storages.

use super::{clean_name, html_text, tidy, Mail, MailAttachment};
use chrono::{DateTime, Utc};
use std::io::{Cursor, Read};

type Compound<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

fn stream(c: &mut Compound<'_>, path: &str) -> Option<Vec<u8>> {
    let mut s = c.open_stream(path).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    Some(out)
}

/// A string property: UTF-16 (`001F`) or 8-bit (`001E`, taken as Windows-1252).
fn text(c: &mut Compound<'_>, dir: &str, id: &str) -> Option<String> {
    if let Some(b) = stream(c, &format!("{dir}/__substg1.0_{id}001F")) {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        return Some(
            String::from_utf16_lossy(&units)
                .trim_end_matches('\0')
                .to_owned(),
        );
    }
    let b = stream(c, &format!("{dir}/__substg1.0_{id}001E"))?;
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&b);
    Some(s.trim_end_matches('\0').to_owned())
}

/// A FILETIME property of the root's fixed-size properties (32-byte header, 16-byte entries).
fn time(c: &mut Compound<'_>, id: u16) -> Option<DateTime<Utc>> {
    let data = stream(c, "/__properties_version1.0")?;
    let mut offset = 32;
    while offset + 16 <= data.len() {
        let kind = u16::from_le_bytes([data[offset], data[offset + 1]]);
        let pid = u16::from_le_bytes([data[offset + 2], data[offset + 3]]);
        if kind == 0x0040 && pid == id {
            let mut v = [0u8; 8];
            v.copy_from_slice(&data[offset + 8..offset + 16]);
            let ticks = u64::from_le_bytes(v);
            let secs = i64::try_from(ticks / 10_000_000).ok()? - 11_644_473_600;
            return DateTime::<Utc>::from_timestamp(secs, 0);
        }
        offset += 16;
    }
    None
}

pub(super) fn read(bytes: &[u8]) -> Result<Mail, String> {
    let mut c = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let subject = text(&mut c, "", "0037").unwrap_or_default();
    let from_name = text(&mut c, "", "0C1A").or_else(|| text(&mut c, "", "0042"));
    let from_email = text(&mut c, "", "5D01")
        .or_else(|| text(&mut c, "", "0C1F"))
        .or_else(|| text(&mut c, "", "5D02"))
        .filter(|e| e.contains('@'));
    let body = text(&mut c, "", "1000");
    let body = match body.filter(|b| !b.trim().is_empty()) {
        Some(b) => b,
        None => stream(&mut c, "/__substg1.0_10130102")
            .map(|h| html_text(&String::from_utf8_lossy(&h)))
            .unwrap_or_default(),
    };
    let sent_at = time(&mut c, 0x0039).or_else(|| time(&mut c, 0x0E06));
    let mut dirs: Vec<String> = c
        .read_root_storage()
        .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_#"))
        .map(|e| e.path().to_string_lossy().replace('\\', "/"))
        .collect();
    dirs.sort();
    let mut attachments = Vec::new();
    for dir in dirs {
        let name = text(&mut c, &dir, "3707")
            .or_else(|| text(&mut c, &dir, "3704"))
            .or_else(|| text(&mut c, &dir, "3001"))
            .unwrap_or_default();
        // An embedded message (a storage, not bytes) is not extracted.
        if let Some(data) = stream(&mut c, &format!("{dir}/__substg1.0_37010102")) {
            let fallback = format!("piece-jointe-{}", attachments.len() + 1);
            attachments.push(MailAttachment {
                name: clean_name(&name, &fallback),
                bytes: data,
            });
        }
    }
    if subject.is_empty() && body.trim().is_empty() && from_email.is_none() {
        return Err("aucune propriété de message Outlook".into());
    }
    Ok(Mail {
        from_name: from_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        from_email,
        sent_at,
        subject: subject.trim().to_owned(),
        text: tidy(&body),
        attachments,
    })
}
