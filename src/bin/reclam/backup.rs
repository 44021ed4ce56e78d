//! `backup`, `restore` and `verify`: the register's copies and its proof.

use crate::io::print_json;
use reclam::clock::Clock;
use reclam::store::backup;
use reclam::store::verify::VerifyReport;
use reclam::{Error, Register};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// To `--out`, or today's automatic backup with the rotation; `--list` shows the folder.
pub fn backup(reg: &Register, out: Option<PathBuf>, list: bool) -> Result<(), Error> {
    if list {
        println!(
            "Dossier des sauvegardes : {}",
            reg.backup_folder()?.display()
        );
        for f in reg.backups()? {
            let what = match &f.content {
                Some(c) => format!(
                    "{} réclamation(s), {} événement(s){}",
                    c.complaints,
                    c.events,
                    if f.this_register {
                        ""
                    } else {
                        " — autre registre"
                    }
                ),
                None => "illisible".to_owned(),
            };
            println!("  {:<48} {:>10} octets  {what}", f.name, f.size);
        }
    } else if let Some(out) = out {
        reg.backup_to(&out)?;
        println!("{}", out.display());
    } else {
        match reg.daily_backup()? {
            Some(p) => println!("{}", p.display()),
            None => println!(
                "La sauvegarde du jour existe déjà dans {}",
                reg.backup_folder()?.display()
            ),
        }
    }
    Ok(())
}

/// Replace the register at `target` (not open) by the checked backup `file`, after printing
/// both registers side by side and what the restore would lose.
pub fn restore(
    file: &Path,
    target: &Path,
    clock: Arc<dyn Clock>,
    accept_loss: bool,
) -> Result<(), Error> {
    eprintln!("{}", preview_text(&backup::preview(file, target)?));
    let r = Register::restore(file, target, clock, accept_loss)?;
    println!(
        "Registre restauré depuis {} : {} réclamations, {} événements, journal intègre.",
        file.display(),
        r.complaints,
        r.events
    );
    if let Some(h) = r.head {
        println!("Tête de chaîne : {h}");
    }
    if let Some(how) = r.how_to_undo {
        println!("{how}");
    }
    Ok(())
}

/// Both registers of a restore, side by side, and what it would lose.
fn preview_text(p: &backup::RestorePreview) -> String {
    let line = |label: &str, i: &backup::BackupInfo| {
        format!(
            "{label:<11} registre {} — cabinet « {} » — {} réclamation(s), {} événement(s), \
             dernier le {}, tête {}",
            i.register_id
                .as_deref()
                .map(reclam::store::identity::short)
                .unwrap_or("sans identité"),
            i.firm,
            i.complaints,
            i.events,
            i.last_event_at.as_deref().unwrap_or("—"),
            i.head
                .as_deref()
                .map(|h| &h[..h.len().min(12)])
                .unwrap_or("—"),
        )
    };
    let mut out = line("Sauvegarde", &p.backup);
    if let Some(c) = &p.current {
        out.push('\n');
        out.push_str(&line("Actuel", c));
    }
    out.push('\n');
    out.push_str(&p.consequence);
    out
}

/// Walk the proof; an altered register is an error (exit code 3).
pub fn verify(reg: &Register, json: bool) -> Result<(), Error> {
    let report = reg.verify()?;
    if json {
        print_json(&report)?;
    } else {
        print_report(&report);
    }
    if !report.ok {
        return Err(Error::Tampered(format!(
            "{} problème(s) ; premier : {}",
            report.findings.len(),
            report.findings[0].message
        )));
    }
    Ok(())
}

fn print_report(report: &VerifyReport) {
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
