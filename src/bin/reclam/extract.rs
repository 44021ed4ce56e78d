//! `extract`, `stats` and `pack`: the register extract, its statistics, the inspection pack.

use crate::io::print_json;
use clap::Args;
use reclam::api::extract::PeriodReq;
use reclam::api::Request;
use reclam::extract::ExtractQuery;
use reclam::{Error, Register};
use std::path::Path;

/// A period of reception and the extract's optional filters.
#[derive(Args)]
pub struct PeriodArgs {
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
    fn query(self) -> Result<ExtractQuery, Error> {
        PeriodReq {
            from: self.from,
            to: self.to,
            status: self.status,
            subject: self.subject,
            channel: self.channel,
            product: self.product,
            insurer: self.insurer,
            handler: self.handler,
        }
        .decode()
    }
}

pub fn extract(
    reg: &mut Register,
    period: PeriodArgs,
    format: &str,
    out: &Path,
    sign: bool,
) -> Result<(), Error> {
    if sign && format != "pdf" {
        return Err(Error::Validation(reclam::complaint::ValidationError::new(
            "sign",
            "seul un extrait PDF se signe",
        )));
    }
    if sign {
        reg.unlock_certificate(&crate::letters::cert_passphrase()?)?;
    }
    let q = period.query()?;
    let count = reg.export_extract_to(&q, format, out)?;
    if sign {
        reg.sign_document(
            out,
            &format!("Extrait du registre des réclamations — {}", q.title()),
        )?;
    }
    eprintln!("{count} réclamation(s) → {}", out.display());
    Ok(())
}

pub fn stats(reg: &Register, period: PeriodArgs, json: bool) -> Result<(), Error> {
    let q = period.query()?;
    let stats = reg.stats(&q)?;
    if json {
        return print_json(&stats);
    }
    println!("{}", q.title());
    for (section, lines) in stats.sections() {
        println!("\n{section}");
        for (label, value) in lines {
            println!("  {label:<45} {value}");
        }
    }
    Ok(())
}

/// The pack as one PDF and its parts, written into the `--out` folder itself.
pub fn pack(reg: &mut Register, period: PeriodArgs, out: &Path, sign: bool) -> Result<(), Error> {
    if sign {
        reg.unlock_certificate(&crate::letters::cert_passphrase()?)?;
    }
    let q = period.query()?;
    let files = reg.write_pack_into(&q, out)?;
    if sign {
        reg.sign_document(&files.pdf, &format!("Dossier d'inspection — {}", q.title()))?;
    }
    println!("{} ({} pages)", files.pdf.display(), files.pages);
    for part in &files.parts {
        println!("{}", part.display());
    }
    Ok(())
}
