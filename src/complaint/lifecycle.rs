//! The lifecycle of a complaint as explicit, dated transitions:
//! received → acknowledged → (holding letters) → answered → closed.
//!
//! Each transition checks the rules against the complaint and "today", changes the complaint
//! and returns the journal entry that describes it. Pure: the store persists the result.

use super::input::{past_date, required, ValidComplaint, ValidationError, MAX_TEXT};
use super::model::{
    Answer, Closure, Complaint, Dysfunction, DysfunctionCategory, Feedback, GestureKind, Holding,
    Money, Outcome, Refund, RefundScope, Status,
};
use crate::calendar::Region;
use chrono::NaiveDate;
use serde_json::{json, Value};

/// A transition the rules forbid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error("{reference} : {message}")]
    NotAllowed { reference: String, message: String },
}

/// The kinds of journal entries written for a complaint.
pub mod kind {
    pub const RECORDED: &str = "recorded";
    pub const ACKNOWLEDGED: &str = "acknowledged";
    pub const HOLDING: &str = "holding";
    pub const ANSWERED: &str = "answered";
    pub const CLOSED: &str = "closed";
    pub const DYSFUNCTION: &str = "dysfunction";
    pub const EDITED: &str = "edited";
    /// Personal data removed after the retention period (see `store::retention`).
    pub const ANONYMISED: &str = "anonymised";
    /// Withdrawn by the client; requalified as a request for information (`ending`).
    pub const WITHDRAWN: &str = "withdrawn";
    pub const REQUALIFIED: &str = "requalified";
    /// How a step reached the client, stated after the step.
    pub const SENT: &str = "sent";
    /// An oral complaint's written confirmation received.
    pub const CONFIRMED: &str = "confirmed";
}

/// What a transition changed, to journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: &'static str,
    pub data: Value,
}

fn refuse(c: &Complaint, message: impl Into<String>) -> TransitionError {
    TransitionError::NotAllowed {
        reference: c.reference.to_string(),
        message: message.into(),
    }
}

use crate::complaint::french_date as fr;

/// `on` must not precede `after` (an earlier step of the same complaint).
fn not_before(
    field: &str,
    on: NaiveDate,
    after: NaiveDate,
    what: &str,
) -> Result<(), ValidationError> {
    if on < after {
        return Err(ValidationError::new(
            field,
            format!("le {} est antérieur {what} ({})", fr(on), fr(after)),
        ));
    }
    Ok(())
}

/// What the user may do next on this complaint (the UI shows only these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    Acknowledge,
    Hold,
    Answer,
    Close,
    AddDysfunction,
    /// The client's written confirmation of an oral complaint.
    Confirm,
    /// State how the acknowledgement or the answer reached the client.
    StateSent,
    Withdraw,
    Requalify,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::Acknowledge,
        Action::Hold,
        Action::Answer,
        Action::Close,
        Action::AddDysfunction,
        Action::Confirm,
        Action::StateSent,
        Action::Withdraw,
        Action::Requalify,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Acknowledge => "acknowledge",
            Action::Hold => "hold",
            Action::Answer => "answer",
            Action::Close => "close",
            Action::AddDysfunction => "addDysfunction",
            Action::Confirm => "confirm",
            Action::StateSent => "stateSent",
            Action::Withdraw => "withdraw",
            Action::Requalify => "requalify",
        }
    }

    /// The French label of the step (the buttons of the complaint file).
    pub fn label(self) -> &'static str {
        match self {
            Action::Acknowledge => "Accuser réception",
            Action::Hold => "Réponse d'attente",
            Action::Answer => "Répondre",
            Action::Close => "Clôturer",
            Action::AddDysfunction => "Ajouter un dysfonctionnement",
            Action::Confirm => "Confirmation écrite reçue",
            Action::StateSent => "Indiquer le mode d'envoi",
            Action::Withdraw => "Retrait par le client",
            Action::Requalify => "Requalifier en demande d'information",
        }
    }
}

/// The journal's event kinds with their French labels (the timeline, the client export).
pub const EVENT_KINDS: &[(&str, &str)] = &[
    ("recorded", "Réclamation enregistrée"),
    ("edited", "Informations modifiées"),
    ("acknowledged", "Accusé de réception"),
    ("holding", "Réponse d'attente"),
    ("answered", "Réponse"),
    ("closed", "Clôture"),
    ("dysfunction", "Dysfonctionnement relevé"),
    ("exchange", "Échange avec le client"),
    ("attachment", "Pièce jointe ajoutée"),
    ("disputeStep", "Suite du litige"),
    ("letterIssued", "Lettre émise"),
    ("gestureApproved", "Geste commercial validé"),
    ("escalated", "Demande de validation"),
    (
        "escalationDecided",
        "Décision sur une demande de validation",
    ),
    ("proposalMade", "Proposition faite au client"),
    ("proposalAnswered", "Réponse du client à une proposition"),
    ("refundPaid", "Remboursement payé"),
    ("imported", "Reprise d'un registre importé"),
    (
        "anonymised",
        "Dossier anonymisé (durée de conservation dépassée)",
    ),
    ("registerIdentity", "Identité du registre créée"),
    ("withdrawn", "Réclamation retirée par le client"),
    ("requalified", "Requalifiée en demande d'information"),
    ("sent", "Mode d'envoi indiqué"),
    ("confirmed", "Confirmation écrite de la réclamation orale"),
    ("requestRecorded", "Demande d'information enregistrée"),
    ("requestClosed", "Demande d'information close"),
    ("requestRequalified", "Demande requalifiée en réclamation"),
    ("platform", "Plateforme de réclamations renseignée"),
];

/// The French label of a journal event kind (the kind itself when it has none).
pub fn event_label(kind: &str) -> &str {
    EVENT_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, l)| *l)
        .unwrap_or(kind)
}

pub fn allowed_actions(c: &Complaint, _today: NaiveDate) -> Vec<Action> {
    let mut actions = Vec::new();
    if c.ended.is_some() {
        // Withdrawn or requalified: no step any more; a dysfunction found may still be noted.
        return vec![Action::AddDysfunction];
    }
    if c.awaits_confirmation() {
        actions.push(Action::Confirm);
    }
    match c.status {
        Status::Received => {
            actions.push(Action::Acknowledge);
            // An answer without acknowledgement is recorded as it happened: within the 10
            // jours ouvrables it replaces the acknowledgement, after them the acknowledgement
            // is marked missed (`Complaint::ack_missed`).
            actions.push(Action::Answer);
        }
        Status::Acknowledged => {
            actions.push(Action::Hold);
            actions.push(Action::Answer);
        }
        Status::Answered => {
            // An acknowledgement sent but not entered before the answer can still be recorded.
            if c.acknowledged_on.is_none() {
                actions.push(Action::Acknowledge);
            }
            actions.push(Action::Close);
        }
        Status::Closed => {}
    }
    let ack_unstated = c.acknowledged_on.is_some() && c.ack_sent.is_none();
    let answer_unstated = c.answer.as_ref().is_some_and(|a| a.sent.is_none());
    if ack_unstated || answer_unstated {
        actions.push(Action::StateSent);
    }
    actions.push(Action::AddDysfunction);
    if c.status != Status::Closed {
        actions.push(Action::Withdraw);
        actions.push(Action::Requalify);
    }
    actions
}

pub fn acknowledge(
    c: &mut Complaint,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    super::ending::ensure_running(c, "accusé de réception")?;
    // An acknowledgement sent but entered only after the answer: recorded with its real date,
    // which must precede the answer (the step then counts as it happened, on time or late).
    if c.status == Status::Answered && c.acknowledged_on.is_none() {
        let answered_on = c.answer.as_ref().map(|a| a.on).unwrap_or(c.received_on);
        let on = past_date("on", on, today)?;
        not_before("on", on, c.received_on, "à la réception de la réclamation")?;
        if on > answered_on {
            return Err(ValidationError::new(
                "on",
                format!(
                    "le {} est postérieur à la réponse ({}) : un accusé de réception la précède",
                    fr(on),
                    fr(answered_on)
                ),
            )
            .into());
        }
        c.acknowledged_on = Some(on);
        return Ok(Change {
            kind: kind::ACKNOWLEDGED,
            data: json!({ "on": on, "afterTheAnswer": true,
                          "status": { "before": Status::Answered, "after": c.status } }),
        });
    }
    if c.status != Status::Received {
        return Err(refuse(
            c,
            format!(
                "accusé de réception impossible : la réclamation est « {} »",
                c.status.label()
            ),
        ));
    }
    let on = past_date("on", on, today)?;
    not_before("on", on, c.received_on, "à la réception de la réclamation")?;
    c.acknowledged_on = Some(on);
    c.status = Status::Acknowledged;
    Ok(Change {
        kind: kind::ACKNOWLEDGED,
        data: json!({ "on": on, "status": { "before": Status::Received, "after": c.status } }),
    })
}

pub fn hold(
    c: &mut Complaint,
    on: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    super::ending::ensure_running(c, "réponse d'attente")?;
    if c.status != Status::Acknowledged {
        let why = match c.status {
            Status::Received => "envoyez d'abord l'accusé de réception",
            _ => "la réponse a déjà été donnée",
        };
        return Err(refuse(c, format!("réponse d'attente impossible : {why}")));
    }
    let on = past_date("on", on, today)?;
    let previous = c
        .holdings
        .last()
        .map(|h| h.on)
        .or(c.acknowledged_on)
        .unwrap_or(c.received_on);
    not_before("on", on, previous, "à l'étape précédente")?;
    let note = required("note", note, MAX_TEXT, true)?;
    c.holdings.push(Holding {
        on,
        note: note.clone(),
    });
    Ok(Change {
        kind: kind::HOLDING,
        data: json!({ "on": on, "note": note }),
    })
}

/// The money an answer decides: a commercial gesture and/or a refund. Whether the actor may
/// decide it is the authority matrix's question (`firm::authority`), asked by the register.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerMoney {
    pub gesture: Option<Money>,
    pub gesture_kind: Option<GestureKind>,
    pub gesture_reason: Option<String>,
    pub refund: Option<Refund>,
    /// The internal document (an attachment of the file) the decision carries.
    pub document_id: Option<i64>,
}

impl AnswerMoney {
    pub fn gesture(gesture: Option<Money>) -> AnswerMoney {
        AnswerMoney {
            gesture,
            ..AnswerMoney::default()
        }
    }
}

pub fn answer(
    c: &mut Complaint,
    on: NaiveDate,
    outcome: Outcome,
    summary: &str,
    money: &AnswerMoney,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    super::ending::ensure_running(c, "réponse")?;
    let before = c.status;
    match c.status {
        // Without acknowledgement the answer is recorded as it happened: after the 10 jours
        // ouvrables the acknowledgement is marked missed, never invented.
        Status::Acknowledged | Status::Received => {}
        Status::Answered | Status::Closed => {
            return Err(refuse(
                c,
                format!(
                    "réponse impossible : la réclamation est déjà « {} »",
                    c.status.label()
                ),
            ))
        }
    }
    let on = past_date("on", on, today)?;
    let previous = c
        .holdings
        .last()
        .map(|h| h.on)
        .or(c.acknowledged_on)
        .unwrap_or(c.received_on);
    not_before("on", on, previous, "à l'étape précédente")?;
    let summary = required("summary", summary, MAX_TEXT, true)?;
    let gesture_reason = super::input::optional(
        "gestureReason",
        money.gesture_reason.as_deref(),
        MAX_TEXT,
        true,
    )?;
    if money.gesture.is_none() && (money.gesture_kind.is_some() || gesture_reason.is_some()) {
        return Err(ValidationError::new(
            "gesture",
            "indiquez le montant du geste commercial (ou retirez sa nature et son motif)",
        )
        .into());
    }
    if let Some(r) = &money.refund {
        if r.amount.amount().is_zero() {
            return Err(
                ValidationError::new("refund", "un remboursement de 0 € n'en est pas un").into(),
            );
        }
        if let Some(claimed) = c.amount_claimed {
            if r.scope == RefundScope::Partial && r.amount >= claimed {
                return Err(ValidationError::new(
                    "refundScope",
                    format!(
                        "un remboursement de {} couvre tout le montant réclamé ({}) : il est \
                         intégral",
                        r.amount.to_french(),
                        claimed.to_french()
                    ),
                )
                .into());
            }
            if r.scope == RefundScope::Full && r.amount < claimed {
                return Err(ValidationError::new(
                    "refund",
                    format!(
                        "un remboursement intégral rembourse le montant réclamé ({}), pas {}",
                        claimed.to_french(),
                        r.amount.to_french()
                    ),
                )
                .into());
            }
        }
    }
    c.answer = Some(Answer {
        on,
        outcome,
        summary: summary.clone(),
        gesture: money.gesture,
        gesture_kind: money
            .gesture
            .map(|_| money.gesture_kind.unwrap_or(GestureKind::Other)),
        gesture_reason: gesture_reason.clone(),
        refund: money.refund,
        document_id: money.document_id,
        sent: None,
    });
    c.status = Status::Answered;
    let mut data = json!({
        "on": on, "outcome": outcome, "summary": summary, "gesture": money.gesture,
        "status": { "before": before, "after": c.status },
        "withinDeadline": on <= c.deadlines.answer_due,
    });
    if c.ack_missed() {
        data["acknowledgementMissed"] = json!(true);
    }
    let a = c.answer.as_ref().expect("just set");
    if let Some(k) = a.gesture_kind {
        data["gestureKind"] = json!(k);
    }
    if let Some(reason) = &a.gesture_reason {
        data["gestureReason"] = json!(reason);
    }
    if let Some(r) = &a.refund {
        data["refund"] = json!(r);
    }
    if let Some(id) = a.document_id {
        data["documentId"] = json!(id);
    }
    Ok(Change {
        kind: kind::ANSWERED,
        data,
    })
}

pub fn close(
    c: &mut Complaint,
    on: NaiveDate,
    feedback: Feedback,
    satisfaction: Option<u8>,
    recourse_note: Option<&str>,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    if let Some(n) = satisfaction {
        if !(1..=5).contains(&n) {
            return Err(ValidationError::new(
                "satisfaction",
                format!("la satisfaction se note de 1 à 5 (pas {n})"),
            )
            .into());
        }
    }
    super::ending::ensure_running(c, "clôture")?;
    let answered_on = match (&c.status, &c.answer) {
        (Status::Answered, Some(a)) => a.on,
        _ => {
            return Err(refuse(
                c,
                format!(
                    "clôture impossible : la réclamation est « {} » (une réponse est requise)",
                    c.status.label()
                ),
            ))
        }
    };
    let on = past_date("on", on, today)?;
    not_before("on", on, answered_on, "à la réponse")?;
    let recourse_note = super::input::optional("recourse", recourse_note, MAX_TEXT, true)?;
    c.closure = Some(Closure {
        on,
        feedback,
        satisfaction,
        recourse_note: recourse_note.clone(),
    });
    c.status = Status::Closed;
    Ok(Change {
        kind: kind::CLOSED,
        data: {
            let mut data = json!({ "on": on, "feedback": feedback,
                      "status": { "before": Status::Answered, "after": c.status } });
            if let Some(n) = satisfaction {
                data["satisfaction"] = json!(n);
            }
            if let Some(note) = &recourse_note {
                data["recourseGiven"] = json!(note);
            }
            data
        },
    })
}

/// Record a dysfunction found while handling the complaint. `id` is assigned by the store.
pub fn add_dysfunction(
    c: &mut Complaint,
    id: i64,
    category: DysfunctionCategory,
    description: &str,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    let on = past_date("on", on, today)?;
    not_before("on", on, c.received_on, "à la réception de la réclamation")?;
    let description = required("description", description, MAX_TEXT, true)?;
    c.dysfunctions.push(Dysfunction {
        id,
        category,
        description: description.clone(),
        found_on: on,
    });
    Ok(Change {
        kind: kind::DYSFUNCTION,
        data: json!({ "id": id, "category": category, "description": description, "on": on }),
    })
}

/// The register fields a user may correct, flattened to `path → value` for the edit journal.
fn editable_fields(c: &Complaint) -> Vec<(&'static str, Value)> {
    vec![
        ("client.name", json!(c.client.name)),
        ("client.address", json!(c.client.address)),
        ("client.email", json!(c.client.email)),
        ("client.phone", json!(c.client.phone)),
        ("client.number", json!(c.client.number)),
        ("client.kind", json!(c.client.kind)),
        ("client.relation", json!(c.client.relation)),
        ("channel", json!(c.channel)),
        ("sentOn", json!(c.sent_on)),
        ("receivedOn", json!(c.received_on)),
        ("subject", json!(c.subject)),
        ("description", json!(c.description)),
        ("contract.number", json!(c.contract.number)),
        ("contract.product", json!(c.contract.product)),
        ("contract.insurer", json!(c.contract.insurer)),
        ("otherParties", json!(c.other_parties)),
        ("personsConcerned", json!(c.persons_concerned)),
        ("receivedBy", json!(c.received_by)),
        ("handler", json!(c.handler)),
        ("amountClaimed", json!(c.amount_claimed)),
    ]
}

/// Correct the register fields of a complaint (client, dates, subject, contract...). The new
/// values must already be validated; the dates must stay consistent with the steps already
/// taken. Returns `None` when nothing changed, else the journal entry listing every changed
/// field with its value before and after. The deadlines follow the new dates.
pub fn edit(
    c: &mut Complaint,
    v: &ValidComplaint,
    region: Region,
) -> Result<Option<Change>, TransitionError> {
    let before = editable_fields(c);
    let steps = [
        (c.acknowledged_on, "à l'accusé de réception"),
        (c.answer.as_ref().map(|a| a.on), "à la réponse"),
        (
            c.holdings.first().map(|h| h.on),
            "à la première réponse d'attente",
        ),
    ];
    for (done_on, what) in steps {
        if let Some(done_on) = done_on {
            if v.received_on > done_on {
                return Err(ValidationError::new(
                    "receivedOn",
                    format!(
                        "la réception ({}) ne peut pas être postérieure {what} ({})",
                        fr(v.received_on),
                        fr(done_on)
                    ),
                )
                .into());
            }
        }
    }
    c.client = v.client.clone();
    c.channel = v.channel;
    c.sent_on = v.sent_on;
    c.received_on = v.received_on;
    c.subject = v.subject;
    c.description = v.description.clone();
    c.contract = v.contract.clone();
    c.other_parties = v.other_parties.clone();
    c.persons_concerned = v.persons_concerned.clone();
    c.received_by = v.received_by.clone();
    c.handler = v.handler.clone();
    c.amount_claimed = v.amount_claimed;
    c.recompute_deadlines(region);
    let mut changes = serde_json::Map::new();
    for ((field, old), (_, new)) in before.into_iter().zip(editable_fields(c)) {
        if old != new {
            changes.insert(field.to_owned(), json!({ "before": old, "after": new }));
        }
    }
    if changes.is_empty() {
        return Ok(None);
    }
    Ok(Some(Change {
        kind: kind::EDITED,
        data: json!({ "changes": changes }),
    }))
}
