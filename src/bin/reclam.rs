//! `reclam`: the command-line interface over the same core as the desktop app.
//!
//! JSON output uses camelCase keys and ISO dates; errors go to stderr in French with a
//! non-zero exit code (1 for a refused operation, 2 for a usage error).

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use reclam::calendar::{self, Region};
use reclam::clock::{Clock, FixedClock, SystemClock};
use reclam::complaint::{
    parse_new_complaint, ComplaintRef, DysfunctionCategory, Feedback, Money, Outcome, Status,
    Subject, ValidationError,
};
use reclam::extract::ExtractQuery;
use reclam::letters::HoldingInfo;
use reclam::store::file::NewUser;
use reclam::store::letters::LetterRequest;
use reclam::store::register::{RegisterQuery, RegisterSort};
use reclam::store::{self, NewRequest};
use reclam::{Error, Store};
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "reclam",
    version,
    about = "Registre des réclamations (cabinets de courtage)"
)]
struct Cli {
    /// Database file (default: the desktop app's register).
    #[arg(long, global = true, env = "RECLAM_DB")]
    db: Option<PathBuf>,
    /// Who is acting (recorded in the journal).
    #[arg(long, global = true, env = "RECLAM_USER")]
    by: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create or migrate the database.
    Init,
    /// Compute the deadlines of start dates (arguments, or one per line on stdin).
    Deadlines {
        dates: Vec<String>,
        #[arg(long, default_value = "metropole")]
        region: String,
    },
    /// Record a complaint from JSON (a file, or - / nothing for stdin).
    Add {
        #[arg(long)]
        json: Option<String>,
    },
    /// Record a request that is not a complaint (kept out of the register).
    Request {
        #[arg(long)]
        json: Option<String>,
    },
    /// List the register.
    List(ListArgs),
    /// Show a complaint with its history.
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the acknowledgement.
    Ack {
        reference: String,
        #[arg(long)]
        on: String,
    },
    /// Record a holding letter.
    Hold {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        note: String,
    },
    /// Record the answer.
    Answer {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        summary: String,
        /// Goodwill gesture in euros ("150.00" or "150,00").
        #[arg(long, allow_hyphen_values = true)]
        gesture: Option<String>,
    },
    /// Close the complaint with the client's feedback.
    Close {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        feedback: String,
    },
    /// Record a dysfunction found while handling the complaint.
    Dysfunction {
        reference: String,
        #[arg(long)]
        category: String,
        #[arg(long)]
        description: String,
        #[arg(long)]
        on: Option<String>,
    },
    /// Fill the database with fictitious complaints.
    Demo {
        #[arg(long)]
        count: u32,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// The writer of the crash harness (tests/crash.rs): records complaints one transaction at
    /// a time, acknowledging every other one, and prints "committed <reference>" after each
    /// commit, until killed or --count is reached.
    #[command(hide = true)]
    Soak {
        #[arg(long, default_value_t = 1_000_000)]
        count: u32,
    },
    /// Firm settings.
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// The firm's users (who signs, who may grant a gesture).
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Produce a letter as a PDF (a draft, or issued with --issue: stored, journaled and the
    /// complaint's step moved).
    Letter {
        reference: String,
        /// ack, holding or answer.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        out: PathBuf,
        /// Store the letter in the register and move the complaint's step.
        #[arg(long)]
        issue: bool,
        /// Who signs (default: --by).
        #[arg(long)]
        signatory: Option<String>,
        /// Holding letter: the new date by which the answer will be given.
        #[arg(long)]
        expected_on: Option<String>,
        /// Holding letter: where the handling stands.
        #[arg(long)]
        note: Option<String>,
        /// Also print the composed letter (its texts, block by block) as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Approve a goodwill gesture above the signatory's authority (as --by).
    Approve {
        reference: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
    },
    /// Register extract for a period: PDF for an inspection, CSV or XLSX for Excel.
    Extract {
        #[command(flatten)]
        period: PeriodArgs,
        /// pdf, csv or xlsx.
        #[arg(long)]
        format: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Import an existing register (XLSX, XLS, ODS or CSV). With --dry-run, print what would
    /// be imported and refused, row by row, and change nothing.
    Import {
        file: PathBuf,
        /// JSON object from the file's column titles to Reclam's fields
        /// ({"Date": "receivedOn", "Nom": "clientName", "Colonne inutile": null}); without it
        /// the columns are guessed from their titles.
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long)]
        dry_run: bool,
        /// Import nothing when a single row is refused.
        #[arg(long)]
        all_or_nothing: bool,
        #[arg(long)]
        json: bool,
    },
    /// Inspection pack for a period: cover with the journal's chain head, the firm's
    /// procedure, the register extract with statistics and corrective actions; written as one
    /// PDF and as separate files in the --out folder.
    Pack {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check the register's proof: the journal's hash chain, every complaint against its last
    /// event, the letters and attachments against their journaled hashes. Exit code 3 when
    /// something does not hold.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Back up the register: to --out, or (without it) today's automatic backup in the backup
    /// folder, with the rotation (7 daily, 4 weekly, 12 monthly). --list shows the folder.
    Backup {
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long)]
        list: bool,
    },
    /// Replace the register by a backup, after checking it (integrity, schema, the journal's
    /// chain and hashes); the replaced register is kept beside it.
    Restore { file: PathBuf },
    /// Statistics of the complaints received in a period.
    Stats {
        #[command(flatten)]
        period: PeriodArgs,
        #[arg(long)]
        json: bool,
    },
    /// Corrective actions decided from complaints and dysfunctions.
    Action {
        #[command(subcommand)]
        action: ActionCmd,
    },
    /// Letter templates: show them, or replace one (empty file: back to the default).
    Template {
        #[command(subcommand)]
        action: TemplateAction,
    },
    /// Personal data: the closed complaints kept beyond the retention period (setting
    /// retention.years), and their anonymisation.
    Retention {
        #[command(subcommand)]
        action: RetentionAction,
    },
    /// Everything the register holds about one client (right of access), as JSON and PDF.
    /// The export is journaled.
    ClientExport {
        /// The client's exact name or e-mail address (case aside).
        query: String,
        #[arg(long)]
        out: PathBuf,
        /// Also write the PDF addressed to the client.
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RetentionAction {
    /// The complaints to anonymise: closed, retention period over, not anonymised yet.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Anonymise the complaints named (without references: every one of the list). Irreversible:
    /// review `reclam retention list` first, then confirm with --yes.
    Apply {
        #[arg(long)]
        yes: bool,
        references: Vec<String>,
    },
}

/// A period of reception and the extract's optional filters.
#[derive(Args)]
struct PeriodArgs {
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    channel: Option<String>,
    #[arg(long)]
    product: Option<String>,
    #[arg(long)]
    insurer: Option<String>,
    #[arg(long)]
    handler: Option<String>,
}

impl PeriodArgs {
    fn query(&self) -> Result<ExtractQuery, ValidationError> {
        use reclam::complaint::input::parse_vocab;
        Ok(ExtractQuery {
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
            status: self
                .status
                .as_deref()
                .map(|s| parse_vocab("status", s))
                .transpose()?,
            subject: self
                .subject
                .as_deref()
                .map(|s| parse_vocab("subject", s))
                .transpose()?,
            channel: self
                .channel
                .as_deref()
                .map(|s| parse_vocab("channel", s))
                .transpose()?,
            product: self.product.clone(),
            insurer: self.insurer.clone(),
            handler: self.handler.clone(),
        })
    }
}

#[derive(Subcommand)]
enum ActionCmd {
    Add {
        #[arg(long)]
        description: String,
        #[arg(long)]
        owner: String,
        #[arg(long)]
        due: String,
        /// A complaint that motivated it (repeatable).
        #[arg(long = "complaint")]
        complaints: Vec<String>,
        /// A dysfunction id that motivated it (repeatable).
        #[arg(long = "dysfunction")]
        dysfunctions: Vec<i64>,
    },
    /// planned, inProgress, done or abandoned.
    Status { id: i64, status: String },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UserAction {
    Add {
        #[arg(long)]
        name: String,
        /// advisor, supervisor or manager.
        #[arg(long)]
        role: String,
        #[arg(long)]
        can_sign: bool,
        /// Largest gesture granted alone, in euros (default: the role's threshold).
        #[arg(long, allow_hyphen_values = true)]
        max_gesture: Option<String>,
        /// Signature image (PNG) printed on the letters the user signs.
        #[arg(long)]
        signature: Option<PathBuf>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TemplateAction {
    Show {
        #[arg(long)]
        json: bool,
    },
    Set {
        key: String,
        /// The template text (UTF-8), or - for standard input.
        file: String,
    },
}

#[derive(Subcommand)]
enum SettingsAction {
    Show {
        #[arg(long)]
        json: bool,
    },
    Set {
        key: String,
        value: String,
    },
    /// The firm's logo (PNG) printed on the letterhead.
    Logo {
        file: PathBuf,
    },
}

#[derive(Args)]
struct ListArgs {
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    overdue: bool,
    #[arg(long)]
    due_within: Option<u32>,
    #[arg(long)]
    search: Option<String>,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    handler: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: u32,
    #[arg(long, default_value_t = 0)]
    offset: u32,
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("erreur : {e}");
            // 3: the register's proof does not hold (verify); 1: anything else.
            ExitCode::from(if matches!(e, Error::Tampered(_)) {
                3
            } else {
                1
            })
        }
    }
}

fn clock() -> Result<Arc<dyn Clock>, Error> {
    match std::env::var("RECLAM_TODAY") {
        Ok(s) if !s.is_empty() => Ok(Arc::new(FixedClock::new(date("RECLAM_TODAY", &s)?))),
        _ => Ok(Arc::new(SystemClock)),
    }
}

fn date(field: &str, s: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == s.trim())
        .ok_or_else(|| {
            ValidationError::new(
                field,
                format!("date invalide ou impossible « {s} » (format attendu AAAA-MM-JJ)"),
            )
        })
}

fn parse<T: std::str::FromStr>(field: &str, s: &str) -> Result<T, ValidationError>
where
    T::Err: std::fmt::Display,
{
    s.parse()
        .map_err(|e: T::Err| ValidationError::new(field, e.to_string()))
}

fn reference(s: &str) -> Result<ComplaintRef, ValidationError> {
    parse("référence", s)
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

/// Why a file could not be read or written, in French.
fn io_reason(e: &std::io::Error, writing: bool) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound if writing => "dossier introuvable".to_owned(),
        K::NotFound => "fichier introuvable".to_owned(),
        K::PermissionDenied => "accès refusé".to_owned(),
        K::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        K::NotADirectory => "un élément du chemin n'est pas un dossier".to_owned(),
        K::StorageFull => "disque plein".to_owned(),
        K::ReadOnlyFilesystem => "disque en lecture seule".to_owned(),
        K::InvalidData => "ce n'est pas un texte UTF-8".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("erreur du système n° {code}"),
            None => "erreur du système".to_owned(),
        },
    }
}

/// Read a file given on the command line; a refusal names the option and the file.
fn read_file(field: &str, path: &std::path::Path) -> Result<Vec<u8>, ValidationError> {
    std::fs::read(path).map_err(|e| {
        ValidationError::new(
            field,
            format!(
                "impossible de lire « {} » : {}",
                path.display(),
                io_reason(&e, false)
            ),
        )
    })
}

/// Write a file asked for on the command line.
fn write_file(
    field: &str,
    path: &std::path::Path,
    bytes: impl AsRef<[u8]>,
) -> Result<(), ValidationError> {
    std::fs::write(path, bytes).map_err(|e| {
        ValidationError::new(
            field,
            format!(
                "impossible d'écrire « {} » : {}",
                path.display(),
                io_reason(&e, true)
            ),
        )
    })
}

/// A text given as a file, or `-` / nothing for the standard input; `field` names the option.
fn read_input(field: &str, source: Option<&str>) -> Result<String, Error> {
    match source {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ValidationError::new(
                    field,
                    format!(
                        "lecture de l'entrée standard impossible : {}",
                        io_reason(&e, false)
                    ),
                )
            })?;
            Ok(String::from_utf8(bytes).map_err(|_| {
                ValidationError::new(field, "l'entrée standard n'est pas un texte UTF-8")
            })?)
        }
        Some(path) => {
            let bytes = read_file(field, std::path::Path::new(path))?;
            Ok(String::from_utf8(bytes).map_err(|_| {
                ValidationError::new(field, format!("« {path} » n'est pas un texte UTF-8"))
            })?)
        }
    }
}

fn print_import(r: &reclam::import::ImportReport) {
    use reclam::import::RowStatus;
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
        for p in &row.warnings {
            println!("             ! {}", p.message);
        }
    }
    println!(
        "\n{} ligne(s) : {} {}, {} refusée(s), {} déjà présente(s){}",
        r.total,
        r.accepted,
        if r.dry_run {
            "à importer"
        } else {
            "importée(s)"
        },
        r.refused,
        r.duplicates,
        if r.dry_run {
            " — simulation : rien n'a été enregistré"
        } else {
            ""
        }
    );
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let out = serde_json::to_string_pretty(value).expect("serialisable");
    println!("{out}");
    Ok(())
}

fn actor(cli_by: &Option<String>) -> String {
    cli_by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| "inconnu".to_owned())
}

fn run(cli: Cli) -> Result<(), Error> {
    let by = actor(&cli.by);
    if let Command::Deadlines { dates, region } = &cli.command {
        return deadlines(dates, region);
    }
    let clock = clock()?;
    let path = cli.db.clone().unwrap_or_else(store::default_path);
    if let Command::Restore { file } = &cli.command {
        // Before opening the register: nothing may hold it open while it is replaced.
        let r = store::backup::restore(file, &path, clock)?;
        println!(
            "Registre restauré depuis {} : {} réclamations, {} événements, journal intègre.",
            file.display(),
            r.complaints,
            r.events
        );
        if let Some(h) = r.head {
            println!("Tête de chaîne : {h}");
        }
        if let Some(k) = r.replaced_kept_as {
            println!("Le registre remplacé est conservé : {k}");
        }
        return Ok(());
    }
    let mut store = Store::open(&path, clock)?;
    match cli.command {
        Command::Init => {
            println!("registre prêt : {}", path.display());
        }
        Command::Deadlines { .. } => unreachable!("handled above"),
        Command::Add { json } => {
            let new = parse_new_complaint(&read_input("json", json.as_deref())?)?;
            let c = store.record(&new, &by)?;
            print_json(&c)?;
        }
        Command::Request { json } => {
            let text = read_input("json", json.as_deref())?;
            let de = &mut serde_json::Deserializer::from_str(&text);
            let req: NewRequest = serde_path_to_error::deserialize(de).map_err(|e| {
                let path = e.path().to_string();
                reclam::complaint::input::french_serde_error(&path, e.inner())
            })?;
            let id = store.record_request(&req, &by)?;
            println!("demande n° {id} enregistrée (hors registre des réclamations)");
        }
        Command::List(args) => list(&store, args)?,
        Command::Show { reference: r, json } => {
            let view = store.view(&reference(&r)?)?;
            if json {
                print_json(&view)?;
            } else {
                show_text(&view);
            }
        }
        Command::Ack { reference: r, on } => {
            print_json(&store.acknowledge(&reference(&r)?, date("on", &on)?, &by)?)?;
        }
        Command::Hold {
            reference: r,
            on,
            note,
        } => {
            print_json(&store.hold(&reference(&r)?, date("on", &on)?, &note, &by)?)?;
        }
        Command::Answer {
            reference: r,
            on,
            outcome,
            summary,
            gesture,
        } => {
            let outcome: Outcome = parse("outcome", &outcome)?;
            let gesture = gesture.map(|g| parse::<Money>("gesture", &g)).transpose()?;
            let c = store.answer(
                &reference(&r)?,
                date("on", &on)?,
                outcome,
                &summary,
                gesture,
                &by,
            )?;
            print_json(&c)?;
        }
        Command::Close {
            reference: r,
            on,
            feedback,
        } => {
            let feedback: Feedback = parse("feedback", &feedback)?;
            print_json(&store.close(&reference(&r)?, date("on", &on)?, feedback, &by)?)?;
        }
        Command::Dysfunction {
            reference: r,
            category,
            description,
            on,
        } => {
            let category: DysfunctionCategory = parse("category", &category)?;
            let on = match on {
                Some(s) => date("on", &s)?,
                None => store.today(),
            };
            let c = store.add_dysfunction(&reference(&r)?, category, &description, on, &by)?;
            print_json(&c)?;
        }
        Command::Soak { count } => {
            use std::io::Write;
            let today = store.today();
            let mut out = std::io::stdout().lock();
            for i in 0..count {
                let new = parse_new_complaint(&format!(
                    r#"{{"client":{{"name":"Client {i}"}},"channel":"email",
                        "receivedOn":"{today}","subject":"serviceQuality",
                        "description":"Réclamation n° {i} du banc d'essai des coupures"}}"#
                ))?;
                let c = store.record(&new, &by)?;
                if i % 2 == 1 {
                    store.acknowledge(&c.reference, today, &by)?;
                }
                writeln!(out, "committed {}", c.reference)?;
                out.flush()?;
            }
        }
        Command::Demo { count, seed } => {
            let started = std::time::Instant::now();
            let n = reclam::demo::fill(&mut store, count, seed)?;
            eprintln!(
                "{n} réclamations fictives enregistrées dans {} en {:.1} s",
                path.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Settings { action } => match action {
            SettingsAction::Show { json } => {
                let settings = store.settings()?;
                if json {
                    let map: serde_json::Map<String, serde_json::Value> = settings
                        .entries
                        .iter()
                        .map(|e| (e.key.clone(), serde_json::Value::String(e.value.clone())))
                        .collect();
                    print_json(&map)?;
                } else {
                    for e in settings.entries {
                        println!(
                            "{:<32} {:<45} {}",
                            e.key,
                            e.label,
                            e.value.replace('\n', " / ")
                        );
                    }
                }
            }
            SettingsAction::Set { key, value } => {
                store.set_setting(&key, &value, &by)?;
                println!("{key} = {}", store.setting(&key)?.unwrap_or_default());
            }
            SettingsAction::Logo { file } => {
                store.set_logo(&read_file("logo", &file)?, &by)?;
                println!("logo enregistré");
            }
        },
        Command::User { action } => match action {
            UserAction::Add {
                name,
                role,
                can_sign,
                max_gesture,
                signature,
            } => {
                let role = reclam::complaint::input::parse_vocab("role", &role)?;
                let png = match &signature {
                    Some(path) => Some(read_file("signature", path)?),
                    None => None,
                };
                let user = store.add_user(
                    &NewUser {
                        name,
                        role,
                        can_sign,
                        max_gesture,
                    },
                    &by,
                )?;
                if let Some(png) = png {
                    store.set_signature(&user.name, &png, &by)?;
                }
                print_json(&user)?;
            }
            UserAction::List { json } => {
                let users = store.users()?;
                if json {
                    print_json(&users)?;
                } else {
                    for u in users {
                        let max = match store.authority(&u)? {
                            Some(m) => m.to_french(),
                            None => "sans plafond".to_owned(),
                        };
                        println!(
                            "{:<28} {:<12} {:<16} geste seul : {}{}",
                            u.name,
                            u.role.label(),
                            if u.can_sign { "signe" } else { "ne signe pas" },
                            max,
                            if u.active { "" } else { " (inactif)" }
                        );
                    }
                }
            }
        },
        Command::Letter {
            reference: r,
            kind,
            out,
            issue,
            signatory,
            expected_on,
            note,
            json,
        } => {
            let r = reference(&r)?;
            let holding = match expected_on {
                Some(d) => Some(HoldingInfo {
                    expected_on: date("expectedOn", &d)?,
                    note: note.unwrap_or_default(),
                }),
                None => None,
            };
            let req = LetterRequest {
                kind: kind.parse()?,
                signatory: signatory.unwrap_or_else(|| by.clone()),
                holding,
            };
            if json {
                print_json(&store.draft_letter(&r, &req)?.composed)?;
            }
            let bytes = if issue {
                let meta = store.issue_letter(&r, &req, &by)?;
                eprintln!(
                    "lettre n° {} émise ({} octets, SHA-256 {})",
                    meta.id, meta.size, meta.sha256
                );
                store.letter_pdf(meta.id)?.1
            } else {
                store.draft_letter(&r, &req)?.pdf
            };
            write_file("out", &out, bytes)?;
            eprintln!("{}", out.display());
        }
        Command::Extract {
            period,
            format,
            out,
        } => {
            let q = period.query()?;
            let count = if format == "pdf" {
                // Written page after page: memory does not grow with the register.
                let file = std::fs::File::create(&out).map_err(|e| {
                    ValidationError::new(
                        "out",
                        format!(
                            "impossible d'écrire « {} » : {}",
                            out.display(),
                            io_reason(&e, true)
                        ),
                    )
                })?;
                let file = std::io::BufWriter::with_capacity(1 << 16, file);
                reclam::extract::export_pdf_to(&store, &q, &by, file)?
            } else {
                let count = reclam::extract::rows(&store, &q)?.len();
                let bytes = reclam::extract::export(&store, &q, &format, &by)?;
                write_file("out", &out, bytes)?;
                count
            };
            eprintln!("{count} réclamation(s) → {}", out.display());
        }
        Command::Restore { .. } => unreachable!("handled before opening"),
        Command::Backup { out, list } => {
            if list {
                let folder = store.backup_folder()?;
                println!("Dossier des sauvegardes : {}", folder.display());
                for f in store::backup::list(&folder)? {
                    println!("  {:<48} {:>10} octets", f.name, f.size);
                }
            } else if let Some(out) = out {
                store.backup_to(&out)?;
                println!("{}", out.display());
            } else {
                match store.daily_backup()? {
                    Some(p) => println!("{}", p.display()),
                    None => println!(
                        "La sauvegarde du jour existe déjà dans {}",
                        store.backup_folder()?.display()
                    ),
                }
            }
        }
        Command::Verify { json } => {
            let report = store.verify()?;
            if json {
                print_json(&report)?;
            } else {
                println!(
                    "{} événements, {} réclamations, {} lettres, {} pièces jointes vérifiés",
                    report.events, report.complaints, report.letters, report.attachments
                );
                if let Some(h) = &report.head {
                    println!("Tête de chaîne : {h}");
                }
                if report.ok {
                    println!("Registre intègre : aucune altération détectée.");
                } else {
                    println!(
                        "ALTÉRATION DÉTECTÉE ({} problème(s)) ; le premier :",
                        report.findings.len()
                    );
                    for f in &report.findings {
                        println!("  ✗ {}", f.message);
                    }
                }
            }
            if !report.ok {
                return Err(Error::Tampered(format!(
                    "{} problème(s) ; premier : {}",
                    report.findings.len(),
                    report.findings[0].message
                )));
            }
        }
        Command::Pack { period, out } => {
            let q = period.query()?;
            let pack = reclam::extract::pack::inspection_pack(&store, &q, &by)?;
            std::fs::create_dir_all(&out).map_err(|e| {
                ValidationError::new(
                    "out",
                    format!(
                        "impossible de créer le dossier « {} » : {}",
                        out.display(),
                        io_reason(&e, true)
                    ),
                )
            })?;
            let name = format!(
                "dossier-inspection_{}_{}.pdf",
                q.from.format("%Y-%m-%d"),
                q.to.format("%Y-%m-%d")
            );
            write_file("out", &out.join(&name), &pack.pdf)?;
            println!("{} ({} pages)", out.join(&name).display(), pack.pages);
            for (file, bytes) in &pack.parts {
                write_file("out", &out.join(file), bytes)?;
                println!("{}", out.join(file).display());
            }
        }
        Command::Import {
            file,
            mapping,
            dry_run,
            all_or_nothing,
            json,
        } => {
            let mapping = match mapping {
                None => None,
                Some(path) => {
                    let text = read_input("mapping", path.to_str())?;
                    Some(
                        serde_json::from_str::<reclam::import::MappingInput>(&text)
                            .map_err(|e| mapping_error(&e))?,
                    )
                }
            };
            let bytes = read_file("file", &file)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let policy = if all_or_nothing {
                reclam::import::Policy::AllOrNothing
            } else {
                reclam::import::Policy::SkipRefused
            };
            let report = reclam::import::import(
                &mut store,
                &bytes,
                &name,
                mapping.as_ref(),
                policy,
                dry_run,
                &by,
            )?;
            if json {
                print_json(&report)?;
            } else {
                print_import(&report);
            }
            if let Some(m) = report.mapping_error {
                return Err(ValidationError::new("mapping", m).into());
            }
        }
        Command::Action { action } => match action {
            ActionCmd::Add {
                description,
                owner,
                due,
                complaints,
                dysfunctions,
            } => {
                let new = reclam::store::actions::NewAction {
                    description,
                    owner,
                    due_on: date("due", &due)?,
                    complaints,
                    dysfunctions,
                };
                print_json(&store.add_action(&new, &by)?)?;
            }
            ActionCmd::Status { id, status } => {
                let status = reclam::complaint::input::parse_vocab("status", &status)?;
                print_json(&store.set_action_status(id, status, &by)?)?;
            }
            ActionCmd::List { json } => {
                let actions = store.actions()?;
                if json {
                    print_json(&actions)?;
                } else {
                    for a in actions {
                        println!(
                            "n° {:<4} {:<12} {} {:<20} {}{}",
                            a.id,
                            a.status.label(),
                            a.due_on.format("%d/%m/%Y"),
                            a.owner,
                            a.description.replace('\n', " "),
                            if a.late { "  (en retard)" } else { "" }
                        );
                    }
                }
            }
        },
        Command::Stats { period, json } => {
            let q = period.query()?;
            let rows = reclam::extract::rows(&store, &q)?;
            let stats = reclam::extract::stats::compute(&store, &q, &rows)?;
            if json {
                print_json(&stats)?;
            } else {
                println!("{}", q.title());
                for (section, lines) in stats.sections() {
                    println!("\n{section}");
                    for (label, value) in lines {
                        println!("  {label:<45} {value}");
                    }
                }
            }
        }
        Command::Approve {
            reference: r,
            amount,
        } => {
            let r = reference(&r)?;
            let amount = reclam::complaint::input::parse_vocab::<Money>("amount", &amount)?;
            let approval = store.approve_gesture(&r, amount, &by)?;
            print_json(&approval)?;
        }
        Command::Template { action } => match action {
            TemplateAction::Show { json } => {
                let templates = store.templates()?;
                if json {
                    print_json(&templates)?;
                } else {
                    for t in templates {
                        println!(
                            "== {} ({}){}",
                            t.key,
                            t.label,
                            if t.is_default { ", par défaut" } else { "" }
                        );
                        println!("{}\n", t.text);
                    }
                }
            }
            TemplateAction::Set { key, file } => {
                let text = read_input("file", Some(&file))?;
                store.set_template(&key, &text, &by)?;
                println!("{key} enregistré");
            }
        },
        Command::Retention { action } => retention(&mut store, action, &by)?,
        Command::ClientExport { query, out, pdf } => {
            let export = store.client_export(&query, &by)?;
            let json = serde_json::to_vec_pretty(&export).expect("serialisable");
            std::fs::write(&out, json)?;
            if let Some(path) = &pdf {
                std::fs::write(path, &export.pdf)?;
            }
            println!(
                "{} réclamation(s) de « {} » → {}{}",
                export.complaints.len(),
                export.query,
                out.display(),
                pdf.map(|p| format!(", {}", p.display()))
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}

fn retention(store: &mut Store, action: RetentionAction, by: &str) -> Result<(), Error> {
    let years = store.retention_years()?;
    let ans = if years > 1 { "ans" } else { "an" };
    match action {
        RetentionAction::List { json } => {
            let candidates = store.anonymisation_candidates()?;
            if json {
                return print_json(&candidates);
            }
            println!(
                "{:<15} {:<30} {:<11} {:<15} {:>7} {:>6} {:>8} {:>10}",
                "Référence",
                "Client",
                "Clôturée",
                "Conservée au",
                "Lettres",
                "Pièces",
                "Échanges",
                "Événements"
            );
            for c in &candidates {
                println!(
                    "{:<15} {:<30} {:<11} {:<15} {:>7} {:>6} {:>8} {:>10}",
                    c.reference.as_str(),
                    truncate(&c.client_name, 30),
                    c.closed_on.format("%d/%m/%Y"),
                    c.kept_until.format("%d/%m/%Y"),
                    c.letters,
                    c.attachments,
                    c.exchanges,
                    c.events
                );
            }
            println!(
                "{} réclamation(s) à anonymiser (conservation : {years} {ans} après la \
                 clôture). Pour les anonymiser : reclam retention apply --yes [RÉFÉRENCE...]",
                candidates.len()
            );
        }
        RetentionAction::Apply { yes, references } => {
            if !yes {
                return Err(ValidationError::new(
                    "confirmation",
                    "l'anonymisation est irréversible : vérifiez d'abord la liste avec \
                     « reclam retention list », puis confirmez avec « reclam retention apply \
                     --yes »",
                )
                .into());
            }
            let refs: Vec<ComplaintRef> = if references.is_empty() {
                store
                    .anonymisation_candidates()?
                    .into_iter()
                    .map(|c| c.reference)
                    .collect()
            } else {
                references
                    .iter()
                    .map(|r| reference(r))
                    .collect::<Result<_, _>>()?
            };
            if refs.is_empty() {
                println!("aucune réclamation à anonymiser");
                return Ok(());
            }
            let report = store.anonymise(&refs, by)?;
            for c in &report.complaints {
                println!(
                    "{} anonymisée (événement n° {} ; {} événement(s), {} lettre(s), {} pièce(s) \
                     jointe(s), {} échange(s))",
                    c.reference, c.event_id, c.events, c.letters, c.attachments, c.exchanges
                );
            }
            println!(
                "{} réclamation(s) anonymisée(s) ; les statistiques sont conservées",
                report.complaints.len()
            );
        }
    }
    Ok(())
}

fn deadlines(dates: &[String], region: &str) -> Result<(), Error> {
    let region: Region = parse("region", region)?;
    let inputs: Vec<String> = if dates.is_empty() {
        std::io::stdin()
            .lock()
            .lines()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                ValidationError::new(
                    "dates",
                    format!(
                        "lecture de l'entrée standard impossible : {}",
                        io_reason(&e, false)
                    ),
                )
            })?
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect()
    } else {
        dates.to_vec()
    };
    // Validate everything first: no partial output on a bad line.
    let starts = inputs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let field = if dates.is_empty() {
                format!("ligne {}", i + 1)
            } else {
                format!("date {}", i + 1)
            };
            let d = date(&field, s)?;
            calendar::check_year(d).map_err(|e| ValidationError::new(field, e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for start in starts {
        let dl = calendar::deadlines(None, start, region);
        writeln!(
            out,
            "{{\"start\":\"{start}\",\"region\":\"{region}\",\"ackDue\":\"{}\",\"answerDue\":\"{}\",\"mediatorFrom\":\"{}\",\"mediatorUntil\":\"{}\"}}",
            dl.ack_due,
            dl.answer_due,
            calendar::mediator_from(dl.answer_due, None),
            calendar::mediator_until(start),
        )?;
    }
    out.flush()?;
    Ok(())
}

fn list(store: &Store, a: ListArgs) -> Result<(), Error> {
    let q = RegisterQuery {
        status: a
            .status
            .as_deref()
            .map(|s| parse::<Status>("status", s))
            .transpose()?,
        overdue: a.overdue,
        due_within_days: a.due_within,
        search: a.search,
        subject: a
            .subject
            .as_deref()
            .map(|s| parse::<Subject>("subject", s))
            .transpose()?,
        handler: a.handler,
        sort: if a.overdue || a.due_within.is_some() {
            RegisterSort::NextDue
        } else {
            RegisterSort::ReceivedDesc
        },
        limit: a.limit,
        offset: a.offset,
        ..RegisterQuery::default()
    };
    let page = store.list(&q)?;
    if a.json {
        return print_json(&page.rows);
    }
    println!(
        "{:<15} {:<30} {:<28} {:<10} {:<27} Échéance",
        "Référence", "Client", "Objet", "Reçue le", "Statut"
    );
    for r in &page.rows {
        let next = match &r.next {
            None => String::new(),
            Some(n) if n.overdue => format!(
                "{} {} (en retard de {} j)",
                n.step.label(),
                n.due.format("%d/%m/%Y"),
                -n.days_left
            ),
            Some(n) => format!(
                "{} {} (dans {} j)",
                n.step.label(),
                n.due.format("%d/%m/%Y"),
                n.days_left
            ),
        };
        println!(
            "{:<15} {:<30} {:<28} {:<10} {:<27} {}",
            r.reference,
            truncate(&r.client_name, 30),
            r.subject.label(),
            r.received_on.format("%d/%m/%Y"),
            r.status.label(),
            next
        );
    }
    println!("{} réclamation(s) sur {}", page.rows.len(), page.total);
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn show_text(v: &store::ComplaintView) {
    let c = &v.complaint;
    let fr = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    println!("{}  {}  [{}]", c.reference, c.client.name, c.status.label());
    println!(
        "Objet : {}  —  Canal : {}",
        c.subject.label(),
        c.channel.label()
    );
    println!(
        "Reçue le {}{}  —  délais calculés depuis la date {} ({})",
        fr(c.received_on),
        c.sent_on
            .map(|d| format!(" (envoyée le {})", fr(d)))
            .unwrap_or_default(),
        if c.deadlines.basis == calendar::Basis::Sent {
            "d'envoi"
        } else {
            "de réception"
        },
        fr(c.deadlines.start)
    );
    println!(
        "Accusé de réception au plus tard le {}  —  réponse au plus tard le {}",
        fr(c.deadlines.ack_due),
        fr(c.deadlines.answer_due)
    );
    println!(
        "Médiation possible du {} au {}",
        fr(v.mediation.from),
        fr(v.mediation.until)
    );
    if !c.description.is_empty() {
        println!("\n{}\n", c.description);
    }
    println!("Historique :");
    for e in &v.events {
        println!("  {}  {:<14} {}", e.at, e.kind, e.actor);
    }
}
