//! `import`: an existing register (XLSX, XLS, ODS or CSV), previewed row by row or imported.

use crate::io::{print_json, read_input, truncate};
use reclam::api::Fields;
use reclam::complaint::ValidationError;
use reclam::import::{ImportOptions, ImportReport, MappingInput, Policy, RowStatus};
use reclam::{Error, Register};
use std::collections::HashMap;
use std::path::PathBuf;

/// The `import` command's arguments.
pub struct ImportArgs {
    pub file: PathBuf,
    pub mapping: Option<PathBuf>,
    pub sheet: Option<String>,
    pub header_row: Option<u32>,
    pub default_outcome: Option<String>,
    /// "LINE=decision".
    pub decisions: Vec<String>,
    pub dry_run: bool,
    pub all_or_nothing: bool,
    pub json: bool,
}

pub fn run(reg: &mut Register, a: ImportArgs) -> Result<(), Error> {
    let mapping = match &a.mapping {
        None => None,
        Some(path) => {
            let text = read_input("mapping", path.to_str())?;
            Some(serde_json::from_str::<MappingInput>(&text).map_err(|e| mapping_error(&e))?)
        }
    };
    let policy = if a.all_or_nothing {
        Policy::AllOrNothing
    } else {
        Policy::SkipRefused
    };
    let mut f = Fields::default();
    let default_outcome = f.optional_vocab("defaultOutcome", a.default_outcome.as_deref());
    let mut decisions = HashMap::new();
    for d in &a.decisions {
        match d.split_once('=').map(|(l, o)| (l.trim().parse::<u32>(), o)) {
            Some((Ok(line), o)) => {
                if let Some(o) = f.vocab(&format!("decision[{line}]"), o.trim()) {
                    decisions.insert(line, o);
                }
            }
            _ => {
                f.check::<()>(Err(ValidationError::new(
                    "decision",
                    format!("« {d} » : attendu LIGNE=décision, par exemple 9=rejected"),
                )));
            }
        }
    }
    let Some(default_outcome) = default_outcome else {
        return Err(f.into_error());
    };
    if let Some(e) = f.error_if_any() {
        return Err(e);
    }
    let opts = ImportOptions {
        mapping,
        sheet: a.sheet.clone(),
        header_line: a.header_row,
        default_outcome,
        decisions,
    };
    let report = reg.import_file(&a.file, &opts, policy, a.dry_run)?;
    if a.json {
        print_json(&report)?;
    } else {
        print_import(&report);
    }
    match report.mapping_error {
        Some(m) => Err(ValidationError::new("mapping", m).into()),
        None => Ok(()),
    }
}

/// A mapping file that cannot be read, explained in French with the fields it may name.
fn mapping_error(e: &serde_json::Error) -> ValidationError {
    let why = match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            reclam::complaint::input::french_serde_error(".", e).message
        }
        _ => format!(
            "un champ n'est pas reconnu (champs possibles : {})",
            reclam::import::FIELDS
                .iter()
                .map(|f| f.field.id())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    ValidationError::new(
        "mapping",
        format!(
            "correspondance illisible : {why} (attendu un objet {{\"titre de colonne\": \"champ\"}})"
        ),
    )
}

fn print_import(r: &ImportReport) {
    let src = &r.source;
    println!(
        "{} : {}{}{}{}",
        r.file_name,
        src.format.to_uppercase(),
        src.sheet
            .as_ref()
            .map(|s| format!(", feuille « {s} »"))
            .unwrap_or_default(),
        src.encoding
            .as_ref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default(),
        src.delimiter
            .as_ref()
            .map(|d| format!(", séparateur « {d} »"))
            .unwrap_or_default(),
    );
    if src.sheets.len() > 1 {
        let all: Vec<String> = src
            .sheets
            .iter()
            .map(|s| format!("« {} » ({} lignes)", s.name, s.rows))
            .collect();
        println!(
            "Feuilles : {} (--sheet pour en choisir une)",
            all.join(", ")
        );
    }
    println!(
        "Ligne de titres : {} (--header-row pour en choisir une autre)",
        src.header_line
    );
    for n in &src.notes {
        println!("Note : {n}");
    }
    println!("Colonnes :");
    for (h, f) in r.headers.iter().zip(&r.mapping) {
        println!(
            "  {h:<32} → {}",
            f.map(|f| f.label()).unwrap_or("(non importée)")
        );
    }
    if r.mapping_error.is_some() {
        return;
    }
    println!();
    for row in &r.rows {
        let what = match row.status {
            RowStatus::Accepted if r.dry_run => "sera importée",
            RowStatus::Accepted => "importée",
            RowStatus::Refused => "REFUSÉE",
            RowStatus::Duplicate => "déjà présente",
            RowStatus::Ignored => "ignorée",
        };
        println!(
            "ligne {:>5}  {:<14} {:<14} {:<28} {}",
            row.line,
            what,
            row.original_reference.as_deref().unwrap_or("—"),
            truncate(row.client.as_deref().unwrap_or("—"), 28),
            row.reference.as_deref().unwrap_or("")
        );
        for p in &row.problems {
            println!("             ✗ {}", p.message);
        }
        if row.needs_decision {
            println!(
                "             → choisissez : --decision {}=upheld|partial|rejected (ou \
                 --default-outcome)",
                row.line
            );
        }
        for p in &row.warnings {
            println!("             ! {}", p.message);
        }
    }
    println!(
        "\n{} ligne(s) : {} {}, {} refusée(s), {} déjà présente(s), {} ignorée(s){}",
        r.total,
        r.accepted,
        if r.dry_run {
            "à importer"
        } else {
            "importée(s)"
        },
        r.refused,
        r.duplicates,
        r.ignored,
        if r.dry_run {
            " — simulation : rien n'a été enregistré"
        } else {
            ""
        }
    );
}
