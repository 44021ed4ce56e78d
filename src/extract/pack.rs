//! The inspection pack: what an ACPR inspector or the professional association asks for, in one
//! PDF and as separate files.
//!
//! 1. a cover page: firm, period, who made it and when, the contents, and the head of the
//!    journal's hash chain (so that the printed pack can later be checked against the register);
//! 2. the firm's complaint-handling procedure: a template the firm edits (Settings → modèles),
//!    filled with its deadlines, its mediator and the people who answer;
//! 3. the register extract of the period (A4 landscape), followed by the period's statistics
//!    and the corrective-action log.
//!
//! The parts are laid out by the print engine (`print::letter` for the cover and the procedure,
//! `print::table` for the extract), then joined into one PDF (`print::merge`).

use super::{export, ExtractQuery};
use crate::complaint::{french_date, Role};
use crate::error::Result;
use crate::letters::procedure::{DEFAULT_PROCEDURE, PROCEDURE_KEY, PROCEDURE_PLACEHOLDERS};
use crate::letters::template::Template;
use crate::letters::{long_date, one_line};
use crate::print::{self, merge, page_count};
use crate::store::Store;
use std::collections::BTreeMap;

/// The inspection pack: the whole PDF and its parts as separate files.
pub struct Pack {
    /// Cover, procedure, extract with statistics and corrective actions.
    pub pdf: Vec<u8>,
    /// (file name, bytes) of each part: the procedure, the extract in PDF and XLSX.
    pub parts: Vec<(String, Vec<u8>)>,
    /// Pages of the whole PDF.
    pub pages: usize,
}

fn names(store: &Store, keep: impl Fn(&crate::firm::User) -> bool) -> Result<String> {
    let list: Vec<String> = store
        .users()?
        .into_iter()
        .filter(|u| u.active && keep(u))
        .map(|u| format!("{} ({})", u.name, u.role.label().to_lowercase()))
        .collect();
    Ok(if list.is_empty() {
        "voir l'organigramme du cabinet".to_owned()
    } else {
        list.join(", ")
    })
}

/// The procedure template's text (the firm's, or the shipped one) filled for today.
pub fn procedure_text(store: &Store) -> Result<String> {
    let text = store
        .setting(PROCEDURE_KEY)?
        .unwrap_or_else(|| DEFAULT_PROCEDURE.to_owned());
    let template = Template::parse_with(PROCEDURE_KEY, &text, PROCEDURE_PLACEHOLDERS)?;
    let get = |k: &str| -> Result<String> { Ok(store.setting(k)?.unwrap_or_default()) };
    let money = |k: &str| -> Result<String> {
        let default = crate::settings::DEFAULT_AUTHORITY
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| (*v).to_owned())
            .unwrap_or_default();
        let v = store.setting(k)?.unwrap_or(default);
        if v.is_empty() {
            return Ok("sans plafond".to_owned());
        }
        Ok(v.parse::<crate::complaint::Money>()
            .map(|m| m.to_french())
            .unwrap_or(v))
    };
    let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
    values.insert("firm.name", get("firm.name")?);
    values.insert("firm.address", one_line(&get("firm.address")?));
    values.insert("firm.orias", get("firm.orias")?);
    values.insert("firm.phone", get("firm.phone")?);
    values.insert("firm.email", get("firm.email")?);
    values.insert(
        "firm.managers",
        names(store, |u| {
            matches!(u.role, Role::Manager | Role::Supervisor)
        })?,
    );
    values.insert("firm.signatories", names(store, |u| u.can_sign)?);
    values.insert("deadlines.ack", "10 jours ouvrables".to_owned());
    values.insert("deadlines.answer", "2 mois".to_owned());
    values.insert(
        "deadlines.holidays",
        match store.region() {
            crate::calendar::Region::Metropole => "les jours fériés nationaux".to_owned(),
            crate::calendar::Region::AlsaceMoselle => {
                "les jours fériés nationaux, le Vendredi saint et le 26 décembre (Alsace-Moselle)"
                    .to_owned()
            }
        },
    );
    values.insert("authority.advisor", money("authority.advisor")?);
    values.insert("authority.supervisor", money("authority.supervisor")?);
    values.insert("authority.reasonFrom", money("authority.reasonFrom")?);
    values.insert("authority.documentFrom", money("authority.documentFrom")?);
    values.insert("mediator.name", get("mediator.name")?);
    values.insert("mediator.address", one_line(&get("mediator.address")?));
    values.insert("mediator.website", get("mediator.website")?);
    let years = store
        .setting("retention.years")?
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(crate::settings::DEFAULT_RETENTION_YEARS);
    values.insert(
        "retention.years",
        format!("{years} an{}", if years > 1 { "s" } else { "" }),
    );
    values.insert("procedure.date", long_date(store.today()));
    Ok(template.fill(&values))
}

/// Blocks of a text: "# " headings in bold, "- " list items with a bullet, paragraphs.
fn blocks(text: &str) -> Vec<print::Block> {
    let mut out = Vec::new();
    for para in crate::letters::template::paragraphs(text) {
        let mut lines = para.lines().peekable();
        if let Some(first) = lines.peek().copied() {
            if let Some(h) = first.strip_prefix("# ") {
                out.push(print::Block::Bold(h.trim().to_owned()));
                lines.next();
            }
        }
        let rest: Vec<&str> = lines.collect();
        if rest.is_empty() {
            continue;
        }
        if rest.iter().any(|l| l.starts_with("- ")) {
            // A list: one item per "- " line (continuation lines join the item).
            let mut items: Vec<String> = Vec::new();
            for l in rest {
                match l.strip_prefix("- ") {
                    Some(item) => items.push(format!("•\u{A0}{}", item.trim())),
                    None => match items.last_mut() {
                        Some(last) => {
                            last.push(' ');
                            last.push_str(l.trim());
                        }
                        None => items.push(l.trim().to_owned()),
                    },
                }
            }
            out.push(print::Block::Paragraph(items.join("\n")));
        } else {
            out.push(print::Block::Paragraph(rest.join(" ")));
        }
    }
    out
}

fn document(
    store: &Store,
    subject: &str,
    references: Vec<(String, String)>,
    body: Vec<print::Block>,
    signature: print::Signature,
) -> Result<Vec<u8>> {
    let (firm, _, _) = store.firm()?;
    let letter = print::Letter {
        letterhead: firm.letterhead(),
        recipient: Vec::new(),
        place_date: firm.place_and_date(store.today()),
        reference_lines: references,
        subject: subject.to_owned(),
        salutation: String::new(),
        body,
        closing: String::new(),
        signature,
        footer: vec![format!(
            "{} — document établi avec Reclam, registre des réclamations",
            firm.name.trim()
        )],
        title: subject.to_owned(),
        created: store.clock().now(),
    };
    Ok(print::letter::render(&letter)?)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Build the inspection pack for a period (and the extract's filters), as `actor` makes it.
pub fn inspection_pack(store: &Store, q: &ExtractQuery, actor: &str) -> Result<Pack> {
    inspection_pack_with(store, q, actor, &crate::progress::Silent)
}

/// What a cancelled pack says: it is built in memory, so nothing was written.
pub const CANCELLED: &str = "dossier d'inspection annulé : aucun fichier n'a été écrit";

/// [`inspection_pack`] telling `progress` each part made (the extract complaint by complaint);
/// cancellable until it is complete (nothing is written before).
pub fn inspection_pack_with(
    store: &Store,
    q: &ExtractQuery,
    actor: &str,
    progress: &dyn crate::progress::Progress,
) -> Result<Pack> {
    use crate::progress::stop_if_asked;
    let actor = crate::store::actor_name(actor)?;
    progress.stage("Procédure de traitement");
    let procedure_pdf = document(
        store,
        "Procédure de traitement des réclamations",
        vec![("Version".to_owned(), french_date(store.today()))],
        blocks(&procedure_text(store)?),
        print::Signature::default(),
    )?;
    stop_if_asked(progress, CANCELLED)?;
    let mut extract_pdf = Vec::new();
    super::export_pdf_to_with(store, q, &actor, &mut extract_pdf, progress).map_err(
        |e| match e {
            crate::Error::Cancelled(_) => crate::Error::Cancelled(CANCELLED.to_owned()),
            other => other,
        },
    )?;
    progress.stage("Extrait du registre (Excel)");
    let extract_xlsx = export(store, q, "xlsx", &actor)?;
    stop_if_asked(progress, CANCELLED)?;
    progress.stage("Assemblage du dossier");
    let count = super::rows(store, q)?.len();
    let (events, head) = store.journal_head()?;
    let now = store
        .clock()
        .now()
        .with_timezone(&chrono::Local)
        .format("%d/%m/%Y à %H:%M")
        .to_string();
    let filters = q.describe_filters();
    let mut body = vec![
        print::Block::Paragraph(format!(
            "Ce dossier rassemble les pièces du dispositif de traitement des réclamations du \
             cabinet pour les réclamations reçues du {} au {} ({}){}.",
            french_date(q.from),
            french_date(q.to),
            plural(count, "réclamation", "réclamations"),
            if filters.is_empty() {
                String::new()
            } else {
                format!(", filtres : {filters}")
            }
        )),
        print::Block::Bold("Contenu".to_owned()),
        print::Block::Paragraph(format!(
            "1.\u{A0}Procédure de traitement des réclamations ({}).\n\
             2.\u{A0}Registre des réclamations : extrait de la période ({}), suivi des \
             statistiques de la période et du journal des actions correctives.",
            plural(page_count(&procedure_pdf)?, "page", "pages"),
            plural(page_count(&extract_pdf)?, "page", "pages"),
        )),
        print::Block::Paragraph(format!("Dossier établi le {now} par {actor}.")),
    ];
    body.push(print::Block::Notice {
        title: "Intégrité du registre".to_owned(),
        paragraphs: vec![match &head {
            Some(h) => format!(
                "Au moment de l'édition, le journal du registre compte {events} événements ; \
                 sa tête de chaîne (SHA-256) est :\n{h}\nLa commande « reclam verify » \
                 recalcule la chaîne et permet de vérifier que le registre n'a pas été modifié \
                 depuis ce dossier."
            ),
            None => "Le journal du registre est vide.".to_owned(),
        }],
    });
    let cover = document(
        store,
        "Dossier d'inspection — registre des réclamations",
        vec![(
            "Période".to_owned(),
            format!("{} – {}", french_date(q.from), french_date(q.to)),
        )],
        body,
        print::Signature::default(),
    )?;
    let pdf = merge(&[&cover, &procedure_pdf, &extract_pdf])?;
    let pages = page_count(&pdf)?;
    let stem = format!("{}_{}", q.from.format("%Y-%m-%d"), q.to.format("%Y-%m-%d"));
    Ok(Pack {
        pdf,
        pages,
        parts: vec![
            ("1-procedure-reclamations.pdf".to_owned(), procedure_pdf),
            (format!("2-registre-reclamations_{stem}.pdf"), extract_pdf),
            (format!("2-registre-reclamations_{stem}.xlsx"), extract_xlsx),
        ],
    })
}
