//! Which column of the file goes to which register field: the fields, the guess from header
//! names (French and English), and the reading of one row's cells into a complaint to record.

use super::source::Cell;
use crate::complaint::input::NewClient;
use crate::complaint::{
    Channel, DysfunctionCategory, Feedback, Money, NewComplaint, NewContract, Outcome, Subject,
};
use chrono::NaiveDate;
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
    /// A claim number: kept in the description ("N° de sinistre : …"), the register having no
    /// field of its own for it.
    ClaimNumber,
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
            "nom du souscripteur",
            "assure nom",
            "nom de l assure",
            "plaignant",
            "demandeur",
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
            "date d arrivee",
            "arrivee le",
            "recu le",
            "date de reception de la reclamation",
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
            "voie",
            "vecteur",
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
            "nature de la reclamation",
            "type de demande",
            "domaine",
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
            "motif description",
            "motif et description",
            "objet description",
            "description du motif",
            "expose",
            "expose de la reclamation",
            "faits",
            "griefs",
            "nature de la demande",
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
        field: ImportField::ClaimNumber,
        label: "N° de sinistre",
        required: false,
        headers: &[
            "n sinistre",
            "n de sinistre",
            "numero de sinistre",
            "numero sinistre",
            "ref sinistre",
            "reference sinistre",
            "sinistre n",
            "claim number",
            "claim",
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
            "cie",
            "compagnie assureur",
            "assureur concerne",
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
            "traite par",
            "dossier suivi par",
            "interlocuteur",
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
            "date d accuse",
            "date accuse",
            "date d ar",
            "date de l ar",
            "ar envoye le",
            "accuse reception",
            "date accuse reception",
            "envoi ar",
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
            "date de la reponse apportee",
            "reponse envoyee le",
            "date envoi reponse",
            "date de reponse au client",
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
            "avis",
            "decision prise",
            "sens de la decision",
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
            "reponse au client",
            "solution apportee",
            "reponse faite",
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
            "geste accorde",
            "geste commercial accorde",
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
            "clos le",
            "cloture du dossier",
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

use super::cells::{
    category, channel, client_kind, decision_in_text, feedback, list, outcome, subject, text,
};
pub use super::cells::{
    from_serial, month_first, normalise, parse_date, parse_money, swap_day_month,
};

/// The field of the refusal a row gets when its decision cannot be read (the decision's own
/// field): the user chooses it, row by row or one for the whole file.
pub const DECISION_NEEDED: &str = "outcome";

/// Read one row into what it asks to record, or the list of reasons it is refused.
/// `decision`: the decision the user chose for this row, when the file's text gives none.
pub fn plan(
    cells: &[Cell],
    mapping: &[Option<ImportField>],
    decision: Option<Outcome>,
) -> Result<Planned, Vec<Problem>> {
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

    let gesture = match parse_money(get(F::Gesture)) {
        Ok(g) => g,
        Err(m) => {
            problems.push(Problem::new(F::Gesture, m));
            None
        }
    };
    let mut summary = txt(F::AnswerSummary);
    // The decision: its own column (a word, or a text that starts with one), else the start
    // of the answer's text ("Fondée - indemnisation versée"), else the user's choice. Never
    // guessed from a word further in.
    let mut undecided: Option<String> = None;
    let outcome_value = match txt(F::Outcome) {
        Some(o) => match outcome(&o).or_else(|| decision_in_text(&o).map(|(d, _)| d)) {
            Some(o) => Some(o),
            // No decision yet ("En cours") on a complaint not answered: nothing to decide.
            None if answered_on.is_none() => None,
            None => match decision {
                Some(d) => Some(d),
                None => {
                    undecided = Some(o);
                    None
                }
            },
        },
        None if answered_on.is_some() => match summary.as_deref().and_then(decision_in_text) {
            Some((d, rest)) => {
                summary = Some(rest);
                Some(d)
            }
            None => match decision {
                Some(d) => Some(d),
                None => {
                    undecided = Some(summary.clone().unwrap_or_default());
                    None
                }
            },
        },
        None => None,
    };
    if let Some(text) = undecided {
        problems.push(Problem {
            field: DECISION_NEEDED.to_owned(),
            message: if text.is_empty() {
                "Décision : aucune décision n'est écrite pour cette réponse datée : choisissez-la"
                    .to_owned()
            } else {
                format!(
                    "Décision : « {} » ne dit pas si la réclamation est fondée, partiellement \
                     fondée ou rejetée : choisissez-la",
                    text.chars().take(80).collect::<String>()
                )
            },
        });
    }
    let answer = match (answered_on, outcome_value) {
        (Some(on), Some(o)) => Some((
            on,
            o,
            summary.unwrap_or_else(|| "Réponse reprise du registre importé.".to_owned()),
            gesture,
        )),
        (Some(_), None) => None,
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
        description: match (txt(F::Description), txt(F::ClaimNumber)) {
            (d, Some(n)) => format!(
                "{}N° de sinistre : {n}",
                d.map(|d| format!("{d}\n")).unwrap_or_default()
            ),
            (d, None) => d.unwrap_or_default(),
        },
        contract: NewContract {
            number: txt(F::Contract),
            product: txt(F::Product),
            insurer: txt(F::Insurer),
        },
        other_parties: list(txt(F::OtherParties)),
        persons_concerned: list(txt(F::PersonsConcerned)),
        received_by: txt(F::ReceivedBy),
        handler: txt(F::Handler),
        amount_claimed: None,
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
#[path = "mapping_tests.rs"]
mod tests;
