//! Register extracts: the complaints received in a period, with every register field of
//! DOMAIN.md and the late steps marked, as rows shared by the CSV, XLSX and PDF outputs.

pub mod pack;
pub mod stats;
pub mod table;

use crate::complaint::{
    Channel, ComplaintRef, Ending, Feedback, Money, Outcome, SentVia, Status, Subject,
    ValidationError,
};
use crate::error::Result;
use crate::print::table::{self as print_table, Cell};
use crate::progress::{stop_if_asked, Progress, Silent};
use crate::Store;
use chrono::NaiveDate;
use serde::Serialize;

pub use crate::store::extract::ExtractQuery;

/// How an extract presents its query (the storage's query type, presented here).
impl ExtractQuery {
    /// "Réclamations reçues du 01/01/2026 au 31/12/2026".
    pub fn title(&self) -> String {
        format!(
            "Réclamations reçues du {} au {}",
            fr(self.from),
            fr(self.to)
        )
    }

    /// The filters in French, for the extract's header ("" when none).
    pub fn describe_filters(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = self.status {
            parts.push(format!("statut = {}", s.label()));
        }
        if let Some(s) = self.subject {
            parts.push(format!("objet = {}", s.label()));
        }
        if let Some(c) = self.channel {
            parts.push(format!("canal = {}", c.label()));
        }
        for (what, v) in [
            ("produit", &self.product),
            ("assureur", &self.insurer),
            ("gestionnaire", &self.handler),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
                parts.push(format!("{what} = {v}"));
            }
        }
        parts.join(" ; ")
    }
}

/// One complaint of the extract, every register field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractRow {
    pub reference: ComplaintRef,
    pub client: String,
    pub client_kind: crate::complaint::ClientKind,
    /// The reference in the register it was imported from, if any.
    pub original_reference: Option<String>,
    pub received_on: NaiveDate,
    pub sent_on: Option<NaiveDate>,
    pub channel: Channel,
    pub subject: Subject,
    pub description: String,
    pub contract: Option<String>,
    pub product: Option<String>,
    pub insurer: Option<String>,
    pub other_parties: Vec<String>,
    pub persons_concerned: Vec<String>,
    /// Who took the complaint in.
    pub received_by: Option<String>,
    pub handler: Option<String>,
    pub ack_due: NaiveDate,
    pub acknowledged_on: Option<NaiveDate>,
    pub answer_due: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub answer_summary: Option<String>,
    pub gesture: Option<Money>,
    pub dysfunctions: Vec<String>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
    pub feedback: Option<Feedback>,
    /// The acknowledgement came (or is still missing) after its due date.
    pub ack_late: bool,
    /// The answer came (or is still missing) after its due date.
    pub answer_late: bool,
    /// How the acknowledgement and the answer reached the client.
    pub ack_via: Option<SentVia>,
    pub answer_via: Option<SentVia>,
    /// Withdrawn or requalified: when and why.
    pub ended: Option<Ending>,
    /// The status as the register shows it (the ending when there is one).
    pub status_label: &'static str,
    /// Received through a complaints platform.
    pub platform: Option<crate::complaint::PlatformCase>,
}

/// A short name of the way a step reached the client (the extract's narrow cells).
pub fn via_short(v: SentVia) -> &'static str {
    match v {
        SentVia::RegisterLetter => "lettre du registre",
        SentVia::Email => "e-mail",
        SentVia::OtherLetter => "courrier",
        SentVia::Oral => "oral, confirmé par écrit",
    }
}

/// A step is late when done after its due date, or not done and its due date is past. An
/// answer within the acknowledgement period stands for the acknowledgement.
pub(crate) fn late(
    done: Option<NaiveDate>,
    due: NaiveDate,
    today: NaiveDate,
    ended: Option<NaiveDate>,
) -> bool {
    match done {
        Some(d) => d > due,
        // A withdrawal or a requalification stops the clock.
        None => due < today && ended.is_none_or(|e| e > due),
    }
}

/// The rows of an extract, oldest reception first.
pub fn rows(store: &Store, q: &ExtractQuery) -> Result<Vec<ExtractRow>> {
    let today = store.today();
    let mut out = Vec::new();
    for found in store.extract_complaints(q)? {
        let c = found.complaint;
        let first_reply = c.acknowledged_on.or(c.answer.as_ref().map(|a| a.on));
        let ended_on = c.ended.as_ref().map(|e| e.on);
        out.push(ExtractRow {
            ack_late: late(first_reply, c.deadlines.ack_due, today, ended_on),
            answer_late: late(
                c.answer.as_ref().map(|a| a.on),
                c.deadlines.answer_due,
                today,
                ended_on,
            ),
            ack_via: c.ack_sent.as_ref().map(|s| s.via),
            answer_via: c
                .answer
                .as_ref()
                .and_then(|a| a.sent.as_ref())
                .map(|s| s.via),
            status_label: c.status_label(),
            ended: c.ended.clone(),
            platform: c.platform.clone(),
            reference: c.reference,
            client: c.client.name,
            client_kind: c.client.kind,
            original_reference: found.original_reference,
            received_on: c.received_on,
            sent_on: c.sent_on,
            channel: c.channel,
            subject: c.subject,
            description: c.description,
            contract: c.contract.number,
            product: c.contract.product,
            insurer: c.contract.insurer,
            other_parties: c.other_parties,
            persons_concerned: c.persons_concerned,
            received_by: c.received_by,
            handler: c.handler,
            ack_due: c.deadlines.ack_due,
            acknowledged_on: c.acknowledged_on,
            answer_due: c.deadlines.answer_due,
            answered_on: c.answer.as_ref().map(|a| a.on),
            outcome: c.answer.as_ref().map(|a| a.outcome),
            answer_summary: c.answer.as_ref().map(|a| a.summary.clone()),
            gesture: c.answer.as_ref().and_then(|a| a.gesture),
            dysfunctions: found
                .dysfunctions
                .iter()
                .map(|(category, description)| format!("{} : {description}", category.label()))
                .collect(),
            status: c.status,
            closed_on: c.closure.as_ref().map(|x| x.on),
            feedback: c.closure.as_ref().map(|x| x.feedback),
        });
    }
    Ok(out)
}

use crate::complaint::french_date as fr;

fn fr_opt(d: Option<NaiveDate>) -> String {
    d.map(fr).unwrap_or_else(|| "—".to_owned())
}

/// The PDF columns (A4 landscape): every register field, grouped so that a row stays legible.
const PDF_COLUMNS: &[(&str, f32)] = &[
    ("Référence", 23.0),
    ("Client", 22.0),
    ("Reçue (envoyée)", 17.0),
    ("Canal", 16.0),
    ("Objet", 19.0),
    ("Contrat, produit, assureur", 22.0),
    ("Description", 31.0),
    ("Autres intervenants ; personnes visées", 23.0),
    ("Accusé de réception (dû le)", 19.0),
    ("Réponse (due le)", 19.0),
    ("Décision, geste, contenu", 30.0),
    ("Dysfonction-\nnements", 26.0),
    ("Statut", 16.0),
];

fn pdf_row(r: &ExtractRow) -> Vec<Cell> {
    let cell = |text: String| Cell { text, late: false };
    let joined = |parts: Vec<Option<&str>>| {
        parts
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut received = fr(r.received_on);
    if let Some(sent) = r.sent_on {
        received.push_str(&format!("\n(env. {})", fr(sent)));
    }
    let mut decision = String::new();
    if let Some(o) = r.outcome {
        decision.push_str(o.label());
        if let Some(g) = r.gesture {
            decision.push_str(&format!(" ; geste {}", g.to_french()));
        }
        if let Some(s) = r.answer_summary.as_deref().filter(|s| !s.is_empty()) {
            decision.push_str(&format!("\n{s}"));
        }
    }
    let parties = [r.other_parties.join(", "), r.persons_concerned.join(", ")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ; ");
    let mut status = r.status_label.to_owned();
    if let Some(e) = &r.ended {
        status.push_str(&format!("\nle {}", fr(e.on)));
    } else if let Some(c) = r.closed_on {
        status.push_str(&format!("\nle {}", fr(c)));
    }
    let sent = |via: Option<SentVia>| {
        via.map(|v| format!("\n{}", via_short(v)))
            .unwrap_or_default()
    };
    vec![
        cell(r.reference.to_string()),
        cell(r.client.clone()),
        cell(received),
        cell(r.channel.label().to_owned()),
        cell(r.subject.label().to_owned()),
        cell(joined(vec![
            r.contract.as_deref(),
            r.product.as_deref(),
            r.insurer.as_deref(),
        ])),
        cell(r.description.clone()),
        cell(parties),
        Cell {
            text: format!(
                "{}\n(dû {}){}",
                fr_opt(r.acknowledged_on.or(r.answered_on)),
                fr(r.ack_due),
                sent(r.ack_via)
            ),
            late: r.ack_late,
        },
        Cell {
            text: format!(
                "{}\n(due {}){}",
                fr_opt(r.answered_on),
                fr(r.answer_due),
                sent(r.answer_via)
            ),
            late: r.answer_late,
        },
        cell(decision),
        cell(r.dysfunctions.join("\n")),
        cell(status),
    ]
}

/// The extract in one of its formats ("pdf", "csv", "xlsx"), as `actor` makes it.
pub fn export(store: &Store, q: &ExtractQuery, format: &str, actor: &str) -> Result<Vec<u8>> {
    let rows = rows(store, q)?;
    let title = q.title();
    match format {
        "csv" => {
            let mut buf = Vec::new();
            table::write_csv(&rows, &mut buf)?;
            Ok(buf)
        }
        "xlsx" => {
            let st = stats::compute(store, q)?;
            table::write_xlsx(&rows, &title, &summary_sections(store, &st)?)
        }
        "pdf" => pdf_of_rows(store, q, &rows, actor, Vec::new(), &Silent),
        other => Err(ValidationError::new(
            "format",
            format!("format inconnu « {other} » (pdf, csv, xlsx)"),
        )
        .into()),
    }
}

/// The PDF extract written to `out` page after page, as `actor` makes it (memory does not grow
/// with the register); returns how many complaints it holds.
pub fn export_pdf_to<W: std::io::Write + Send>(
    store: &Store,
    q: &ExtractQuery,
    actor: &str,
    out: W,
) -> Result<usize> {
    export_pdf_to_with(store, q, actor, out, &Silent)
}

/// What a cancelled extract says (its partial file is removed by the caller).
pub const CANCELLED: &str = "extrait annulé : aucun fichier n'a été écrit";

/// [`export_pdf_to`] telling `progress` the register read, then the complaints laid out
/// ("Mise en page de l'extrait"); cancelled, it stops with [`crate::Error::Cancelled`] and what
/// was written to `out` is to be thrown away.
pub fn export_pdf_to_with<W: std::io::Write + Send>(
    store: &Store,
    q: &ExtractQuery,
    actor: &str,
    out: W,
    progress: &dyn Progress,
) -> Result<usize> {
    progress.stage("Lecture du registre");
    let rows = rows(store, q)?;
    stop_if_asked(progress, CANCELLED)?;
    pdf_of_rows(store, q, &rows, actor, out, progress)?;
    stop_if_asked(progress, CANCELLED)?;
    Ok(rows.len())
}

fn pdf_of_rows<W: std::io::Write + Send>(
    store: &Store,
    q: &ExtractQuery,
    rows: &[ExtractRow],
    actor: &str,
    out: W,
    progress: &dyn Progress,
) -> Result<W> {
    let st = stats::compute(store, q)?;
    let firm = store.setting("firm.name")?.unwrap_or_default();
    let orias = store.setting("firm.orias")?.unwrap_or_default();
    let meta = ExtractMeta {
        firm: &firm,
        orias: &orias,
        actor,
    };
    progress.stage("Mise en page de l'extrait");
    pdf_to_with(store, q, rows, &st, &meta, out, progress)
}

/// The statistics, then the corrective-action log (late ones first), as titled sections.
pub fn summary_sections(store: &Store, stats: &stats::Stats) -> Result<Vec<stats::Section>> {
    let mut sections = stats.sections();
    let actions = store.actions()?;
    if !actions.is_empty() {
        let lines = actions
            .iter()
            .map(|a| {
                let mut label = format!(
                    "n° {} — {} ({})",
                    a.id,
                    a.description.replace('\n', " "),
                    a.owner
                );
                let links: Vec<String> = a
                    .complaints
                    .iter()
                    .cloned()
                    .chain(a.dysfunctions.iter().map(|d| format!("dysf. n° {d}")))
                    .collect();
                if !links.is_empty() {
                    label.push_str(&format!(" — {}", links.join(", ")));
                }
                let mut value = format!("{}, échéance {}", a.status.label(), fr(a.due_on));
                if a.late {
                    value.push_str(" — en retard");
                }
                (label, value)
            })
            .collect();
        sections.push(("Actions correctives".to_owned(), lines));
    }
    Ok(sections)
}

/// Who made the extract and what it covers, for its header.
pub struct ExtractMeta<'a> {
    pub firm: &'a str,
    pub orias: &'a str,
    pub actor: &'a str,
}

/// The register extract as an A4 landscape PDF: header (firm, period, filters, who and when,
/// the head of the journal's chain), one row per complaint with the late steps marked, and the
/// statistics.
pub fn pdf(
    store: &Store,
    q: &ExtractQuery,
    rows: &[ExtractRow],
    stats: &stats::Stats,
    meta: &ExtractMeta<'_>,
) -> Result<Vec<u8>> {
    pdf_to_with(store, q, rows, stats, meta, Vec::new(), &Silent)
}

/// [`pdf`], written to `out` page after page (a file: memory does not grow with the register).
pub fn pdf_to<W: std::io::Write + Send>(
    store: &Store,
    q: &ExtractQuery,
    rows: &[ExtractRow],
    stats: &stats::Stats,
    meta: &ExtractMeta<'_>,
    out: W,
) -> Result<W> {
    pdf_to_with(store, q, rows, stats, meta, out, &Silent)
}

/// [`pdf_to`] telling `progress` the complaints laid out. Once cancelled, the remaining rows
/// are skipped (the caller then stops with [`crate::Error::Cancelled`]).
fn pdf_to_with<W: std::io::Write + Send>(
    store: &Store,
    q: &ExtractQuery,
    rows: &[ExtractRow],
    stats: &stats::Stats,
    meta: &ExtractMeta<'_>,
    out: W,
    progress: &dyn Progress,
) -> Result<W> {
    let table = pdf_table(store, q, rows, stats, meta)?;
    let total = rows.len() as u64;
    let laid_out = std::cell::Cell::new(0u64);
    let rows = rows
        .iter()
        .take_while(|_| !progress.cancelled())
        .inspect(|_| {
            let done = laid_out.get() + 1;
            laid_out.set(done);
            if crate::progress::worth_reporting(done, total) {
                progress.step(done, total);
            }
        })
        .map(pdf_row);
    Ok(print_table::render_to(&table, rows, out)?)
}

/// What the PDF's header, footers and statistics pages say.
fn pdf_table(
    store: &Store,
    q: &ExtractQuery,
    rows: &[ExtractRow],
    stats: &stats::Stats,
    meta: &ExtractMeta<'_>,
) -> Result<print_table::Table> {
    let now = store.clock().now();
    let local = now.with_timezone(&chrono::Local);
    let (events, head) = store.journal_head()?;
    let filters = q.describe_filters();
    Ok(print_table::Table {
        title: "Registre des réclamations — extrait".to_owned(),
        firm: if meta.orias.is_empty() {
            meta.firm.to_owned()
        } else {
            format!("{} — ORIAS n°\u{A0}{}", meta.firm, meta.orias)
        },
        period: format!(
            "Réclamations reçues du {} au {} ({})",
            fr(q.from),
            fr(q.to),
            match rows.len() {
                0 => "aucune".to_owned(),
                1 => "1 réclamation".to_owned(),
                n => format!("{n} réclamations"),
            }
        ),
        filters: (!filters.is_empty()).then(|| format!("Filtres : {filters}")),
        made: format!(
            "Extrait du {} par {}",
            local.format("%d/%m/%Y à %H:%M"),
            meta.actor
        ),
        chain_head: head.map(|h| format!("Journal : {events} événements, tête de chaîne {h}")),
        columns: PDF_COLUMNS
            .iter()
            .map(|(t, w)| print_table::Column {
                title: (*t).to_owned(),
                width_mm: *w,
            })
            .collect(),
        late_legend: rows.iter().any(|r| r.ack_late || r.answer_late),
        summary: summary_sections(store, stats)?
            .into_iter()
            .map(|(title, lines)| print_table::SummarySection { title, lines })
            .collect(),
        created: now,
    })
}
