//! The inspection pack: one PDF (cover with the chain head, the firm's procedure, the extract
//! with statistics and corrective actions) and its parts, checked with pdftotext and pdfinfo.

mod common;

use common::{complaint, d, pdf_words, sql, TestDb};
use reclam::complaint::NewCorrectiveAction;
use reclam::complaint::Outcome;
use reclam::extract::pack::inspection_pack;
use reclam::extract::ExtractQuery;
use reclam::letters::procedure::PROCEDURE_KEY;
use reclam::Register;
use std::process::Command;

/// Width and height in points of every page.
fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "9999"])
        .arg(&path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f32> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[1], nums[2])
        })
        .collect()
}

#[test]
fn the_pack_holds_cover_procedure_extract_statistics_and_actions() {
    let db = TestDb::new();
    let mut s = db.open("2026-05-20");
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
        ("mediator.name", "CNPM Médiation Consommation"),
        (
            "mediator.address",
            "27 avenue de la Libération\n42400 Saint-Chamond",
        ),
        ("mediator.website", "www.cnpm-mediation-consommation.eu"),
        ("authority.advisor", "30"),
    ] {
        s.set_setting(k, v, "Claire Martin").unwrap();
    }
    let mut refs = Vec::new();
    for (i, name) in ["Mme Alpha", "M. Bravo", "Mme Charlie"].iter().enumerate() {
        let c = s
            .record(&complaint(name, &format!("2026-03-0{}", i + 2)), "x")
            .unwrap();
        refs.push(c.reference);
    }
    s.answer(
        &refs[0],
        d("2026-03-10"),
        Outcome::Rejected,
        "Refus motivé",
        None,
        "x",
    )
    .unwrap();
    s.add_action(
        &NewCorrectiveAction {
            kind: reclam::complaint::ActionKind::Corrective,
            description: "Former l'accueil au recueil des réclamations orales".to_owned(),
            owner: "Claire Martin".to_owned(),
            due_on: d("2026-04-30"),
            complaints: vec![refs[1].to_string()],
            dysfunctions: vec![],
        },
        "Claire Martin",
    )
    .unwrap();
    let head: String = sql(&s)
        .query_row(
            "SELECT hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();

    let q = ExtractQuery::period(d("2026-01-01"), d("2026-12-31"));
    let pack = inspection_pack(&s, &q, "Claire Martin").unwrap();
    let text = pdf_words(&pack.pdf);
    // Cover: period, count, who, and the head of the chain as it is now.
    assert!(text.contains("Dossier d'inspection — registre des réclamations"));
    assert!(
        text.contains("du 01/01/2026 au 31/12/2026 (3 réclamations)"),
        "{text}"
    );
    assert!(text.contains("par Claire Martin"));
    assert!(
        text.contains(&head),
        "the cover prints the chain head {head}"
    );
    // The procedure, filled with the firm's settings.
    assert!(text.contains("Procédure de traitement des réclamations"));
    assert!(
        text.contains("dans un délai de 10 jours ouvrables"),
        "{text}"
    );
    assert!(text.contains(
        "CNPM Médiation Consommation, 27 avenue de la Libération, 42400 Saint-Chamond, \
         www.cnpm-mediation-consommation.eu"
    ));
    assert!(
        text.contains(
            "un conseiller décide seul jusqu'à 30,00 €, avec un motif noté à partir de 20,00 €"
        ),
        "{text}"
    );
    assert!(
        text.contains("au-delà de 100,00 € un document interne est joint"),
        "{text}"
    );
    // The extract: every complaint, the statistics, the corrective-action log.
    for r in &refs {
        assert!(text.contains(r.as_str()), "{r} missing");
    }
    assert!(text.contains("Mme Charlie"));
    assert!(text.contains("Former l'accueil au recueil des réclamations orales"));
    // Portrait cover and procedure, then the landscape extract.
    let sizes = page_sizes(&pack.pdf);
    assert_eq!(sizes.len(), pack.pages);
    assert!(pack.pages >= 4, "{sizes:?}");
    assert!(sizes[0].0 < sizes[0].1, "the cover is portrait");
    let last = sizes.last().unwrap();
    assert!(last.0 > last.1, "the extract is landscape");
    // The separate parts.
    let names: Vec<&str> = pack.parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "1-procedure-reclamations.pdf",
            "2-registre-reclamations_2026-01-01_2026-12-31.pdf",
            "2-registre-reclamations_2026-01-01_2026-12-31.xlsx"
        ]
    );
    let procedure = pdf_words(&pack.parts[0].1);
    assert!(procedure.contains("5. Voies de recours"));
    assert!(!procedure.contains("Mme Alpha"));
    assert!(pack.parts[2].1.starts_with(b"PK"));
}

#[test]
fn the_firm_edits_its_procedure_with_its_own_placeholders() {
    let db = TestDb::new();
    let mut s = db.open("2026-05-20");
    s.set_setting("mediator.name", "La Médiation de l'Assurance", "Claire")
        .unwrap();
    // A letter's placeholder means nothing in the procedure: refused, naming the line.
    let err = Register::over(&mut s, "Claire")
        .unwrap()
        .set_template(PROCEDURE_KEY, "# Objet\n\nDossier {complaint.reference}")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("champ inconnu « {complaint.reference} », ligne 3"),
        "{err}"
    );
    Register::over(&mut s, "Claire").unwrap().set_template(PROCEDURE_KEY, "# Notre engagement\n\nNous répondons sous {deadlines.answer}. Médiateur : {mediator.name}.")
    .unwrap();
    let pack = inspection_pack(
        &s,
        &ExtractQuery::period(d("2026-01-01"), d("2026-12-31")),
        "Claire",
    )
    .unwrap();
    let text = pdf_words(&pack.parts[0].1);
    assert!(text.contains("Notre engagement"));
    assert!(text.contains("Nous répondons sous 2 mois. Médiateur : La Médiation de l'Assurance."));
    assert!(
        !text.contains("Voies de recours"),
        "the firm's text replaced the default"
    );
    // The templates list shows it beside the letters, and an empty text brings the default back.
    assert!(Register::over(&mut s, "Lecture")
        .unwrap()
        .templates()
        .unwrap()
        .iter()
        .any(|t| t.key == PROCEDURE_KEY && !t.is_default));
    Register::over(&mut s, "Claire")
        .unwrap()
        .set_template(PROCEDURE_KEY, "")
        .unwrap();
    let text = pdf_words(
        &inspection_pack(
            &s,
            &ExtractQuery::period(d("2026-01-01"), d("2026-12-31")),
            "Claire",
        )
        .unwrap()
        .parts[0]
            .1,
    );
    assert!(text.contains("5. Voies de recours"));
}

#[test]
fn cli_writes_the_pack_and_its_parts() {
    let db = TestDb::new();
    let out_dir = db.dir.path().join("inspection");
    let bin = env!("CARGO_BIN_EXE_reclam");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(["--db", db.path.to_str().unwrap(), "--by", "Alice"])
            .args(args)
            .env("RECLAM_TODAY", "2026-05-20")
            .output()
            .unwrap()
    };
    assert!(run(&["demo", "--count", "40"]).status.success());
    let out = run(&[
        "pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-05-31",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "1-procedure-reclamations.pdf",
            "2-registre-reclamations_2026-01-01_2026-05-31.pdf",
            "2-registre-reclamations_2026-01-01_2026-05-31.xlsx",
            "dossier-inspection_2026-01-01_2026-05-31.pdf"
        ]
    );
}
