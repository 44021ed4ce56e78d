//! Which column of the file goes to which register field: the fields, the guess from header
//! names (French and English), and the reading of one row's cells into a complaint to record.

use super::source::Cell;
use crate::complaint::input::NewClient;
use crate::complaint::{
    Channel, ClientKind, DysfunctionCategory, Feedback, Money, MoneyError, NewComplaint,
    NewContract, Outcome, Subject,
};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A register field a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportField {
    Reference,
    ClientName,
    ClientKind,
    ClientAddress,
    ClientEmail,
    ClientPhone,
    ClientNumber,
    ReceivedOn,
    SentOn,
    Channel,
    Subject,
    Description,
    Contract,
    Product,
    Insurer,
    OtherParties,
    PersonsConcerned,
    ReceivedBy,
    Handler,
    AcknowledgedOn,
    AnsweredOn,
    Outcome,
    AnswerSummary,
    Gesture,
    Dysfunctions,
    ClosedOn,
    Feedback,
}

/// A field with its French label, whether a row needs it, and the header names it is
/// recognised by (normalised: lower case, no accents, words separated by one space).
pub struct FieldSpec {
    pub field: ImportField,
    pub label: &'static str,
    pub required: bool,
    pub headers: &'static [&'static str],
}

/// Every field, in the order the mapping screen lists them.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        field: ImportField::Reference,
        label: "Référence d'origine",
        required: false,
        headers: &[
            "reference",
            "ref",
            "references",
            "n",
            "no",
            "numero",
            "n reclamation",
            "numero de reclamation",
            "reference reclamation",
            "reference de la reclamation",
            "ref reclamation",
            "id",
            "identifiant",
            "complaint id",
            "complaint reference",
            "reference number",
            "ref origine",
            "reference d origine",
        ],
    },
    FieldSpec {
        field: ImportField::ClientName,
        label: "Client (nom)",
        required: true,
        headers: &[
            "client",
            "nom",
            "nom du client",
            "nom client",
            "client nom",
            "reclamant",
            "nom du reclamant",
            "nom prenom",
            "nom et prenom",
            "souscripteur",
            "assure",
            "customer",
            "client name",
            "customer name",
            "name",
            "complainant",
        ],
    },
    FieldSpec {
        field: ImportField::ClientKind,
        label: "Type de client",
        required: false,
        headers: &[
            "type de client",
            "type client",
            "personne",
            "type de personne",
            "client type",
            "customer type",
            "particulier entreprise",
        ],
    },
    FieldSpec {
        field: ImportField::ClientAddress,
        label: "Adresse du client",
        required: false,
        headers: &["adresse", "adresse du client", "adresse postale", "address"],
    },
    FieldSpec {
        field: ImportField::ClientEmail,
        label: "E-mail du client",
        required: false,
        headers: &[
            "email",
            "e mail",
            "courriel",
            "mail",
            "adresse email",
            "adresse e mail",
        ],
    },
    FieldSpec {
        field: ImportField::ClientPhone,
        label: "Téléphone du client",
        required: false,
        headers: &[
            "telephone",
            "tel",
            "phone",
            "portable",
            "telephone du client",
        ],
    },
    FieldSpec {
        field: ImportField::ClientNumber,
        label: "N° client",
        required: false,
        headers: &[
            "n client",
            "numero client",
            "numero de client",
            "code client",
            "client number",
            "customer number",
            "customer id",
        ],
    },
    FieldSpec {
        field: ImportField::ReceivedOn,
        label: "Reçue le",
        required: true,
        headers: &[
            "recue le",
            "date de reception",
            "date reception",
            "reception",
            "reception le",
            "date",
            "date de la reclamation",
            "date reclamation",
            "received",
            "received on",
            "date received",
            "reception date",
            "complaint date",
        ],
    },
    FieldSpec {
        field: ImportField::SentOn,
        label: "Envoyée le",
        required: false,
        headers: &[
            "envoyee le",
            "date d envoi",
            "date envoi",
            "date du courrier",
            "sent",
            "sent on",
            "date sent",
        ],
    },
    FieldSpec {
        field: ImportField::Channel,
        label: "Canal",
        required: false,
        headers: &[
            "canal",
            "canal de reception",
            "mode de reception",
            "moyen de reception",
            "moyen",
            "support",
            "channel",
            "source",
        ],
    },
    FieldSpec {
        field: ImportField::Subject,
        label: "Objet",
        required: false,
        headers: &[
            "objet",
            "motif",
            "categorie",
            "nature",
            "theme",
            "type de reclamation",
            "objet de la reclamation",
            "motif de la reclamation",
            "subject",
            "category",
            "reason",
            "topic",
        ],
    },
    FieldSpec {
        field: ImportField::Description,
        label: "Description",
        required: false,
        headers: &[
            "description",
            "resume",
            "detail",
            "details",
            "contenu",
            "libelle",
            "description de la reclamation",
            "resume de la reclamation",
            "commentaire",
            "observations",
            "complaint",
            "complaint description",
            "summary",
        ],
    },
    FieldSpec {
        field: ImportField::Contract,
        label: "N° de contrat",
        required: false,
        headers: &[
            "n de contrat",
            "numero de contrat",
            "contrat",
            "n contrat",
            "police",
            "n de police",
            "numero de police",
            "contract",
            "policy",
            "policy number",
            "contract number",
        ],
    },
    FieldSpec {
        field: ImportField::Product,
        label: "Produit",
        required: false,
        headers: &[
            "produit",
            "product",
            "branche",
            "gamme",
            "type de contrat",
            "line",
        ],
    },
    FieldSpec {
        field: ImportField::Insurer,
        label: "Assureur",
        required: false,
        headers: &[
            "assureur",
            "compagnie",
            "compagnie d assurance",
            "porteur de risque",
            "insurer",
            "carrier",
            "insurance company",
        ],
    },
    FieldSpec {
        field: ImportField::OtherParties,
        label: "Autres intervenants",
        required: false,
        headers: &[
            "autres intervenants",
            "intervenants",
            "other parties",
            "third parties",
        ],
    },
    FieldSpec {
        field: ImportField::PersonsConcerned,
        label: "Personnes visées",
        required: false,
        headers: &[
            "personnes visees",
            "personne visee",
            "personnes concernees",
            "collaborateur vise",
            "persons concerned",
            "staff concerned",
        ],
    },
    FieldSpec {
        field: ImportField::ReceivedBy,
        label: "Reçue par",
        required: false,
        headers: &["recue par", "enregistree par", "saisie par", "received by"],
    },
    FieldSpec {
        field: ImportField::Handler,
        label: "Gestionnaire",
        required: false,
        headers: &[
            "gestionnaire",
            "responsable",
            "suivi par",
            "charge de",
            "charge du dossier",
            "conseiller",
            "handler",
            "owner",
            "assigned to",
            "handled by",
        ],
    },
    FieldSpec {
        field: ImportField::AcknowledgedOn,
        label: "Accusé de réception le",
        required: false,
        headers: &[
            "accuse de reception le",
            "accuse de reception",
            "date ar",
            "ar le",
            "ar",
            "date accuse de reception",
            "date de l accuse de reception",
            "acknowledged",
            "acknowledged on",
            "date acknowledged",
            "acknowledgement date",
            "acknowledgment date",
        ],
    },
    FieldSpec {
        field: ImportField::AnsweredOn,
        label: "Réponse le",
        required: false,
        headers: &[
            "reponse le",
            "date de reponse",
            "date reponse",
            "repondue le",
            "date de la reponse",
            "answered",
            "answered on",
            "answer date",
            "response date",
            "date answered",
        ],
    },
    FieldSpec {
        field: ImportField::Outcome,
        label: "Décision",
        required: false,
        headers: &[
            "decision",
            "issue",
            "resultat",
            "conclusion",
            "suite donnee",
            "fondee",
            "outcome",
            "result",
            "decision outcome",
        ],
    },
    FieldSpec {
        field: ImportField::AnswerSummary,
        label: "Contenu de la réponse",
        required: false,
        headers: &[
            "contenu de la reponse",
            "reponse",
            "reponse apportee",
            "motivation",
            "motif de la decision",
            "answer",
            "response",
            "answer summary",
        ],
    },
    FieldSpec {
        field: ImportField::Gesture,
        label: "Geste commercial",
        required: false,
        headers: &[
            "geste commercial",
            "geste",
            "montant du geste",
            "indemnisation",
            "montant",
            "gesture",
            "goodwill",
            "goodwill gesture",
            "compensation",
            "amount",
        ],
    },
    FieldSpec {
        field: ImportField::Dysfunctions,
        label: "Dysfonctionnements",
        required: false,
        headers: &[
            "dysfonctionnements",
            "dysfonctionnement",
            "cause",
            "cause racine",
            "dysfunctions",
            "dysfunction",
            "root cause",
        ],
    },
    FieldSpec {
        field: ImportField::ClosedOn,
        label: "Clôturée le",
        required: false,
        headers: &[
            "cloturee le",
            "date de cloture",
            "cloture le",
            "cloture",
            "date cloture",
            "closed",
            "closed on",
            "closure date",
            "date closed",
        ],
    },
    FieldSpec {
        field: ImportField::Feedback,
        label: "Retour client",
        required: false,
        headers: &[
            "retour client",
            "retour du client",
            "satisfaction",
            "resolue",
            "resolution",
            "feedback",
            "customer feedback",
            "resolved",
        ],
    },
];

impl ImportField {
    pub fn spec(self) -> &'static FieldSpec {
        FIELDS
            .iter()
            .find(|f| f.field == self)
            .expect("every field has a spec")
    }

    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The field's identifier in a mapping file and in messages (`receivedOn`…).
    pub fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// Lower case, accents removed, every run of other characters turned into one space.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            'œ' => 'o',
            '°' | 'º' => ' ',
            c => c,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// Headers that name a computed value (a due date, a lateness flag, a status), which the
/// register derives and never imports.
fn derived(h: &str) -> bool {
    h.contains("du le")
        || h.ends_with(" du")
        || h.split(' ').any(|w| {
            matches!(
                w,
                "due" | "retard" | "late" | "echeance" | "delai" | "statut" | "status"
            )
        })
}

/// Guess the field of each column from its header: an exact (normalised) match first, then a
/// header that starts with a known name ("Date de réception (jj/mm/aaaa)"). A field is used
/// by one column at most.
pub fn guess(headers: &[String]) -> Vec<Option<ImportField>> {
    let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut out: Vec<Option<ImportField>> = vec![None; headers.len()];
    let mut taken = std::collections::HashSet::new();
    for exact in [true, false] {
        for (i, h) in norm.iter().enumerate() {
            if out[i].is_some() || h.is_empty() || derived(h) {
                continue;
            }
            let found = FIELDS.iter().find(|f| {
                !taken.contains(&f.field)
                    && f.headers.iter().any(|n| {
                        if exact {
                            h == n
                        } else {
                            n.len() >= 5 && h.starts_with(n) && h.as_bytes()[n.len()] == b' '
                        }
                    })
            });
            if let Some(f) = found {
                taken.insert(f.field);
                out[i] = Some(f.field);
            }
        }
    }
    out
}

/// A problem found on a row: the field it concerns and a French message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(field: ImportField, message: impl Into<String>) -> Self {
        Problem {
            field: field.id(),
            message: format!("{} : {}", field.label(), message.into()),
        }
    }
}

/// What one row asks the register to record.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub original_reference: Option<String>,
    pub complaint: NewComplaint,
    pub acknowledged_on: Option<NaiveDate>,
    pub answer: Option<(NaiveDate, Outcome, String, Option<Money>)>,
    pub dysfunctions: Vec<(DysfunctionCategory, String)>,
    pub closure: Option<(NaiveDate, Feedback)>,
    /// What was accepted with an adjustment ("objet inconnu : classé Autre").
    pub warnings: Vec<Problem>,
}

/// An Excel serial day number (1900 system, as Excel and LibreOffice write by default).
pub fn from_serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n.floor() as i64))
}

/// A date cell: a typed date, an Excel serial number, or a text date in the usual French,
/// ISO and spreadsheet forms (a time after it is ignored).
pub fn parse_date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => from_serial(*n)
            .map(Some)
            .ok_or_else(|| format!("nombre « {n} » qui n'est pas une date")),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(d) = t.parse().ok().and_then(from_serial) {
                    return Ok(Some(d));
                }
            }
            let day = t.split([' ', 'T']).next().unwrap_or(t);
            for f in ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d"] {
                match NaiveDate::parse_from_str(day, f) {
                    // "%Y" also reads "26" as the year 26: leave short years to "%y".
                    Ok(d) if d.year() >= 1900 => return Ok(Some(d)),
                    _ => {}
                }
            }
            // Two-digit years: 25 is 2025 (a register does not go back to the 1920s).
            for f in ["%d/%m/%y", "%d-%m-%y", "%d.%m.%y"] {
                if let Ok(d) = NaiveDate::parse_from_str(day, f) {
                    return Ok(Some(d));
                }
            }
            Err(format!(
                "date illisible « {t} » (attendu JJ/MM/AAAA, AAAA-MM-JJ ou une date Excel)"
            ))
        }
    }
}

/// The two first numbers of a text date "a/b/yyyy" (or with `-` or `.`).
fn day_month(t: &str) -> Option<(u32, u32)> {
    let day = t.trim().split([' ', 'T']).next()?;
    let mut parts = day.split(['/', '-', '.']);
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let y = parts.next()?;
    (parts.next().is_none() && (y.len() == 2 || y.len() == 4) && a <= 31 && b <= 31)
        .then_some((a, b))
}

/// Whether a column of text dates is written month first (an English-language spreadsheet):
/// no first number above 12 and at least one second number above 12.
pub fn month_first(cells: impl Iterator<Item = impl AsRef<str>>) -> bool {
    let (mut first_big, mut second_big) = (false, false);
    for c in cells {
        if let Some((a, b)) = day_month(c.as_ref()) {
            first_big |= a > 12;
            second_big |= b > 12;
        }
    }
    second_big && !first_big
}

/// "02/20/2026" → "20/02/2026".
pub fn swap_day_month(t: &str) -> String {
    let t = t.trim();
    let sep = t
        .chars()
        .find(|c| matches!(c, '/' | '-' | '.'))
        .unwrap_or('/');
    let mut parts: Vec<&str> = t.splitn(3, sep).collect();
    if parts.len() == 3 {
        parts.swap(0, 1);
    }
    parts.join(&sep.to_string())
}

/// An amount: a number cell, or a text such as "1 234,56 €", "1234.56" or "1.234,56".
pub fn parse_money(cell: &Cell) -> Result<Option<Money>, String> {
    let amount = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(_) => return Err("une date n'est pas un montant".to_owned()),
        Cell::Number(n) => {
            let exact =
                Decimal::from_f64(*n).ok_or_else(|| format!("montant illisible « {n} »"))?;
            let cents = exact.round_dp(2);
            // A float cell carries binary noise (12.3 is 12.300000000000001): that is rounded
            // away, a third decimal typed in the sheet is not.
            if (n - cents.to_f64().unwrap_or(f64::NAN)).abs() > 1e-9 * n.abs().max(1.0) {
                return Err(MoneyError::TooPrecise(exact.to_string()).to_string());
            }
            cents
        }
        Cell::Text(t) => {
            let cleaned: String = t
                .trim()
                .trim_end_matches("EUR")
                .trim_end_matches("eur")
                .trim()
                .trim_end_matches('€')
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\''))
                .collect();
            if cleaned.is_empty() {
                return Ok(None);
            }
            // "1.234,56": dots group thousands when a comma is the decimal separator.
            let cleaned = if cleaned.contains(',') {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned
            };
            // The same reading as an amount typed in the app (plain decimals only).
            match cleaned.parse::<Money>() {
                Ok(m) => m.amount(),
                Err(MoneyError::Unreadable(_)) => {
                    return Err(format!("montant illisible « {} »", t.trim()))
                }
                Err(MoneyError::TooPrecise(_)) => {
                    return Err(MoneyError::TooPrecise(t.trim().to_owned()).to_string())
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    };
    if amount.is_zero() {
        return Ok(None);
    }
    Money::new(amount).map(Some).map_err(|e| e.to_string())
}

fn text(cell: &Cell) -> Option<String> {
    let s = cell.display();
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A vocabulary value from its identifier, its French label or a usual synonym.
fn vocab<T: Copy>(
    value: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    synonyms: &[(&str, T)],
) -> Option<T> {
    let n = normalise(value);
    all.iter()
        .copied()
        .find(|v| normalise(id(*v)) == n || normalise(label(*v)) == n)
        .or_else(|| synonyms.iter().find(|(s, _)| *s == n).map(|(_, v)| *v))
}

fn channel(v: &str) -> Option<Channel> {
    use Channel::*;
    vocab(
        v,
        Channel::ALL,
        Channel::as_str,
        Channel::label,
        &[
            ("lettre", Letter),
            ("courrier postal", Letter),
            ("postal", Letter),
            ("lrar", Letter),
            ("lettre recommandee", Letter),
            ("letter", Letter),
            ("mail", Email),
            ("courriel", Email),
            ("email", Email),
            ("tel", Phone),
            ("telephone", Phone),
            ("appel", Phone),
            ("phone", Phone),
            ("agence", InPerson),
            ("rendez vous", InPerson),
            ("face a face", InPerson),
            ("in person", InPerson),
            ("site", WebForm),
            ("site web", WebForm),
            ("formulaire", WebForm),
            ("web", WebForm),
            ("internet", WebForm),
            ("plateforme", Platform),
            ("reseaux sociaux", SocialNetwork),
            ("reseau social", SocialNetwork),
        ],
    )
}

fn subject(v: &str) -> Option<Subject> {
    use Subject::*;
    vocab(
        v,
        Subject::ALL,
        Subject::as_str,
        Subject::label,
        &[
            ("souscription", Subscription),
            ("adhesion", Subscription),
            ("gestion", ContractManagement),
            ("gestion du contrat", ContractManagement),
            ("avenant", ContractManagement),
            ("sinistre", ClaimSettlement),
            ("sinistres", ClaimSettlement),
            ("indemnisation", ClaimSettlement),
            ("reglement", ClaimSettlement),
            ("prestations", ClaimSettlement),
            ("claims", ClaimSettlement),
            ("cotisation", PremiumBilling),
            ("cotisations", PremiumBilling),
            ("facturation", PremiumBilling),
            ("prime", PremiumBilling),
            ("primes", PremiumBilling),
            ("prelevement", PremiumBilling),
            ("resiliation", Termination),
            ("conseil", AdviceDuty),
            ("devoir de conseil", AdviceDuty),
            ("information", AdviceDuty),
            ("qualite", ServiceQuality),
            ("service", ServiceQuality),
            ("accueil", ServiceQuality),
            ("delai", ServiceQuality),
            ("delais", ServiceQuality),
            ("rgpd", PersonalData),
            ("donnees", PersonalData),
            ("donnees personnelles", PersonalData),
        ],
    )
}

fn outcome(v: &str) -> Option<Outcome> {
    use Outcome::*;
    vocab(
        v,
        Outcome::ALL,
        Outcome::as_str,
        Outcome::label,
        &[
            ("fondee", Upheld),
            ("favorable", Upheld),
            ("acceptee", Upheld),
            ("accepte", Upheld),
            ("satisfaite", Upheld),
            ("partiel", Partial),
            ("partielle", Partial),
            ("partiellement", Partial),
            ("partiellement favorable", Partial),
            ("partially upheld", Partial),
            ("rejet", Rejected),
            ("rejete", Rejected),
            ("refus", Rejected),
            ("refusee", Rejected),
            ("non fondee", Rejected),
            ("defavorable", Rejected),
            ("rejected", Rejected),
            ("upheld", Upheld),
        ],
    )
}

fn feedback(v: &str) -> Option<Feedback> {
    use Feedback::*;
    vocab(
        v,
        Feedback::ALL,
        Feedback::as_str,
        Feedback::label,
        &[
            ("oui", Resolved),
            ("resolu", Resolved),
            ("satisfait", Resolved),
            ("yes", Resolved),
            ("non", Unresolved),
            ("non resolu", Unresolved),
            ("insatisfait", Unresolved),
            ("no", Unresolved),
            ("aucun", None),
            ("sans objet", None),
            ("inconnu", None),
        ],
    )
}

fn client_kind(v: &str) -> Option<ClientKind> {
    use ClientKind::*;
    vocab(
        v,
        ClientKind::ALL,
        ClientKind::as_str,
        ClientKind::label,
        &[
            ("personne physique", Person),
            ("particuliers", Person),
            ("individual", Person),
            ("pp", Person),
            ("personne morale", Company),
            ("professionnel", Company),
            ("societe", Company),
            ("entreprise", Company),
            ("business", Company),
            ("pm", Company),
        ],
    )
}

fn category(label: &str) -> Option<DysfunctionCategory> {
    vocab(
        label,
        DysfunctionCategory::ALL,
        DysfunctionCategory::as_str,
        DysfunctionCategory::label,
        &[],
    )
}

fn list(v: Option<String>) -> Vec<String> {
    v.map(|s| {
        s.split([',', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// Read one row into what it asks to record, or the list of reasons it is refused.
pub fn plan(cells: &[Cell], mapping: &[Option<ImportField>]) -> Result<Planned, Vec<Problem>> {
    use ImportField as F;
    let get = |f: ImportField| -> &Cell {
        mapping
            .iter()
            .position(|m| *m == Some(f))
            .and_then(|i| cells.get(i))
            .unwrap_or(&Cell::Empty)
    };
    let txt = |f: ImportField| text(get(f));
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let date = |f: ImportField, problems: &mut Vec<Problem>| match parse_date(get(f)) {
        Ok(d) => d,
        Err(m) => {
            problems.push(Problem::new(f, m));
            None
        }
    };
    let received_on = date(F::ReceivedOn, &mut problems);
    let sent_on = date(F::SentOn, &mut problems);
    let acknowledged_on = date(F::AcknowledgedOn, &mut problems);
    let answered_on = date(F::AnsweredOn, &mut problems);
    let closed_on = date(F::ClosedOn, &mut problems);
    if received_on.is_none() && get(F::ReceivedOn).is_empty() {
        problems.push(Problem::new(F::ReceivedOn, "date de réception manquante"));
    }
    let name = txt(F::ClientName);
    if name.is_none() {
        problems.push(Problem::new(F::ClientName, "nom du client manquant"));
    }

    let mut vocab_or_other = |f: ImportField, parsed: Option<String>, ok: bool, other: &str| {
        if let Some(v) = parsed {
            if !ok {
                warnings.push(Problem::new(
                    f,
                    format!("« {v} » n'est pas une valeur connue : classé « {other} »"),
                ));
            }
        }
    };
    let channel_text = txt(F::Channel);
    let channel_value = channel_text.as_deref().and_then(channel);
    vocab_or_other(
        F::Channel,
        channel_text.clone(),
        channel_value.is_some(),
        Channel::Other.label(),
    );
    let subject_text = txt(F::Subject);
    let subject_value = subject_text.as_deref().and_then(subject);
    vocab_or_other(
        F::Subject,
        subject_text.clone(),
        subject_value.is_some(),
        Subject::Other.label(),
    );
    let kind = match txt(F::ClientKind) {
        None => None,
        Some(k) => match client_kind(&k) {
            Some(k) => Some(k),
            None => {
                problems.push(Problem::new(
                    F::ClientKind,
                    format!("« {k} » inconnu (Particulier ou Entreprise)"),
                ));
                None
            }
        },
    };

    let outcome_value = match txt(F::Outcome) {
        None => None,
        Some(o) => match outcome(&o) {
            Some(o) => Some(o),
            None => {
                problems.push(Problem::new(
                    F::Outcome,
                    format!("« {o} » inconnue (Fondée, Partiellement fondée ou Rejetée)"),
                ));
                None
            }
        },
    };
    let gesture = match parse_money(get(F::Gesture)) {
        Ok(g) => g,
        Err(m) => {
            problems.push(Problem::new(F::Gesture, m));
            None
        }
    };
    let summary = txt(F::AnswerSummary);
    let answer = match (answered_on, outcome_value) {
        (Some(on), Some(o)) => Some((
            on,
            o,
            summary.unwrap_or_else(|| "Réponse reprise du registre importé.".to_owned()),
            gesture,
        )),
        (Some(_), None) if !get(F::Outcome).is_empty() => None,
        (Some(_), None) => {
            problems.push(Problem::new(
                F::Outcome,
                "décision manquante alors qu'une date de réponse est donnée",
            ));
            None
        }
        (None, Some(_)) if get(F::AnsweredOn).is_empty() => {
            problems.push(Problem::new(
                F::AnsweredOn,
                "date de réponse manquante alors qu'une décision est donnée",
            ));
            None
        }
        (None, _) => {
            if gesture.is_some() {
                problems.push(Problem::new(
                    F::Gesture,
                    "geste commercial sans réponse datée",
                ));
            }
            None
        }
    };
    let feedback_value = match txt(F::Feedback) {
        None => Feedback::None,
        Some(f) => feedback(&f).unwrap_or_else(|| {
            problems.push(Problem::new(
                F::Feedback,
                format!("« {f} » inconnu (Résolue, Non résolue ou Sans retour)"),
            ));
            Feedback::None
        }),
    };
    let dysfunctions = txt(F::Dysfunctions)
        .map(|d| {
            d.replace('\n', " | ")
                .split(" | ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|item| match item.split_once(" : ") {
                    Some((label, rest)) if category(label).is_some() => (
                        category(label).expect("just checked"),
                        rest.trim().to_owned(),
                    ),
                    _ => (DysfunctionCategory::Other, item.to_owned()),
                })
                .collect()
        })
        .unwrap_or_default();

    if !problems.is_empty() {
        return Err(problems);
    }
    let complaint = NewComplaint {
        client: NewClient {
            name: name.unwrap_or_default(),
            address: txt(F::ClientAddress),
            email: txt(F::ClientEmail),
            phone: txt(F::ClientPhone),
            number: txt(F::ClientNumber),
            kind,
            relation: None,
        },
        channel: channel_value.unwrap_or(Channel::Other),
        sent_on,
        received_on: received_on.expect("checked above"),
        subject: subject_value.unwrap_or(Subject::Other),
        description: txt(F::Description).unwrap_or_default(),
        contract: NewContract {
            number: txt(F::Contract),
            product: txt(F::Product),
            insurer: txt(F::Insurer),
        },
        other_parties: list(txt(F::OtherParties)),
        persons_concerned: list(txt(F::PersonsConcerned)),
        received_by: txt(F::ReceivedBy),
        handler: txt(F::Handler),
    };
    Ok(Planned {
        original_reference: txt(F::Reference),
        complaint,
        acknowledged_on,
        answer,
        dysfunctions,
        closure: closed_on.map(|on| (on, feedback_value)),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_are_guessed_in_french_and_english() {
        use ImportField as F;
        let g = guess(&h(&[
            "N° réclamation",
            "Nom du client",
            "Date de réception (jj/mm/aaaa)",
            "Accusé de réception dû le",
            "Accusé de réception le",
            "Motif",
            "Statut",
            "Contenu de la réponse",
            "Réponse en retard",
            "Colonne perso",
        ]));
        assert_eq!(
            g,
            [
                Some(F::Reference),
                Some(F::ClientName),
                Some(F::ReceivedOn),
                None,
                Some(F::AcknowledgedOn),
                Some(F::Subject),
                None,
                Some(F::AnswerSummary),
                None,
                None
            ]
        );
        let g = guess(&h(&[
            "Complaint ID",
            "Customer name",
            "Date received",
            "Outcome",
        ]));
        assert_eq!(
            g,
            [
                Some(F::Reference),
                Some(F::ClientName),
                Some(F::ReceivedOn),
                Some(F::Outcome)
            ]
        );
        // One column per field: a second "Client" column is left unmapped.
        assert_eq!(
            guess(&h(&["Client", "Client"])),
            [Some(F::ClientName), None]
        );
    }

    #[test]
    fn dates_in_every_usual_form() {
        let d = |y, m, day| Some(NaiveDate::from_ymd_opt(y, m, day).unwrap());
        assert_eq!(parse_date(&Cell::Number(46_023.0)), Ok(d(2026, 1, 1)));
        assert_eq!(parse_date(&Cell::Text("46023".into())), Ok(d(2026, 1, 1)));
        assert_eq!(
            parse_date(&Cell::Text("03/02/2026".into())),
            Ok(d(2026, 2, 3))
        );
        assert_eq!(
            parse_date(&Cell::Text("2026-02-03".into())),
            Ok(d(2026, 2, 3))
        );
        assert_eq!(
            parse_date(&Cell::Text("03.02.26".into())),
            Ok(d(2026, 2, 3))
        );
        assert_eq!(
            parse_date(&Cell::Text("03/02/2026 14:30".into())),
            Ok(d(2026, 2, 3))
        );
        assert!(parse_date(&Cell::Text("31/02/2026".into())).is_err());
        assert!(parse_date(&Cell::Text("demain".into())).is_err());
        assert!(parse_date(&Cell::Number(-3.0)).is_err());
    }

    #[test]
    fn amounts_in_every_usual_form() {
        let m = |s: &str| parse_money(&Cell::Text(s.into())).map(|m| m.map(|m| m.to_string()));
        assert_eq!(m("1 234,56 €"), Ok(Some("1234.56".into())));
        assert_eq!(m("1.234,56"), Ok(Some("1234.56".into())));
        assert_eq!(m("80.5"), Ok(Some("80.50".into())));
        assert_eq!(m("0"), Ok(None));
        assert!(m("-10").is_err());
        assert!(m("dix euros").is_err());
        assert!(m("1e3").is_err());
        assert!(m("0,00000000000000000000000000001").is_err());
        assert!(m("12,345").unwrap_err().contains("trop précis"));
        assert!(parse_money(&Cell::Number(12.345))
            .unwrap_err()
            .contains("trop précis"));
        assert_eq!(
            parse_money(&Cell::Number(0.1 + 0.2)).map(|m| m.map(|m| m.to_string())),
            Ok(Some("0.30".into()))
        );
        assert_eq!(
            parse_money(&Cell::Number(12.3)).map(|m| m.map(|m| m.to_string())),
            Ok(Some("12.30".into()))
        );
    }

    #[test]
    fn a_row_without_client_or_date_is_refused_with_reasons() {
        use ImportField as F;
        let mapping = [Some(F::ClientName), Some(F::ReceivedOn), Some(F::Subject)];
        let err = plan(
            &[Cell::Empty, Cell::Text("32/01/2026".into()), Cell::Empty],
            &mapping,
        )
        .unwrap_err();
        let fields: Vec<&str> = err.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["receivedOn", "clientName"]);
        assert!(err[0].message.contains("32/01/2026"), "{err:?}");

        let ok = plan(
            &[
                Cell::Text("Mme Durand".into()),
                Cell::Text("03/02/2026".into()),
                Cell::Text("Sinistre".into()),
            ],
            &mapping,
        )
        .unwrap();
        assert_eq!(ok.complaint.subject, Subject::ClaimSettlement);
        assert_eq!(ok.complaint.channel, Channel::Other);
        let odd = plan(
            &[
                Cell::Text("M. Petit".into()),
                Cell::Text("03/02/2026".into()),
                Cell::Text("Tarif trop cher".into()),
            ],
            &mapping,
        )
        .unwrap();
        assert_eq!(odd.complaint.subject, Subject::Other);
        assert!(odd.warnings[0].message.contains("Tarif trop cher"));
    }
}
