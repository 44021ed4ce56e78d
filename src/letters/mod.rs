//! The letters a client receives: acknowledgement, holding letter and answer, composed from the
//! complaint, the firm's settings, the signatory and the firm's templates, then laid out as an
//! A4 PDF by the print engine (`crate::print::letter`).
//!
//! Composition is pure and checks the rules a letter must follow: a partial or total rejection
//! always carries the recourse paragraph (mediator's name, postal address and website, the
//! conditions to refer, the other routes) and is refused when no mediator is configured; a
//! holding letter announces a date before the answer is due; a gesture is always spelled out.

pub mod choices;
pub mod procedure;
pub mod template;

pub use crate::complaint::LetterKind;
use crate::complaint::{Complaint, Money, Outcome, ValidationError};
pub use crate::firm::{Firm, Mediator};
use crate::print::{self, PrintError};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use template::{paragraphs, Template};

/// The template keys, with their French labels and default texts.
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    ("template.ack", "Accusé de réception", DEFAULT_ACK),
    ("template.holding", "Lettre d'attente", DEFAULT_HOLDING),
    (
        "template.answer.upheld",
        "Réponse : réclamation fondée",
        DEFAULT_UPHELD,
    ),
    (
        "template.answer.partial",
        "Réponse : réclamation partiellement fondée",
        DEFAULT_PARTIAL,
    ),
    (
        "template.answer.rejected",
        "Réponse : réclamation rejetée",
        DEFAULT_REJECTED,
    ),
    (
        "template.confirmation",
        "Confirmation d'une réclamation orale",
        DEFAULT_CONFIRMATION,
    ),
    (
        procedure::PROCEDURE_KEY,
        "Procédure de traitement des réclamations (dossier d'inspection)",
        procedure::DEFAULT_PROCEDURE,
    ),
];

const DEFAULT_ACK: &str = "Nous avons bien reçu, le {complaint.receivedOn}, votre réclamation \
relative à : {complaint.subject}. Nous vous remercions de nous avoir fait part de votre \
mécontentement.

Votre réclamation est enregistrée sous la référence {complaint.reference}.[[ Son traitement est \
confié à {handler.name}, qui l'examinera avec attention et pourra vous contacter pour obtenir \
tout complément utile.]][[ Vous pouvez nous joindre au {firm.phone}, en rappelant cette \
référence.]][[ Vous pouvez nous écrire à l'adresse {firm.email}.]]

Nous nous engageons à vous apporter une réponse au plus tard le {deadlines.answerDue}. Si \
l'examen de votre dossier demandait davantage de temps, nous vous en informerions avant cette \
date.";

const DEFAULT_CONFIRMATION: &str = "Vous nous avez fait part, le {complaint.receivedOn} \
({complaint.channel}), de votre mécontentement concernant : {complaint.subject}. Nous l'avons \
enregistré comme une réclamation, sous la référence {complaint.reference}.

Afin de la traiter dans les meilleures conditions, nous vous remercions de bien vouloir nous la \
confirmer par écrit, par courrier ou par e-mail, en rappelant cette référence et en joignant \
tout document utile.[[ Vous pouvez nous écrire à l'adresse {firm.email}.]]

Nous vous apporterons une réponse au plus tard le {deadlines.answerDue}.";

const DEFAULT_HOLDING: &str = "Le {complaint.receivedOn}, vous nous avez fait part d'une \
réclamation enregistrée sous la référence {complaint.reference}.

Nous souhaitons vous informer de l'avancement de son traitement : {holding.note}

Nous prévoyons de vous apporter une réponse définitive au plus tard le {holding.expectedOn}.\
[[ Nous restons à votre disposition au {firm.phone} pour toute question.]]";

/// The opening of every answer, the motivation, then the decision paragraph (`concat!` needs
/// literals).
macro_rules! const_format_answer {
    ($decision:literal) => {
        concat!(
            "Le {complaint.receivedOn}, vous nous avez fait part d'une réclamation relative à : \
{complaint.subject}, enregistrée sous la référence {complaint.reference}. Nous l'avons examinée \
avec la plus grande attention.\n\n{answer.summary}\n\n",
            $decision
        )
    };
}

const DEFAULT_UPHELD: &str = const_format_answer!(
    "Au terme de cet examen, nous considérons votre réclamation comme fondée et vous prions de \
bien vouloir nous excuser pour la gêne occasionnée."
);
const DEFAULT_PARTIAL: &str = const_format_answer!(
    "Au terme de cet examen, nous ne pouvons faire droit que partiellement à votre demande, pour \
les raisons exposées ci-dessus."
);
const DEFAULT_REJECTED: &str = const_format_answer!(
    "Au terme de cet examen, nous ne sommes malheureusement pas en mesure de donner une suite \
favorable à votre demande, pour les raisons exposées ci-dessus."
);

/// The default text of a template key.
pub fn default_template(key: &str) -> Option<&'static str> {
    TEMPLATES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, _, t)| *t)
}

/// The placeholders a template may use: the procedure has its own.
pub fn placeholders_for(key: &str) -> &'static [(&'static str, &'static str)] {
    if key == procedure::PROCEDURE_KEY {
        procedure::PROCEDURE_PLACEHOLDERS
    } else {
        template::PLACEHOLDERS
    }
}

/// The template key a letter uses.
/// What a letter template must keep, outside any optional passage, because the rule asks the
/// letter to say it: the acknowledgement states the answer's due date, the holding letter the
/// new date, every answer the decision's reasons (seed 001: "informer le client du
/// déroulement du traitement et du délai imparti").
pub const REQUIRED_PLACEHOLDERS: &[(&str, &str, &str)] = &[
    (
        "template.ack",
        "deadlines.answerDue",
        "l'accusé de réception indique la date au plus tard de la réponse",
    ),
    (
        "template.holding",
        "holding.expectedOn",
        "la lettre d'attente annonce la nouvelle date de la réponse",
    ),
    (
        "template.confirmation",
        "complaint.reference",
        "le client confirme sa réclamation en rappelant sa référence",
    ),
    (
        "template.answer.upheld",
        "answer.summary",
        "la réponse expose la motivation de la décision",
    ),
    (
        "template.answer.partial",
        "answer.summary",
        "la réponse expose la motivation de la décision",
    ),
    (
        "template.answer.rejected",
        "answer.summary",
        "la réponse expose la motivation de la décision",
    ),
];

/// Refuse a template that lost what its letter must say (see [`REQUIRED_PLACEHOLDERS`]).
pub fn check_required(key: &str, template: &Template) -> Result<(), ValidationError> {
    for (k, name, why) in REQUIRED_PLACEHOLDERS {
        if *k == key && !template.uses_outside_passages(name) {
            return Err(ValidationError::new(
                key,
                format!(
                    "le modèle doit garder {{{name}}} hors d'un passage facultatif [[ … ]] : {why}"
                ),
            ));
        }
    }
    Ok(())
}

pub fn template_key(kind: LetterKind, outcome: Option<Outcome>) -> &'static str {
    match (kind, outcome) {
        (LetterKind::Acknowledgement, _) => "template.ack",
        (LetterKind::Holding, _) => "template.holding",
        (LetterKind::Confirmation, _) => "template.confirmation",
        (LetterKind::Answer, Some(Outcome::Upheld) | None) => "template.answer.upheld",
        (LetterKind::Answer, Some(Outcome::Partial)) => "template.answer.partial",
        (LetterKind::Answer, Some(Outcome::Rejected)) => "template.answer.rejected",
    }
}

/// "22 novembre 2026", "1er décembre 2026".
pub fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{day}\u{A0}{} {}", MONTHS[d.month0() as usize], d.year())
}

impl Firm {
    /// The letterhead of every document the firm prints (letters, inspection pack, client
    /// export).
    pub fn letterhead(&self) -> print::Letterhead {
        print::Letterhead {
            name: self.name.trim().to_owned(),
            address: self
                .address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            orias: self.orias.trim().to_owned(),
            email: self.email.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            logo_png: self.logo_png.clone(),
        }
    }

    /// "Lyon, le 22 novembre 2026" (the town from the address), or "Le 22 novembre 2026".
    pub fn place_and_date(&self, on: NaiveDate) -> String {
        match city(&self.address) {
            Some(city) => format!("{city}, le {}", long_date(on)),
            None => format!("Le {}", long_date(on)),
        }
    }
}

/// Who signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub title: String,
    pub signature_png: Option<Vec<u8>>,
}

/// What a holding letter announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HoldingInfo {
    /// The new date by which the answer will be given (before the answer is due).
    pub expected_on: NaiveDate,
    /// Where the handling stands, in a sentence or two.
    pub note: String,
}

/// Everything a letter needs besides the complaint.
pub struct Context<'a> {
    pub firm: &'a Firm,
    pub mediator: &'a Mediator,
    pub mediator_in_every_answer: bool,
    /// Template texts by key (missing: the default).
    pub templates: &'a BTreeMap<String, String>,
    pub signatory: &'a Signatory,
    pub today: NaiveDate,
    pub holding: Option<&'a HoldingInfo>,
}

/// A block of the letter's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Block {
    Paragraph {
        text: String,
    },
    /// A framed notice (the recourse paragraph), kept on one page.
    Notice {
        title: String,
        paragraphs: Vec<String>,
    },
}

/// A letter as composed: what the PDF shows, also used for the on-screen preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Composed {
    pub kind: LetterKind,
    pub firm_name: String,
    pub firm_lines: Vec<String>,
    pub recipient: Vec<String>,
    pub place_date: String,
    pub references: Vec<(String, String)>,
    pub subject: String,
    pub salutation: String,
    pub body: Vec<Block>,
    pub closing: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub footer: Vec<String>,
    /// The recourse paragraph is present (always for a partial or total rejection).
    pub has_recourse: bool,
}

fn needs(field: &str, value: &str, what: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::new(
            field,
            format!("{what} : renseignez-le dans les Paramètres avant de produire une lettre"),
        ));
    }
    Ok(())
}

/// "Madame,", "Monsieur," or "Madame, Monsieur," from the client's name.
pub fn salutation(c: &Complaint) -> &'static str {
    let name = c.client.name.trim_start().to_lowercase();
    if c.client.kind == crate::complaint::ClientKind::Company {
        return "Madame, Monsieur,";
    }
    let starts = |p: &str| {
        name.starts_with(p)
            && name[p.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == ' ' || c == '.')
    };
    if starts("mme") || starts("madame") || starts("mlle") {
        "Madame,"
    } else if starts("m") || starts("monsieur") || starts("mr") {
        "Monsieur,"
    } else {
        "Madame, Monsieur,"
    }
}

/// "Lyon" from an address whose last line is "69002 Lyon" (else none).
fn city(address: &str) -> Option<String> {
    let last = address.lines().map(str::trim).rfind(|l| !l.is_empty())?;
    let rest = last.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let rest = rest.trim_end_matches(" Cedex").trim();
    (!rest.is_empty() && rest.len() < last.len()).then(|| rest.to_owned())
}

/// An address on one line, its lines joined by commas.
pub fn one_line(address: &str) -> String {
    address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compose a letter. Refuses what the rules forbid, naming the field to fix.
pub fn compose(
    kind: LetterKind,
    c: &Complaint,
    ctx: &Context<'_>,
) -> Result<Composed, ValidationError> {
    let firm = ctx.firm;
    needs("firm.name", &firm.name, "nom du cabinet")?;
    needs("firm.address", &firm.address, "adresse du cabinet")?;
    needs("firm.orias", &firm.orias, "numéro ORIAS du cabinet")?;
    let answer = c.answer.as_ref();
    match kind {
        LetterKind::Acknowledgement => {
            if answer.is_some() {
                return Err(ValidationError::new(
                    "kind",
                    "la réponse a déjà été donnée : un accusé de réception n'a plus lieu d'être",
                ));
            }
        }
        LetterKind::Holding => {
            if answer.is_some() {
                return Err(ValidationError::new(
                    "kind",
                    "la réponse a déjà été donnée : une lettre d'attente n'a plus lieu d'être",
                ));
            }
            let h = ctx.holding.ok_or_else(|| {
                ValidationError::new("expectedOn", "indiquez la nouvelle date de réponse prévue")
            })?;
            if h.expected_on < ctx.today {
                return Err(ValidationError::new(
                    "expectedOn",
                    "la date de réponse prévue est déjà passée",
                ));
            }
            if h.expected_on > c.deadlines.answer_due {
                return Err(ValidationError::new(
                    "expectedOn",
                    format!(
                        "la réponse doit être donnée au plus tard le {} : annoncez une date \
                         antérieure",
                        c.deadlines.answer_due.format("%d/%m/%Y")
                    ),
                ));
            }
            if h.note.trim().is_empty() {
                return Err(ValidationError::new(
                    "note",
                    "indiquez où en est le traitement de la réclamation",
                ));
            }
        }
        LetterKind::Confirmation => {
            if !c.channel.is_oral() {
                return Err(ValidationError::new(
                    "kind",
                    format!(
                        "la réclamation est arrivée par « {} » : elle est déjà écrite",
                        c.channel.label()
                    ),
                ));
            }
        }
        LetterKind::Answer => {
            if answer.is_none() {
                return Err(ValidationError::new(
                    "kind",
                    "enregistrez d'abord la réponse (décision et motivation) avant de produire \
                     la lettre",
                ));
            }
        }
    }
    let outcome = answer.map(|a| a.outcome);
    let has_recourse = kind == LetterKind::Answer
        && (outcome.is_some_and(Outcome::requires_recourse) || ctx.mediator_in_every_answer);
    if has_recourse {
        let m = ctx.mediator;
        for (field, value, what) in [
            ("mediator.name", &m.name, "nom du médiateur"),
            (
                "mediator.address",
                &m.address,
                "adresse postale du médiateur",
            ),
            ("mediator.website", &m.website, "site internet du médiateur"),
        ] {
            if value.trim().is_empty() {
                return Err(ValidationError::new(
                    field,
                    format!(
                        "{what} manquant : une réponse qui rejette tout ou partie de la \
                         réclamation doit indiquer les voies de recours. Renseignez le médiateur \
                         dans les Paramètres."
                    ),
                ));
            }
        }
    }

    let salutation = salutation(c);
    // Only who really handles the file: a file not yet assigned names nobody (the default
    // acknowledgement then leaves out the sentence that would name someone).
    let handler = c.handler.clone().unwrap_or_default();
    let mut values: BTreeMap<&'static str, String> = BTreeMap::from([
        ("client.name", c.client.name.clone()),
        (
            "client.salutation",
            salutation.trim_end_matches(',').to_owned(),
        ),
        ("complaint.reference", c.reference.to_string()),
        ("complaint.receivedOn", long_date(c.received_on)),
        (
            "complaint.sentOn",
            long_date(c.sent_on.unwrap_or(c.received_on)),
        ),
        ("complaint.subject", c.subject.label().to_lowercase()),
        ("complaint.channel", c.channel.label().to_lowercase()),
        ("deadlines.ackDue", long_date(c.deadlines.ack_due)),
        ("deadlines.answerDue", long_date(c.deadlines.answer_due)),
        ("handler.name", handler),
        ("signatory.name", ctx.signatory.name.clone()),
        ("signatory.title", ctx.signatory.title.clone()),
        ("firm.name", firm.name.clone()),
        ("firm.phone", firm.phone.clone()),
        ("firm.email", firm.email.clone()),
        ("letter.date", long_date(ctx.today)),
        ("mediator.name", ctx.mediator.name.clone()),
        ("mediator.website", ctx.mediator.website.clone()),
    ]);
    for (k, v) in [
        ("contract.number", &c.contract.number),
        ("contract.product", &c.contract.product),
        ("contract.insurer", &c.contract.insurer),
    ] {
        values.insert(k, v.clone().unwrap_or_default());
    }
    if let Some(h) = ctx.holding {
        values.insert("holding.expectedOn", long_date(h.expected_on));
        values.insert("holding.note", h.note.trim().to_owned());
    }
    if let Some(a) = answer {
        values.insert("answer.outcome", a.outcome.label().to_lowercase());
        values.insert("answer.summary", a.summary.trim().to_owned());
        values.insert(
            "answer.gesture",
            a.gesture.map(Money::to_french).unwrap_or_default(),
        );
    }

    let key = template_key(kind, outcome);
    let text = ctx
        .templates
        .get(key)
        .map(String::as_str)
        .unwrap_or_else(|| default_template(key).expect("every key has a default"));
    let template = Template::parse(key, text)?;
    // A firm's own template that names the handler outside an optional passage keeps the
    // former reading (the signatory) rather than print "confié à , qui…".
    if c.handler.is_none() && template.uses_outside_passages("handler.name") {
        values.insert("handler.name", ctx.signatory.name.clone());
    }
    let mut body: Vec<Block> = paragraphs(&template.fill(&values))
        .into_iter()
        .map(|text| Block::Paragraph { text })
        .collect();
    if let Some(gesture) = answer.and_then(|a| a.gesture) {
        body.push(Block::Paragraph {
            text: format!(
                "À titre de geste commercial, nous vous accordons la somme de {}.",
                gesture.to_french()
            ),
        });
    }
    if has_recourse {
        let (_, until) = c.mediation_window();
        let mut routes = vec![
            format!(
                "Si cette réponse ne vous donne pas satisfaction, vous pouvez saisir gratuitement \
                 le médiateur compétent : {}, {}, {}.",
                ctx.mediator.name.trim(),
                one_line(&ctx.mediator.address),
                ctx.mediator.website.trim()
            ),
            format!(
                "Le médiateur peut être saisi après une réclamation écrite auprès de nos services, \
                 dès réception de la présente réponse ou, à défaut de réponse, deux mois après \
                 l'envoi de votre réclamation écrite, et au plus tard un an après celle-ci, soit \
                 jusqu'au {}.",
                long_date(until)
            ),
        ];
        let mut other = String::from(
            "Vous conservez en tout état de cause la possibilité de saisir les juridictions \
             compétentes.",
        );
        if let Some(insurer) = c.contract.insurer.as_deref().filter(|s| !s.is_empty()) {
            other.push_str(&format!(
                " Vous pouvez également adresser votre réclamation au service réclamations de \
                 {insurer}, assureur de votre contrat."
            ));
        }
        routes.push(other);
        body.push(Block::Notice {
            title: "Vos voies de recours".into(),
            paragraphs: routes,
        });
    }

    let mut recipient = vec![c.client.name.clone()];
    if let Some(address) = &c.client.address {
        recipient.extend(
            address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    let place_date = firm.place_and_date(ctx.today);
    let mut references = vec![("Réf.".to_owned(), c.reference.to_string())];
    if let Some(n) = c.contract.number.as_deref().filter(|s| !s.is_empty()) {
        references.push(("Contrat".to_owned(), n.to_owned()));
    }
    if let Some(h) = c.handler.as_deref() {
        references.push(("Dossier suivi par".to_owned(), h.to_owned()));
    }
    let subject = match kind {
        LetterKind::Acknowledgement => format!(
            "Accusé de réception de votre réclamation du {}",
            c.received_on.format("%d/%m/%Y")
        ),
        LetterKind::Holding => "Suivi de votre réclamation".to_owned(),
        LetterKind::Confirmation => format!(
            "Votre réclamation du {} : confirmation écrite",
            c.received_on.format("%d/%m/%Y")
        ),
        LetterKind::Answer => "Réponse à votre réclamation".to_owned(),
    };
    let mut firm_lines: Vec<String> = firm
        .address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let contact: Vec<&str> = [firm.phone.trim(), firm.email.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        firm_lines.push(contact.join(" · "));
    }
    let closing = format!(
        "Nous vous prions d'agréer, {}, l'expression de nos salutations distinguées.",
        salutation.trim_end_matches(',')
    );
    let footer = vec![
        format!(
            "{} — Courtier en assurances immatriculé à l'ORIAS sous le n°\u{A0}{} (www.orias.fr)",
            firm.name.trim(),
            firm.orias.trim()
        ),
        format!(
            "{} — Soumis au contrôle de l'ACPR, 4 place de Budapest, CS 92459, 75436 Paris Cedex 09",
            one_line(&firm.address)
        ),
    ];
    Ok(Composed {
        kind,
        firm_name: firm.name.trim().to_owned(),
        firm_lines,
        recipient,
        place_date,
        references,
        subject,
        salutation: salutation.to_owned(),
        body,
        closing,
        signatory_name: ctx.signatory.name.clone(),
        signatory_title: ctx.signatory.title.clone(),
        footer,
        has_recourse,
    })
}

/// Lay a composed letter out as an A4 PDF on the firm's letterhead, signed by `signatory`.
pub fn render(
    c: &Composed,
    firm: &Firm,
    signatory: &Signatory,
    at: DateTime<Utc>,
) -> Result<Vec<u8>, PrintError> {
    let letter = print::Letter {
        letterhead: firm.letterhead(),
        recipient: c.recipient.clone(),
        place_date: c.place_date.clone(),
        reference_lines: c.references.clone(),
        subject: c.subject.clone(),
        salutation: c.salutation.clone(),
        body: c
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => print::Block::Paragraph(text.clone()),
                Block::Notice { title, paragraphs } => print::Block::Notice {
                    title: title.clone(),
                    paragraphs: paragraphs.clone(),
                },
            })
            .collect(),
        closing: c.closing.clone(),
        signature: print::Signature {
            name: signatory.name.clone(),
            title: signatory.title.clone(),
            image_png: signatory.signature_png.clone(),
        },
        footer: c.footer.clone(),
        title: format!("{} — {}", c.kind.label(), c.references[0].1),
        created: at,
    };
    print::letter::render(&letter)
}

/// What to write: the kind, who signs, and for a holding letter what it announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct LetterRequest {
    pub kind: LetterKind,
    pub signatory: String,
    #[serde(default)]
    pub holding: Option<HoldingInfo>,
}

/// A letter template as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateEntry {
    pub key: String,
    pub label: String,
    pub text: String,
    pub is_default: bool,
}

/// A letter not issued yet: what it says (for the on-screen preview) and its PDF.
#[derive(Debug, Clone)]
pub struct Draft {
    pub composed: Composed,
    pub pdf: Vec<u8>,
}
