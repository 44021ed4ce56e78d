//! `add`, `request`, `list`, `show` and `deadlines`: recording and reading the register.

use crate::io::{print_json, read_input, truncate};
use chrono::NaiveDate;
use clap::Args;
use reclam::api::complaints::{self as api, ReferenceReq};
use reclam::api::{Fields, Request};
use reclam::calendar;
use reclam::complaint::input::{french_serde_error, parse_new_complaint};
use reclam::complaint::{Status, Subject, ValidationError};
use reclam::register::files::io_reason;
use reclam::store::register::{RegisterQuery, RegisterSort};
use reclam::store::{ComplaintView, NewRequest};
use reclam::{Error, Register};
use std::io::{BufRead, BufWriter, Write};

#[derive(Args)]
pub struct ListArgs {
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

pub fn add(reg: &mut Register, json: Option<&str>) -> Result<(), Error> {
    let new = parse_new_complaint(&read_input("json", json)?)?;
    print_json(&reg.record(&new)?)
}

/// The complaint an e-mail file proposes (printed), or recorded with `record`.
pub fn add_from_email(
    reg: &mut Register,
    file: &std::path::Path,
    record: bool,
    subject: Option<&str>,
) -> Result<(), Error> {
    let (name, bytes) = email_file(file)?;
    let mut proposal = reg.propose_from_email(&name, &bytes)?;
    if let Some(s) = subject {
        proposal.complaint.subject = reclam::complaint::input::parse_vocab("subject", s)?;
    }
    if !record {
        return print_json(&proposal);
    }
    print_json(&reg.record_from_email(&proposal.complaint, &name, &bytes)?)
}

/// A message file's name and bytes (its size checked before it is read).
pub fn email_file(file: &std::path::Path) -> Result<(String, Vec<u8>), Error> {
    Ok(reclam::mail::read_file(file)?)
}

pub fn request(reg: &mut Register, json: Option<&str>) -> Result<(), Error> {
    let text = read_input("json", json)?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let req: NewRequest = serde_path_to_error::deserialize(de)
        .map_err(|e| french_serde_error(&e.path().to_string(), e.inner()))?;
    let id = reg.record_request(&req)?;
    println!("demande n° {id} enregistrée (hors registre des réclamations)");
    Ok(())
}

pub fn show(reg: &Register, reference: &str, json: bool) -> Result<(), Error> {
    let r = ReferenceReq {
        reference: reference.to_owned(),
    }
    .decode()?;
    let view = reg.view(&r)?;
    if json {
        print_json(&view)
    } else {
        show_text(&view);
        Ok(())
    }
}

fn list_query(a: &ListArgs) -> Result<RegisterQuery, Error> {
    let mut f = Fields::default();
    let status = f.optional_vocab::<Status>("status", a.status.as_deref());
    let subject = f.optional_vocab::<Subject>("subject", a.subject.as_deref());
    let (Some(status), Some(subject)) = (status, subject) else {
        return Err(f.into_error());
    };
    Ok(RegisterQuery {
        status,
        overdue: a.overdue,
        due_within_days: a.due_within,
        search: a.search.clone(),
        subject,
        handler: a.handler.clone(),
        sort: if a.overdue || a.due_within.is_some() {
            RegisterSort::NextDue
        } else {
            RegisterSort::ReceivedDesc
        },
        limit: a.limit,
        offset: a.offset,
        ..RegisterQuery::default()
    })
}

pub fn list(reg: &Register, a: ListArgs) -> Result<(), Error> {
    let page = reg.list(&list_query(&a)?)?;
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

fn show_text(v: &ComplaintView) {
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

/// The start dates given as arguments, or one per line on the standard input.
fn deadline_inputs(dates: &[String]) -> Result<Vec<(String, String)>, Error> {
    if !dates.is_empty() {
        return Ok((1..)
            .map(|i| format!("date {i}"))
            .zip(dates.iter().cloned())
            .collect());
    }
    let lines = std::io::stdin()
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
        })?;
    Ok((1..)
        .map(|i| format!("ligne {i}"))
        .zip(lines)
        .filter(|(_, l)| !l.trim().is_empty())
        .collect())
}

/// `deadlines`: one JSON object per start date, computed by the calendar alone.
pub fn deadlines(dates: &[String], region: &str) -> Result<(), Error> {
    let region = api::region(region)?;
    // Validate everything first: no partial output on a bad line.
    let mut f = Fields::default();
    let starts: Vec<Option<NaiveDate>> = deadline_inputs(dates)?
        .iter()
        .map(|(field, s)| f.calendar_date(field, s))
        .collect();
    let Some(starts) = starts.into_iter().collect::<Option<Vec<_>>>() else {
        return Err(f.into_error());
    };
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
