//! The firm's register shared on a PostgreSQL server: `server init`, `server user add`,
//! `sync`, `status`, `conflicts`, `resolve`, and every command run against the firm's
//! register through this workstation's cache (`--server` / `RECLAM_SERVER`).

use crate::io::{print_json, read_input};
use crate::Command;
use clap::Subcommand;
use reclam::api::complaints::{RecordComplaintReq, RecordRequestReq};
use reclam::api::lifecycle::{AcknowledgeReq, AddDysfunctionReq, AnswerReq, CloseReq, HoldReq};
use reclam::clock::Clock;
use reclam::firm::NewUser;
use reclam::sync::server::{self, Target};
use reclam::sync::{Op, Workstation};
use reclam::Error;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

#[derive(Subcommand)]
pub enum ServerAction {
    /// Create the firm's register on a PostgreSQL database: its schema, the firm's roles and
    /// the first manager (their password on stdin). --url names the server's administrator
    /// (password in RECLAM_ADMIN_PASSWORD, if the server asks one).
    Init {
        #[arg(long)]
        url: String,
        /// The first manager's name, as printed on letters.
        #[arg(long)]
        manager: String,
        /// Their login on the server (default: from the name, "claire.martin").
        #[arg(long)]
        login: Option<String>,
    },
    /// Move this desk's register (or another file) to the firm's server, as its first content:
    /// checked, its journal kept, its passwords left out (a manager of that register, connected
    /// with --server, on a server without complaints yet).
    Migrate {
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Members of the firm (a manager, connected with --server).
    User {
        #[command(subcommand)]
        action: ServerUserAction,
    },
}

#[derive(Subcommand)]
pub enum ServerUserAction {
    /// Add a member: their server login and the user every workstation will know. Their
    /// first password is read from stdin.
    Add {
        name: String,
        /// advisor, supervisor or manager.
        #[arg(long)]
        role: String,
        #[arg(long)]
        login: Option<String>,
        #[arg(long)]
        can_sign: bool,
        #[arg(long, allow_hyphen_values = true)]
        max_gesture: Option<String>,
    },
}

/// The first line of stdin, without its line break.
fn stdin_line(what: &str) -> Result<String, Error> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let line = line.trim_end_matches(['\r', '\n']).to_owned();
    if line.is_empty() {
        return Err(Error::Validation(reclam::complaint::ValidationError::new(
            "password",
            format!("{what} : tapez-le sur l'entrée standard"),
        )));
    }
    Ok(line)
}

pub fn server_init(
    url: &str,
    manager: &str,
    login: Option<String>,
    clock: Arc<dyn Clock>,
) -> Result<(), Error> {
    let admin = Target::parse(url)?;
    let admin_password = std::env::var("RECLAM_ADMIN_PASSWORD").unwrap_or_default();
    let login = login.unwrap_or_else(|| server::login_for(manager));
    server::check_login(&login)?;
    let password = stdin_line("le mot de passe du premier dirigeant")?;
    let as_manager = server::create_firm(
        &admin,
        &admin_password,
        manager,
        &login,
        &password,
        clock.as_ref(),
    )?;
    println!(
        "registre du cabinet créé sur {} ; premier dirigeant : {manager} (identifiant {login})",
        as_manager.display
    );
    println!("sur chaque poste : RECLAM_SERVER={}", as_manager.display);
    Ok(())
}

/// The password of the member connecting: RECLAM_PASSWORD, else a prompt.
fn password(login: &str) -> Result<String, Error> {
    if let Ok(p) = std::env::var("RECLAM_PASSWORD") {
        return Ok(p);
    }
    let refused = || {
        Error::SignIn(format!(
            "donnez le mot de passe de « {login} » sur le serveur du cabinet dans RECLAM_PASSWORD \
             ou tapez-le à l'invite"
        ))
    };
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(refused());
    }
    rpassword::prompt_password(format!("mot de passe de {login} (serveur du cabinet) : "))
        .map_err(|_| refused())
}

/// Open this workstation of the firm's register and sync it (with the pushes shown on
/// stderr for `sync`).
pub fn open(
    url: &str,
    cache: &Path,
    clock: Arc<dyn Clock>,
    show_progress: bool,
) -> Result<Workstation, Error> {
    let target = Target::parse(url)?;
    let password = password(&target.login)?;
    let mut ws = Workstation::open(cache, clock, target, &password)?;
    if show_progress {
        ws.on_push(|done, of| eprintln!("envoyé {done}/{of}"));
    }
    ws.sync()?;
    Ok(ws)
}

/// A command against the firm's register: changes go through the workstation (the server,
/// or the outbox offline); reads are the cache's.
pub fn dispatch(ws: &mut Workstation, command: Command) -> Result<(), Error> {
    match command {
        Command::Add {
            from_email: Some(file),
            record,
            subject,
            ..
        } => {
            let (name, bytes) = crate::complaints::email_file(&file)?;
            let mut proposal = ws.register()?.propose_from_email(&name, &bytes)?;
            if let Some(s) = subject {
                proposal.complaint.subject = reclam::complaint::input::parse_vocab("subject", &s)?;
            }
            if !record {
                return print_json(&proposal);
            }
            print_json(&ws.record_from_email(&proposal.complaint, &name, &bytes)?)
        }
        Command::Add { json, .. } => {
            let text = read_input("json", json.as_deref())?;
            // The same French messages as a solo register for a malformed complaint.
            reclam::complaint::input::parse_new_complaint(&text)?;
            let input: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                Error::Validation(reclam::complaint::ValidationError::new(
                    "json",
                    e.to_string(),
                ))
            })?;
            print_json(&ws.execute(Op::Record {
                reference: String::new(),
                req: RecordComplaintReq { input },
            })?)
        }
        Command::Request { json } => {
            let text = read_input("json", json.as_deref())?;
            let input: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                Error::Validation(reclam::complaint::ValidationError::new(
                    "json",
                    e.to_string(),
                ))
            })?;
            ws.execute(Op::RecordRequest(RecordRequestReq { input }))?;
            println!("demande enregistrée (hors registre des réclamations)");
            Ok(())
        }
        Command::Ack {
            reference,
            on,
            via,
            copy,
        } => print_json(&ws.execute(Op::Acknowledge(AcknowledgeReq {
            reference,
            on,
            via,
            copy,
        }))?),
        Command::Ending(c) => crate::ending::run_shared(ws, c),
        Command::Hold {
            reference,
            on,
            note,
        } => print_json(&ws.execute(Op::Hold(HoldReq {
            reference,
            on,
            note,
        }))?),
        Command::Answer {
            reference,
            on,
            outcome,
            summary,
            money,
            via,
            copy,
        } => print_json(&ws.execute(Op::Answer(AnswerReq {
            reference,
            on,
            outcome,
            summary,
            money: money.into_req(),
            via,
            copy,
        }))?),
        Command::Close {
            reference,
            on,
            feedback,
            satisfaction,
            recourse,
        } => print_json(&ws.execute(Op::Close(CloseReq {
            reference,
            on,
            feedback,
            satisfaction,
            recourse,
        }))?),
        Command::Dysfunction {
            reference,
            category,
            description,
            on,
        } => {
            let on = on.unwrap_or_else(|| ws.store().today().to_string());
            print_json(&ws.execute(Op::AddDysfunction(AddDysfunctionReq {
                reference,
                category,
                description,
                on,
            }))?)
        }
        Command::Settings {
            action: crate::settings::SettingsAction::Set { key, value, more },
        } => {
            let entries = crate::settings::pairs(key, value, more)?;
            // Checked together, then sent one change per setting (the server decides the
            // right on each).
            ws.register()?.check_settings(&entries)?;
            for (key, value) in &entries {
                ws.execute(Op::SetSetting {
                    key: key.clone(),
                    value: value.clone(),
                })?;
                println!(
                    "{key} = {}",
                    ws.register()?.setting(key)?.unwrap_or_default()
                );
            }
            Ok(())
        }
        Command::Server {
            action:
                ServerAction::User {
                    action:
                        ServerUserAction::Add {
                            name,
                            role,
                            login,
                            can_sign,
                            max_gesture,
                        },
                },
        } => {
            let role: reclam::firm::Role = reclam::complaint::input::parse_vocab("role", &role)?;
            let login = login.unwrap_or_else(|| server::login_for(&name));
            let password = stdin_line(&format!("le premier mot de passe de {name}"))?;
            let user = NewUser {
                name,
                role,
                can_sign,
                max_gesture,
                secret: None,
            };
            print_json(&ws.add_member(&login, &user, &password)?)
        }
        // Synced when opened (`open`): what it did, where it stands.
        Command::User {
            action:
                crate::users::UserAction::Edit {
                    name,
                    role,
                    can_sign,
                    max_gesture,
                },
        } => {
            let mut f = reclam::api::Fields::default();
            let Some(role) = f.optional_vocab("role", role.as_deref()) else {
                return Err(f.into_error());
            };
            let edit = reclam::firm::UserEdit {
                role,
                can_sign,
                max_gesture,
            };
            print_json(&ws.edit_member(&name, &edit)?)
        }
        Command::User {
            action: crate::users::UserAction::Password { name },
        } => {
            let password = stdin_line(&format!("le nouveau mot de passe de {name}"))?;
            print_json(&ws.set_member_password(&name, &password)?)
        }
        Command::User {
            action: crate::users::UserAction::Deactivate { name },
        } => print_json(&ws.set_member_active(&name, false)?),
        Command::User {
            action: crate::users::UserAction::Reactivate { name },
        } => print_json(&ws.set_member_active(&name, true)?),
        Command::Template {
            action: crate::letters::TemplateAction::Set { key, file },
        } => {
            let text = read_input("file", Some(&file))?;
            ws.execute(Op::SetTemplate {
                key: key.clone(),
                text,
            })?;
            println!("modèle « {key} » enregistré");
            Ok(())
        }
        Command::Retention {
            action: crate::retention::RetentionAction::Apply { yes, references },
        } => {
            if !yes {
                return Err(Error::Validation(reclam::complaint::ValidationError::new(
                    "yes",
                    "l'anonymisation est irréversible : relisez « reclam retention list » puis \
                     confirmez avec --yes",
                )));
            }
            let references = if references.is_empty() {
                ws.register()?
                    .anonymisation_candidates()?
                    .into_iter()
                    .map(|c| c.reference.to_string())
                    .collect()
            } else {
                references
            };
            print_json(&ws.execute(Op::Anonymise { references })?)
        }
        Command::Sync => print_json(&ws.sync()?),
        Command::Server {
            action: ServerAction::Migrate { from },
        } => {
            let report = ws.adopt(&from)?;
            eprintln!(
                "registre repris sur le serveur : {} réclamations, {} événements de son journal \
                 (vérifié), {} octets",
                report.complaints, report.journal_events, report.bytes
            );
            print_json(&report)
        }
        Command::Status { .. } => print_json(&ws.status_checked()?),
        Command::Conflicts { all, json } => {
            let list = ws.conflicts(!all)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                println!("aucun conflit à examiner");
            }
            for c in list {
                println!(
                    "n° {}  {}  {}  {}  {} : {}{}",
                    c.seq,
                    c.reference.as_deref().unwrap_or("-"),
                    c.kind,
                    c.author,
                    if c.reason == "refused" {
                        "refusé"
                    } else {
                        "simultané"
                    },
                    c.message,
                    c.resolution
                        .map(|r| format!("  [examiné : {r}]"))
                        .unwrap_or_default()
                );
            }
            Ok(())
        }
        Command::Resolve { seq, note } => {
            print_json(&ws.execute(Op::ResolveConflict { seq, note })?)
        }
        Command::Verify { json } => {
            let length = ws.verify_server();
            crate::backup::verify(ws.register()?, json)?;
            let length = length?;
            eprintln!("journal du cabinet : {length} changements, chaîne intacte sur le serveur");
            Ok(())
        }
        // Reads: the cache answers.
        read @ (Command::List(_)
        | Command::Show { .. }
        | Command::Stats { .. }
        | Command::Extract { .. }
        | Command::Pack { .. }
        | Command::Backup { .. }
        | Command::Settings {
            action: crate::settings::SettingsAction::Show { .. },
        }
        | Command::User {
            action: crate::users::UserAction::List { .. },
        }
        | Command::Template {
            action: crate::letters::TemplateAction::Show { .. },
        }
        | Command::Retention {
            action: crate::retention::RetentionAction::List { .. },
        }) => {
            let name = ws.member().0.to_owned();
            crate::dispatch(ws.register()?, read, &name)
        }
        Command::Letter {
            reference,
            kind,
            out,
            issue: true,
            signatory,
            expected_on,
            note,
            json,
        } => {
            let name = ws.member().0.to_owned();
            let args = crate::letters::LetterArgs {
                reference,
                kind,
                out,
                issue: true,
                signatory: signatory.unwrap_or(name),
                expected_on,
                note,
                json,
            };
            let (r, req) = crate::letters::request(&args)?;
            let meta = ws.execute(Op::IssueLetter(reclam::api::letters::LetterReq {
                reference: r.to_string(),
                request: serde_json::to_value(&req).expect("a letter request serialises"),
            }))?;
            let id = meta["id"].as_i64().unwrap_or_default();
            eprintln!(
                "lettre n° {id} émise ({} octets, SHA-256 {})",
                meta["size"],
                meta["sha256"].as_str().unwrap_or_default()
            );
            ws.register()?.save_letter(id, &args.out)?;
            eprintln!("{}", args.out.display());
            Ok(())
        }
        Command::Letter { issue: false, .. } => {
            let name = ws.member().0.to_owned();
            crate::dispatch(ws.register()?, command, &name)
        }
        _ => Err(Error::Server(
            "cette commande n'est pas encore disponible sur le registre partagé du cabinet dans \
             cette version de Reclam (pièces jointes, imports, logo, demandes de \
             validation, propositions, remboursements et actions correctives : l'application \
             les fait ; restauration)"
                .into(),
        )),
    }
}
