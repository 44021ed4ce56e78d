//! `reclam`: the command-line interface over the same core as the desktop app.
//!
//! JSON output uses camelCase keys and ISO dates; errors go to stderr in French with a
//! non-zero exit code (1 for a refused operation, 2 for a usage error, 3 when the register's
//! proof does not hold). Each subcommand group has its file; every one decodes its arguments
//! with `reclam::api` and calls the `Register`, never the store.

mod actions;
mod backup;
mod complaints;
mod demo;
mod ending;
mod extract;
mod import;
mod io;
mod letters;
mod lifecycle;
mod money;
mod retention;
mod settings;
mod shared;
mod usage;
mod users;

use clap::{Parser, Subcommand};
use reclam::api::lifecycle::{AcknowledgeReq, AnswerReq};
use reclam::clock::{Clock, FixedClock, SystemClock};
use reclam::complaint::input::parse_date;
use reclam::{Error, Register};
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
    /// The firm's shared register: postgres://LOGIN@HOST:PORT/DB (password in
    /// RECLAM_PASSWORD or at the prompt). --db is then this workstation's cache.
    #[arg(long, global = true, env = "RECLAM_SERVER")]
    server: Option<String>,
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
    /// Record a complaint from JSON (a file, or - / nothing for stdin), or take it in from an
    /// e-mail file: `--from-email message.eml|.msg` prints the proposed complaint, `--record`
    /// records it with the message and its attachments.
    Add {
        #[arg(long)]
        json: Option<String>,
        #[arg(long, conflicts_with = "json")]
        from_email: Option<PathBuf>,
        /// With --from-email: record it (the message and its attachments kept in its file).
        #[arg(long, requires = "from_email")]
        record: bool,
        /// With --from-email: the register's category (default: other).
        #[arg(long, requires = "from_email")]
        subject: Option<String>,
    },
    /// Record a request that is not a complaint (kept out of the register).
    Request {
        #[arg(long)]
        json: Option<String>,
    },
    /// List the register.
    List(complaints::ListArgs),
    /// Show a complaint with its history.
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Record the acknowledgement sent otherwise than as the register's letter (which
    /// records it when issued), and how.
    Ack {
        reference: String,
        #[arg(long)]
        on: String,
        /// email, otherLetter or oral.
        #[arg(long)]
        via: Option<String>,
        /// The SHA-256 of the attachment holding the copy of what was sent.
        #[arg(long)]
        copy: Option<String>,
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
        #[command(flatten)]
        money: money::MoneyArgs,
        /// How the answer reaches the client: registerLetter (issue it with `letter`), email,
        /// otherLetter or oral.
        #[arg(long)]
        via: Option<String>,
        /// The SHA-256 of the attachment holding the copy of what was sent.
        #[arg(long)]
        copy: Option<String>,
    },
    #[command(flatten)]
    Ending(ending::EndingCommand),
    /// Close the complaint with the client's feedback.
    Close {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        feedback: String,
        /// The client's satisfaction, 1 to 5, when they gave it.
        #[arg(long)]
        satisfaction: Option<u8>,
        /// A rejection without an answer letter issued here: how the recourse routes were
        /// given to the client ("réponse par e-mail du 12/06, jointe").
        #[arg(long)]
        recourse: Option<String>,
    },
    /// Requests for approval of a gesture or a refund beyond one's authority, and decisions.
    Approval {
        #[command(subcommand)]
        action: money::ApprovalAction,
    },
    /// Solutions proposed to the client, and their responses.
    Proposal {
        #[command(subcommand)]
        action: money::ProposalAction,
    },
    /// Record the payment of the refund the answer decided.
    RefundPaid {
        reference: String,
        /// The payment's reference (transfer, cheque number...).
        #[arg(long = "ref")]
        payment_reference: String,
        /// transfer, cheque, card, offset or other.
        #[arg(long)]
        method: String,
        #[arg(long)]
        paid_on: String,
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
        action: settings::SettingsAction,
    },
    /// The firm's users (who signs, who may grant a gesture).
    User {
        #[command(subcommand)]
        action: users::UserAction,
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
    /// Register extract for a period: PDF for an inspection, CSV or XLSX for Excel.
    Extract {
        #[command(flatten)]
        period: extract::PeriodArgs,
        /// pdf, csv or xlsx.
        #[arg(long)]
        format: String,
        #[arg(long)]
        out: PathBuf,
        /// Sign the PDF with the firm's certificate (PAdES).
        #[arg(long)]
        sign: bool,
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
        /// The workbook's sheet (default: the one named like a register, else the fullest).
        #[arg(long)]
        sheet: Option<String>,
        /// The line of the column titles (default: found below any title block).
        #[arg(long)]
        header_row: Option<u32>,
        /// The decision of rows whose text gives none: upheld, partial or rejected.
        #[arg(long)]
        default_outcome: Option<String>,
        /// The decision of one row: LINE=upheld|partial|rejected (repeatable).
        #[arg(long = "decision")]
        decisions: Vec<String>,
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
        period: extract::PeriodArgs,
        #[arg(long)]
        out: PathBuf,
        /// Sign the pack's PDF with the firm's certificate (PAdES).
        #[arg(long)]
        sign: bool,
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
    Restore {
        file: PathBuf,
        /// Restore even another register's backup, or one whose journal is not the start of
        /// the current one (what will be lost is printed first).
        #[arg(long)]
        accept_loss: bool,
    },
    /// Statistics of the complaints received in a period.
    Stats {
        #[command(flatten)]
        period: extract::PeriodArgs,
        #[arg(long)]
        json: bool,
    },
    /// The firm's shared register on a PostgreSQL server: create it, add its members.
    Server {
        #[command(subcommand)]
        action: shared::ServerAction,
    },
    /// Push this workstation's changes to the firm's server and pull the others' (--server).
    Sync,
    /// Where this workstation stands with the firm's server (--server).
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Changes of the firm's journal flagged for review (--server).
    Conflicts {
        /// Also those already reviewed.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Mark a conflict reviewed, with what was decided (a supervisor or a manager).
    Resolve {
        seq: i64,
        #[arg(long)]
        note: String,
    },
    /// Corrective actions decided from complaints and dysfunctions.
    Action {
        #[command(subcommand)]
        action: actions::ActionCmd,
    },
    /// The firm's signing certificate: letters issued are signed with it (PAdES).
    Cert {
        #[command(subcommand)]
        action: letters::CertAction,
    },
    /// Letter templates: show them, or replace one (empty file: back to the default).
    Template {
        #[command(subcommand)]
        action: letters::TemplateAction,
    },
    /// Personal data: the closed complaints kept beyond the retention period (setting
    /// retention.years), and their anonymisation.
    Retention {
        #[command(subcommand)]
        action: retention::RetentionAction,
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage::report(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("erreur : {line}");
            }
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
        Ok(s) if !s.is_empty() => Ok(Arc::new(FixedClock::new(parse_date("RECLAM_TODAY", &s)?))),
        _ => Ok(Arc::new(SystemClock)),
    }
}

/// Who is acting: `--by`, else the session's user name.
fn actor(cli_by: &Option<String>) -> String {
    cli_by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| "inconnu".to_owned())
}

/// The acting user's secret, once the register has credentials: `RECLAM_PASSWORD`, else a
/// prompt on the terminal (never echoed).
fn secret(by: &str, kind: reclam::firm::SecretKind) -> Result<String, Error> {
    if let Ok(s) = std::env::var("RECLAM_PASSWORD") {
        return Ok(s);
    }
    let refused = || {
        Error::SignIn(format!(
            "ce registre demande de se connecter : donnez le {} de « {by} » dans \
             RECLAM_PASSWORD ou tapez-le à l'invite",
            kind.noun()
        ))
    };
    // Prompt only a person at a terminal: a script without the variable is refused at once.
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(refused());
    }
    rpassword::prompt_password(format!("{} de {by} : ", kind.noun())).map_err(|_| refused())
}

/// Sign `by` in, once the register has credentials (otherwise anyone acts, as before).
fn sign_in(reg: &mut Register, by: &str) -> Result<(), Error> {
    if reg.sign_in_required()? {
        let secret = secret(by, reg.secret_kind()?)?;
        reg.sign_in(by, &secret)?;
    }
    Ok(())
}

fn run(cli: Cli) -> Result<(), Error> {
    let by = actor(&cli.by);
    let path = cli.db.clone().unwrap_or_else(reclam::store::default_path);
    match cli.command {
        // Without a register.
        Command::Deadlines { dates, region } => complaints::deadlines(&dates, &region),
        // Before opening the register: nothing may hold it open while it is replaced.
        Command::Restore { .. } if cli.server.is_some() => Err(Error::Server(
            "le registre partagé du cabinet ne se restaure pas depuis un poste : il est sur le \
             serveur (sa sauvegarde est celle du serveur PostgreSQL)"
                .into(),
        )),
        Command::Restore { file, accept_loss } => {
            // A register that opens and has passwords: only a signed-in manager replaces it
            // (one that cannot be opened is restored by whoever is there).
            if path.exists() {
                if let Ok(mut reg) = Register::open(&path, clock()?) {
                    sign_in(&mut reg, &by)?;
                    reg.require_signed_in_manager("restaurer une sauvegarde")?;
                }
            }
            backup::restore(&file, &path, clock()?, accept_loss)
        }
        Command::Server {
            action:
                shared::ServerAction::Init {
                    url,
                    manager,
                    login,
                },
        } => shared::server_init(&url, &manager, login, clock()?),
        command if cli.server.is_some() => {
            let url = cli.server.as_deref().unwrap_or_default();
            // The firm's register is cached beside this desk's own, as the app does.
            let path = match &cli.db {
                Some(p) => p.clone(),
                None => path.with_file_name("registre-cabinet.db"),
            };
            let progress = matches!(command, Command::Sync);
            let mut ws = shared::open(url, &path, clock()?, progress)?;
            shared::dispatch(&mut ws, command)
        }
        Command::Server { .. }
        | Command::Sync
        | Command::Status { .. }
        | Command::Conflicts { .. }
        | Command::Resolve { .. } => Err(Error::Server(
            "cette commande demande le serveur du cabinet : --server ou RECLAM_SERVER              (postgres://identifiant@hôte:port/base)"
                .into(),
        )),
        command => {
            let mut reg = Register::open(&path, clock()?)?;
            sign_in(&mut reg, &by)?;
            dispatch(&mut reg, command, &by)
        }
    }
}

/// The commands on the open register.
fn dispatch(reg: &mut Register, command: Command, by: &str) -> Result<(), Error> {
    match command {
        Command::Init => {
            println!("registre prêt : {}", reg.path().display());
            Ok(())
        }
        Command::Deadlines { .. }
        | Command::Restore { .. }
        | Command::Server { .. }
        | Command::Sync
        | Command::Status { .. }
        | Command::Conflicts { .. }
        | Command::Resolve { .. } => unreachable!("handled in run"),
        Command::Add {
            from_email: Some(file),
            record,
            subject,
            ..
        } => complaints::add_from_email(reg.act_as(by)?, &file, record, subject.as_deref()),
        Command::Add { json, .. } => complaints::add(reg.act_as(by)?, json.as_deref()),
        Command::Request { json } => complaints::request(reg.act_as(by)?, json.as_deref()),
        Command::List(args) => complaints::list(reg, args),
        Command::Show { reference, json } => complaints::show(reg, &reference, json),
        Command::Ack {
            reference,
            on,
            via,
            copy,
        } => lifecycle::ack(
            reg.act_as(by)?,
            AcknowledgeReq {
                reference,
                on,
                via,
                copy,
            },
        ),
        Command::Ending(c) => ending::run(reg.act_as(by)?, c),
        Command::Hold {
            reference,
            on,
            note,
        } => lifecycle::hold(reg.act_as(by)?, reference, on, note),
        Command::Answer {
            reference,
            on,
            outcome,
            summary,
            money,
            via,
            copy,
        } => lifecycle::answer(
            reg.act_as(by)?,
            AnswerReq {
                reference,
                on,
                outcome,
                summary,
                money: money.into_req(),
                via,
                copy,
            },
        ),
        Command::Close {
            reference,
            on,
            feedback,
            satisfaction,
            recourse,
        } => lifecycle::close(
            reg.act_as(by)?,
            reference,
            on,
            feedback,
            satisfaction,
            recourse,
        ),
        Command::Approval { action } => money::approval(reg.act_as(by)?, action),
        Command::Proposal { action } => money::proposal(reg.act_as(by)?, action),
        Command::RefundPaid {
            reference,
            payment_reference,
            method,
            paid_on,
        } => money::refund_paid(
            reg.act_as(by)?,
            reference,
            payment_reference,
            method,
            paid_on,
        ),
        Command::Dysfunction {
            reference,
            category,
            description,
            on,
        } => lifecycle::dysfunction(reg.act_as(by)?, reference, category, description, on),
        Command::Soak { count } => demo::soak(reg.act_as(by)?, count),
        Command::Demo { count, seed } => demo::fill(reg, count, seed),
        firm => dispatch_firm(reg, firm, by),
    }
}

/// The firm's side: settings, users, letters, extracts, import, backups, personal data.
fn dispatch_firm(reg: &mut Register, command: Command, by: &str) -> Result<(), Error> {
    match command {
        Command::Settings { action } => settings::run(reg, action, by),
        Command::User { action } => users::run(reg, action, by),
        Command::Letter {
            reference,
            kind,
            out,
            issue,
            signatory,
            expected_on,
            note,
            json,
        } => letters::letter(
            reg.act_as(by)?,
            letters::LetterArgs {
                reference,
                kind,
                out,
                issue,
                signatory: signatory.unwrap_or_else(|| by.to_owned()),
                expected_on,
                note,
                json,
            },
        ),
        Command::Template { action } => letters::template(reg, action, by),
        Command::Cert { action } => letters::cert(reg, action, by),
        Command::Extract {
            period,
            format,
            out,
            sign,
        } => extract::extract(reg.act_as(by)?, period, &format, &out, sign),
        Command::Stats { period, json } => extract::stats(reg, period, json),
        Command::Pack { period, out, sign } => extract::pack(reg.act_as(by)?, period, &out, sign),
        Command::Import {
            file,
            mapping,
            sheet,
            header_row,
            default_outcome,
            decisions,
            dry_run,
            all_or_nothing,
            json,
        } => import::run(
            reg.act_as(by)?,
            import::ImportArgs {
                file,
                mapping,
                sheet,
                header_row,
                default_outcome,
                decisions,
                dry_run,
                all_or_nothing,
                json,
            },
        ),
        Command::Backup { out, list } => backup::backup(reg, out, list),
        Command::Verify { json } => backup::verify(reg, json),
        Command::Action { action } => actions::run(reg, action, by),
        Command::Retention { action } => retention::run(reg, action, by),
        Command::ClientExport { query, out, pdf } => {
            retention::client_export(reg.act_as(by)?, &query, &out, pdf.as_deref())
        }
        _ => unreachable!("the complaint's commands are handled in dispatch"),
    }
}
