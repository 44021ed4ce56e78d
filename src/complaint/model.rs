//! The complaint as the register knows it: its fields, its closed vocabularies and the derived
//! view of its deadlines. No storage and no I/O here.

use super::steps::{Confirmation, Ending, PlatformCase, Sent};
use crate::calendar::{self, Deadlines, Region};
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a closed vocabulary: its wire names (camelCase, as in JSON and the database) and
/// its French labels, with `FromStr`/`Display` over the wire name.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable name used in JSON, the CLI and the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The French label shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The accepted wire names, for error messages.
            pub fn expected() -> String {
                [$($wire,)+].join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    other => Err(UnknownValue {
                        value: other.to_owned(),
                        expected: $name::expected(),
                    }),
                }
            }
        }
    };
}

/// A string that is not one of a vocabulary's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("valeur inconnue « {value} » (valeurs possibles : {expected})")]
pub struct UnknownValue {
    pub value: String,
    pub expected: String,
}

vocabulary!(
    /// Whether the complainant is a natural person or a legal entity.
    ClientKind {
        Person = "person", "Particulier";
        Company = "company", "Entreprise";
    }
);

vocabulary!(
    /// The complainant's relation to the firm (ACPR: whoever expresses the dissatisfaction).
    ClientRelation {
        Client = "client", "Client";
        FormerClient = "formerClient", "Ancien client";
        Prospect = "prospect", "Prospect";
        Beneficiary = "beneficiary", "Bénéficiaire";
        Other = "other", "Autre (mandataire, ayant droit…)";
    }
);

vocabulary!(
    /// How the complaint reached the firm.
    Channel {
        Letter = "letter", "Courrier";
        Email = "email", "E-mail";
        Phone = "phone", "Téléphone";
        InPerson = "inPerson", "En agence";
        WebForm = "webForm", "Formulaire web";
        Platform = "platform", "Plateforme tierce";
        SocialNetwork = "socialNetwork", "Réseau social";
        Other = "other", "Autre";
    }
);

impl Channel {
    /// Oral channels: the client must be invited to confirm in writing.
    pub fn is_oral(self) -> bool {
        matches!(self, Channel::Phone | Channel::InPerson)
    }
}

vocabulary!(
    /// The object of the complaint (register category).
    Subject {
        Subscription = "subscription", "Souscription";
        ContractManagement = "contractManagement", "Gestion du contrat";
        ClaimSettlement = "claimSettlement", "Règlement de sinistre";
        PremiumBilling = "premiumBilling", "Cotisations / facturation";
        Termination = "termination", "Résiliation";
        AdviceDuty = "adviceDuty", "Devoir de conseil / information";
        ServiceQuality = "serviceQuality", "Qualité de service";
        PersonalData = "personalData", "Données personnelles";
        Other = "other", "Autre";
    }
);

vocabulary!(
    /// Where the complaint stands in its lifecycle.
    Status {
        Received = "received", "Reçue";
        Acknowledged = "acknowledged", "Accusé de réception envoyé";
        Answered = "answered", "Répondue";
        Closed = "closed", "Clôturée";
    }
);

vocabulary!(
    /// The decision given in the answer.
    Outcome {
        Upheld = "upheld", "Fondée";
        Partial = "partial", "Partiellement fondée";
        Rejected = "rejected", "Rejetée";
    }
);

impl Outcome {
    /// A total or partial rejection must carry the recourse routes.
    pub fn requires_recourse(self) -> bool {
        matches!(self, Outcome::Partial | Outcome::Rejected)
    }
}

vocabulary!(
    /// The client's feedback when the complaint is closed (platform seed: resolved or not).
    Feedback {
        Resolved = "resolved", "Résolue";
        Unresolved = "unresolved", "Non résolue";
        None = "none", "Sans retour";
    }
);

vocabulary!(
    /// Category of a dysfunction found while handling a complaint.
    DysfunctionCategory {
        Process = "process", "Processus";
        Information = "information", "Information du client";
        Delay = "delay", "Délai de traitement";
        Product = "product", "Produit";
        Insurer = "insurer", "Assureur / partenaire";
        HumanError = "humanError", "Erreur humaine";
        Tooling = "tooling", "Outils / système";
        Other = "other", "Autre";
    }
);

vocabulary!(
    /// A user's role in the firm (authority matrix of DOMAIN.md).
    Role {
        Advisor = "advisor", "Conseiller";
        Supervisor = "supervisor", "Responsable";
        Manager = "manager", "Dirigeant";
    }
);

vocabulary!(
    /// What a commercial gesture gives the client (seed 000).
    GestureKind {
        Credit = "credit", "Avoir / crédit";
        FreeService = "freeService", "Prestation offerte";
        MonthsOffered = "monthsOffered", "Mois offerts";
        Other = "other", "Autre geste";
    }
);

vocabulary!(
    /// Why a refund is made: a right of the client (no approval needed) or an exception
    /// (following the authority matrix).
    RefundBasis {
        Withdrawal = "withdrawal", "Droit de rétractation";
        BillingError = "billingError", "Erreur de facturation";
        OtherLegal = "otherLegal", "Autre obligation (loi ou contrat)";
        Exception = "exception", "Remboursement exceptionnel";
    }
);

impl RefundBasis {
    /// A refund the client has a right to: no approval needed.
    pub fn is_legal(self) -> bool {
        self != RefundBasis::Exception
    }
}

vocabulary!(
    /// A refund against the amount claimed.
    RefundScope {
        Partial = "partial", "Partiel";
        Full = "full", "Intégral";
    }
);

vocabulary!(
    /// The approval a decision needs under the authority matrix.
    ApprovalLevel {
        Supervisor = "supervisor", "Validation d'un responsable";
        Document = "document", "Validation d'un responsable ou du dirigeant, document interne joint";
    }
);

vocabulary!(
    /// What an escalation asks to approve.
    EscalationSubject {
        Gesture = "gesture", "Geste commercial";
        Refund = "refund", "Remboursement";
    }
);

vocabulary!(
    /// Where an escalation stands.
    EscalationStatus {
        Pending = "pending", "En attente de validation";
        Accepted = "accepted", "Validée";
        Refused = "refused", "Refusée";
    }
);

vocabulary!(
    /// What a proposal made to the client offers.
    ProposalKind {
        Credit = "credit", "Avoir / crédit";
        FreeService = "freeService", "Prestation offerte";
        MonthsOffered = "monthsOffered", "Mois offerts";
        Refund = "refund", "Remboursement";
        Other = "other", "Autre solution";
    }
);

vocabulary!(
    /// The client's response to a proposal.
    ProposalResponse {
        Pending = "pending", "Sans réponse";
        Accepted = "accepted", "Acceptée";
        Refused = "refused", "Refusée";
    }
);

vocabulary!(
    /// How a refund was paid.
    PaymentMethod {
        Transfer = "transfer", "Virement";
        Cheque = "cheque", "Chèque";
        Card = "card", "Carte bancaire";
        Offset = "offset", "Compensation sur cotisation";
        Other = "other", "Autre";
    }
);

vocabulary!(
    /// Whether an exchange came from the client (or a third party) or went to them.
    Direction {
        Incoming = "incoming", "Reçu";
        Outgoing = "outgoing", "Envoyé";
    }
);

vocabulary!(
    /// The other legs of a dispute, recorded on the complaint file.
    DisputeKind {
        InsurerForwarded = "insurerForwarded", "Transmise à l'assureur";
        InsurerAnswer = "insurerAnswer", "Réponse de l'assureur";
        MediatorReferral = "mediatorReferral", "Saisine du médiateur";
        MediatorOutcome = "mediatorOutcome", "Avis du médiateur";
        FormalNotice = "formalNotice", "Mise en demeure";
        CourtAction = "courtAction", "Action en justice";
        PiDeclaration = "piDeclaration", "Déclaration à l'assureur RC professionnelle";
    }
);

vocabulary!(
    /// Where a corrective action stands.
    ActionStatus {
        Planned = "planned", "Prévue";
        InProgress = "inProgress", "En cours";
        Done = "done", "Réalisée";
        Abandoned = "abandoned", "Abandonnée";
    }
);

vocabulary!(
    /// How a complaint left the usual path before its answer: withdrawn by the client, or
    /// requalified as a request for information (recorded by mistake). It stays in the
    /// register with its ending.
    EndKind {
        Withdrawn = "withdrawn", "Retirée par le client";
        Requalified = "requalified", "Requalifiée en demande d'information";
    }
);

vocabulary!(
    /// How an acknowledgement or an answer reached the client.
    SentVia {
        RegisterLetter = "registerLetter", "Lettre émise depuis le registre";
        Email = "email", "E-mail (message joint au dossier)";
        // No "(copie jointe)": the step names its copy beside the way it went, and the form
        // asks for it; the labels fit the narrow actions panel's drop-down.
        OtherLetter = "otherLetter", "Courrier rédigé hors du registre";
        Oral = "oral", "Oralement, puis confirmé par écrit";
    }
);

impl SentVia {
    /// Every way but the register's own letter leaves its copy in the file (the e-mail sent,
    /// the letter written elsewhere, the written confirmation of what was said).
    pub fn needs_copy(self) -> bool {
        !matches!(self, SentVia::RegisterLetter)
    }
}

vocabulary!(
    /// What an action answers: a dysfunction found (corrective), or a risk seen before it
    /// caused one (preventive).
    ActionKind {
        Corrective = "corrective", "Corrective";
        Preventive = "preventive", "Préventive";
    }
);

vocabulary!(
    /// The regulatory step a deadline belongs to.
    Step {
        Acknowledgement = "acknowledgement", "Accusé de réception";
        Answer = "answer", "Réponse";
    }
);

/// A reference of the register: `REC-2026-0001`, sequential per year, never reused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[ts(type = "string")]
#[serde(transparent)]
pub struct ComplaintRef(String);

impl ComplaintRef {
    pub fn new(year: i32, number: u32) -> Self {
        Self(format!("REC-{year}-{number:04}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its year and number (a reference is only built valid: `new` or `from_str`).
    pub fn parts(&self) -> (i32, u32) {
        let mut it = self.0.splitn(3, '-').skip(1);
        let year = it.next().and_then(|y| y.parse().ok()).unwrap_or_default();
        let number = it.next().and_then(|n| n.parse().ok()).unwrap_or_default();
        (year, number)
    }
}

impl fmt::Display for ComplaintRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("référence invalide « {0} » (format attendu : REC-AAAA-NNNN)")]
pub struct BadRef(pub String);

impl FromStr for ComplaintRef {
    type Err = BadRef;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_uppercase();
        let mut parts = s.splitn(3, '-');
        let ok = parts.next() == Some("REC")
            && parts
                .next()
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            && parts
                .next()
                .is_some_and(|n| n.len() >= 4 && n.bytes().all(|b| b.is_ascii_digit()));
        if ok {
            Ok(Self(s))
        } else {
            Err(BadRef(s))
        }
    }
}

/// A sum of money in euros: never a float, at most two decimals, never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[ts(type = "string")]
#[serde(transparent)]
pub struct Money(Decimal);

/// Largest amount the register accepts for a gesture (a typing error beyond this is likelier
/// than a real gesture).
pub const MONEY_MAX: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 2); // 1 000 000,00

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("montant illisible « {0} » (exemple : 150.00)")]
    Unreadable(String),
    #[error("montant négatif : {0}")]
    Negative(Decimal),
    #[error("montant trop précis : {0} (2 décimales au plus)")]
    TooPrecise(String),
    #[error("montant trop élevé : {0} (1 000 000 € au plus)")]
    TooLarge(Decimal),
}

impl Money {
    pub fn new(amount: Decimal) -> Result<Self, MoneyError> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(MoneyError::Negative(amount));
        }
        if amount.normalize().scale() > 2 {
            return Err(MoneyError::TooPrecise(amount.to_string()));
        }
        if amount > MONEY_MAX {
            return Err(MoneyError::TooLarge(amount));
        }
        let mut amount = amount.abs();
        amount.rescale(2);
        Ok(Self(amount))
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    /// French formatting: `1 234,56 €` with a narrow no-break space between thousands and a
    /// no-break space before the sign.
    pub fn to_french(self) -> String {
        french_amount(self.0)
    }
}

/// Any amount in the French way (`1 234,56 €`), e.g. a total above what one gesture allows.
pub fn french_amount(amount: Decimal) -> String {
    let s = format!("{:.2}", amount);
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    format!("{},{frac}\u{A0}€", group_thousands(int))
}

/// Digits grouped by three with a narrow no-break space: `12 345`.
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(ch);
    }
    grouped
}

/// A date as French users read it: `07/05/2026`.
pub fn french_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Accept the French decimal comma too: "150,50".
        let cleaned: String = s
            .trim()
            .trim_end_matches('€')
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        // Plain decimal notation only: `Decimal` also reads "1e3" and "1_000", and rounds the
        // digits beyond its 28th decimal away, which would let a typo or an over-precise
        // amount through as another amount.
        let digits = cleaned.strip_prefix(['-', '+']).unwrap_or(&cleaned);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let plain = !(int.is_empty() && frac.is_empty())
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
        if !plain {
            return Err(MoneyError::Unreadable(s.to_owned()));
        }
        if frac.trim_end_matches('0').len() > 2 {
            return Err(MoneyError::TooPrecise(s.trim().to_owned()));
        }
        let amount =
            Decimal::from_str(&cleaned).map_err(|_| MoneyError::Unreadable(s.to_owned()))?;
        Money::new(amount)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// The complainant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub name: String,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub number: Option<String>,
    pub kind: ClientKind,
    pub relation: ClientRelation,
}

/// The contract, product or service concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    pub number: Option<String>,
    pub product: Option<String>,
    pub insurer: Option<String>,
}

/// A holding letter ("réponse d'attente") sent while the answer is prepared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Holding {
    pub on: NaiveDate,
    pub note: String,
}

/// The answer given to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub on: NaiveDate,
    pub outcome: Outcome,
    pub summary: String,
    pub gesture: Option<Money>,
    /// What the gesture gives (absent on answers recorded before the authority matrix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub gesture_kind: Option<GestureKind>,
    /// The reason noted for a gesture from the matrix's first threshold (20 EUR by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub gesture_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub refund: Option<Refund>,
    /// The internal document (an attachment of the file) a decision above the matrix's
    /// document threshold carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub document_id: Option<i64>,
    /// How the answer reached the client (absent on answers recorded before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub sent: Option<Sent>,
}

/// A refund decided in the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Refund {
    pub amount: Money,
    pub basis: RefundBasis,
    pub scope: RefundScope,
}

/// The closure of the file, with the client's feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Closure {
    pub on: NaiveDate,
    pub feedback: Feedback,
    /// The client's satisfaction at closure, 1 to 5, when they answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub satisfaction: Option<u8>,
    /// How the recourse routes of a rejection reached the client when no answer letter was
    /// issued from the register (an e-mail answer, a letter written elsewhere…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub recourse_note: Option<String>,
}

/// A dysfunction identified while handling the complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Dysfunction {
    pub id: i64,
    pub category: DysfunctionCategory,
    pub description: String,
    pub found_on: NaiveDate,
}

/// A complaint of the register, with every field of the ACPR register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Complaint {
    pub reference: ComplaintRef,
    pub client: Client,
    pub channel: Channel,
    pub sent_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub subject: Subject,
    pub description: String,
    pub contract: Contract,
    pub other_parties: Vec<String>,
    pub persons_concerned: Vec<String>,
    pub received_by: Option<String>,
    pub handler: Option<String>,
    /// What the client claims, when it is a sum (a refund request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub amount_claimed: Option<Money>,
    pub status: Status,
    pub acknowledged_on: Option<NaiveDate>,
    /// How the acknowledgement reached the client (absent before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub ack_sent: Option<Sent>,
    /// An oral complaint's written confirmation, once received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub confirmation: Option<Confirmation>,
    /// Withdrawn by the client or requalified: the complaint stays in the register, its
    /// deadlines stop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub ended: Option<Ending>,
    /// Received through a complaints platform: which, and what it asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub platform: Option<PlatformCase>,
    pub holdings: Vec<Holding>,
    pub answer: Option<Answer>,
    pub closure: Option<Closure>,
    pub dysfunctions: Vec<Dysfunction>,
    pub recorded_at: DateTime<Utc>,
    /// Derived from the dates and the firm's region; not a register field.
    pub deadlines: Deadlines,
}

/// The next regulatory deadline of an open complaint, as seen on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NextDeadline {
    pub step: Step,
    pub due: NaiveDate,
    pub days_left: i64,
    pub overdue: bool,
    pub due_soon: bool,
}

/// Days before a deadline from which it is shown as "due soon".
pub const DUE_SOON_DAYS: i64 = 3;

/// The deadline the complaint is now running against, if any: the acknowledgement while it is
/// only received, then the answer; none once answered.
pub fn next_due(status: Status, deadlines: &Deadlines) -> Option<(Step, NaiveDate)> {
    match status {
        Status::Received => Some((Step::Acknowledgement, deadlines.ack_due)),
        Status::Acknowledged => Some((Step::Answer, deadlines.answer_due)),
        Status::Answered | Status::Closed => None,
    }
}

/// The next deadline with its days left, overdue and due-soon flags, derived from `today`.
pub fn next_deadline(
    status: Status,
    deadlines: &Deadlines,
    today: NaiveDate,
) -> Option<NextDeadline> {
    next_due(status, deadlines).map(|(step, due)| {
        let days_left = calendar::days_left(today, due);
        NextDeadline {
            step,
            due,
            days_left,
            overdue: days_left < 0,
            due_soon: (0..=DUE_SOON_DAYS).contains(&days_left),
        }
    })
}

impl Complaint {
    /// The acknowledgement was never sent and the answer came after its due date: the step was
    /// missed (recorded as such, never invented afterwards).
    pub fn ack_missed(&self) -> bool {
        self.acknowledged_on.is_none()
            && self
                .answer
                .as_ref()
                .is_some_and(|a| a.on > self.deadlines.ack_due)
    }

    pub fn next_deadline(&self, today: NaiveDate) -> Option<NextDeadline> {
        if self.ended.is_some() {
            return None;
        }
        next_deadline(self.status, &self.deadlines, today)
    }

    /// The next due date kept in the register for its lists (none once ended).
    pub fn next_due_on(&self) -> Option<NaiveDate> {
        if self.ended.is_some() {
            return None;
        }
        next_due(self.status, &self.deadlines).map(|(_, d)| d)
    }

    /// An oral complaint still open whose written confirmation the client has not sent.
    pub fn awaits_confirmation(&self) -> bool {
        self.channel.is_oral()
            && self.confirmation.is_none()
            && self.ended.is_none()
            && self.status != Status::Closed
    }

    /// The answer said it went as the register's letter, and no answer letter was issued
    /// yet (`answer_letters` issued for this complaint).
    pub fn answer_letter_due(&self, answer_letters: usize) -> bool {
        answer_letters == 0
            && self
                .answer
                .as_ref()
                .and_then(|a| a.sent.as_ref())
                .is_some_and(|s| s.via == SentVia::RegisterLetter)
    }

    /// The status as the register shows it: the ending when there is one.
    pub fn status_label(&self) -> &'static str {
        match &self.ended {
            Some(e) => e.kind.label(),
            None => self.status.label(),
        }
    }

    /// The mediation window: from when the client may refer the case, and the last day the
    /// mediator accepts it (1 year after the written complaint).
    pub fn mediation_window(&self) -> (NaiveDate, NaiveDate) {
        let from = calendar::mediator_from(
            self.deadlines.answer_due,
            self.answer.as_ref().map(|a| a.on),
        );
        (from, calendar::mediator_until(self.deadlines.start))
    }

    /// Recompute the derived deadlines (after a date edit or a change of region).
    pub fn recompute_deadlines(&mut self, region: Region) {
        self.deadlines = calendar::deadlines(self.sent_on, self.received_on, region);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_zero_padded_and_parse_back() {
        let r = ComplaintRef::new(2026, 7);
        assert_eq!(r.as_str(), "REC-2026-0007");
        assert_eq!("rec-2026-0007".parse::<ComplaintRef>().unwrap(), r);
        assert_eq!(ComplaintRef::new(2026, 12345).as_str(), "REC-2026-12345");
        assert!("REC-26-0001".parse::<ComplaintRef>().is_err());
        assert!("ABC-2026-0001".parse::<ComplaintRef>().is_err());
        assert!("REC-2026-01".parse::<ComplaintRef>().is_err());
    }

    #[test]
    fn money_rules() {
        assert_eq!("150".parse::<Money>().unwrap().to_string(), "150.00");
        assert_eq!("150,5".parse::<Money>().unwrap().to_string(), "150.50");
        assert_eq!(
            "1 234,56 €".parse::<Money>().unwrap().to_string(),
            "1234.56"
        );
        assert!(matches!(
            "-1".parse::<Money>(),
            Err(MoneyError::Negative(_))
        ));
        assert!(matches!(
            "1.234".parse::<Money>(),
            Err(MoneyError::TooPrecise(_))
        ));
        assert!("1.230".parse::<Money>().is_ok());
        assert!(matches!(
            "abc".parse::<Money>(),
            Err(MoneyError::Unreadable(_))
        ));
        assert!(matches!(
            "1000000.01".parse::<Money>(),
            Err(MoneyError::TooLarge(_))
        ));
        assert!("1000000".parse::<Money>().is_ok());
        // Only plain decimals: no exponent, no underscores, no decimals rounded away.
        for s in ["1e3", "1E3", "1_000", "0x10", ".", "-", "1.2.3", "--1"] {
            assert!(
                matches!(s.parse::<Money>(), Err(MoneyError::Unreadable(_))),
                "{s}"
            );
        }
        assert!(matches!(
            "0.00000000000000000000000000001".parse::<Money>(),
            Err(MoneyError::TooPrecise(_))
        ));
        assert_eq!(".5".parse::<Money>().unwrap().to_string(), "0.50");
        assert_eq!("+5".parse::<Money>().unwrap().to_string(), "5.00");
    }

    #[test]
    fn money_in_french() {
        let m = |s: &str| s.parse::<Money>().unwrap().to_french();
        assert_eq!(m("1234.56"), "1\u{202F}234,56\u{A0}€");
        assert_eq!(m("0"), "0,00\u{A0}€");
        assert_eq!(m("999"), "999,00\u{A0}€");
        assert_eq!(m("1000000"), "1\u{202F}000\u{202F}000,00\u{A0}€");
    }

    #[test]
    fn vocabularies_round_trip() {
        for s in Subject::ALL {
            assert_eq!(s.as_str().parse::<Subject>().unwrap(), *s);
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        let err = "hello".parse::<Channel>().unwrap_err();
        assert!(err.to_string().contains("inPerson"), "{err}");
    }

    #[test]
    fn next_deadline_follows_the_status() {
        let dl = calendar::deadlines(
            None,
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            Region::Metropole,
        );
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let n = next_deadline(Status::Received, &dl, on(2026, 3, 10)).unwrap();
        assert_eq!(
            (n.step, n.due, n.days_left),
            (Step::Acknowledgement, on(2026, 3, 13), 3)
        );
        assert!(n.due_soon && !n.overdue);
        let n = next_deadline(Status::Received, &dl, on(2026, 3, 14)).unwrap();
        assert!(n.overdue && !n.due_soon);
        assert_eq!(n.days_left, -1);
        let n = next_deadline(Status::Acknowledged, &dl, on(2026, 3, 14)).unwrap();
        assert_eq!((n.step, n.due), (Step::Answer, on(2026, 5, 2)));
        assert!(!n.overdue && !n.due_soon);
        assert!(next_deadline(Status::Answered, &dl, on(2027, 1, 1)).is_none());
    }
}
