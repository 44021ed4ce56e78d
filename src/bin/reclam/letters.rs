//! `letter`, `approve` and `template`: letters, the approval of a gesture, the templates.

use crate::io::{print_json, read_input};
use clap::Subcommand;
use reclam::api::Fields;
use reclam::letters::HoldingInfo;
use reclam::letters::LetterRequest;
use reclam::{Error, Register};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum TemplateAction {
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

/// The `letter` command's arguments (`signatory` defaults to `--by`).
pub struct LetterArgs {
    pub reference: String,
    pub kind: String,
    pub out: PathBuf,
    pub issue: bool,
    pub signatory: String,
    pub expected_on: Option<String>,
    pub note: Option<String>,
    pub json: bool,
}

/// The letter the arguments ask for.
pub fn request(a: &LetterArgs) -> Result<(reclam::complaint::ComplaintRef, LetterRequest), Error> {
    let mut f = Fields::default();
    let reference = f.reference("reference", &a.reference);
    let kind = f.check(a.kind.parse());
    let expected_on = f.optional_date("expectedOn", a.expected_on.as_deref());
    let (Some(r), Some(kind), Some(expected_on)) = (reference, kind, expected_on) else {
        return Err(f.into_error());
    };
    let req = LetterRequest {
        kind,
        signatory: a.signatory.clone(),
        holding: expected_on.map(|expected_on| HoldingInfo {
            expected_on,
            note: a.note.clone().unwrap_or_default(),
        }),
    };
    Ok((r, req))
}

/// A letter as a PDF at `--out`: a draft, or issued (stored, journaled, the step moved).
pub fn letter(reg: &mut Register, a: LetterArgs) -> Result<(), Error> {
    let (r, req) = request(&a)?;
    if a.json {
        print_json(&reg.draft_letter(&r, &req)?.composed)?;
    }
    if a.issue {
        // Once the firm has a certificate, issued letters are signed with it.
        if reg.certificate()?.is_some() {
            reg.unlock_certificate(&cert_passphrase()?)?;
        }
        let meta = reg.issue_letter(&r, &req)?;
        eprintln!(
            "lettre n° {} émise ({} octets, SHA-256 {})",
            meta.id, meta.size, meta.sha256
        );
        reg.save_letter(meta.id, &a.out)?;
    } else {
        reg.save_draft_letter(&r, &req, &a.out)?;
    }
    eprintln!("{}", a.out.display());
    Ok(())
}

pub fn template(reg: &mut Register, action: TemplateAction, by: &str) -> Result<(), Error> {
    match action {
        TemplateAction::Show { json } => {
            let templates = reg.templates()?;
            if json {
                return print_json(&templates);
            }
            for t in templates {
                println!(
                    "== {} ({}){}",
                    t.key,
                    t.label,
                    if t.is_default { ", par défaut" } else { "" }
                );
                println!("{}\n", t.text);
            }
            Ok(())
        }
        TemplateAction::Set { key, file } => {
            let text = read_input("file", Some(&file))?;
            reg.act_as(by)?.set_template(&key, &text)?;
            println!("{key} enregistré");
            Ok(())
        }
    }
}

/// The certificate's passphrase: `RECLAM_CERT_PASSPHRASE`, or asked at the terminal.
pub fn cert_passphrase() -> Result<String, Error> {
    secret(
        "RECLAM_CERT_PASSPHRASE",
        "passphrase",
        "phrase secrète du certificat du cabinet",
    )
}

/// A secret from the environment variable `var`, or asked at the terminal as `what`.
fn secret(var: &str, field: &str, what: &str) -> Result<String, Error> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    use std::io::IsTerminal;
    let refuse = |message: String| {
        Error::Validation(reclam::complaint::ValidationError::new(field, message))
    };
    if !std::io::stdin().is_terminal() {
        return Err(refuse(format!(
            "{what} attendue : {var}, ou lancez la commande dans un terminal"
        )));
    }
    rpassword::prompt_password(format!("{what} : "))
        .map_err(|e| refuse(format!("{what} illisible : {e}")))
}

#[derive(clap::Subcommand)]
pub enum CertAction {
    /// Create the firm's self-signed certificate from its settings (name, ORIAS number); its
    /// key is kept beside the register, encrypted with the passphrase (RECLAM_CERT_PASSPHRASE
    /// or asked).
    Create {
        /// Replace the firm's current certificate while it is still valid (it is kept beside
        /// the register under its fingerprint).
        #[arg(long)]
        replace: bool,
    },
    /// Import a certificate bought from a certification authority from its .p12 (or .pfx):
    /// the file's password from RECLAM_P12_PASSWORD (or asked), the passphrase that will
    /// protect the key from RECLAM_CERT_PASSPHRASE (or asked).
    Import {
        file: std::path::PathBuf,
        /// Replace the firm's current certificate while it is still valid.
        #[arg(long)]
        replace: bool,
    },
    /// Declare the firm's certificate revoked (key lost or compromised, revoked by its
    /// authority): letters are no longer signed with it.
    Revoke {
        #[arg(long)]
        reason: String,
    },
    /// The firm's certificate: subject, validity, fingerprint.
    Show {
        #[arg(long)]
        json: bool,
    },
}

pub fn cert(reg: &mut Register, action: CertAction, by: &str) -> Result<(), Error> {
    match action {
        CertAction::Create { replace } => {
            let passphrase = cert_passphrase()?;
            let info = reg
                .act_as(by)?
                .create_certificate_replacing(&passphrase, replace)?;
            print_json(&info)
        }
        CertAction::Import { file, replace } => {
            let bytes = reclam::register::files::read("file", &file)?;
            let password = secret(
                "RECLAM_P12_PASSWORD",
                "password",
                "mot de passe du fichier .p12",
            )?;
            let passphrase = cert_passphrase()?;
            let info =
                reg.act_as(by)?
                    .import_certificate(&bytes, &password, &passphrase, replace)?;
            print_json(&info)
        }
        CertAction::Revoke { reason } => {
            let info = reg.act_as(by)?.revoke_certificate(&reason)?;
            print_json(&info)
        }
        CertAction::Show { json } => match reg.certificate()? {
            None => {
                println!("aucun certificat : reclam cert create");
                Ok(())
            }
            Some(info) if json => print_json(&info),
            Some(info) => {
                println!("{}", info.subject);
                println!(
                    "valable du {} au {}{}",
                    info.not_before,
                    info.not_after,
                    if info.self_signed {
                        " (auto-signé)"
                    } else {
                        ""
                    }
                );
                println!("émis par {} ; clé {}", info.issuer, info.key);
                println!("empreinte SHA-256 {}", info.fingerprint);
                if let Some(on) = &info.revoked_on {
                    println!("RÉVOQUÉ le {on} : il ne signe plus");
                }
                Ok(())
            }
        },
    }
}
