//! What happens to a complaint besides its usual steps, recorded as it happened: the client
//! withdraws it, it was recorded by mistake and is requalified as a request for information,
//! an oral complaint's written confirmation arrives, and how each step reached the client.
//! Pure, like `lifecycle`: the store persists the result and checks the copies it names.

use super::input::{past_date, required, ValidationError, MAX_TEXT};
use super::lifecycle::{kind, Change, TransitionError};
use super::model::{Complaint, EndKind, SentVia, Status, Step};
use super::steps::{Confirmation, Ending, Sent};
use crate::complaint::french_date as fr;
use chrono::NaiveDate;
use serde_json::json;

fn refuse(c: &Complaint, message: impl Into<String>) -> TransitionError {
    TransitionError::NotAllowed {
        reference: c.reference.to_string(),
        message: message.into(),
    }
}

/// Refuse a step on a complaint that was withdrawn or requalified.
pub fn ensure_running(c: &Complaint, what: &str) -> Result<(), TransitionError> {
    match &c.ended {
        Some(e) => Err(refuse(
            c,
            format!(
                "{what} impossible : la réclamation est « {} » depuis le {}",
                e.kind.label(),
                fr(e.on)
            ),
        )),
        None => Ok(()),
    }
}

/// The day of an ending or a confirmation: not in the future, not before the reception.
fn dated(c: &Complaint, on: NaiveDate, today: NaiveDate) -> Result<NaiveDate, ValidationError> {
    let on = past_date("on", on, today)?;
    if on < c.received_on {
        return Err(ValidationError::new(
            "on",
            format!(
                "le {} est antérieur à la réception de la réclamation ({})",
                fr(on),
                fr(c.received_on)
            ),
        ));
    }
    Ok(on)
}

fn end(
    c: &mut Complaint,
    end_kind: EndKind,
    on: NaiveDate,
    reason: &str,
    request_id: Option<i64>,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    let what = match end_kind {
        EndKind::Withdrawn => "retrait",
        EndKind::Requalified => "requalification",
    };
    ensure_running(c, what)?;
    if c.status == Status::Closed {
        return Err(refuse(
            c,
            format!("{what} impossible : la réclamation est clôturée"),
        ));
    }
    let on = dated(c, on, today)?;
    let last_step = [
        c.acknowledged_on,
        c.holdings.last().map(|h| h.on),
        c.answer.as_ref().map(|a| a.on),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(last) = last_step.filter(|last| on < *last) {
        return Err(ValidationError::new(
            "on",
            format!(
                "le {} précède une étape déjà enregistrée ({})",
                fr(on),
                fr(last)
            ),
        )
        .into());
    }
    let reason = required("reason", reason, MAX_TEXT, true)?;
    c.ended = Some(Ending {
        kind: end_kind,
        on,
        reason: reason.clone(),
        request_id,
    });
    let mut data = json!({ "on": on, "reason": reason, "status": c.status });
    if let Some(id) = request_id {
        data["requestId"] = json!(id);
    }
    Ok(Change {
        kind: match end_kind {
            EndKind::Withdrawn => kind::WITHDRAWN,
            EndKind::Requalified => kind::REQUALIFIED,
        },
        data,
    })
}

/// The client withdraws the complaint: its deadlines stop, it stays in the register.
pub fn withdraw(
    c: &mut Complaint,
    on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    end(c, EndKind::Withdrawn, on, reason, None, today)
}

/// Recorded by mistake: the complaint becomes request `request_id` (a request for
/// information), and stays in the register as requalified.
pub fn requalify(
    c: &mut Complaint,
    on: NaiveDate,
    reason: &str,
    request_id: i64,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    end(c, EndKind::Requalified, on, reason, Some(request_id), today)
}

/// A delivery as the user stated it: every way but the register's letter names its copy.
pub fn check_sent(sent: &Sent) -> Result<(), ValidationError> {
    if sent.via.needs_copy() && sent.copy.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(ValidationError::new(
            "copy",
            format!(
                "« {} » : joignez au dossier la copie de ce qui a été envoyé, puis choisissez-la",
                sent.via.label()
            ),
        ));
    }
    Ok(())
}

/// State how a step already recorded reached the client (a step recorded before the app asked,
/// or an answer whose letter is now issued from the register).
pub fn state_sent(c: &mut Complaint, step: Step, sent: Sent) -> Result<Change, TransitionError> {
    ensure_running(c, "mode d'envoi")?;
    check_sent(&sent)?;
    let slot = match step {
        Step::Acknowledgement if c.acknowledged_on.is_some() => &mut c.ack_sent,
        Step::Answer if c.answer.is_some() => &mut c.answer.as_mut().expect("checked").sent,
        _ => {
            return Err(refuse(
                c,
                format!("« {} » n'a pas encore été enregistré", step.label()),
            ))
        }
    };
    if slot.is_some() {
        return Err(refuse(
            c,
            format!(
                "le mode d'envoi de « {} » est déjà indiqué : il ne se remplace pas",
                step.label()
            ),
        ));
    }
    *slot = Some(sent.clone());
    Ok(Change {
        kind: kind::SENT,
        data: json!({ "step": step, "via": sent.via, "copy": sent.copy }),
    })
}

/// The written confirmation of an oral complaint arrived (`copy`: the attachment holding it).
pub fn confirm(
    c: &mut Complaint,
    on: NaiveDate,
    copy: Option<String>,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    ensure_running(c, "confirmation écrite")?;
    if !c.channel.is_oral() {
        return Err(refuse(
            c,
            format!(
                "la réclamation est arrivée par « {} » : elle est déjà écrite",
                c.channel.label()
            ),
        ));
    }
    if c.confirmation.is_some() {
        return Err(refuse(c, "la confirmation écrite est déjà enregistrée"));
    }
    let on = dated(c, on, today)?;
    let copy = copy.filter(|s| !s.trim().is_empty());
    c.confirmation = Some(Confirmation {
        on,
        copy: copy.clone(),
    });
    Ok(Change {
        kind: kind::CONFIRMED,
        data: json!({ "on": on, "copy": copy }),
    })
}

/// Attach the delivery to a step just taken (acknowledgement or answer), checked first.
pub fn with_sent(
    c: &mut Complaint,
    step: Step,
    sent: Option<Sent>,
    mut change: Change,
) -> Result<Change, TransitionError> {
    let Some(sent) = sent else {
        return Ok(change);
    };
    check_sent(&sent)?;
    change.data["sent"] = json!(sent);
    match step {
        Step::Acknowledgement => c.ack_sent = Some(sent),
        Step::Answer => {
            if let Some(a) = c.answer.as_mut() {
                a.sent = Some(sent)
            }
        }
    }
    Ok(change)
}

/// Whether the register's own letter stands for this step (it then records the delivery).
pub fn is_register_letter(sent: Option<&Sent>) -> bool {
    sent.is_some_and(|s| s.via == SentVia::RegisterLetter)
}
