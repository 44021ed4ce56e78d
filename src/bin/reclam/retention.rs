//! `retention` and `client-export`: personal data, its anonymisation past the retention
//! period and the client's right of access.

use crate::io::{print_json, truncate};
use clap::Subcommand;
use reclam::api::others::AnonymiseReq;
use reclam::api::Request;
use reclam::complaint::{ComplaintRef, ValidationError};
use reclam::{Error, Register};
use std::path::Path;

#[derive(Subcommand)]
pub enum RetentionAction {
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

pub fn run(reg: &mut Register, action: RetentionAction, by: &str) -> Result<(), Error> {
    let years = reg.retention_years()?;
    let ans = if years > 1 { "ans" } else { "an" };
    match action {
        RetentionAction::List { json } => {
            let candidates = reg.anonymisation_candidates()?;
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
                reg.anonymisation_candidates()?
                    .into_iter()
                    .map(|c| c.reference)
                    .collect()
            } else {
                AnonymiseReq { references }.decode()?
            };
            if refs.is_empty() {
                println!("aucune réclamation à anonymiser");
                return Ok(());
            }
            let report = reg.act_as(by)?.anonymise(&refs)?;
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

/// Everything held about one client, as JSON at `out` (and PDF at `pdf`); journaled.
pub fn client_export(
    reg: &mut Register,
    query: &str,
    out: &Path,
    pdf: Option<&Path>,
) -> Result<(), Error> {
    let summary = reg.write_client_export_files(query, out, pdf)?;
    println!(
        "{} réclamation(s) de « {} » → {}{}",
        summary.references.len(),
        summary.query,
        out.display(),
        pdf.map(|p| format!(", {}", p.display()))
            .unwrap_or_default()
    );
    Ok(())
}
