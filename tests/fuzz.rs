//! Property-based fuzzing (proptest) of what reads untrusted text: the letter template parser,
//! the import's file readers (CSV in every encoding and separator, XLSX, arbitrary bytes) and
//! the import itself, as a dry run against a real register.
//!
//! Each property runs `RECLAM_FUZZ_CASES` cases (64 by default, so that `make test` stays
//! fast); the properties that write a register use `RECLAM_FUZZ_DB_CASES` when it is set.
//! Every property prints how many executions it made and how long they took. A panic in the
//! code under test fails the property with the smallest input proptest could shrink it to.

mod common;

use common::{d, sql};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reclam::clock::FixedClock;
use reclam::import::mapping::ImportField;
use reclam::import::source::{self, MAX_COLUMNS};
use reclam::import::{import, ImportReport, MappingInput, Policy, RowStatus, FIELDS};
use reclam::letters::template::{Template, PLACEHOLDERS};
use reclam::{Error, Store};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

const TODAY: &str = "2026-06-15";

fn cases(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Cases of a property that only parses.
fn parser_cases() -> u32 {
    cases("RECLAM_FUZZ_CASES", 64)
}

/// Cases of a property that runs the import against a register.
fn db_cases() -> u32 {
    cases("RECLAM_FUZZ_DB_CASES", parser_cases())
}

/// Run a property, print its executions and time, fail with the shrunk input.
fn fuzz<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let runs = Cell::new(0u64);
    let started = Instant::now();
    let result = runner.run(&strategy, |v| {
        runs.set(runs.get() + 1);
        test(v)
    });
    println!(
        "fuzz {name}: {} executions in {:.2} s",
        runs.get(),
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

/// English words that must not reach a French user (whole words: `humanError` is a value;
/// what the user typed, quoted « … » in the message, is theirs).
fn english(message: &str) -> Option<String> {
    let mut ours = String::new();
    let mut rest = message;
    while let Some((before, after)) = rest.split_once('«') {
        ours.push_str(before);
        rest = after.split_once('»').map_or("", |(_, a)| a);
    }
    ours.push_str(rest);
    let message = ours;
    const WORDS: &[&str] = &[
        "error", "failed", "panicked", "invalid", "unknown", "missing", "expected", "unable",
        "cannot", "eof", "while", "found", "parsing", "called", "detect",
    ];
    message
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| WORDS.contains(w))
        .map(str::to_owned)
}

fn french(what: &str, message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "{what}: empty message");
    if let Some(w) = english(message) {
        return Err(TestCaseError::fail(format!(
            "{what}: English word {w:?} in {message:?}"
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The template parser.

fn values() -> BTreeMap<&'static str, String> {
    PLACEHOLDERS
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, format!("⟨{i}⟩")))
        .collect()
}

fn check_template_result(
    text: &str,
    parsed: Result<Template, reclam::complaint::ValidationError>,
) -> Result<(), TestCaseError> {
    match parsed {
        Ok(t) => {
            let values = values();
            let out = t.fill(&values);
            for p in t.placeholders() {
                prop_assert!(PLACEHOLDERS.iter().any(|(k, _)| *k == p));
                prop_assert!(out.contains(&values[p]), "{p} not filled in {out:?}");
            }
            // Without escapes, every brace of the text belongs to a placeholder, and none
            // survives the filling.
            if !text.contains("{{") && !text.contains("}}") {
                prop_assert!(
                    !out.contains(['{', '}']),
                    "a placeholder survived: {text:?} → {out:?}"
                );
            }
        }
        Err(e) => {
            prop_assert_eq!(e.field.as_str(), "template.fuzz");
            french("template", &e.message)?;
            prop_assert!(
                e.message.starts_with("accolade") || e.message.starts_with("champ inconnu"),
                "{}",
                e.message
            );
            let line: usize = e
                .message
                .rsplit("ligne ")
                .next()
                .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| TestCaseError::fail(format!("no line in {:?}", e.message)))?;
            prop_assert!(line >= 1 && line <= text.split('\n').count());
        }
    }
    Ok(())
}

/// A piece of a well-formed template, and what it becomes once filled.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    Open,
    Close,
    Value(&'static str, bool),
}

impl Piece {
    fn source(&self) -> String {
        match self {
            Piece::Text(t) => t.clone(),
            Piece::Open => "{{".into(),
            Piece::Close => "}}".into(),
            Piece::Value(k, false) => format!("{{{k}}}"),
            Piece::Value(k, true) => format!("{{ {k} }}"),
        }
    }

    fn filled(&self, values: &BTreeMap<&'static str, String>) -> String {
        match self {
            Piece::Text(t) => t.clone(),
            Piece::Open => "{".into(),
            Piece::Close => "}".into(),
            Piece::Value(k, _) => values[k].clone(),
        }
    }
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => "[^{}]{0,12}".prop_map(Piece::Text),
        1 => Just(Piece::Open),
        1 => Just(Piece::Close),
        3 => (prop::sample::select(PLACEHOLDERS.iter().map(|(k, _)| *k).collect::<Vec<_>>()), any::<bool>())
            .prop_map(|(k, s)| Piece::Value(k, s)),
    ]
}

/// What breaks a well-formed template.
#[derive(Debug, Clone)]
enum Fault {
    Unknown(String),
    LoneClose,
    Unclosed,
}

#[test]
fn fuzz_template_parser() {
    let n = parser_cases();
    fuzz("template: any string", n, any::<String>(), |text| {
        check_template_result(&text, Template::parse("template.fuzz", &text))
    });
    fuzz(
        "template: braces, dots and newlines",
        n,
        "[{}a-z. \n\r\t«»é]{0,60}",
        |text| check_template_result(&text, Template::parse("template.fuzz", &text)),
    );
    fuzz(
        "template: placeholder-like runs",
        n,
        "(\\{[ a-zA-Z.]{0,16}\\}?|\\{\\{|\\}\\}|[{}]|[^{}]{0,6}|\n){0,24}",
        |text| check_template_result(&text, Template::parse("template.fuzz", &text)),
    );
    fuzz(
        "template: well-formed, filled exactly",
        n,
        prop::collection::vec(piece(), 0..24),
        |pieces| {
            let text: String = pieces.iter().map(Piece::source).collect();
            let t = Template::parse("template.fuzz", &text)
                .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            let values = values();
            let expected: String = pieces.iter().map(|p| p.filled(&values)).collect();
            prop_assert_eq!(t.fill(&values), expected);
            let mut used: Vec<&str> = Vec::new();
            for p in &pieces {
                if let Piece::Value(k, _) = p {
                    if !used.contains(k) {
                        used.push(k);
                    }
                }
            }
            prop_assert_eq!(t.placeholders(), used);
            Ok(())
        },
    );
    let fault = prop_oneof![
        "[a-z]{1,8}(\\.[a-z]{1,8})?".prop_map(|n| Fault::Unknown(format!("x{n}"))),
        Just(Fault::LoneClose),
        Just(Fault::Unclosed),
    ];
    fuzz(
        "template: one fault, refused at its line",
        n,
        (
            prop::collection::vec(piece(), 0..16),
            fault,
            any::<prop::sample::Index>(),
        ),
        |(pieces, fault, at)| {
            let at = at.index(pieces.len() + 1);
            let (before, after): (String, String) = (
                pieces[..at].iter().map(Piece::source).collect(),
                pieces[at..].iter().map(Piece::source).collect(),
            );
            let (bad, tail) = match &fault {
                Fault::Unknown(n) => (format!("{{{n}}}"), after),
                Fault::LoneClose => ("}".to_owned(), after),
                // An unclosed brace at the very end: nothing can close it.
                Fault::Unclosed => ("{client.name".to_owned(), String::new()),
            };
            let text = format!("{before}{bad}{tail}");
            let e = Template::parse("template.fuzz", &text)
                .err()
                .ok_or_else(|| TestCaseError::fail(format!("accepted: {text:?}")))?;
            let line = before.matches('\n').count() + 1;
            prop_assert!(
                e.message.contains(&format!("ligne {line} "))
                    || e.message.ends_with(&format!("ligne {line}")),
                "{fault:?} at line {line}: {}",
                e.message
            );
            let what = match fault {
                Fault::Unknown(_) => "champ inconnu",
                Fault::LoneClose => "accolade fermante seule",
                Fault::Unclosed => "accolade ouvrante sans fermeture",
            };
            prop_assert!(e.message.contains(what), "{}", e.message);
            Ok(())
        },
    );
    // The inspection pack's procedure has its own placeholders: the same parser, another list.
    fuzz(
        "template: procedure placeholders",
        n,
        "(\\{[a-zA-Z.]{0,20}\\}|[^{}]{0,8}|\n){0,16}",
        |text| {
            match Template::parse_with(
                "procedure",
                &text,
                reclam::letters::procedure::PROCEDURE_PLACEHOLDERS,
            ) {
                Ok(t) => {
                    let _ = t.fill(&BTreeMap::new());
                }
                Err(e) => {
                    prop_assert_eq!(e.field.as_str(), "procedure");
                    french("procedure", &e.message)?;
                }
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Import: random files.

/// The header texts a register file may use: every synonym and label, in a few casings.
fn header() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = FIELDS
        .iter()
        .flat_map(|f| {
            f.headers
                .iter()
                .map(|h| h.to_string())
                .chain([f.label.to_owned()])
        })
        .collect();
    names.extend(
        [
            "Colonne perso",
            "",
            "Statut",
            "Échéance AR",
            "Réponse en retard",
            "N°",
            "Date",
        ]
        .map(str::to_owned),
    );
    (prop::sample::select(names), 0..4u8, "[^\"\n]{0,6}").prop_map(|(h, how, junk)| match how {
        0 => h,
        1 => h.to_uppercase(),
        2 => format!("{h} ({junk})"),
        _ => format!("  {h}  "),
    })
}

/// A date as typed in a spreadsheet, in every usual form, possible or not.
fn any_date() -> impl Strategy<Value = String> {
    (1850..2300i32, 0..14u32, 0..33u32, 0..8u8, any::<bool>()).prop_map(|(y, m, d, form, time)| {
        let s = match form {
            0 => format!("{d:02}/{m:02}/{y:04}"),
            1 => format!("{y:04}-{m:02}-{d:02}"),
            2 => format!("{d:02}.{m:02}.{:02}", y % 100),
            3 => format!("{d}/{m}/{:02}", y % 100),
            4 => format!("{m:02}/{d:02}/{y:04}"),
            5 => format!("{}", (y - 1900) * 365 + (m * 30 + d) as i32),
            6 => format!("{d:02}-{m:02}-{y:04}"),
            _ => format!("{y:04}/{m:02}/{d:02}"),
        };
        if time {
            format!("{s} 14:30")
        } else {
            s
        }
    })
}

/// A date around today (a few in the future), day first.
fn recent() -> impl Strategy<Value = String> {
    (0..400i64).prop_map(|back| {
        (d(TODAY) - chrono::Duration::days(back - 30))
            .format("%d/%m/%Y")
            .to_string()
    })
}

fn amount() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("15,00".to_owned()),
        Just("-3".to_owned()),
        Just("1e3".to_owned()),
        Just("12.345".to_owned()),
        Just("1 234,56 €".to_owned()),
        Just("1.234,56".to_owned()),
        Just("0".to_owned()),
        Just("99999999999".to_owned()),
        (0..100_000u32, 0..3u8).prop_map(|(n, dec)| match dec {
            0 => n.to_string(),
            1 => format!("{},{:02}", n / 100, n % 100),
            _ => format!("{}.{:03}", n / 1000, n % 1000),
        }),
    ]
}

fn vocab() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Courrier",
        "E-mail",
        "Téléphone",
        "Agence",
        "Fax",
        "Sinistre",
        "Cotisations",
        "Résiliation",
        "Fondée",
        "Rejetée",
        "Partiellement fondée",
        "Peut-être",
        "Résolue",
        "Non résolue",
        "Particulier",
        "Entreprise",
        "Robot",
        "Processus : relance oubliée",
        "Délai de traitement : attente | Autre : x",
        "oui",
        "non",
        "upheld",
        "REC-2026-0001",
    ])
    .prop_map(str::to_owned)
}

/// Any cell as a spreadsheet user types it: dates, amounts, vocabulary, free text with
/// control characters, quotes and separators.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any_date(),
        3 => recent(),
        2 => amount(),
        3 => vocab(),
        2 => "[^\u{0}]{0,24}",
        1 => "[\u{1}-\u{1f}\u{7f}\"';,\t\r\n a-zé]{0,12}",
        1 => Just(String::new()),
        1 => Just("M. Dupont".to_owned()),
    ]
}

#[derive(Debug, Clone)]
struct CsvSpec {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    delimiter: u8,
    crlf: bool,
    /// Quote cells properly, or write them raw (unbalanced quotes, stray separators).
    quote: bool,
    encoding: u8,
    name: &'static str,
}

/// A header row: random headers, most of the time with a client and a reception date
/// column somewhere among them (else every file stops at the mapping).
fn headers() -> impl Strategy<Value = Vec<String>> {
    (
        prop::collection::vec(header(), 0..9),
        prop::bool::weighted(0.85),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut headers, required, a, b)| {
            if required || headers.is_empty() {
                headers.insert(a.index(headers.len() + 1), "Nom du client".into());
                headers.insert(b.index(headers.len() + 1), "Date de réception".into());
            }
            headers
        })
}

/// The rows under `headers`, each column with values fit for the field its header is
/// guessed as (and, as in real files, a share of wrong ones); rows may be short or long.
fn rows_for<C: Clone + std::fmt::Debug + 'static>(
    headers: &[String],
    cell: impl Fn(Option<ImportField>) -> BoxedStrategy<C>,
) -> impl Strategy<Value = Vec<Vec<C>>> {
    let columns: Vec<BoxedStrategy<C>> = reclam::import::guess(headers)
        .into_iter()
        .chain([None])
        .map(cell)
        .collect();
    let n = columns.len();
    prop::collection::vec(
        (columns, 0..=n).prop_map(|(mut cells, len)| {
            cells.truncate(len.max(1));
            cells
        }),
        0..8,
    )
}

/// A cell text for a column of this field.
fn cell_for(field: Option<ImportField>) -> BoxedStrategy<String> {
    use ImportField as F;
    match field {
        Some(F::ReceivedOn | F::SentOn | F::AcknowledgedOn | F::AnsweredOn | F::ClosedOn) => {
            prop_oneof![3 => recent(), 1 => cell()].boxed()
        }
        Some(F::ClientName) => prop_oneof![
            3 => "(M\\.|Mme|SARL) [A-Z][a-zé]{2,10}",
            1 => cell(),
        ]
        .boxed(),
        Some(F::Gesture) => prop_oneof![2 => amount(), 1 => Just(String::new())].boxed(),
        // The seeded register holds R-1 and R-2: their rows are duplicates.
        Some(F::Reference) => prop_oneof![
            2 => prop::sample::select(vec!["R-1", "R-2", "R-3", "r-3 "]).prop_map(str::to_owned),
            1 => cell(),
        ]
        .boxed(),
        Some(F::Outcome | F::Feedback | F::Channel | F::Subject | F::ClientKind) => {
            prop_oneof![3 => vocab(), 1 => cell()].boxed()
        }
        _ => cell().boxed(),
    }
}

fn csv_spec() -> impl Strategy<Value = CsvSpec> {
    headers()
        .prop_flat_map(|headers| {
            let rows = rows_for(&headers, cell_for);
            (
                Just(headers),
                rows,
                prop::sample::select(vec![b';', b',', b'\t']),
                any::<bool>(),
                prop::bool::weighted(0.8),
                0..4u8,
                prop::sample::select(vec!["registre.csv", "export.txt", "registre", "x.CSV"]),
            )
        })
        .prop_map(
            |(headers, rows, delimiter, crlf, quote, encoding, name)| CsvSpec {
                headers,
                rows,
                delimiter,
                crlf,
                quote,
                encoding,
                name,
            },
        )
}

impl CsvSpec {
    fn bytes(&self) -> Vec<u8> {
        let sep = self.delimiter as char;
        let cell = |c: &str| {
            if self.quote && (c.contains([sep, '"', '\n', '\r']) || c.starts_with(' ')) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_owned()
            }
        };
        let eol = if self.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        for line in std::iter::once(&self.headers).chain(&self.rows) {
            let cells: Vec<String> = line.iter().map(|c| cell(c)).collect();
            text.push_str(&cells.join(&sep.to_string()));
            text.push_str(eol);
        }
        match self.encoding {
            0 => text.into_bytes(),
            1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            2 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
            _ => [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
        }
    }
}

/// A random mapping given by the user instead of the guess (sometimes of the wrong length).
fn mapping() -> impl Strategy<Value = Option<MappingInput>> {
    let field = prop::option::of(prop::sample::select(
        FIELDS.iter().map(|f| f.field).collect::<Vec<ImportField>>(),
    ));
    prop_oneof![
        6 => Just(None),
        1 => prop::collection::vec(field, 0..12).prop_map(|c| Some(MappingInput::Columns(c))),
    ]
}

/// The register the dry runs run against: seeded with complaints (so that duplicates and
/// reference numbering are exercised) and kept open across cases.
struct Register {
    _dir: tempfile::TempDir,
    store: RefCell<Store>,
}

fn register(seeded: bool) -> Register {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(
        dir.path().join("registre.db"),
        Arc::new(FixedClock::new(d(TODAY))),
    )
    .unwrap();
    if seeded {
        let csv = "Référence;Client;Date de réception;Description\r\n\
                   R-1;M. Dupont;02/06/2026;Retard\r\n\
                   R-2;Mme Martin;15/05/2026;Tarif\r\n";
        let r = import(
            &mut store,
            csv.as_bytes(),
            "seed.csv",
            &reclam::import::ImportOptions::default(),
            Policy::AllOrNothing,
            false,
            "Fuzz",
        )
        .unwrap();
        assert_eq!(r.accepted, 2);
    }
    Register {
        _dir: dir,
        store: RefCell::new(store),
    }
}

/// Every table's rows, hashed (the FTS index's shadow tables are derived from `complaints`).
fn fingerprint(store: &Store) -> Vec<(String, usize, u64)> {
    use std::hash::{Hash, Hasher};
    let conn = sql(store);
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'complaints_fts%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .into_iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |row| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("\u{1f}"))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            rows.hash(&mut h);
            (t, rows.len(), h.finish())
        })
        .collect()
}

/// What every import report must satisfy.
fn check_report(r: &ImportReport) -> Result<(), TestCaseError> {
    if let Some(m) = &r.mapping_error {
        french("mapping error", m)?;
        prop_assert!(r.rows.is_empty());
        prop_assert_eq!((r.accepted, r.refused, r.duplicates), (0, 0, 0));
        return Ok(());
    }
    prop_assert_eq!(r.rows.len() as u32, r.total);
    prop_assert_eq!(r.accepted + r.refused + r.duplicates, r.total);
    let count = |s: RowStatus| r.rows.iter().filter(|o| o.status == s).count() as u32;
    prop_assert_eq!(count(RowStatus::Accepted), r.accepted);
    prop_assert_eq!(count(RowStatus::Refused), r.refused);
    prop_assert_eq!(count(RowStatus::Duplicate), r.duplicates);
    prop_assert_eq!(count(RowStatus::Ignored), r.ignored);
    let mut last = 0;
    for o in &r.rows {
        prop_assert!(o.line > last, "lines out of order: {:?}", r.rows);
        last = o.line;
        match o.status {
            RowStatus::Accepted => {
                prop_assert!(o.problems.is_empty());
                prop_assert!(o.reference.is_some());
            }
            RowStatus::Refused => {
                prop_assert!(!o.problems.is_empty(), "refused without a reason: {o:?}");
                prop_assert!(o.reference.is_none());
            }
            RowStatus::Duplicate => {
                prop_assert!(o.reference.is_some() || !o.warnings.is_empty(), "{o:?}");
            }
            RowStatus::Ignored => {
                prop_assert!(o.reference.is_none() && !o.warnings.is_empty(), "{o:?}");
            }
        }
        for p in o.problems.iter().chain(&o.warnings) {
            prop_assert!(!p.field.is_empty(), "{p:?}");
            french("row problem", &p.message)?;
        }
    }
    Ok(())
}

/// A refusal of the file as a whole: a validation error on `file`, in French.
fn check_file_error(e: &Error) -> Result<(), TestCaseError> {
    prop_assert_eq!(e.code(), "validation", "{}", e);
    prop_assert_eq!(e.field(), Some("file"), "{}", e);
    french("file error", &e.to_wire().message)
}

/// What the import cases came to, so that the summary shows the rules were reached.
#[derive(Default, Debug)]
struct Outcomes {
    file_refused: u64,
    mapping_refused: u64,
    rows: u64,
    accepted: u64,
    refused: u64,
    duplicates: u64,
}

impl Outcomes {
    fn add(&mut self, result: &reclam::Result<ImportReport>) {
        match result {
            Err(_) => self.file_refused += 1,
            Ok(r) if r.mapping_error.is_some() => self.mapping_refused += 1,
            Ok(r) => {
                self.rows += u64::from(r.total);
                self.accepted += u64::from(r.accepted);
                self.refused += u64::from(r.refused);
                self.duplicates += u64::from(r.duplicates);
            }
        }
    }

    fn print(&self, name: &str) {
        println!(
            "fuzz {name}: files refused {}, mappings refused {}, rows run {} (accepted {}, \
             refused {}, duplicates {})",
            self.file_refused,
            self.mapping_refused,
            self.rows,
            self.accepted,
            self.refused,
            self.duplicates
        );
    }
}

fn dry_run(
    reg: &Register,
    bytes: &[u8],
    name: &str,
    mapping: Option<&MappingInput>,
    outcomes: &RefCell<Outcomes>,
) -> Result<(), TestCaseError> {
    let mut store = reg.store.borrow_mut();
    let before = fingerprint(&store);
    let result = import(
        &mut store,
        bytes,
        name,
        &reclam::import::ImportOptions {
            mapping: mapping.cloned(),
            ..Default::default()
        },
        Policy::SkipRefused,
        true,
        "Fuzz",
    );
    prop_assert_eq!(
        &fingerprint(&store),
        &before,
        "a dry run changed the register"
    );
    outcomes.borrow_mut().add(&result);
    match result {
        Ok(r) => check_report(&r),
        Err(e) => check_file_error(&e),
    }
}

#[test]
fn fuzz_import_readers() {
    let n = parser_cases();
    fuzz(
        "source::read: any bytes",
        n,
        (
            prop::collection::vec(any::<u8>(), 0..2048),
            prop::sample::select(vec!["r.csv", "r.xlsx", "r.xls", "r.ods", "r", "r.txt"]),
            prop::sample::select(vec![
                &b""[..],
                b"PK\x03\x04",
                b"\xD0\xCF\x11\xE0",
                b"\xEF\xBB\xBF",
                b"\xFF\xFE",
            ]),
        ),
        |(bytes, name, magic)| {
            let bytes = [magic, &bytes[..]].concat();
            check_table(source::read(&bytes, name))
        },
    );
    fuzz("source::read: random CSV", n, csv_spec(), |spec| {
        check_table(source::read(&spec.bytes(), spec.name))
    });
    // A real workbook with bytes flipped or cut: calamine and zip must refuse, not panic.
    let book = workbook(&WorkbookSpec::sample());
    fuzz(
        "source::read: damaged XLSX",
        n,
        (
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
            prop::option::of(any::<prop::sample::Index>()),
        ),
        |(flips, cut)| {
            let mut bytes = book.clone();
            for (at, b) in flips {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut.index(bytes.len()));
            }
            check_table(source::read(&bytes, "registre.xlsx"))
        },
    );
}

fn check_table(t: reclam::Result<source::Table>) -> Result<(), TestCaseError> {
    match t {
        Ok(t) => {
            prop_assert!(t.headers.len() <= MAX_COLUMNS);
            let mut last = 0;
            for (line, cells) in &t.rows {
                prop_assert!(*line > last, "line numbers out of order");
                last = *line;
                prop_assert!(cells.len() <= MAX_COLUMNS);
                prop_assert!(cells.iter().any(|c| !c.is_empty()), "an empty row was kept");
            }
            Ok(())
        }
        Err(e) => check_file_error(&e),
    }
}

#[test]
fn fuzz_import_csv_dry_run() {
    let reg = register(true);
    let outcomes = RefCell::new(Outcomes::default());
    fuzz(
        "import: random CSV, dry run",
        db_cases(),
        (csv_spec(), mapping()),
        |(spec, mapping)| dry_run(&reg, &spec.bytes(), spec.name, mapping.as_ref(), &outcomes),
    );
    outcomes.borrow().print("import: random CSV, dry run");
}

/// The preview is the import: on a fresh register, a dry run announces exactly what the
/// import then does.
#[test]
fn fuzz_import_dry_run_is_exact() {
    let outcomes = RefCell::new(Outcomes::default());
    fuzz(
        "import: dry run = import",
        db_cases().div_ceil(4),
        csv_spec(),
        |spec| {
            let reg = register(false);
            let mut store = reg.store.borrow_mut();
            let bytes = spec.bytes();
            let run = |store: &mut Store, dry| {
                import(
                    store,
                    &bytes,
                    spec.name,
                    &reclam::import::ImportOptions::default(),
                    Policy::SkipRefused,
                    dry,
                    "Fuzz",
                )
            };
            let (preview, done) = (run(&mut store, true), run(&mut store, false));
            outcomes.borrow_mut().add(&done);
            match (preview, done) {
                (Ok(preview), Ok(done)) => {
                    check_report(&done)?;
                    prop_assert_eq!(&preview.rows, &done.rows);
                    prop_assert_eq!(
                        (preview.accepted, preview.refused, preview.duplicates),
                        (done.accepted, done.refused, done.duplicates)
                    );
                    let n: i64 = sql(&store)
                        .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
                        .unwrap();
                    prop_assert_eq!(n, i64::from(done.accepted));
                }
                (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                (a, b) => {
                    return Err(TestCaseError::fail(format!(
                        "the preview and the import disagree: {:?} / {:?}",
                        a.map(|r| r.accepted),
                        b.map(|r| r.accepted)
                    )))
                }
            }
            Ok(())
        },
    );
    outcomes.borrow().print("import: dry run = import");
}

// ---------------------------------------------------------------------------------------------
// Import: random workbooks.

#[derive(Debug, Clone)]
enum XCell {
    Blank,
    Text(String),
    Number(f64),
    Date(u16, u8, u8, bool),
    Bool(bool),
    Formula(String),
    Url,
}

#[derive(Debug, Clone)]
struct WorkbookSpec {
    sheet: String,
    extra_sheet: bool,
    headers: Vec<String>,
    rows: Vec<Vec<XCell>>,
    /// Start the table lower and further right than A1.
    offset: (u32, u16),
}

impl WorkbookSpec {
    fn sample() -> WorkbookSpec {
        WorkbookSpec {
            sheet: "Registre".into(),
            extra_sheet: true,
            headers: vec!["Client".into(), "Date de réception".into(), "Geste".into()],
            rows: vec![
                vec![
                    XCell::Text("M. Petit".into()),
                    XCell::Date(2026, 6, 2, true),
                    XCell::Number(15.5),
                ],
                vec![
                    XCell::Text("Mme Durand".into()),
                    XCell::Text("03/06/2026".into()),
                    XCell::Blank,
                ],
            ],
            offset: (0, 0),
        }
    }
}

fn xcell() -> impl Strategy<Value = XCell> {
    prop_oneof![
        1 => Just(XCell::Blank),
        3 => cell().prop_map(XCell::Text),
        2 => prop_oneof![
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            -10.0..100_000.0f64,
            (40_000..50_000u32).prop_map(f64::from),
        ]
        .prop_map(XCell::Number),
        3 => (1900..2300u16, 1..13u8, 1..29u8, any::<bool>())
            .prop_map(|(y, m, d, f)| XCell::Date(y, m, d, f)),
        1 => any::<bool>().prop_map(XCell::Bool),
        1 => prop::sample::select(vec!["=1+1", "=A1", "=NOW()", "=\"texte\"", "=1/0"])
            .prop_map(|f| XCell::Formula(f.to_owned())),
        1 => Just(XCell::Url),
    ]
}

/// A typed cell for a column of this field: real dates and numbers as often as texts.
fn xcell_for(field: Option<ImportField>) -> BoxedStrategy<XCell> {
    use ImportField as F;
    match field {
        Some(F::ReceivedOn | F::SentOn | F::AcknowledgedOn | F::AnsweredOn | F::ClosedOn) => {
            prop_oneof![
                3 => (0..400i64, any::<bool>()).prop_map(|(back, formatted)| {
                    let day = d(TODAY) - chrono::Duration::days(back - 30);
                    XCell::Date(
                        chrono::Datelike::year(&day) as u16,
                        chrono::Datelike::month(&day) as u8,
                        chrono::Datelike::day(&day) as u8,
                        formatted,
                    )
                }),
                1 => xcell(),
            ]
            .boxed()
        }
        _ => prop_oneof![3 => cell_for(field).prop_map(XCell::Text), 2 => xcell()].boxed(),
    }
}

fn workbook_spec() -> impl Strategy<Value = WorkbookSpec> {
    headers()
        .prop_flat_map(|headers| {
            let rows = rows_for(&headers, xcell_for);
            (
                prop::sample::select(vec!["Registre", "Feuil1", "Réclamations 2026", "Données"]),
                any::<bool>(),
                Just(headers),
                rows,
                (0..3u32, 0..3u16),
            )
        })
        .prop_map(|(sheet, extra_sheet, headers, rows, offset)| WorkbookSpec {
            sheet: sheet.to_owned(),
            extra_sheet,
            headers,
            rows,
            offset,
        })
}

fn workbook(spec: &WorkbookSpec) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    if spec.extra_sheet {
        let other = book.add_worksheet();
        other.set_name("Notes").unwrap();
        other.write_string(0, 0, "Pas le registre").unwrap();
    }
    let sheet = book.add_worksheet();
    sheet.set_name(&spec.sheet).unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let (r0, c0) = spec.offset;
    for (c, h) in spec.headers.iter().enumerate() {
        // Excel limits a cell to 32 767 characters: the generator stays far below.
        sheet.write_string(r0, c0 + c as u16, h).unwrap();
    }
    for (r, row) in spec.rows.iter().enumerate() {
        let r = r0 + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c0 + c as u16;
            match cell {
                XCell::Blank => {}
                XCell::Text(t) => {
                    sheet.write_string(r, c, t).unwrap();
                }
                XCell::Number(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                XCell::Date(y, m, d, formatted) => {
                    let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    if *formatted {
                        sheet
                            .write_datetime_with_format(r, c, &date, &date_format)
                            .unwrap();
                    } else {
                        sheet.write_datetime(r, c, &date).unwrap();
                    }
                }
                XCell::Bool(b) => {
                    sheet.write_boolean(r, c, *b).unwrap();
                }
                XCell::Formula(f) => {
                    sheet.write_formula(r, c, f.as_str()).unwrap();
                }
                XCell::Url => {
                    sheet.write_url(r, c, "https://www.exemple.fr/").unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn fuzz_import_xlsx_dry_run() {
    let reg = register(true);
    let outcomes = RefCell::new(Outcomes::default());
    fuzz(
        "import: random XLSX, dry run",
        db_cases(),
        (workbook_spec(), mapping()),
        |(spec, mapping)| {
            dry_run(
                &reg,
                &workbook(&spec),
                "registre.xlsx",
                mapping.as_ref(),
                &outcomes,
            )
        },
    );
    outcomes.borrow().print("import: random XLSX, dry run");
}

// ---------------------------------------------------------------------------------------------
// Typed inputs: amounts and complaints as the UI and the CLI send them.

#[test]
fn fuzz_typed_inputs() {
    use reclam::complaint::{parse_new_complaint, Money, MONEY_MAX};
    let n = parser_cases();
    fuzz(
        "Money::from_str",
        n,
        prop_oneof![
            any::<String>(),
            "[-+ ]{0,2}[0-9 \u{a0}\u{202f}]{0,12}([.,][0-9]{0,5})?[ €]{0,2}",
            "[0-9eE_.,+-]{0,12}",
        ],
        |text| {
            match text.parse::<Money>() {
                Ok(m) => {
                    let a = m.amount();
                    prop_assert!(!a.is_sign_negative() || a.is_zero(), "{text:?} → {a}");
                    prop_assert!(a <= MONEY_MAX, "{text:?} → {a}");
                    prop_assert_eq!(a.scale(), 2, "{:?} → {}", text, a);
                    prop_assert_eq!(m.to_string().parse::<Money>().ok(), Some(m));
                }
                Err(e) => french("amount", &e.to_string())?,
            }
            Ok(())
        },
    );
    // Each field given a value of another type (or a syntax error in its place).
    let keys: &[&[&str]] = &[
        &["client"],
        &["client", "name"],
        &["client", "email"],
        &["client", "kind"],
        &["channel"],
        &["sentOn"],
        &["receivedOn"],
        &["subject"],
        &["description"],
        &["contract"],
        &["contract", "number"],
        &["otherParties"],
    ];
    let retyped = prop::sample::select(vec![
        "1",
        "-1",
        "1.5",
        "1e400",
        "true",
        "null",
        "[]",
        "[1]",
        r#"["a","b","c"]"#,
        "{}",
        r#"{"a":1}"#,
        r#""x""#,
        r#""2026-02-30""#,
        r#""""#,
        r#""\u0000""#,
        "nul",
        "[",
        r#""\x""#,
        "18446744073709551616",
    ]);
    fuzz(
        "parse_new_complaint: retyped fields",
        n,
        prop::collection::vec((prop::sample::select(keys.to_vec()), retyped), 1..4),
        |changes| {
            let mut v: serde_json::Value = serde_json::from_str(VALID).unwrap();
            let mut raw = Vec::new();
            for (path, value) in &changes {
                let mut at = &mut v;
                for k in &path[..path.len() - 1] {
                    if !at[*k].is_object() {
                        at[*k] = serde_json::json!({});
                    }
                    at = &mut at[*k];
                }
                // A placeholder replaced below by the raw (possibly invalid) text.
                let mark = format!("@@{}@@", raw.len());
                at[path[path.len() - 1]] = serde_json::Value::String(mark);
                raw.push(*value);
            }
            let mut text = v.to_string();
            for (i, value) in raw.iter().enumerate() {
                text = text.replace(&format!("\"@@{i}@@\""), value);
            }
            match parse_new_complaint(&text) {
                Ok(c) => {
                    if let Err(e) = c.validate(d(TODAY)) {
                        french("complaint", &e.to_string())?;
                    }
                }
                Err(e) => {
                    prop_assert!(!e.field.is_empty(), "{text:?}");
                    french("complaint JSON", &e.message)?;
                }
            }
            Ok(())
        },
    );
    const VALID: &str = r#"{"client":{"name":"Mme Dupont","email":"dupont@exemple.fr"},"channel":"email","sentOn":"2026-06-01","receivedOn":"2026-06-02","subject":"claimSettlement","description":"Retard","contract":{"number":"MRH-1"},"otherParties":["Expert"]}"#;
    let edit = (
        any::<prop::sample::Index>(),
        0..4usize,
        "[{}\\[\\]\",:0-9a-zA-Z\\\\ .\u{0}\u{1b}é-]{0,4}",
    );
    fuzz(
        "parse_new_complaint: edited JSON",
        n,
        prop::collection::vec(edit, 1..6),
        |edits| {
            let mut text = VALID.to_owned();
            for (at, cut, insert) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(text.len());
                while !text.is_char_boundary(j) {
                    j += 1;
                }
                text.replace_range(i..j, &insert);
            }
            match parse_new_complaint(&text) {
                Ok(c) => {
                    if let Err(e) = c.validate(d(TODAY)) {
                        prop_assert!(e.all().iter().all(|f| !f.field.is_empty()));
                        french("complaint", &e.to_string())?;
                    }
                }
                Err(e) => {
                    prop_assert!(!e.field.is_empty(), "{text:?}");
                    french("complaint JSON", &e.message)?;
                }
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions found by the fuzzer.

/// A zip of stored (uncompressed) entries: enough for a hand-made XLSX.
fn stored_zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, text) in entries {
        let mut crc = flate2::Crc::new();
        crc.update(text.as_bytes());
        let (len, offset) = (text.len() as u32, out.len() as u32);
        let common = |v: &mut Vec<u8>| {
            v.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time, date
            v.extend(crc.sum().to_le_bytes());
            v.extend(len.to_le_bytes());
            v.extend(len.to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend([0, 0]); // extra field length
        };
        out.extend(b"PK\x03\x04");
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(text.as_bytes());
        central.extend(b"PK\x01\x02");
        central.extend([20, 0]); // made by
        common(&mut central);
        central.extend([0; 6]); // comment length, disk, internal attributes
        central.extend([0; 4]); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(b"PK\x05\x06\0\0\0\0");
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0, 0]);
    out
}

/// An XLSX whose sheet holds these `<row>` elements.
fn xlsx_with_rows(rows: &str) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    stored_zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registre" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Client</t></is></c><c r="B1" t="inlineStr"><is><t>Date de réception</t></is></c></row>"#;

#[test]
fn regression_hand_made_xlsx_is_read() {
    // The writer above makes a workbook calamine reads: the regressions below are real.
    let ok = xlsx_with_rows(&format!(
        r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>M. Petit</t></is></c><c r="B2"><v>46175</v></c></row>"#
    ));
    let t = source::read(&ok, "registre.xlsx").unwrap();
    assert_eq!(t.headers, ["Client", "Date de réception"]);
    assert_eq!(t.rows.len(), 1);
}

/// Found by "source::read: damaged XLSX": a cell reference whose column letters or row
/// digits overflow calamine's u32 arithmetic panicked (overflow checks) inside the import.
/// It is now refused as a damaged workbook (or, without overflow checks, read as whatever
/// calamine wraps it to), never a panic.
#[test]
fn regression_overflowing_cell_references() {
    for cell in [
        r#"<c r="ZZZZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c>"#,
        r#"<c r="A99999999999" t="inlineStr"><is><t>x</t></is></c>"#,
        r#"<c r="A0" t="inlineStr"><is><t>x</t></is></c>"#,
    ] {
        let bytes = xlsx_with_rows(&format!("{HEADER_ROW}<row>{cell}</row>"));
        match source::read(&bytes, "registre.xlsx") {
            Ok(t) => assert!(t.headers.len() <= MAX_COLUMNS),
            Err(e) => check_file_error(&e).unwrap(),
        }
        let reg = register(false);
        let _ = import(
            &mut reg.store.borrow_mut(),
            &bytes,
            "registre.xlsx",
            &reclam::import::ImportOptions::default(),
            Policy::SkipRefused,
            true,
            "Fuzz",
        );
    }
}
