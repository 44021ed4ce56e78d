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
use crate::letters::template::Template;
use crate::letters::{long_date, one_line};
use crate::print::{self, merge, page_count};
use crate::store::Store;
use std::collections::BTreeMap;

/// The settings key of the procedure template.
pub const PROCEDURE_KEY: &str = "template.procedure";

/// The placeholders of the procedure template.
pub const PROCEDURE_PLACEHOLDERS: &[(&str, &str)] = &[
    ("firm.name", "Nom du cabinet"),
    ("firm.address", "Adresse du cabinet (sur une ligne)"),
    ("firm.orias", "Numéro ORIAS"),
    ("firm.phone", "Téléphone du cabinet"),
    ("firm.email", "E-mail du cabinet"),
    (
        "firm.managers",
        "Dirigeants et responsables (utilisateurs actifs)",
    ),
    (
        "firm.signatories",
        "Personnes habilitées à signer les réponses",
    ),
    (
        "deadlines.ack",
        "Délai d'accusé de réception (10 jours ouvrables)",
    ),
    ("deadlines.answer", "Délai de réponse (2 mois)"),
    (
        "deadlines.holidays",
        "Jours fériés retenus (nationaux, Alsace-Moselle)",
    ),
    (
        "authority.advisor",
        "Geste commercial qu'un conseiller accorde seul",
    ),
    (
        "authority.supervisor",
        "Geste commercial qu'un responsable accorde seul",
    ),
    ("mediator.name", "Nom du médiateur"),
    ("mediator.address", "Adresse postale du médiateur"),
    ("mediator.website", "Site internet du médiateur"),
    ("procedure.date", "Date d'édition de la procédure"),
];

/// The procedure shipped with Reclam (ACPR recommendation 2024-R-02). Lines starting with "# "
/// are headings; paragraphs are separated by a blank line; "- " starts a list item.
pub const DEFAULT_PROCEDURE: &str = "\
# 1. Objet

La présente procédure décrit le traitement des réclamations reçues par {firm.name} (ORIAS \
n° {firm.orias}), conformément à la recommandation de l'ACPR 2024-R-02 sur le traitement des \
réclamations.

Une réclamation est l'expression d'un mécontentement envers le cabinet, quel que soit le canal \
(courrier, e-mail, téléphone, en agence, formulaire, plateforme tierce, réseau social) et quelle \
que soit la personne qui l'exprime (client, ancien client, bénéficiaire, prospect, leur \
mandataire ou ayant droit). Une demande de prestation, d'information, de précision ou d'avis \
n'est pas une réclamation.

# 2. Réception et enregistrement

Toute réclamation est enregistrée sans délai dans le registre des réclamations, avec sa date \
d'envoi lorsqu'elle est connue et sa date de réception. Une réclamation orale qui ne peut être \
réglée immédiatement donne lieu à une invitation à la confirmer par écrit. La personne qui la \
reçoit, si elle n'est pas habilitée à la traiter, transmet sans délai le dossier à la personne \
compétente.

# 3. Accusé de réception

Un accusé de réception est adressé au client dans un délai de {deadlines.ack} à compter de \
l'envoi de la réclamation (ou de sa réception si la date d'envoi est inconnue), sauf si la \
réponse elle-même lui est apportée dans ce délai. Les jours ouvrables vont du lundi au samedi, \
{deadlines.holidays} exclus. L'accusé de réception indique la manière dont la réclamation sera \
traitée et la date au plus tard de la réponse.

# 4. Réponse

Une réponse est apportée au client dans un délai de {deadlines.answer} au plus à compter de \
l'envoi de la réclamation. Le client est tenu informé du déroulement du traitement : lorsque \
l'examen demande davantage de temps, une lettre d'attente lui en donne les raisons et la date \
prévue de la réponse.

Les réponses sont signées par une personne habilitée : {firm.signatories}. Un geste commercial \
est accordé dans la limite des habilitations : jusqu'à {authority.advisor} par un conseiller \
seul, jusqu'à {authority.supervisor} par un responsable, au-delà par la direction \
({firm.managers}) ; toute validation est enregistrée dans le registre.

# 5. Voies de recours

Toute réponse qui rejette la réclamation, en tout ou partie, mentionne les voies de recours, \
notamment le médiateur compétent :

- {mediator.name}, {mediator.address}, {mediator.website} ;
- le client peut le saisir lorsqu'il n'a pas obtenu de réponse à sa réclamation écrite dans un \
délai de deux mois, ou lorsque la réponse ne le satisfait pas, et au plus tard un an après sa \
réclamation écrite ;
- le recours au médiateur est gratuit pour le client et ne le prive pas de la possibilité de \
saisir les tribunaux.

# 6. Registre, suivi et actions correctives

Le registre des réclamations est tenu dans le logiciel Reclam. Il conserve pour chaque \
réclamation le nom du client, les dates d'envoi et de réception, l'objet, le contrat ou le \
produit concerné, les autres intervenants, les personnes visées, les dates de l'accusé de \
réception et de la réponse, le contenu de la réponse et les dysfonctionnements identifiés. \
Aucune donnée n'en est supprimée : chaque modification est tracée dans un journal chaîné.

La direction ({firm.managers}) examine au moins une fois par an les statistiques des \
réclamations et les dysfonctionnements relevés, décide des actions correctives, en désigne les \
responsables et les échéances, et en suit la réalisation.

# 7. Gratuité et données personnelles

Le traitement des réclamations est gratuit pour le client. Les données personnelles des \
réclamations sont conservées cinq ans après la clôture du dossier, puis anonymisées ; les \
statistiques sont conservées.

Procédure éditée le {procedure.date}. Contact : {firm.phone} — {firm.email}.";

/// The inspection pack: the whole PDF and its parts as separate files.
pub struct Pack {
    /// Cover, procedure, extract with statistics and corrective actions.
    pub pdf: Vec<u8>,
    /// (file name, bytes) of each part: the procedure, the extract in PDF and XLSX.
    pub parts: Vec<(String, Vec<u8>)>,
    /// Pages of the whole PDF.
    pub pages: usize,
}

fn names(store: &Store, keep: impl Fn(&crate::store::file::User) -> bool) -> Result<String> {
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
    let actor = crate::store::actor_name(actor)?;
    let procedure_pdf = document(
        store,
        "Procédure de traitement des réclamations",
        vec![("Version".to_owned(), french_date(store.today()))],
        blocks(&procedure_text(store)?),
        print::Signature::default(),
    )?;
    let extract_pdf = export(store, q, "pdf", &actor)?;
    let extract_xlsx = export(store, q, "xlsx", &actor)?;
    let count = super::rows(store, q)?.len();
    let (events, head): (i64, Option<String>) = store.conn().query_row(
        "SELECT count(*), (SELECT hash FROM events ORDER BY id DESC LIMIT 1) FROM events",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
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
