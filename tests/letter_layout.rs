//! End-to-end tests: render letters, then read them back with poppler (pdftotext, pdfinfo)
//! and with printpdf's own parser.

mod layout_fixtures;

use layout_fixtures::*;
use reclam::print::letter::*;

const PT_PER_MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 210.0 * PT_PER_MM;
const PAGE_H: f32 = 297.0 * PT_PER_MM;

/// pdftotext (poppler) is needed; without it the test passes with a notice.
/// poppler-utils is installed by `make test`: its absence is a failure, not a skipped check.
fn poppler() -> bool {
    assert!(
        have("pdftotext") && have("pdfinfo"),
        "pdftotext/pdfinfo (poppler-utils) are needed: run `make deps`"
    );
    true
}

/// Poppler ends a word at every Unicode space (its `UnicodeIsWhitespace` includes U+00A0 and
/// U+202F) and prints ASCII spaces between words: this is what the typed text looks like once
/// extracted by pdftotext.
fn as_extracted(s: &str) -> String {
    s.replace(['\u{A0}', '\u{202F}'], " ")
}

/// All whitespace runs collapsed to one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as printpdf's own parser reads it back (through the /ToUnicode maps).
fn printpdf_text(bytes: &[u8]) -> String {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(bytes, &printpdf::PdfParseOptions::default(), &mut warnings)
            .expect("printpdf re-parses its own output");
    doc.extract_text()
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every word lies within the page margins, above the bottom limit, and no two words overlap.
fn assert_clean_layout(path: &std::path::Path) {
    let words = word_boxes(path);
    assert!(!words.is_empty());
    let (left, right) = (20.0 * PT_PER_MM - 0.5, PAGE_W - 20.0 * PT_PER_MM + 0.5);
    for (page, x0, _y0, x1, y1, w) in &words {
        assert!(
            *x0 >= left && *x1 <= right,
            "p{page} « {w} » outside the margins: {x0}..{x1}"
        );
        assert!(
            *y1 <= PAGE_H - 10.0 * PT_PER_MM,
            "p{page} « {w} » too low: {y1}"
        );
    }
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if a.0 != b.0 {
                continue;
            }
            let overlap_x = a.3.min(b.3) - a.1.max(b.1);
            let overlap_y = a.4.min(b.4) - a.2.max(b.2);
            assert!(
                overlap_x <= 0.3 || overlap_y <= 0.3,
                "p{} « {} » overlaps « {} » ({overlap_x:.2} × {overlap_y:.2} pt)",
                a.0,
                a.5,
                b.5
            );
        }
    }
}

#[test]
fn one_page_letter() {
    let letter = one_page(true, true);
    let bytes = render(&letter).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = write("one-page.pdf", &bytes);

    // Exact code points, read back by printpdf through the /ToUnicode CMaps: the PDF carries
    // the narrow no-break space and the no-break space as typed.
    let own = printpdf_text(&bytes);
    assert!(own.contains("1\u{202F}234,56\u{A0}€"), "{own}");
    assert!(own.contains("bât.\u{A0}B"), "{own}");

    if !poppler() {
        return;
    }
    assert_eq!(page_count(&path), 1);
    let text = pdftotext(&path, None);
    println!("{text}");
    assert!(
        !text.contains('\u{FFFD}') && !text.contains('?'),
        "replacement characters:\n{text}"
    );
    for needle in [
        "Cabinet Morel & Associés",
        "ORIAS n° 07 012 345",
        "Réf. : REC-2026-0001",
        "Contrat : MRH-4411 (multirisque habitation)",
        "Lyon, le 22 novembre 2026",
        "Objet : Réponse à votre réclamation du 3 novembre 2026 – dégât des eaux",
        "Madame,",
        "sinistre « dégât des eaux » survenu dans votre cuisine.",
        "l’indemnité complémentaire de 1 234,56 € vous sera versée",
        "Le cœur de votre demande — la prise en charge",
        "Ce règlement intervient à titre définitif.",
        "Vos voies de recours",
        "Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées.",
        "Claire Morel",
        "Page 1 / 1",
    ] {
        assert!(text.contains(needle), "missing « {needle} » in:\n{text}");
    }
    for line in &letter.recipient {
        assert!(
            text.contains(&as_extracted(line)),
            "missing recipient line « {line} »"
        );
    }
    // Hard line break honoured: the sentence continues on the next line.
    assert!(text.lines().any(|l| l
        .trim_end()
        .ends_with("Votre interlocutrice reste Mme Claire Morel :")));

    // Dates in the metadata.
    let info = pdfinfo(&path);
    assert!(
        info.contains("CreationDate:    2026-11-22T09:30:00"),
        "{info}"
    );
    assert!(
        info.contains("ModDate:         2026-11-22T09:30:00"),
        "{info}"
    );
    assert!(
        info.contains("Title:           Réponse à la réclamation REC-2026-0001"),
        "{info}"
    );

    // Geometry: recipient block in the window (x = 110 mm, top ≈ 50 mm), nothing outside the
    // margins, nothing overlapping.
    let words = word_boxes(&path);
    let w = words
        .iter()
        .find(|w| w.5 == "Élodie")
        .expect("recipient word");
    assert!(
        words
            .iter()
            .any(|w| w.5 == "Madame" && (w.1 - 110.0 * PT_PER_MM).abs() < 0.5),
        "recipient x"
    );
    assert!(
        w.2 > 49.0 * PT_PER_MM && w.2 < 53.0 * PT_PER_MM,
        "recipient top at {} mm",
        w.2 / PT_PER_MM
    );
    assert_clean_layout(&path);

    // The narrow no-break space is drawn with its own (narrow) glyph, the no-break space with
    // the normal one: the gaps poppler measures between "1", "234,56" and "€" say so.
    let i = words.iter().position(|w| w.5 == "234,56").expect("amount");
    let (one, amount, euro) = (&words[i - 1], &words[i], &words[i + 1]);
    assert_eq!((one.5.as_str(), euro.5.as_str()), ("1", "€"));
    let narrow = amount.1 - one.3;
    let nbsp = euro.1 - amount.3;
    assert!(
        (narrow - 409.0 / 2048.0 * 10.5).abs() < 0.3,
        "U+202F gap {narrow}"
    );
    assert!(
        (nbsp - 651.0 / 2048.0 * 10.5).abs() < 0.3,
        "U+00A0 gap {nbsp}"
    );
}

#[test]
fn long_letter_paginates_without_losing_text() {
    for notice_after in [2, 9, 17, 26, 34] {
        let letter = long_letter(40, notice_after);
        let bytes = render(&letter).unwrap();
        let path = write(&format!("long-{notice_after}.pdf"), &bytes);
        if !poppler() {
            return;
        }
        let pages = page_count(&path);
        assert!(pages >= 2, "{pages} page(s)");
        let all = pdftotext(&path, None);
        for i in 0..40 {
            let token = format!("PARA{i:03}TOKEN");
            assert_eq!(
                all.matches(&token).count(),
                1,
                "{token} in notice_after={notice_after}"
            );
        }
        let Block::Notice { title, paragraphs } = mediator_notice() else {
            unreachable!()
        };
        assert_eq!(all.matches(&title).count(), 1);

        let mut notice_pages = Vec::new();
        for p in 1..=pages {
            let text = pdftotext(&path, Some(p));
            assert_eq!(text.matches("Page ").count(), 1, "page {p}");
            assert!(
                text.contains(&format!("Page {p} / {pages}")),
                "page {p}:\n{text}"
            );
            if p > 1 {
                // Continuation header.
                assert!(
                    text.contains("Cabinet Morel & Associés")
                        && text.contains("Réf. : REC-2026-0001")
                );
                assert!(
                    !text.contains("Villeurbanne"),
                    "no recipient block after page 1"
                );
            }
            if text.contains(&title) {
                notice_pages.push(p);
                let flat = collapse(&text);
                for para in &paragraphs {
                    let para = collapse(&as_extracted(para));
                    assert!(
                        flat.contains(&para),
                        "notice paragraph split off page {p}: « {para} »"
                    );
                }
            }
        }
        assert_eq!(notice_pages.len(), 1);

        // Closing and signature together on the last page.
        let last = pdftotext(&path, Some(pages));
        assert!(
            last.contains("Nous vous prions d’agréer") && last.contains("Claire Morel"),
            "{last}"
        );
        assert_clean_layout(&path);
    }
}

#[test]
fn overlong_word_is_broken_not_overflowing() {
    let mut letter = one_page(false, false);
    let word = format!(
        "https://www.exemple-assureur.fr/espace-client/{}",
        "ABCDEFGHIJ".repeat(30)
    );
    letter.body = vec![
        Block::Paragraph(format!("Lien : {word} (à recopier)")),
        Block::Bold("Z".repeat(150)),
    ];
    let bytes = render(&letter).unwrap();
    let path = write("long-word.pdf", &bytes);
    if !poppler() {
        return;
    }
    let text = pdftotext(&path, None);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("ABCDEFGHIJ")).collect();
    assert!(
        lines.len() >= 2,
        "the word is split over several lines:\n{text}"
    );
    // The pieces, in order, rebuild the whole word.
    let body: String = text
        .split("Madame,")
        .nth(1)
        .unwrap()
        .split("Nous vous prions")
        .next()
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(body.contains(&word), "{body}");
    assert!(body.contains(&"Z".repeat(150)), "{body}");
    assert_clean_layout(&path);
}

#[test]
fn huge_notice_is_split_rather_than_lost() {
    let mut letter = one_page(false, false);
    let paragraphs: Vec<String> = (0..90)
        .map(|i| format!("NOTE{i:03}END – {}", &LOREM[..120]))
        .collect();
    letter.body.push(Block::Notice {
        title: "Annexe".into(),
        paragraphs,
    });
    let bytes = render(&letter).unwrap();
    let path = write("huge-notice.pdf", &bytes);
    if !poppler() {
        return;
    }
    let all = pdftotext(&path, None);
    for i in 0..90 {
        assert_eq!(all.matches(&format!("NOTE{i:03}END")).count(), 1);
    }
    assert!(page_count(&path) >= 3);
    assert_clean_layout(&path);
}

#[test]
fn minimal_letter_and_odd_input() {
    let letter = Letter {
        letterhead: Letterhead {
            name: "X".into(),
            ..Default::default()
        },
        recipient: vec![],
        place_date: String::new(),
        reference_lines: vec![],
        subject: String::new(),
        salutation: String::new(),
        body: vec![
            Block::Paragraph("  ".into()),
            Block::Paragraph("tab\there, cr\r\nlf, bell\u{7}, emoji 🦀, soft\u{AD}hyphen".into()),
        ],
        closing: String::new(),
        signature: Signature::default(),
        footer: vec![],
        title: String::new(),
        created: created(),
    };
    let bytes = render(&letter).unwrap();
    let path = write("minimal.pdf", &bytes);
    if !poppler() {
        return;
    }
    let text = pdftotext(&path, None);
    assert!(text.contains("tab here, cr"), "{text}");
    assert!(text.contains("lf, bell, emoji ?, softhyphen"), "{text}");
    assert!(text.contains("Page 1 / 1"));
    assert!(!text.contains("Objet"), "no empty subject line:\n{text}");
}

#[test]
fn absurdly_long_names_and_labels_stay_inside() {
    let mut letter = long_letter(12, 3);
    letter.letterhead.name = "Société Anonyme de Courtage et de Conseil en Assurances des Monts du Lyonnais et du Beaujolais Réunis".into();
    letter.reference_lines = vec![
        (
            "Référence interne du dossier de réclamation au registre du cabinet".into(),
            "REC-2026-0001-".repeat(8),
        ),
        ("Contrat".into(), "MRH-4411".into()),
    ];
    letter.recipient.insert(
        0,
        "Monsieur et Madame Jean-Baptiste et Marie-Élisabeth de La Tour-Saint-Ygest d’Aubigné"
            .into(),
    );
    let bytes = render(&letter).unwrap();
    let path = write("long-names.pdf", &bytes);
    if !poppler() {
        return;
    }
    assert!(page_count(&path) >= 2);
    let page2 = pdftotext(&path, Some(2));
    assert!(
        page2.contains('…'),
        "ellipsized continuation header:\n{page2}"
    );
    assert_clean_layout(&path);
}

#[test]
fn bad_images_are_reported_in_french() {
    let mut letter = one_page(false, false);
    letter.letterhead.logo_png = Some(b"pas une image".to_vec());
    let err = render(&letter).unwrap_err();
    assert_eq!(err.code(), "pdfImage");
    assert!(
        err.to_string()
            .starts_with("l'image « logo » n'est pas un PNG lisible"),
        "{err}"
    );

    let mut letter = one_page(false, false);
    let mut png = signature_png();
    png.truncate(60);
    letter.signature.image_png = Some(png);
    let err = render(&letter).unwrap_err();
    assert!(err.to_string().contains("« signature »"), "{err}");
}

/// The images embedded in a rendered PDF, decoded back by printpdf (lopdf + flate2): RGBA8.
fn embedded_images(bytes: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
    let mut warnings = Vec::new();
    let doc =
        printpdf::PdfDocument::parse(bytes, &printpdf::PdfParseOptions::default(), &mut warnings)
            .unwrap();
    let mut out: Vec<(usize, usize, Vec<u8>)> = doc
        .resources
        .xobjects
        .map
        .values()
        .filter_map(|x| match x {
            printpdf::XObject::Image(img) => Some(rgba(img)),
            _ => None,
        })
        .collect();
    out.sort_by_key(|i| (i.0, i.1));
    out
}

fn rgba(img: &printpdf::RawImage) -> (usize, usize, Vec<u8>) {
    use printpdf::{RawImageData, RawImageFormat as F};
    let RawImageData::U8(px) = &img.pixels else {
        panic!("8-bit expected")
    };
    let v = match img.data_format {
        F::RGBA8 => px.clone(),
        F::RGB8 => px.chunks(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        F::R8 => px.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        F::RG8 => px
            .chunks(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        f => panic!("unexpected {f:?}"),
    };
    (img.width, img.height, v)
}

fn decode(png: &[u8]) -> (usize, usize, Vec<u8>) {
    rgba(&printpdf::RawImage::decode_from_bytes(png, &mut Vec::new()).unwrap())
}

#[test]
fn images_round_trip_pixel_exact() {
    // Pseudo-random noise: mostly literals (incl. 9-bit codes), few matches.
    let mut seed = 0x2545_F491u32;
    let noise: Vec<u8> = (0..300 * 90 * 4)
        .map(|i| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            if i % 4 == 3 {
                255
            } else {
                (seed >> 24) as u8
            }
        })
        .collect();
    let noise_png = encode_png(300, 90, &noise);
    for (logo, sig) in [
        (
            std::fs::read("/work/main/icons/128x128@2x.png").unwrap(),
            signature_png(),
        ),
        (
            std::fs::read("/work/main/icons/32x32.png").unwrap(),
            noise_png,
        ),
    ] {
        let mut letter = one_page(false, false);
        letter.letterhead.logo_png = Some(logo.clone());
        letter.signature.image_png = Some(sig.clone());
        let bytes = render(&letter).unwrap();
        let mut expected = vec![decode(&logo), decode(&sig)];
        expected.sort_by_key(|i| (i.0, i.1));
        let got = embedded_images(&bytes);
        assert_eq!(got.len(), 2);
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!((g.0, g.1), (e.0, e.1));
            assert!(g.2 == e.2, "pixels differ for a {}×{} image", e.0, e.1);
        }
    }
}

#[test]
fn huge_logo_is_downscaled() {
    // 3000 × 1000 px logo shown at most 45 × 15 mm: kept at 300 dpi → 532 px wide.
    let (w, h) = (3000u32, 1000u32);
    let px: Vec<u8> = (0..w * h)
        .flat_map(|i| {
            let (x, y) = (i % w, i / w);
            if (x / 100 + y / 100) % 2 == 0 {
                [30, 58, 104, 255]
            } else {
                [255, 255, 255, 0]
            }
        })
        .collect();
    let png = encode_png(w, h, &px);
    let mut letter = one_page(false, false);
    letter.letterhead.logo_png = Some(png);
    let t = std::time::Instant::now();
    let bytes = render(&letter).unwrap();
    println!(
        "huge logo: first render {:?}, {} KB",
        t.elapsed(),
        bytes.len() / 1024
    );
    let imgs = embedded_images(&bytes);
    assert_eq!((imgs[0].0, imgs[0].1), (532, 177));
    assert!(bytes.len() < 150 * 1024, "{} bytes", bytes.len());
    let path = write("huge-logo.pdf", &bytes);
    if poppler() {
        assert_clean_layout(&path);
    }
}
