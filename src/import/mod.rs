//! Import of an existing register (XLSX, XLS, ODS or CSV): the file's columns are mapped to
//! the register's fields (guessed from the headers, French or English, or given by the
//! user), every row goes through the same rules as a complaint typed in the app, and the
//! accepted rows are recorded in one transaction with their original reference.
//!
//! The preview is the import itself, run in a transaction that is rolled back: what it
//! announces is exactly what the import will do. A row already imported (same original
//! reference, or without one the same client, date and description) is skipped, so that a
//! file imported twice is not duplicated.

mod cells;
pub mod mapping;
pub mod source;

use crate::complaint::lifecycle;
use crate::error::{Error, Result};
use crate::store::{journal, Store, Writer};
use mapping::{ImportField, Planned, Problem};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use source::Table;
use std::collections::{HashMap, HashSet};

pub use mapping::{guess, FIELDS};

/// How many rows of the file the preview shows cell by cell.
pub const SAMPLE_ROWS: usize = 20;

/// A field offered by the mapping screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub field: ImportField,
    pub label: String,
    pub required: bool,
}

/// What happens to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum RowStatus {
    /// Recorded (or, in a preview, would be).
    Accepted,
    /// Refused: see its problems.
    Refused,
    /// Already in the register from an earlier import, or twice in the file.
    Duplicate,
    /// Not a complaint: a total or footer line under the table.
    Ignored,
}

/// One row's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RowOutcome {
    /// Its line in the file (1-based, the header being line 1 when it is the first).
    pub line: u32,
    pub status: RowStatus,
    pub original_reference: Option<String>,
    pub client: Option<String>,
    /// The reference the register gave (or, in a preview, would give).
    pub reference: Option<String>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Refused only because its decision cannot be read: the user chooses it.
    pub needs_decision: bool,
}

/// The result of a preview or an import.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub file_name: String,
    pub source: source::SourceInfo,
    pub headers: Vec<String>,
    /// The field of each column (`null`: not imported).
    pub mapping: Vec<Option<ImportField>>,
    /// The first rows of the file, as text, to check the mapping against.
    pub sample: Vec<Vec<String>>,
    pub fields: Vec<FieldInfo>,
    pub dry_run: bool,
    /// Why the mapping cannot be used (a required field without a column, a field on two
    /// columns): nothing was run, fix the mapping and try again.
    pub mapping_error: Option<String>,
    pub total: u32,
    pub accepted: u32,
    pub refused: u32,
    pub duplicates: u32,
    /// Total and footer lines under the table, not imported.
    pub ignored: u32,
    pub rows: Vec<RowOutcome>,
}

/// A mapping given by the user: for each column, a field or nothing; or, in a mapping file,
/// an object from header names to field identifiers (`{"Date": "receivedOn"}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum MappingInput {
    Columns(Vec<Option<ImportField>>),
    ByHeader(HashMap<String, Option<ImportField>>),
}

/// What the user chose for one import: the mapping, the sheet, the header row, and the
/// decisions of the rows whose text gives none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    pub mapping: Option<MappingInput>,
    pub sheet: Option<String>,
    /// The header row's line (1-based); `None`: found by the reading.
    pub header_line: Option<u32>,
    /// The decision of every row whose text gives none.
    pub default_outcome: Option<crate::complaint::Outcome>,
    /// The decision chosen row by row (its line in the file), over the default.
    pub decisions: HashMap<u32, crate::complaint::Outcome>,
}

/// Whether refused rows stop the whole import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Import the accepted rows and report the refused ones.
    #[default]
    SkipRefused,
    /// Import nothing if a single row is refused.
    AllOrNothing,
}

/// Resolve the mapping to one optional field per column, checking it.
pub fn resolve(
    headers: &[String],
    input: Option<&MappingInput>,
) -> Result<Vec<Option<ImportField>>> {
    let bad = |m: String| Error::Validation(crate::complaint::ValidationError::new("mapping", m));
    let mapping = match input {
        None => mapping::guess(headers),
        Some(MappingInput::Columns(c)) => {
            if c.len() != headers.len() {
                return Err(bad(format!(
                    "la correspondance a {} colonnes, le fichier en a {}",
                    c.len(),
                    headers.len()
                )));
            }
            c.clone()
        }
        Some(MappingInput::ByHeader(by)) => {
            let norm: Vec<String> = headers.iter().map(|h| mapping::normalise(h)).collect();
            let mut out = vec![None; headers.len()];
            for (h, f) in by {
                let i = norm
                    .iter()
                    .position(|n| *n == mapping::normalise(h))
                    .ok_or_else(|| {
                        bad(format!(
                            "la colonne « {h} » n'existe pas dans le fichier (colonnes : {})",
                            headers.join(", ")
                        ))
                    })?;
                out[i] = *f;
            }
            out
        }
    };
    let mut seen = HashSet::new();
    for f in mapping.iter().flatten() {
        if !seen.insert(*f) {
            return Err(bad(format!(
                "le champ « {} » est associé à plusieurs colonnes",
                f.label()
            )));
        }
    }
    for spec in FIELDS.iter().filter(|s| s.required) {
        if !seen.contains(&spec.field) {
            return Err(bad(format!(
                "aucune colonne n'est associée au champ obligatoire « {} »",
                spec.label
            )));
        }
    }
    Ok(mapping)
}

/// A total or footer line under the table ("Total | 4", "Nombre de réclamations : 4"): no date
/// of reception, a cell that is exactly such a word, and only numbers besides it. A client
/// named "Total Assurances" is a complaint (refused if it lacks a date, never ignored).
fn footer(cells: &[source::Cell], mapping: &[Option<ImportField>]) -> bool {
    let received = mapping
        .iter()
        .position(|m| *m == Some(ImportField::ReceivedOn))
        .and_then(|i| cells.get(i))
        .is_some_and(|c| !c.is_empty());
    if received {
        return false;
    }
    let filled: Vec<&source::Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
    let word = |c: &source::Cell| {
        let t = mapping::normalise(&c.display());
        [
            "total",
            "totaux",
            "sous total",
            "total general",
            "nombre",
            "nb",
            "somme",
            "moyenne",
        ]
        .contains(&t.as_str())
            || t.starts_with("nombre de ")
            || t.starts_with("total des ")
    };
    let number = |c: &source::Cell| match c {
        source::Cell::Number(_) => true,
        source::Cell::Text(t) => {
            let t = t.trim().trim_start_matches(':').trim();
            !t.is_empty()
                && t.chars()
                    .all(|ch| ch.is_ascii_digit() || " ,.".contains(ch))
        }
        _ => false,
    };
    let words = filled.iter().filter(|c| word(c)).count();
    words == 1 && filled.len() <= 3 && filled.iter().all(|c| word(c) || number(c))
}

/// The key that recognises a row already imported.
fn source_key(p: &Planned) -> String {
    match &p.original_reference {
        Some(r) => format!("ref:{}", r.trim().to_uppercase()),
        None => {
            let c = &p.complaint;
            let identity = json!([
                mapping::normalise(&c.client.name),
                c.received_on,
                mapping::normalise(&c.description),
                c.contract.number
            ]);
            format!(
                "row:{}",
                journal::sha256_hex(journal::canonical_json(&identity).as_bytes())
            )
        }
    }
}

/// The import field a register rule's refusal concerns: the complaint's own fields by their
/// JSON name, a step's date and text by the step (`on` of the answer is "Réponse le").
fn import_field(step: Step, field: &str) -> Option<ImportField> {
    use ImportField as F;
    let list = |name: &str| field == name || field.starts_with(&format!("{name}["));
    Some(match (step, field) {
        (Step::Record, "receivedOn") => F::ReceivedOn,
        (Step::Record, "sentOn") => F::SentOn,
        (Step::Record, "client.name") => F::ClientName,
        (Step::Record, "client.address") => F::ClientAddress,
        (Step::Record, "client.email") => F::ClientEmail,
        (Step::Record, "client.phone") => F::ClientPhone,
        (Step::Record, "client.number") => F::ClientNumber,
        (Step::Record, "description") => F::Description,
        (Step::Record, "contract.number") => F::Contract,
        (Step::Record, "contract.product") => F::Product,
        (Step::Record, "contract.insurer") => F::Insurer,
        (Step::Record, "receivedBy") => F::ReceivedBy,
        (Step::Record, "handler") => F::Handler,
        (Step::Record, _) if list("otherParties") => F::OtherParties,
        (Step::Record, _) if list("personsConcerned") => F::PersonsConcerned,
        (Step::Acknowledge, "on") => F::AcknowledgedOn,
        (Step::Answer, "on") => F::AnsweredOn,
        (Step::Answer, "summary") => F::AnswerSummary,
        (Step::Dysfunction, "on" | "description") => F::Dysfunctions,
        (Step::Close, "on") => F::ClosedOn,
        _ => return None,
    })
}

/// The steps a row goes through, to name the column a refusal comes from.
#[derive(Debug, Clone, Copy)]
enum Step {
    Record,
    Acknowledge,
    Answer,
    Dysfunction,
    Close,
}

/// A refusal of a register rule on a row, named as the import's field (with its label, as
/// the row's own problems are) so that the user knows which column to fix.
fn at_step(step: Step) -> impl Fn(Error) -> Error {
    let name = move |v: crate::complaint::ValidationError| match import_field(step, &v.field) {
        Some(f) => {
            crate::complaint::ValidationError::new(f.id(), format!("{} : {}", f.label(), v.message))
        }
        None => v,
    };
    move |e| match e {
        Error::Validation(v) => Error::Validation(name(v)),
        Error::Fields(all) => {
            match crate::error::ValidationErrors::new(all.all().iter().cloned().map(name).collect())
            {
                Some(named) => Error::Fields(named),
                None => Error::Fields(all),
            }
        }
        other => other,
    }
}

fn problems_of(e: Error) -> Result<Vec<Problem>> {
    match e {
        Error::Validation(v) => Ok(vec![Problem {
            message: v.message,
            field: v.field,
        }]),
        // Every refused field of the row at once.
        Error::Fields(all) => Ok(all
            .all()
            .iter()
            .map(|v| Problem {
                message: v.message.clone(),
                field: v.field.clone(),
            })
            .collect()),
        Error::Transition(t) => Ok(vec![Problem {
            field: "status".to_owned(),
            message: t.to_string(),
        }]),
        // Anything else (disk, database) stops the import: nothing is kept.
        other => Err(other),
    }
}

/// Record one planned row inside the caller's transaction (a savepoint of it).
fn record_row(
    tx: &Connection,
    w: &Writer,
    p: &Planned,
    actor: &str,
) -> Result<crate::complaint::Complaint> {
    let today = w.today();
    let valid = p
        .complaint
        .validate(today)
        .map_err(|e| at_step(Step::Record)(e.into()))?;
    let c = w.record(tx, &valid, actor)?;
    let r = c.reference.clone();
    let mut last = c;
    if let Some(on) = p.acknowledged_on {
        last = w
            .apply(tx, &r, actor, |_, _, c, t| {
                Ok(lifecycle::acknowledge(c, on, t)?)
            })
            .map_err(at_step(Step::Acknowledge))?;
    }
    if let Some((on, outcome, summary, gesture)) = &p.answer {
        last = w
            .apply(tx, &r, actor, |_, _, c, t| {
                let money = lifecycle::AnswerMoney::gesture(*gesture);
                Ok(lifecycle::answer(c, *on, *outcome, summary, &money, t)?)
            })
            .map_err(at_step(Step::Answer))?;
    }
    for (category, text) in &p.dysfunctions {
        let on = p
            .answer
            .as_ref()
            .map(|a| a.0)
            .unwrap_or(p.complaint.received_on);
        last = w
            .apply(tx, &r, actor, |tx, id, c, t| {
                let dys_id = crate::store::complaints::next_dysfunction_id(tx)?;
                let change = lifecycle::add_dysfunction(c, dys_id, *category, text, on, t)?;
                crate::store::complaints::insert_dysfunction(
                    tx,
                    id,
                    c.dysfunctions.last().expect("just pushed"),
                )?;
                Ok(change)
            })
            .map_err(at_step(Step::Dysfunction))?;
    }
    if let Some((on, feedback)) = p.closure {
        last = w
            .apply(tx, &r, actor, |_, _, c, t| {
                Ok(lifecycle::close(c, on, feedback, None, None, t)?)
            })
            .map_err(at_step(Step::Close))?;
    }
    Ok(last)
}

const DATE_FIELDS: &[ImportField] = &[
    ImportField::ReceivedOn,
    ImportField::SentOn,
    ImportField::AcknowledgedOn,
    ImportField::AnsweredOn,
    ImportField::ClosedOn,
];

/// Text dates written month first (a spreadsheet in English) are turned day first, column by
/// column, and the preview says so; ambiguous columns (every number ≤ 12) stay day first.
fn fix_month_first_dates(table: &mut Table, mapping: &[Option<ImportField>]) {
    for (col, field) in mapping.iter().enumerate() {
        let Some(field) = field.filter(|f| DATE_FIELDS.contains(f)) else {
            continue;
        };
        let texts = table
            .rows
            .iter()
            .filter_map(|(_, cells)| match cells.get(col) {
                Some(source::Cell::Text(t)) => Some(t.as_str()),
                _ => None,
            });
        if !mapping::month_first(texts) {
            continue;
        }
        for (_, cells) in table.rows.iter_mut() {
            if let Some(source::Cell::Text(t)) = cells.get_mut(col) {
                *t = mapping::swap_day_month(t);
            }
        }
        table.info.notes.push(format!(
            "colonne « {} » ({}) : dates écrites mois/jour/année, lues comme telles",
            table.headers[col],
            field.label()
        ));
    }
}

/// Preview (`dry_run`) or import a register file.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    opts: &ImportOptions,
    policy: Policy,
    dry_run: bool,
    actor: &str,
) -> Result<ImportReport> {
    import_with(
        store,
        bytes,
        file_name,
        opts,
        policy,
        dry_run,
        actor,
        &crate::progress::Silent,
    )
}

/// [`import`], telling `progress` the rows gone through; a cancellation stops it inside its
/// transaction (nothing imported).
#[allow(clippy::too_many_arguments)]
pub fn import_with(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    opts: &ImportOptions,
    policy: Policy,
    dry_run: bool,
    actor: &str,
    progress: &dyn crate::progress::Progress,
) -> Result<ImportReport> {
    let mapping = opts.mapping.as_ref();
    let mut table = source::read_with(
        bytes,
        file_name,
        &source::ReadOptions {
            sheet: opts.sheet.clone(),
            header_line: opts.header_line,
        },
    )?;
    if table.rows.is_empty() {
        // Nothing to import: say so rather than journal an import of nothing.
        return Err(crate::complaint::ValidationError::new(
            "file",
            "le fichier ne contient aucune ligne sous la ligne de titres : aucune réclamation \
             à importer",
        )
        .into());
    }
    let mapping = match resolve(&table.headers, mapping) {
        Ok(m) => m,
        // The user fixes the mapping on the report's headers and sample: send them.
        Err(Error::Validation(v)) if v.field == "mapping" => {
            let columns = match mapping {
                Some(MappingInput::Columns(c)) if c.len() == table.headers.len() => c.clone(),
                _ => mapping::guess(&table.headers),
            };
            let mut report = report(&table, &columns, file_name, dry_run);
            report.mapping_error = Some(v.message);
            return Ok(report);
        }
        Err(e) => return Err(e),
    };
    fix_month_first_dates(&mut table, &mapping);
    let actor = crate::store::actor_name(actor)?;
    let file_sha = journal::sha256_hex(bytes);
    let run = |tx: &Connection, w: &Writer| -> Result<ImportReport> {
        run_rows(
            tx, w, &table, &mapping, opts, file_name, &file_sha, &actor, dry_run, progress,
        )
    };
    let report = if dry_run {
        store.dry_run(run)?
    } else {
        store.write(|tx, w| {
            let report = run(tx, w)?;
            if policy == Policy::AllOrNothing && report.refused > 0 {
                return Err(crate::complaint::ValidationError::new(
                    "file",
                    format!(
                        "{} ligne(s) refusée(s) : rien n'a été importé (corrigez le fichier \
                         ou importez sans l'option « tout ou rien »)",
                        report.refused
                    ),
                )
                .into());
            }
            Ok(report)
        })?
    };
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
fn run_rows(
    tx: &Connection,
    w: &Writer,
    table: &Table,
    mapping: &[Option<ImportField>],
    opts: &ImportOptions,
    file_name: &str,
    file_sha: &str,
    actor: &str,
    dry_run: bool,
    progress: &dyn crate::progress::Progress,
) -> Result<ImportReport> {
    let now = w.now();
    // The import's own row is written last, with its counts; the write transaction is
    // IMMEDIATE, so no other writer can take this id meanwhile.
    let import_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM imports", [], |r| {
        r.get(0)
    })?;
    let mut rows = Vec::with_capacity(table.rows.len());
    let mut keys_in_file = HashSet::new();
    let (mut accepted, mut refused, mut duplicates, mut ignored) = (0u32, 0u32, 0u32, 0u32);
    let total = table.rows.len() as u64;
    for (done, (line, cells)) in table.rows.iter().enumerate() {
        let done = done as u64;
        if done > 0 && crate::progress::worth_reporting(done, total) {
            progress.step(done, total);
        }
        if progress.cancelled() {
            return Err(crate::complaint::ValidationError::new(
                "cancelled",
                "import annulé : rien n'a été importé",
            )
            .into());
        }
        let line = *line as u32;
        let client = mapping
            .iter()
            .position(|m| *m == Some(ImportField::ClientName))
            .and_then(|i| cells.get(i))
            .map(|c| c.display().trim().to_owned())
            .filter(|s| !s.is_empty());
        let original_reference = mapping
            .iter()
            .position(|m| *m == Some(ImportField::Reference))
            .and_then(|i| cells.get(i))
            .map(|c| c.display().trim().to_owned())
            .filter(|s| !s.is_empty());
        let mut outcome = RowOutcome {
            line,
            status: RowStatus::Refused,
            original_reference,
            client,
            reference: None,
            problems: Vec::new(),
            warnings: Vec::new(),
            needs_decision: false,
        };
        if footer(cells, mapping) {
            outcome.status = RowStatus::Ignored;
            outcome.warnings.push(Problem {
                field: "row".to_owned(),
                message: "ligne de total ou de pied de tableau, ignorée".to_owned(),
            });
            ignored += 1;
            rows.push(outcome);
            continue;
        }
        let decision = opts.decisions.get(&line).copied().or(opts.default_outcome);
        let planned = match mapping::plan(cells, mapping, decision) {
            Ok(p) => p,
            Err(problems) => {
                outcome.needs_decision =
                    problems.iter().any(|p| p.field == mapping::DECISION_NEEDED);
                outcome.problems = problems;
                refused += 1;
                rows.push(outcome);
                continue;
            }
        };
        outcome.original_reference = planned.original_reference.clone();
        outcome.warnings = planned.warnings.clone();
        let key = source_key(&planned);
        let earlier: Option<String> = tx
            .query_row(
                "SELECT c.reference FROM imported_rows i JOIN complaints c ON c.id = i.complaint_id
                 WHERE i.source_key = ?1",
                [&key],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(reference) = earlier {
            outcome.status = RowStatus::Duplicate;
            outcome.reference = Some(reference);
            duplicates += 1;
            rows.push(outcome);
            continue;
        }
        if !keys_in_file.insert(key.clone()) {
            outcome.status = RowStatus::Duplicate;
            outcome.warnings.push(Problem {
                field: "reference".to_owned(),
                message: "ligne en double dans le fichier : seule la première est importée"
                    .to_owned(),
            });
            duplicates += 1;
            rows.push(outcome);
            continue;
        }
        // Each row in its own savepoint: a row refused half-way leaves nothing behind.
        tx.execute_batch("SAVEPOINT import_row")?;
        let sp = tx;
        let recorded = record_row(sp, w, &planned, actor).and_then(|c| {
            let id: i64 = sp.query_row(
                "SELECT id FROM complaints WHERE reference = ?1",
                [c.reference.as_str()],
                |r| r.get(0),
            )?;
            sp.execute(
                "INSERT INTO imported_rows (complaint_id, import_id, line, source_key,
                    original_reference) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, import_id, line, key, planned.original_reference],
            )?;
            journal::append(
                sp,
                Some((id, c.reference.as_str())),
                now,
                actor,
                "imported",
                json!({ "file": file_name, "sha256": file_sha, "line": line,
                        "originalReference": planned.original_reference }),
                Some(journal::complaint_state_hash(&c)),
            )?;
            Ok(c)
        });
        match recorded {
            Ok(c) => {
                tx.execute_batch("RELEASE import_row")?;
                if c.ack_missed() {
                    outcome.warnings.push(Problem {
                        field: ImportField::AcknowledgedOn.id(),
                        message: format!(
                            "Accusé de réception : absent du fichier ; la réponse est \
                             enregistrée sans lui et l'accusé est marqué manqué (il était dû \
                             le {})",
                            c.deadlines.ack_due.format("%d/%m/%Y")
                        ),
                    });
                }
                outcome.status = RowStatus::Accepted;
                outcome.reference = Some(c.reference.to_string());
                accepted += 1;
            }
            Err(e) => {
                tx.execute_batch("ROLLBACK TO import_row; RELEASE import_row")?;
                outcome.problems = problems_of(e)?;
                refused += 1;
            }
        }
        rows.push(outcome);
    }
    progress.step(total, total);
    tx.execute(
        "INSERT INTO imports (id, at, actor, file_name, file_sha256, imported, refused,
            duplicates) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            import_id,
            journal::format_instant(now),
            actor,
            file_name,
            file_sha,
            accepted,
            refused,
            duplicates
        ],
    )?;
    journal::append(
        tx,
        None,
        now,
        actor,
        "registerImported",
        json!({ "file": file_name, "sha256": file_sha, "importId": import_id,
                "imported": accepted, "refused": refused, "duplicates": duplicates,
                "ignored": ignored }),
        None,
    )?;
    let mut out = report(table, mapping, file_name, dry_run);
    out.accepted = accepted;
    out.refused = refused;
    out.duplicates = duplicates;
    out.ignored = ignored;
    out.rows = rows;
    Ok(out)
}

/// A report on the file, before any row is run.
fn report(
    table: &Table,
    mapping: &[Option<ImportField>],
    file_name: &str,
    dry_run: bool,
) -> ImportReport {
    ImportReport {
        file_name: file_name.to_owned(),
        source: table.info.clone(),
        headers: table.headers.clone(),
        mapping: mapping.to_vec(),
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, cells)| {
                (0..table.headers.len())
                    .map(|i| cells.get(i).map(|c| c.display()).unwrap_or_default())
                    .collect()
            })
            .collect(),
        fields: FIELDS
            .iter()
            .map(|f| FieldInfo {
                field: f.field,
                label: f.label.to_owned(),
                required: f.required,
            })
            .collect(),
        dry_run,
        mapping_error: None,
        total: table.rows.len() as u32,
        accepted: 0,
        refused: 0,
        duplicates: 0,
        ignored: 0,
        rows: Vec::new(),
    }
}
