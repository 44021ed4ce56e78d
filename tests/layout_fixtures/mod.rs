//! Shared fixtures for the integration tests and the examples.
#![allow(dead_code)]

use chrono::TimeZone;
use reclam::print::letter::*;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn created() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .unwrap()
}

pub fn letterhead(logo: bool) -> Letterhead {
    Letterhead {
        name: "Cabinet Morel & Associés".into(),
        address: vec!["12, rue de la République".into(), "69002 Lyon".into()],
        orias: "07\u{A0}012\u{A0}345".into(),
        email: "reclamations@morel-courtage.fr".into(),
        phone: "04\u{A0}72\u{A0}00\u{A0}11\u{A0}22".into(),
        logo_png: logo.then(|| std::fs::read("/work/main/icons/128x128@2x.png").expect("logo")),
    }
}

pub fn footer() -> Vec<String> {
    vec![
        "Cabinet Morel & Associés – SARL au capital de 10\u{A0}000\u{A0}€ – RCS Lyon 812\u{A0}345\u{A0}678 – ORIAS n°\u{A0}07\u{A0}012\u{A0}345 (www.orias.fr)".into(),
        "Courtier en assurances soumis au contrôle de l’ACPR, 4 place de Budapest, CS 92459, 75436 Paris Cedex 09".into(),
    ]
}

pub fn signature(image: bool) -> Signature {
    Signature {
        name: "Claire Morel".into(),
        title: "Gérante – Responsable du traitement des réclamations".into(),
        image_png: image.then(signature_png),
    }
}

pub fn mediator_notice() -> Block {
    Block::Notice {
        title: "Vos voies de recours".into(),
        paragraphs: vec![
            "Si cette réponse ne vous satisfait pas, vous pouvez saisir gratuitement la Médiation de l’Assurance, TSA\u{A0}50110, 75441 Paris Cedex\u{A0}09, ou en ligne sur www.mediation-assurance.org, dans un délai d’un an à compter de votre réclamation écrite.".into(),
            "Le recours au médiateur ne vous prive pas de la possibilité de saisir ensuite les tribunaux compétents.".into(),
        ],
    }
}

/// A one-page answer letter.
pub fn one_page(logo: bool, sig_image: bool) -> Letter {
    Letter {
        letterhead: letterhead(logo),
        recipient: vec![
            "Madame Élodie Lefèvre".into(),
            "Résidence « Les Cèdres », bât.\u{A0}B".into(),
            "7, allée des Œillets".into(),
            "69100 Villeurbanne".into(),
        ],
        place_date: "Lyon, le 22 novembre 2026".into(),
        reference_lines: vec![
            ("Réf.".into(), "REC-2026-0001".into()),
            ("Contrat".into(), "MRH-4411 (multirisque habitation)".into()),
        ],
        subject: "Réponse à votre réclamation du 3 novembre 2026 – dégât des eaux".into(),
        salutation: "Madame,".into(),
        body: vec![
            Block::Paragraph("Nous faisons suite à votre réclamation du 3 novembre 2026 relative au règlement du sinistre « dégât des eaux » survenu dans votre cuisine.".into()),
            Block::Paragraph("Après examen de votre dossier avec l’assureur, votre réclamation est jugée fondée : l’indemnité complémentaire de 1\u{202F}234,56\u{A0}€ vous sera versée par virement sous huit jours. Le cœur de votre demande — la prise en charge des frais de recherche de fuite — est donc satisfait.".into()),
            Block::Bold("Ce règlement intervient à titre définitif.".into()),
            Block::Paragraph("Votre interlocutrice reste Mme\u{A0}Claire Morel :\ntél. 04\u{A0}72\u{A0}00\u{A0}11\u{A0}22, du lundi au vendredi.".into()),
            mediator_notice(),
        ],
        closing: "Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées.".into(),
        signature: signature(sig_image),
        footer: footer(),
        title: "Réponse à la réclamation REC-2026-0001".into(),
        created: created(),
    }
}

pub const LOREM: &str = "Conformément aux conditions générales de votre contrat, l’assureur a examiné les pièces transmises, les constats établis par l’expert mandaté et les échanges intervenus avec votre bailleur ; il en ressort que la garantie est acquise pour la part des dommages décrite ci-dessous, déduction faite de la franchise contractuelle.";

/// A long letter: `n` paragraphs, each starting with a distinctive ASCII token `PARAnnnTOKEN`.
pub fn long_letter(n: usize, notice_after: usize) -> Letter {
    let mut letter = one_page(true, true);
    letter.body.clear();
    for i in 0..n {
        let len = 1 + (i * 7) % 4; // 1 to 4 sentences
        let mut text = format!("PARA{i:03}TOKEN – ");
        for _ in 0..len {
            text.push_str(LOREM);
            text.push(' ');
        }
        if i % 9 == 4 {
            letter.body.push(Block::Bold(format!(
                "Point n°\u{A0}{} : analyse détaillée",
                i / 9 + 1
            )));
        }
        letter.body.push(Block::Paragraph(text));
        if i == notice_after {
            letter.body.push(mediator_notice());
        }
    }
    letter.title = "Lettre longue".into();
    letter
}

// ── pdftotext / pdftoppm helpers ─────────────────────────────────────────────────────────────

pub fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

pub fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("test-pdfs");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = out_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `pdftotext -layout [-f p -l p] file -`
pub fn pdftotext(path: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout").arg("-enc").arg("UTF-8");
    if let Some(p) = page {
        cmd.arg("-f")
            .arg(p.to_string())
            .arg("-l")
            .arg(p.to_string());
    }
    let out = cmd.arg(path).arg("-").output().expect("pdftotext");
    assert!(
        out.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

pub fn page_count(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().expect("pdfinfo");
    let s = String::from_utf8_lossy(&out.stdout);
    s.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|v| v.trim().parse().unwrap())
        .expect("Pages:")
}

pub fn pdfinfo(path: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg("-isodates")
        .arg(path)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Word boxes from `pdftotext -bbox`: (xMin, yMin, xMax, yMax, word), in pt.
pub fn word_boxes(path: &Path) -> Vec<(usize, f32, f32, f32, f32, String)> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let html = String::from_utf8(out.stdout).unwrap();
    let mut page = 0;
    let mut v = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            page += 1;
        }
        if let Some(rest) = line.strip_prefix("<word ") {
            let attr = |name: &str| -> f32 {
                let k = format!("{name}=\"");
                let s = &rest[rest.find(&k).unwrap() + k.len()..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            let word =
                rest[rest.find('>').unwrap() + 1..rest.rfind("</word>").unwrap()].to_string();
            v.push((
                page,
                attr("xMin"),
                attr("yMin"),
                attr("xMax"),
                attr("yMax"),
                word,
            ));
        }
    }
    v
}

// ── a tiny PNG encoder (stored deflate), for a synthetic signature image ──────────────────────

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &d in data {
        a = (a + d as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut c = kind.to_vec();
    c.extend_from_slice(data);
    out.extend_from_slice(&c);
    out.extend_from_slice(&crc32(&c).to_be_bytes());
}

/// RGBA8 → PNG.
pub fn encode_png(w: u32, h: u32, rgba: &[u8]) -> Vec<u8> {
    let mut raw = Vec::with_capacity((w * 4 + 1) as usize * h as usize);
    for row in rgba.chunks(w as usize * 4) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i == blocks.len() - 1));
        z.extend_from_slice(&(b.len() as u16).to_le_bytes());
        z.extend_from_slice(&(!(b.len() as u16)).to_le_bytes());
        z.extend_from_slice(b);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// A hand-drawn-looking scribble in dark blue ink on a transparent background.
pub fn signature_png() -> Vec<u8> {
    let (w, h) = (480u32, 160u32);
    let mut px = vec![0u8; (w * h * 4) as usize];
    let mut dab = |x: f32, y: f32, r: f32| {
        for yy in (y - r - 1.0) as i32..=(y + r + 1.0) as i32 {
            for xx in (x - r - 1.0) as i32..=(x + r + 1.0) as i32 {
                if xx < 0 || yy < 0 || xx >= w as i32 || yy >= h as i32 {
                    continue;
                }
                let d = ((xx as f32 - x).powi(2) + (yy as f32 - y).powi(2)).sqrt();
                let a = ((r + 0.5 - d).clamp(0.0, 1.0) * 255.0) as u8;
                let i = ((yy as u32 * w + xx as u32) * 4) as usize;
                if a > px[i + 3] {
                    px[i..i + 4].copy_from_slice(&[25, 40, 95, a]);
                }
            }
        }
    };
    // A looping cursive stroke, then an underline flourish.
    let n = 2400;
    for i in 0..n {
        let t = i as f32 / n as f32;
        let x = 30.0 + t * 380.0 + 22.0 * (t * 48.0).sin();
        let y = 80.0 - 38.0 * (t * 24.0).cos() * (1.0 - t * 0.5) + 10.0 * (t * 5.0).sin();
        dab(x, y, 2.2 + 0.8 * (t * 9.0).sin().abs());
    }
    for i in 0..900 {
        let t = i as f32 / 900.0;
        dab(
            60.0 + t * 380.0,
            132.0 - 18.0 * t + 6.0 * (t * 6.0).sin(),
            1.8,
        );
    }
    encode_png(w, h, &px)
}
