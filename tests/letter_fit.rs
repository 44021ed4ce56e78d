//! A letter that can fit on one page stays on one page, and a second page never holds the
//! closing and the signature alone: every default template (acknowledgement, holding letter,
//! the three answers with a gesture and, where due, the recourse notice), with 0, 1 and 2
//! address lines, with and without a signature image, composed by `letters::compose` and laid
//! out by the print engine, then read back with poppler. The PDFs and their 60 dpi PNGs land in
//! `target/test-pdfs/fit-*` for a look.

mod common;
mod layout_fixtures;

use common::{complaint, d, TestDb};
use layout_fixtures::{have, page_count, pdftotext, signature_png, write};
use reclam::complaint::{Complaint, Money, Outcome, Role};
use reclam::firm::NewUser;
use reclam::letters::{self, Context, Firm, HoldingInfo, LetterKind, Mediator, Signatory};
use std::collections::BTreeMap;
use std::process::Command;

const SHORT_SUMMARY: &str = "Après examen du rapport d'expertise, les dommages aux peintures \
de la chambre sont bien consécutifs au dégât des eaux et seront indemnisés par votre assureur ; \
ceux du parquet résultent d'une infiltration ancienne, exclue par votre contrat.";

/// The complaints of the test: one acknowledged (acknowledgement and holding letters), one
/// answered per outcome, with a gesture.
fn complaints() -> Vec<(LetterKind, Option<Outcome>, Complaint)> {
    let db = TestDb::new();
    let mut s = db.open("2026-04-20");
    s.add_user(
        &NewUser {
            name: "Claire Martin".into(),
            role: Role::Manager,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
    let open = s
        .record(
            &complaint("Mme Élodie Durand", "2026-04-02"),
            "Claire Martin",
        )
        .unwrap()
        .reference;
    let open = s.get(&open).unwrap();
    let mut out = vec![
        (LetterKind::Acknowledgement, None, open.clone()),
        (LetterKind::Holding, None, open),
    ];
    for outcome in [Outcome::Upheld, Outcome::Partial, Outcome::Rejected] {
        let r = s
            .record(
                &complaint("Mme Élodie Durand", "2026-04-02"),
                "Claire Martin",
            )
            .unwrap()
            .reference;
        s.acknowledge(&r, d("2026-04-03"), "Claire Martin").unwrap();
        let gesture: Money = "150".parse().unwrap();
        s.answer(
            &r,
            d("2026-04-20"),
            outcome,
            SHORT_SUMMARY,
            Some(gesture),
            "Claire Martin",
        )
        .unwrap();
        out.push((LetterKind::Answer, Some(outcome), s.get(&r).unwrap()));
    }
    out
}

fn firm() -> Firm {
    Firm {
        name: "Cabinet Durand Courtage".into(),
        address: "12 rue de la République\n69002 Lyon".into(),
        orias: "07 000 001".into(),
        email: "reclamations@durand-courtage.fr".into(),
        phone: "04 72 00 00 00".into(),
        logo_png: None,
    }
}

fn mediator() -> Mediator {
    Mediator {
        name: "La Médiation de l'Assurance".into(),
        address: "TSA 50110\n75441 Paris Cedex 09".into(),
        website: "www.mediation-assurance.org".into(),
    }
}

/// The letter as the firm would send it.
fn letter(kind: LetterKind, c: &Complaint, signatory: &Signatory) -> Vec<u8> {
    let (firm, mediator) = (firm(), mediator());
    let templates = BTreeMap::new();
    let holding = HoldingInfo {
        expected_on: d("2026-05-15"),
        note: "l'expert mandaté par l'assureur doit nous remettre son rapport complémentaire."
            .into(),
    };
    let ctx = Context {
        firm: &firm,
        mediator: &mediator,
        mediator_in_every_answer: false,
        templates: &templates,
        signatory,
        today: d("2026-04-20"),
        holding: (kind == LetterKind::Holding).then_some(&holding),
    };
    let composed = letters::compose(kind, c, &ctx).unwrap();
    let at = chrono::DateTime::from_timestamp(1_776_000_000, 0).unwrap();
    letters::render(&composed, &firm, signatory, at).unwrap()
}

/// Lines of a page that are neither its frame (header band, footer) nor the closing and the
/// signature block.
fn body_lines(page: &str, c: &Complaint, signatory: &Signatory) -> Vec<String> {
    let frame = [
        "Cabinet Durand Courtage",
        "Réf. :",
        "Page ",
        "Courtier en assurances",
        "Soumis au contrôle",
        "Nous vous prions d",
        "l'expression de nos salutations",
        "l’expression de nos salutations",
        "salutations distinguées",
        &signatory.name,
        &signatory.title,
        &c.reference.to_string(),
    ];
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !frame.iter().any(|f| l.contains(f)))
        .map(str::to_owned)
        .collect()
}

#[test]
fn default_letters_fit_their_pages() {
    assert!(
        have("pdftotext") && have("pdfinfo") && have("pdftoppm"),
        "poppler-utils is needed: run `make deps`"
    );
    let addresses = [
        None,
        Some("3 rue Pasteur"),
        Some("3 rue Pasteur\n69003 Lyon"),
    ];
    let mut report = Vec::new();
    for (kind, outcome, mut c) in complaints() {
        for (lines, address) in addresses.iter().enumerate() {
            c.client.address = address.map(str::to_owned);
            for image in [false, true] {
                let signatory = Signatory {
                    name: "Claire Martin".into(),
                    title: "Gérante".into(),
                    signature_png: image.then(signature_png),
                };
                let pdf = letter(kind, &c, &signatory);
                let name = format!(
                    "fit-{}-{}-{lines}-{}",
                    kind.as_str(),
                    outcome.map_or("none", |o| o.as_str()),
                    if image { "sig" } else { "blank" }
                );
                let path = write(&format!("{name}.pdf"), &pdf);
                let pages = page_count(&path);
                report.push(format!("{name}: {pages} page(s)"));
                // Every default letter with a short motivation fits on one page.
                assert_eq!(pages, 1, "{name} takes {pages} pages");
                let text = pdftotext(&path, None);
                assert!(text.contains("Claire Martin"), "{name}: signatory missing");
                let png = Command::new("pdftoppm")
                    .args(["-r", "60", "-png"])
                    .arg(&path)
                    .arg(path.with_extension(""))
                    .status()
                    .unwrap();
                assert!(png.success());
            }
        }
    }
    println!("{}", report.join("\n"));
}

#[test]
fn a_second_page_holds_more_than_the_closing() {
    assert!(
        have("pdftotext") && have("pdfinfo"),
        "poppler-utils is needed"
    );
    // Motivations of growing length: whatever the page break, the closing and the signature
    // never stand alone on the last page.
    let (_, _, base) = complaints().remove(3);
    let mut two_pages = 0;
    for sentences in 1..=12 {
        let mut c = base.clone();
        let answer = c.answer.as_mut().unwrap();
        answer.summary = vec![SHORT_SUMMARY; sentences].join(" ");
        for image in [false, true] {
            let signatory = Signatory {
                name: "Claire Martin".into(),
                title: "Gérante".into(),
                signature_png: image.then(signature_png),
            };
            let pdf = letter(LetterKind::Answer, &c, &signatory);
            let name = format!("fit-long-{sentences}-{image}");
            let path = write(&format!("{name}.pdf"), &pdf);
            let pages = page_count(&path);
            let last = pdftotext(&path, Some(pages));
            assert!(
                last.contains("Nous vous prions d"),
                "{name}: closing missing"
            );
            if pages > 1 {
                two_pages += 1;
                assert!(
                    !body_lines(&last, &c, &signatory).is_empty(),
                    "{name}: page {pages} holds only the closing and the signature:\n{last}"
                );
            }
        }
    }
    assert!(two_pages > 0, "the longest motivations need a second page");
}
