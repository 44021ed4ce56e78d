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
//! The parts are laid out by the letter engine (cover, procedure) and the extract engine, then
//! joined into one PDF with lopdf (already in the build through printpdf).

use super::{export, ExtractQuery};
use crate::complaint::{french_date, Role};
use crate::error::{Error, Result};
use crate::letters::procedure::{DEFAULT_PROCEDURE, PROCEDURE_KEY, PROCEDURE_PLACEHOLDERS};
use crate::letters::template::Template;
use crate::letters::{long_date, one_line, pdf as letter_pdf};
use crate::store::Store;
use lopdf::{Document, Object, ObjectId};
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
    values.insert("mediator.name", get("mediator.name")?);
    values.insert("mediator.address", one_line(&get("mediator.address")?));
    values.insert("mediator.website", get("mediator.website")?);
    values.insert("procedure.date", long_date(store.today()));
    Ok(template.fill(&values))
}

/// Blocks of a text: "# " headings in bold, "- " list items with a bullet, paragraphs.
fn blocks(text: &str) -> Vec<letter_pdf::Block> {
    let mut out = Vec::new();
    for para in crate::letters::template::paragraphs(text) {
        let mut lines = para.lines().peekable();
        if let Some(first) = lines.peek().copied() {
            if let Some(h) = first.strip_prefix("# ") {
                out.push(letter_pdf::Block::Bold(h.trim().to_owned()));
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
            out.push(letter_pdf::Block::Paragraph(items.join("\n")));
        } else {
            out.push(letter_pdf::Block::Paragraph(rest.join(" ")));
        }
    }
    out
}

fn document(
    store: &Store,
    subject: &str,
    references: Vec<(String, String)>,
    body: Vec<letter_pdf::Block>,
    signature: letter_pdf::Signature,
) -> Result<Vec<u8>> {
    let (firm, _, _) = store.firm()?;
    let letter = letter_pdf::Letter {
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
    letter_pdf::render(&letter).map_err(|e| Error::Letter(e.to_string()))
}

fn page_count(pdf: &[u8]) -> Result<usize> {
    Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .map_err(|e| Error::Letter(format!("relecture du PDF : {e}")))
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
    let actor = crate::store::actor_name(actor)?;
    let procedure_pdf = document(
        store,
        "Procédure de traitement des réclamations",
        vec![("Version".to_owned(), french_date(store.today()))],
        blocks(&procedure_text(store)?),
        letter_pdf::Signature::default(),
    )?;
    let extract_pdf = export(store, q, "pdf", &actor)?;
    let extract_xlsx = export(store, q, "xlsx", &actor)?;
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
        letter_pdf::Block::Paragraph(format!(
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
        letter_pdf::Block::Bold("Contenu".to_owned()),
        letter_pdf::Block::Paragraph(format!(
            "1.\u{A0}Procédure de traitement des réclamations ({}).\n\
             2.\u{A0}Registre des réclamations : extrait de la période ({}), suivi des \
             statistiques de la période et du journal des actions correctives.",
            plural(page_count(&procedure_pdf)?, "page", "pages"),
            plural(page_count(&extract_pdf)?, "page", "pages"),
        )),
        letter_pdf::Block::Paragraph(format!("Dossier établi le {now} par {actor}.")),
    ];
    body.push(letter_pdf::Block::Notice {
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
        letter_pdf::Signature::default(),
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

/// Join PDFs, in order, into one (pages keep their own size and orientation).
pub fn merge(pdfs: &[&[u8]]) -> Result<Vec<u8>> {
    let bad = |e: lopdf::Error| Error::Letter(format!("assemblage du PDF : {e}"));
    let mut out = Document::with_version("1.7");
    let mut max_id = 1;
    let mut pages: Vec<(ObjectId, Object)> = Vec::new();
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    for bytes in pdfs {
        let mut doc = Document::load_mem(bytes).map_err(bad)?;
        doc.renumber_objects_with(max_id);
        max_id = doc.max_id + 1;
        for (_, id) in doc.get_pages() {
            let page = doc.get_object(id).map_err(bad)?.to_owned();
            pages.push((id, page));
        }
        objects.extend(doc.objects);
    }
    let mut catalog: Option<(ObjectId, Object)> = None;
    let mut root_pages: Option<(ObjectId, Object)> = None;
    for (id, object) in objects {
        match object.type_name().unwrap_or(b"") {
            b"Catalog" => {
                if catalog.is_none() {
                    catalog = Some((id, object));
                }
            }
            b"Pages" => {
                // Keep the first page tree root; the others' attributes are on their pages.
                if root_pages.is_none() {
                    root_pages = Some((id, object));
                }
            }
            b"Page" | b"Outlines" | b"Outline" => {}
            _ => {
                out.objects.insert(id, object);
            }
        }
    }
    let (pages_id, pages_obj) =
        root_pages.ok_or_else(|| Error::Letter("assemblage du PDF : aucune page".to_owned()))?;
    let (catalog_id, catalog_obj) =
        catalog.ok_or_else(|| Error::Letter("assemblage du PDF : aucun catalogue".to_owned()))?;
    let mut kids = Vec::with_capacity(pages.len());
    for (id, page) in &pages {
        let mut dict = page.as_dict().map_err(bad)?.clone();
        dict.set("Parent", pages_id);
        out.objects.insert(*id, Object::Dictionary(dict));
        kids.push(Object::Reference(*id));
    }
    let mut dict = pages_obj.as_dict().map_err(bad)?.clone();
    dict.set("Count", pages.len() as u32);
    dict.set("Kids", kids);
    out.objects.insert(pages_id, Object::Dictionary(dict));
    let mut dict = catalog_obj.as_dict().map_err(bad)?.clone();
    dict.set("Pages", pages_id);
    dict.remove(b"Outlines");
    out.objects.insert(catalog_id, Object::Dictionary(dict));
    out.trailer.set("Root", catalog_id);
    out.max_id = out.objects.keys().map(|(n, _)| *n).max().unwrap_or(0);
    out.renumber_objects();
    out.compress();
    let mut buf = Vec::new();
    out.save_to(&mut buf)
        .map_err(|e| Error::Letter(format!("assemblage du PDF : {e}")))?;
    Ok(buf)
}
