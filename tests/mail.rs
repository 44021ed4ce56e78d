//! Complaints taken in from an e-mail file: messages as Thunderbird and other clients save them
//! (`.eml`: quoted-printable and base64 bodies, UTF-8, ISO-8859-1 and Windows-1252, RFC 2047
//! names, a forwarded message, an inline image) and as Outlook saves them (`.msg`, written here
//! by a small MS-OXMSG writer over the `cfb` crate, not by editing bytes); damaged files are
//! refused in French and nothing is recorded.

mod common;

use common::{d, TestDb};
use reclam::complaint::{Channel, Subject};
use reclam::Register;
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/mail_fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// An Outlook message file (MS-OXMSG): string properties as UTF-16 streams, the submit time
/// in the fixed-size properties, one attachment storage per file.
fn outlook_msg(
    sender: &str,
    smtp: &str,
    subject: &str,
    body: &str,
    sent_rfc3339: &str,
    attachments: &[(&str, &[u8])],
) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut c = cfb::CompoundFile::create(&mut buf).unwrap();
        let put = |c: &mut cfb::CompoundFile<_>, path: &str, data: &[u8]| {
            c.create_stream(path).unwrap().write_all(data).unwrap();
        };
        put(&mut c, "/__substg1.0_001A001F", &utf16("IPM.Note"));
        put(&mut c, "/__substg1.0_0037001F", &utf16(subject));
        put(&mut c, "/__substg1.0_1000001F", &utf16(body));
        put(&mut c, "/__substg1.0_0C1A001F", &utf16(sender));
        put(&mut c, "/__substg1.0_5D01001F", &utf16(smtp));
        let secs = chrono::DateTime::parse_from_rfc3339(sent_rfc3339)
            .unwrap()
            .timestamp();
        let filetime = ((secs + 11_644_473_600) as u64) * 10_000_000;
        let mut props = vec![0u8; 32];
        props.extend_from_slice(&0x0040u16.to_le_bytes());
        props.extend_from_slice(&0x0039u16.to_le_bytes());
        props.extend_from_slice(&6u32.to_le_bytes());
        props.extend_from_slice(&filetime.to_le_bytes());
        put(&mut c, "/__properties_version1.0", &props);
        c.create_storage("/__nameid_version1.0").unwrap();
        for (i, (name, data)) in attachments.iter().enumerate() {
            let dir = format!("/__attach_version1.0_#{i:08X}");
            c.create_storage(&dir).unwrap();
            put(&mut c, &format!("{dir}/__substg1.0_3707001F"), &utf16(name));
            put(&mut c, &format!("{dir}/__substg1.0_37010102"), data);
            put(&mut c, &format!("{dir}/__properties_version1.0"), &[0u8; 8]);
        }
        c.flush().unwrap();
    }
    buf.into_inner()
}

#[test]
fn thunderbird_quoted_printable_utf8_with_a_pdf() {
    let m = reclam::mail::read("reclamation.eml", &fixture("thunderbird-utf8-qp.eml")).unwrap();
    assert_eq!(m.from_name.as_deref(), Some("Hélène Dupré"));
    assert_eq!(m.from_email.as_deref(), Some("helene.dupre@exemple.fr"));
    assert_eq!(m.subject, "Réclamation – sinistre dégât des eaux");
    assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2026-11-30T09:15:00+00:00");
    assert!(
        m.text.contains("l'indemnité versée pour le dégât des eaux"),
        "{}",
        m.text
    );
    assert!(m.text.contains("1 200 € au lieu de 3 400 €"), "{}", m.text);
    assert_eq!(m.attachments.len(), 1);
    assert_eq!(m.attachments[0].name, "constat amiable.pdf");
    assert!(m.attachments[0].bytes.starts_with(b"%PDF-1.4"));
}

#[test]
fn html_only_in_windows_1252_becomes_text() {
    let m = reclam::mail::read("resiliation.eml", &fixture("html-windows-1252.eml")).unwrap();
    assert_eq!(m.from_name.as_deref(), Some("François Lévêque"));
    assert_eq!(m.subject, "Résiliation non prise en compte – prélèvement");
    assert!(m.text.contains("très mécontent"), "{}", m.text);
    assert!(m.text.contains("89€"), "{}", m.text);
    assert!(!m.text.contains('<'), "no markup left: {}", m.text);
}

#[test]
fn a_forwarded_message_and_an_inline_image_are_kept_as_attachments() {
    let m = reclam::mail::read("tr.eml", &fixture("forwarded-inline-image.eml")).unwrap();
    assert_eq!(m.from_email.as_deref(), Some("marc.petit@exemple.fr"));
    assert!(
        m.text.contains("Je vous transfère ma réclamation"),
        "{}",
        m.text
    );
    let names: Vec<&str> = m.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["logo.png", "message-transfere-2.eml"]);
    assert!(m.attachments[0].bytes.starts_with(b"\x89PNG"));
    let forwarded = String::from_utf8_lossy(&m.attachments[1].bytes);
    assert!(
        forwarded.contains("Mon vehicule est immobilise"),
        "{forwarded}"
    );
}

#[test]
fn an_outlook_message_with_its_attachment() {
    let msg = outlook_msg(
        "Hélène Dupré",
        "helene.dupre@exemple.fr",
        "Réclamation : dégât des eaux",
        "Bonjour,\r\nJe conteste l'indemnité de 1 200 €.\r\nCordialement",
        "2026-11-30T09:15:00Z",
        &[("constat.pdf", b"%PDF-1.4 constat")],
    );
    let m = reclam::mail::read("Réclamation.msg", &msg).unwrap();
    assert_eq!(m.from_name.as_deref(), Some("Hélène Dupré"));
    assert_eq!(m.from_email.as_deref(), Some("helene.dupre@exemple.fr"));
    assert_eq!(m.subject, "Réclamation : dégât des eaux");
    assert_eq!(m.sent_at.unwrap().to_rfc3339(), "2026-11-30T09:15:00+00:00");
    assert_eq!(
        m.text,
        "Bonjour,\nJe conteste l'indemnité de 1 200 €.\nCordialement"
    );
    assert_eq!(m.attachments.len(), 1);
    assert_eq!(m.attachments[0].name, "constat.pdf");
    assert_eq!(m.attachments[0].bytes, b"%PDF-1.4 constat");
}

#[test]
fn damaged_files_are_refused_in_french() {
    let msg = outlook_msg("A", "a@b.fr", "Objet", "Texte", "2026-11-30T09:15:00Z", &[]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("vide.eml", fixture("empty.eml"), "fichier vide"),
        (
            "texte.eml",
            fixture("damaged-no-headers.eml"),
            "n'est pas un e-mail lisible",
        ),
        (
            "coupe.msg",
            msg[..700].to_vec(),
            "n'est pas un e-mail lisible",
        ),
        (
            "faux.msg",
            b"%PDF-1.4 pas un message".to_vec(),
            "pas un fichier Outlook",
        ),
    ];
    for (name, bytes, expected) in cases {
        let err = reclam::mail::read(name, &bytes).unwrap_err();
        assert_eq!(err.field, "file", "{name}");
        assert!(err.message.contains(expected), "{name}: {err}");
        assert!(err.message.contains(name), "{name}: {err}");
    }
}

#[test]
fn proposed_then_recorded_with_the_message_and_its_attachments() {
    let db = TestDb::new();
    let mut s = db.open("2026-12-03");
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    let bytes = fixture("thunderbird-utf8-qp.eml");
    let proposal = reg.propose_from_email("reclamation.eml", &bytes).unwrap();
    let c = &proposal.complaint;
    assert_eq!(c.client.name, "Hélène Dupré");
    assert_eq!(c.client.email.as_deref(), Some("helene.dupre@exemple.fr"));
    assert_eq!(c.channel, Channel::Email);
    assert_eq!(
        (c.sent_on, c.received_on),
        (Some(d("2026-11-30")), d("2026-11-30"))
    );
    assert!(c
        .description
        .starts_with("Objet du message : Réclamation – sinistre"));
    assert_eq!(proposal.attachments.len(), 1);
    assert!(proposal.warnings.is_empty(), "{:?}", proposal.warnings);
    // Nothing recorded by the proposal.
    assert_eq!(reg.list(&Default::default()).unwrap().total, 0);

    // The user chooses the category and records.
    let mut checked = proposal.complaint.clone();
    checked.subject = Subject::ClaimSettlement;
    let recorded = reg
        .record_from_email(&checked, "reclamation.eml", &bytes)
        .unwrap();
    let view = reg.view(&recorded.reference).unwrap();
    let names: Vec<&str> = view.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["reclamation.eml", "constat amiable.pdf"]);
    assert_eq!(view.complaint.deadlines.start, d("2026-11-30"));

    // A second e-mail about it: an incoming exchange, its attachment kept.
    let msg = outlook_msg(
        "Hélène Dupré",
        "helene.dupre@exemple.fr",
        "RE: votre accusé de réception",
        "Voici la facture du plombier.",
        "2026-12-02T16:00:00Z",
        &[("facture.pdf", b"%PDF-1.4 facture")],
    );
    reg.add_email_exchange(&recorded.reference, "RE.msg", &msg)
        .unwrap();
    let view = reg.view(&recorded.reference).unwrap();
    assert_eq!(view.exchanges.len(), 1);
    assert_eq!(view.exchanges[0].on, d("2026-12-02"));
    assert!(view.exchanges[0]
        .summary
        .contains("Voici la facture du plombier"));
    assert_eq!(view.attachments.len(), 4);

    // A damaged message records nothing.
    let err = reg
        .record_from_email(&checked, "coupe.msg", &msg[..600])
        .unwrap_err();
    assert_eq!(err.field(), Some("file"), "{err}");
    assert_eq!(reg.list(&Default::default()).unwrap().total, 1);
    drop(reg);
    assert!(s.verify().unwrap().ok);
}

#[test]
fn a_message_without_date_or_name_says_what_to_check() {
    let db = TestDb::new();
    let mut s = db.open("2026-12-03");
    let reg = Register::over(&mut s, "Claire Martin").unwrap();
    let raw = b"From: <anonyme@exemple.fr>\r\nSubject: Plainte\r\n\r\nRien ne va.\r\n";
    let p = reg.propose_from_email("plainte.eml", raw).unwrap();
    assert_eq!(p.complaint.received_on, d("2026-12-03"));
    assert_eq!(p.complaint.sent_on, None);
    assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Any bytes: read or refused with a French message, never a panic.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            for name in ["m.eml", "m.msg"] {
                if let Err(e) = reclam::mail::read(name, &bytes) {
                    prop_assert_eq!(e.field.as_str(), "file");
                }
            }
        }

        /// A real message cut anywhere, or with a byte changed: never a panic.
        #[test]
        fn damaged_messages_never_panic(cut in 0usize..1200, at in 0usize..1200, b in any::<u8>()) {
            for file in ["thunderbird-utf8-qp.eml", "forwarded-inline-image.eml"] {
                let mut bytes = super::fixture(file);
                let n = bytes.len();
                bytes[at % n] = b;
                bytes.truncate(cut.min(n));
                let _ = reclam::mail::read(file, &bytes);
            }
        }
    }
}

#[test]
fn the_command_line_proposes_then_records_from_an_email() {
    let db = TestDb::new();
    drop(db.open("2026-12-03"));
    let file = format!(
        "{}/tests/mail_fixtures/thunderbird-utf8-qp.eml",
        env!("CARGO_MANIFEST_DIR")
    );
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_reclam"))
            .args(["--db", db.path.to_str().unwrap(), "--by", "Claire Martin"])
            .args(args)
            .env("RECLAM_TODAY", "2026-12-03")
            .output()
            .unwrap()
    };
    let out = run(&["add", "--from-email", &file]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let proposal: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(proposal["complaint"]["client"]["name"], "Hélène Dupré");
    assert_eq!(proposal["complaint"]["sentOn"], "2026-11-30");
    assert_eq!(proposal["attachments"][0]["name"], "constat amiable.pdf");
    let out = run(&[
        "add",
        "--from-email",
        &file,
        "--record",
        "--subject",
        "claimSettlement",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recorded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(recorded["reference"], "REC-2026-0001");
    assert_eq!(recorded["subject"], "claimSettlement");
    let out = run(&["show", "REC-2026-0001", "--json"]);
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["attachments"].as_array().unwrap().len(), 2);
    // A damaged file: refused in French, exit code 1, nothing recorded.
    let bad = db.dir.path().join("coupe.eml");
    std::fs::write(&bad, b"").unwrap();
    let out = run(&["add", "--from-email", bad.to_str().unwrap(), "--record"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fichier vide"));
}
