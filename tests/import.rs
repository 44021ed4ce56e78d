//! Import of an existing register: files written by Excel and LibreOffice, the export → import
//! round trip, the dry run, re-imports, refusals, mapping errors, the CLI.

mod common;

use common::{d, TestDb};
use reclam::complaint::{Channel, ClientKind, ComplaintRef, Outcome, Status, Subject};
use reclam::extract::{rows, table, ExtractQuery};
use reclam::import::mapping::ImportField;
use reclam::import::{import, ImportOptions, MappingInput, Policy, RowStatus};
use reclam::Store;
use std::path::PathBuf;
use std::process::Command;

const TODAY: &str = "2026-11-20";

fn fixture(name: &str) -> (Vec<u8>, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_fixtures")
        .join(name);
    (std::fs::read(&path).unwrap(), name.to_owned())
}

fn everything() -> ExtractQuery {
    ExtractQuery::period(d("2000-01-01"), d("2030-12-31"))
}

fn count(s: &Store, sql: &str) -> i64 {
    common::sql(s).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The table cells of every complaint, as the CSV/XLSX extract writes them.
fn cells(s: &Store) -> Vec<Vec<table::Cell>> {
    rows(s, &everything())
        .unwrap()
        .iter()
        .map(table::cells)
        .collect()
}

#[test]
fn registers_written_by_excel_and_libreoffice_import_alike() {
    let mut first: Option<Vec<Vec<table::Cell>>> = None;
    for name in [
        "registre-excel-fr.csv",
        "registre-libreoffice.csv",
        "registre-libreoffice.ods",
        "registre-libreoffice.xlsx",
    ] {
        let db = TestDb::new();
        let mut s = db.open(TODAY);
        let (bytes, file) = fixture(name);
        let r = import(
            &mut s,
            &bytes,
            &file,
            &ImportOptions::default(),
            Policy::SkipRefused,
            false,
            "Alice",
        )
        .unwrap();
        assert_eq!(
            (r.total, r.accepted, r.refused, r.duplicates),
            (8, 4, 3, 1),
            "{name}: {:#?}",
            r.rows
        );
        assert_eq!(r.mapping_error, None);
        // The refusals say why, naming the field.
        let refused: Vec<_> = r
            .rows
            .iter()
            .filter(|o| o.status == RowStatus::Refused)
            .collect();
        assert_eq!(refused[0].problems[0].field, "receivedOn", "{name}");
        assert!(refused[0].problems[0].message.contains("32/01/2026"));
        assert_eq!(refused[1].problems[0].field, "clientName");
        assert!(
            refused[2].problems[0]
                .message
                .contains("antérieur à la réception"),
            "{:?}",
            refused[2]
        );
        assert!(refused[2]
            .warnings
            .iter()
            .any(|w| w.message.contains("Fax")));

        // R-2026-002: a company, by e-mail, premiums, acknowledged and answered in part with a
        // 150 € gesture.
        let dupre = r
            .rows
            .iter()
            .find(|o| o.original_reference.as_deref() == Some("R-2026-002"))
            .unwrap();
        let reference: ComplaintRef = dupre.reference.as_deref().unwrap().parse().unwrap();
        let c = s.get(&reference).unwrap();
        assert_eq!(c.client.name, "SARL Dupré & Fils");
        assert_eq!(c.client.kind, ClientKind::Company);
        assert_eq!(c.channel, Channel::Email);
        assert_eq!(c.subject, Subject::PremiumBilling);
        assert_eq!(c.received_on, d("2026-01-12"));
        assert_eq!(c.acknowledged_on, Some(d("2026-01-13")));
        let answer = c.answer.unwrap();
        assert_eq!(
            (answer.on, answer.outcome),
            (d("2026-01-30"), Outcome::Partial)
        );
        assert_eq!(answer.gesture.unwrap().to_string(), "150.00");
        assert_eq!(c.contract.insurer.as_deref(), Some("Allianz"));
        assert_eq!(c.status, Status::Answered);

        // The quoted multi-line description survives every format.
        let noel = s
            .get(
                &r.rows
                    .iter()
                    .find(|o| o.original_reference.as_deref() == Some("R-2026-007"))
                    .and_then(|o| o.reference.as_deref())
                    .unwrap()
                    .parse()
                    .unwrap(),
            )
            .unwrap();
        assert_eq!(
            noel.description,
            "Attente de \"trois semaines\" sans nouvelles\nRelance faite en agence"
        );
        // Every format gives the same register.
        let now = cells(&s);
        match &first {
            None => first = Some(now),
            Some(f) => assert_eq!(&now, f, "{name} differs from the Excel CSV"),
        }
    }
}

#[test]
fn export_then_import_gives_the_same_register() {
    let src_db = TestDb::new();
    let mut src = src_db.open(TODAY);
    reclam::demo::fill(&mut src, 400, 7).unwrap();
    let source_rows = cells(&src);
    assert_eq!(source_rows.len(), 400);
    for format in ["xlsx", "csv"] {
        let bytes = reclam::extract::export(&src, &everything(), format, "Alice").unwrap();
        let db = TestDb::new();
        let mut s = db.open(TODAY);
        let r = import(
            &mut s,
            &bytes,
            &format!("registre.{format}"),
            &ImportOptions::default(),
            Policy::AllOrNothing,
            false,
            "Alice",
        )
        .unwrap();
        assert_eq!(
            (r.accepted, r.refused, r.duplicates),
            (400, 0, 0),
            "{format}"
        );
        // Row for row, every column equal; the source reference is the original reference.
        let ref_col = 0;
        let orig_col = table::COLUMNS
            .iter()
            .position(|(t, _)| *t == "Référence d'origine")
            .unwrap();
        let mut imported = cells(&s);
        imported.sort_by_key(|row| format!("{:?}", row[orig_col]));
        let mut expected = source_rows.clone();
        expected.sort_by_key(|row| format!("{:?}", row[ref_col]));
        for (a, b) in expected.iter().zip(&imported) {
            let table::Cell::Text(source_ref) = &a[ref_col] else {
                panic!()
            };
            assert_eq!(
                b[orig_col],
                table::Cell::Text(source_ref.clone()),
                "{format}"
            );
            for col in 1..orig_col {
                assert_eq!(
                    a[col],
                    b[col],
                    "{format}: {source_ref}, column {}",
                    table::COLUMNS[col].0
                );
            }
        }
    }
}

#[test]
fn the_dry_run_changes_nothing_and_a_reimport_duplicates_nothing() {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let (bytes, file) = fixture("registre-excel-fr.csv");
    let events = count(&s, "SELECT count(*) FROM events");
    let preview = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions::default(),
        Policy::SkipRefused,
        true,
        "Alice",
    )
    .unwrap();
    assert!(preview.dry_run);
    assert_eq!(preview.accepted, 4);
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), 0);
    assert_eq!(count(&s, "SELECT count(*) FROM events"), events);
    assert_eq!(count(&s, "SELECT count(*) FROM imports"), 0);

    let done = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
    )
    .unwrap();
    // The preview announced exactly what the import did, references included.
    let refs = |r: &reclam::import::ImportReport| {
        r.rows
            .iter()
            .map(|o| (o.line, o.status, o.reference.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(refs(&preview), refs(&done));
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), 4);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM events WHERE kind = 'imported' AND json_extract(data, '$.line') = 2
             AND json_extract(data, '$.originalReference') = 'R-2026-001'"
        ),
        1
    );
    assert_eq!(
        count(&s, "SELECT imported FROM imports WHERE id = 1"),
        4,
        "the import is logged with its counts"
    );

    let again = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
    )
    .unwrap();
    assert_eq!((again.accepted, again.duplicates, again.refused), (0, 5, 3));
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), 4);
}

#[test]
fn all_or_nothing_keeps_the_register_unchanged_when_a_row_is_refused() {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    // A new register's journal holds its identity only.
    let events_before = count(&s, "SELECT count(*) FROM events");
    assert_eq!(events_before, 1);
    let (bytes, file) = fixture("registre-libreoffice.xlsx");
    let err = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions::default(),
        Policy::AllOrNothing,
        false,
        "Alice",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("3 ligne(s) refusée(s) : rien n'a été importé"),
        "{err}"
    );
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), 0);
    assert_eq!(count(&s, "SELECT count(*) FROM events"), events_before);
    assert_eq!(count(&s, "SELECT count(*) FROM imports"), 0);
}

#[test]
fn serial_and_text_dates_english_headers_and_month_first_dates() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "Complaint ID",
        "Customer name",
        "Date received",
        "Acknowledged on",
        "Subject",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    // A serial number without a date format (46023 = 1 January 2026), then a text date.
    sheet.write(1, 0, "C-1").unwrap();
    sheet.write(1, 1, "Ms Brown").unwrap();
    sheet.write(1, 2, 46_023).unwrap();
    sheet.write(1, 3, "2026-01-05").unwrap();
    sheet.write(1, 4, "Claims").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let r = import(
        &mut s,
        &bytes,
        "book.xlsx",
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
    )
    .unwrap();
    assert_eq!(r.accepted, 1, "{:#?}", r.rows);
    let c = s
        .get(&r.rows[0].reference.as_deref().unwrap().parse().unwrap())
        .unwrap();
    assert_eq!(c.received_on, d("2026-01-01"));
    assert_eq!(c.acknowledged_on, Some(d("2026-01-05")));
    assert_eq!(c.subject, Subject::ClaimSettlement);

    // An English CSV with month-first dates: 02/20/2026 tells the column's order.
    let csv = "Reference,Customer,Received\r\nA,Ms Grey,01/02/2026\r\nB,Mr Green,02/20/2026\r\n";
    let r = import(
        &mut s,
        csv.as_bytes(),
        "en.csv",
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
    )
    .unwrap();
    assert_eq!(r.accepted, 2, "{:#?}", r.rows);
    assert!(
        r.source.notes[0].contains("mois/jour/année"),
        "{:?}",
        r.source
    );
    let grey = s
        .get(&r.rows[0].reference.as_deref().unwrap().parse().unwrap())
        .unwrap();
    assert_eq!(grey.received_on, d("2026-01-02"));
}

#[test]
fn mapping_errors_name_the_problem_and_keep_the_columns() {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let csv = "Ref;Qui;Quand\r\n1;Mme A;03/02/2026\r\n";
    // The guess finds no client nor date column: the report still gives headers and sample.
    let r = import(
        &mut s,
        csv.as_bytes(),
        "x.csv",
        &ImportOptions::default(),
        Policy::SkipRefused,
        true,
        "A",
    )
    .unwrap();
    assert!(r
        .mapping_error
        .as_deref()
        .unwrap()
        .contains("« Client (nom) »"));
    assert_eq!(r.headers, ["Ref", "Qui", "Quand"]);
    assert_eq!(r.sample[0], ["1", "Mme A", "03/02/2026"]);
    assert!(r.rows.is_empty());

    // By header name, as a mapping file gives it.
    let by: MappingInput =
        serde_json::from_str(r#"{"Ref": "reference", "Qui": "clientName", "Quand": "receivedOn"}"#)
            .unwrap();
    let r = import(
        &mut s,
        csv.as_bytes(),
        "x.csv",
        &ImportOptions {
            mapping: Some(by.clone()),
            ..ImportOptions::default()
        },
        Policy::SkipRefused,
        false,
        "A",
    )
    .unwrap();
    assert_eq!(r.accepted, 1);

    let twice = MappingInput::Columns(vec![
        Some(ImportField::ClientName),
        Some(ImportField::ClientName),
        Some(ImportField::ReceivedOn),
    ]);
    let r = import(
        &mut s,
        csv.as_bytes(),
        "x.csv",
        &ImportOptions {
            mapping: Some(twice.clone()),
            ..ImportOptions::default()
        },
        Policy::SkipRefused,
        true,
        "A",
    )
    .unwrap();
    assert!(r
        .mapping_error
        .unwrap()
        .contains("associé à plusieurs colonnes"));
    let unknown: MappingInput = serde_json::from_str(r#"{"Nom": "clientName"}"#).unwrap();
    let r = import(
        &mut s,
        csv.as_bytes(),
        "x.csv",
        &ImportOptions {
            mapping: Some(unknown.clone()),
            ..ImportOptions::default()
        },
        Policy::SkipRefused,
        true,
        "A",
    )
    .unwrap();
    assert!(r
        .mapping_error
        .unwrap()
        .contains("la colonne « Nom » n'existe pas"));
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), 1);
}

#[test]
fn cli_dry_run_prints_row_by_row_and_imports_with_a_mapping_file() {
    let db = TestDb::new();
    let bin = env!("CARGO_BIN_EXE_reclam");
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import_fixtures/registre-excel-fr.csv");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(["--db", db.path.to_str().unwrap(), "--by", "Alice"])
            .args(args)
            .env("RECLAM_TODAY", TODAY)
            .output()
            .unwrap()
    };
    let out = run(&["import", fixture.to_str().unwrap(), "--dry-run"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Windows-1252 (Latin-1), séparateur « ; »"),
        "{text}"
    );
    assert!(text.contains("ligne     5  REFUSÉE"), "{text}");
    assert!(text.contains("date illisible « 32/01/2026 »"), "{text}");
    assert!(
        text.contains("4 à importer, 3 refusée(s), 1 déjà présente(s), 0 ignorée(s) — simulation")
    );

    let mapping = db.dir.path().join("mapping.json");
    std::fs::write(
        &mapping,
        r#"{"N° réclamation": "reference", "Nom du client": "clientName",
            "Date de réception": "receivedOn", "Motif": null}"#,
    )
    .unwrap();
    let out = run(&[
        "import",
        fixture.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Only three columns mapped: the row acknowledged before its reception now passes.
    assert_eq!(report["accepted"], 5);
    assert_eq!(report["mapping"][5], serde_json::Value::Null);

    let out = run(&["import", "/nonexistent/registre.csv"]);
    assert!(!out.status.success());
    let bad = db.dir.path().join("registre.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    let out = run(&["import", bad.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("fichier illisible"), "{err}");
}

#[test]
fn a_formula_in_a_field_is_written_as_text_in_the_csv_and_read_back_as_typed() {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let mut new = common::complaint("x", "2026-11-02");
    new.client.name = "=HYPERLINK(\"http://x.example\";\"clic\")".into();
    new.description = "-10 % sur la prime promis puis refusé".into();
    s.record(&new, "x").unwrap();
    let csv = reclam::extract::export(&s, &everything(), "csv", "x").unwrap();
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.contains(";\"'=HYPERLINK("), "{text}");
    assert!(text.contains(";'-10 % sur la prime"), "{text}");
    let other = TestDb::new();
    let mut t = other.open(TODAY);
    let r = import(
        &mut t,
        &csv,
        "registre.csv",
        &ImportOptions::default(),
        Policy::AllOrNothing,
        false,
        "x",
    )
    .unwrap();
    let c = t
        .get(&r.rows[0].reference.as_deref().unwrap().parse().unwrap())
        .unwrap();
    assert_eq!(c.client.name, "=HYPERLINK(\"http://x.example\";\"clic\")");
    assert_eq!(c.description, "-10 % sur la prime promis puis refusé");
}

/// A register laid out the way small firms keep theirs (tests/import_fixtures/messy.py, written
/// by openpyxl; the ODS is LibreOffice's conversion of it): a title block above the titles, the
/// decision inside the answer's text, French titles, Excel dates, text dates with a time,
/// amounts with € and spaces, a total line under the table, two sheets. Every row is imported
/// field by field; the one whose text gives no decision waits for the user's.
#[test]
fn a_register_with_a_title_block_and_decisions_in_the_answers_text() {
    use reclam::complaint::{Feedback, Money};
    for name in ["registre-cabinet.xlsx", "registre-cabinet.ods"] {
        let db = TestDb::new();
        let mut s = db.open("2026-01-20");
        let (bytes, file) = fixture(name);
        let preview = import(
            &mut s,
            &bytes,
            &file,
            &ImportOptions::default(),
            Policy::SkipRefused,
            true,
            "Alice",
        )
        .unwrap();
        assert_eq!(
            preview.source.sheet.as_deref(),
            Some("Réclamations 2025"),
            "{name}"
        );
        let sheets: Vec<(&str, u32)> = preview
            .source
            .sheets
            .iter()
            .map(|s| (s.name.as_str(), s.rows))
            .collect();
        assert_eq!(sheets[0], ("Consignes", 2), "{name}");
        assert_eq!(preview.source.header_line, 5, "{name}");
        assert!(
            preview.source.notes[0].contains("ligne 5 prise comme ligne de titres"),
            "{:?}",
            preview.source.notes
        );
        // Every column a person would map.
        let mapped: Vec<Option<ImportField>> = preview.mapping.clone();
        use ImportField as F;
        assert_eq!(
            &mapped[..13],
            [
                Some(F::Reference),
                Some(F::ClientName),
                Some(F::ReceivedOn),
                Some(F::Channel),
                Some(F::Description),
                Some(F::Subject),
                Some(F::Insurer),
                Some(F::Contract),
                Some(F::AcknowledgedOn),
                Some(F::AnsweredOn),
                Some(F::AnswerSummary),
                Some(F::Gesture),
                Some(F::Handler),
            ],
            "{name}: {:?}",
            preview.headers
        );
        let status: Vec<(u32, RowStatus, bool)> = preview
            .rows
            .iter()
            .map(|r| (r.line, r.status, r.needs_decision))
            .collect();
        assert_eq!(
            status,
            [
                (6, RowStatus::Accepted, false),
                (7, RowStatus::Accepted, false),
                (8, RowStatus::Accepted, false),
                (9, RowStatus::Refused, true),
                (11, RowStatus::Ignored, false),
            ],
            "{name}: {:?}",
            preview.rows
        );
        // The missed acknowledgement is said, not invented.
        assert!(preview.rows[2].warnings[0]
            .message
            .contains("marqué manqué"));

        // The user decides line 9; everything is imported.
        let mut opts = ImportOptions::default();
        opts.decisions.insert(9, Outcome::Rejected);
        let done = import(
            &mut s,
            &bytes,
            &file,
            &opts,
            Policy::AllOrNothing,
            false,
            "Alice",
        )
        .unwrap();
        assert_eq!(
            (done.accepted, done.refused, done.ignored),
            (4, 0, 1),
            "{name}"
        );
        let got = |r: &str| s.get(&r.parse::<ComplaintRef>().unwrap()).unwrap();
        let money = |m: &str| Some(m.parse::<Money>().unwrap());
        let a = got("REC-2025-0001");
        assert_eq!(a.client.name, "Mme Hélène Garnier");
        assert_eq!(a.received_on, d("2025-03-03"));
        assert_eq!(a.channel, Channel::Email);
        assert_eq!(a.subject, Subject::ClaimSettlement);
        assert_eq!(a.description, "Retard d'indemnisation\ndu dégât des eaux");
        assert_eq!(a.contract.insurer.as_deref(), Some("AXA France"));
        assert_eq!(a.contract.number.as_deref(), Some("MRH-4411"));
        assert_eq!(a.acknowledged_on, Some(d("2025-03-05")));
        let answer = a.answer.unwrap();
        assert_eq!(answer.on, d("2025-04-10"));
        assert_eq!(answer.outcome, Outcome::Upheld);
        assert_eq!(answer.summary, "indemnisation versée");
        assert_eq!(answer.gesture, money("150"));
        assert_eq!(a.handler.as_deref(), Some("Claire Martin"));

        let b = got("REC-2025-0002");
        assert_eq!(b.channel, Channel::Phone);
        assert_eq!(b.subject, Subject::PremiumBilling);
        assert_eq!(b.acknowledged_on, Some(d("2025-05-14")));
        let answer = b.answer.unwrap();
        assert_eq!(answer.on, d("2025-06-02"));
        assert_eq!(answer.outcome, Outcome::Partial);
        assert_eq!(answer.summary, "remboursement du double prélèvement");
        assert_eq!(answer.gesture, money("1234.56"));

        let c = got("REC-2025-0003");
        assert_eq!(c.received_on, d("2025-08-01"), "an Excel serial date");
        assert_eq!(c.channel, Channel::InPerson);
        assert_eq!(c.subject, Subject::Termination);
        assert_eq!(c.acknowledged_on, None);
        assert!(c.ack_missed());
        assert_eq!(c.answer.as_ref().unwrap().outcome, Outcome::Rejected);
        assert_eq!(c.status, Status::Answered);

        let n = got("REC-2025-0004");
        assert_eq!(n.received_on, d("2025-10-06"), "a date with a time");
        assert_eq!(n.subject, Subject::Subscription);
        let answer = n.answer.unwrap();
        assert_eq!(answer.outcome, Outcome::Rejected, "the user's decision");
        assert_eq!(answer.summary, "Voir courrier du 28/11");
        assert!(n.closure.is_none() || n.closure.unwrap().feedback == Feedback::None);

        // Imported again: nothing twice.
        let again = import(
            &mut s,
            &bytes,
            &file,
            &opts,
            Policy::SkipRefused,
            false,
            "Alice",
        )
        .unwrap();
        assert_eq!((again.accepted, again.duplicates), (0, 4), "{name}");
        assert!(s.verify().unwrap().ok);
    }
}

#[test]
fn the_sheet_and_the_header_row_can_be_chosen() {
    let db = TestDb::new();
    let mut s = db.open("2026-01-20");
    let (bytes, file) = fixture("registre-cabinet.xlsx");
    let opts = ImportOptions {
        sheet: Some("Consignes".into()),
        ..ImportOptions::default()
    };
    let r = import(&mut s, &bytes, &file, &opts, Policy::SkipRefused, true, "A").unwrap();
    assert_eq!(r.source.sheet.as_deref(), Some("Consignes"));
    assert!(r.mapping_error.is_some(), "instructions are no register");
    let err = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions {
            sheet: Some("Feuil9".into()),
            ..ImportOptions::default()
        },
        Policy::SkipRefused,
        true,
        "A",
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("sheet"));
    assert!(
        err.to_string().contains("Consignes, Réclamations 2025"),
        "{err}"
    );
    // Another header row (here, wrongly, the title): the user sees the consequence.
    let r = import(
        &mut s,
        &bytes,
        &file,
        &ImportOptions {
            header_line: Some(2),
            ..ImportOptions::default()
        },
        Policy::SkipRefused,
        true,
        "A",
    )
    .unwrap();
    assert_eq!(r.source.header_line, 2);
    assert_eq!(r.headers[0], "Registre des réclamations 2025");
    assert!(r.mapping_error.is_some());
    let top: Vec<u32> = r.source.top_lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(&top[..4], [1, 2, 3, 5], "blank lines are not offered");
}

/// A CSV of `n` valid complaints, as a register kept in a spreadsheet would hold them.
fn many_rows(n: usize) -> Vec<u8> {
    let mut csv = String::from("Nom du client;Date de réception;Canal;Motif;Description\n");
    for i in 0..n {
        csv.push_str(&format!(
            "Client {i};{:02}/10/2026;Courrier;Sinistre;Indemnisation jugée insuffisante\n",
            1 + i % 28
        ));
    }
    csv.into_bytes()
}

#[test]
fn an_import_tells_its_progress_and_a_cancelled_one_imports_nothing() {
    use reclam::progress::Reporter;
    use std::cell::RefCell;
    use std::sync::atomic::AtomicBool;

    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let bytes = many_rows(1000);
    let seen = RefCell::new(Vec::new());
    let cancel = AtomicBool::new(false);
    let progress = Reporter {
        report: |done, total| seen.borrow_mut().push((done, total)),
        cancel: &cancel,
    };
    let report = reclam::import::import_with(
        &mut s,
        &bytes,
        "registre.csv",
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
        &progress,
    )
    .unwrap();
    assert_eq!(report.accepted, 1000, "{:?}", report.rows.first());
    let seen = seen.into_inner();
    // About every hundredth, in order, ending on the whole file.
    assert!(seen.len() >= 90 && seen.len() <= 110, "{}", seen.len());
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(seen.last(), Some(&(1000, 1000)));

    // Cancelled half-way: refused, and the register as it was.
    let complaints = count(&s, "SELECT count(*) FROM complaints");
    let events = count(&s, "SELECT count(*) FROM events");
    let cancel = AtomicBool::new(false);
    let progress = Reporter {
        report: |done, _| {
            if done >= 500 {
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        cancel: &cancel,
    };
    let err = reclam::import::import_with(
        &mut s,
        &many_rows(2000),
        "autre-registre.csv",
        &ImportOptions::default(),
        Policy::SkipRefused,
        false,
        "Alice",
        &progress,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("import annulé : rien n'a été importé"),
        "{err}"
    );
    assert_eq!(count(&s, "SELECT count(*) FROM complaints"), complaints);
    assert_eq!(count(&s, "SELECT count(*) FROM events"), events);
}
