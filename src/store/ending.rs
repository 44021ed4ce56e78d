//! Storage of what happens besides the usual steps (`complaint::ending`): withdrawals,
//! requalifications (the request for information they become is written in the same
//! transaction), written confirmations and deliveries, whose copies must be attachments of
//! the same complaint.

use super::{actor_name, requests, Store};
use crate::complaint::ending;
use crate::complaint::lifecycle::{self, AnswerMoney};
use crate::complaint::{Complaint, ComplaintRef, Outcome, Sent, SentVia, Step, ValidationError};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

/// The copy a step names must be an attachment of the complaint (by its SHA-256).
fn check_copy(tx: &Connection, complaint_id: i64, copy: Option<&str>) -> Result<()> {
    let Some(sha) = copy else { return Ok(()) };
    let found: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM attachments WHERE complaint_id = ?1 AND sha256 = ?2)",
        )?
        .query_row(rusqlite::params![complaint_id, sha], |r| r.get(0))?;
    if !found {
        return Err(ValidationError::new(
            "copy",
            "la copie choisie n'est pas une pièce jointe de ce dossier : joignez-la d'abord",
        )
        .into());
    }
    Ok(())
}

impl Store {
    /// Acknowledge, stating how the acknowledgement reached the client.
    pub fn acknowledge_sent(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        sent: Option<Sent>,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                check_copy(tx, id, sent.as_ref().and_then(|s| s.copy.as_deref()))?;
                let change = lifecycle::acknowledge(c, on, today)?;
                Ok(ending::with_sent(c, Step::Acknowledgement, sent, change)?)
            })
        })
    }

    /// Record the answer, the money it decides and how it reached the client (the register
    /// checked the authority matrix first).
    #[allow(clippy::too_many_arguments)]
    pub fn answer_sent(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        money: &AnswerMoney,
        sent: Option<Sent>,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                check_copy(tx, id, sent.as_ref().and_then(|s| s.copy.as_deref()))?;
                let change = lifecycle::answer(c, on, outcome, summary, money, today)?;
                Ok(ending::with_sent(c, Step::Answer, sent, change)?)
            })
        })
    }

    /// State how a step already recorded reached the client.
    pub fn state_sent(
        &mut self,
        r: &ComplaintRef,
        step: Step,
        sent: Sent,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, _| {
                // The step's own rules first (an ended complaint, a delivery already stated);
                // a refusal after them rolls the whole change back.
                let via = sent.via;
                let copy = sent.copy.clone();
                let change = ending::state_sent(c, step, sent)?;
                check_copy(tx, id, copy.as_deref())?;
                if via == SentVia::RegisterLetter {
                    // Only a letter actually issued from the register stands for the step.
                    let kind = match step {
                        Step::Acknowledgement => "ack",
                        Step::Answer => "answer",
                    };
                    let issued: bool = tx
                        .prepare_cached(
                            "SELECT EXISTS (SELECT 1 FROM letters
                             WHERE complaint_id = ?1 AND kind = ?2)",
                        )?
                        .query_row(rusqlite::params![id, kind], |r| r.get(0))?;
                    if !issued {
                        return Err(ValidationError::new(
                            "via",
                            "aucune lettre de ce type n'a été émise depuis le registre pour \
                             cette réclamation : émettez-la depuis Courriers, elle l'indiquera \
                             d'elle-même",
                        )
                        .into());
                    }
                }
                Ok(change)
            })
        })
    }

    /// An oral complaint's written confirmation received.
    pub fn confirm(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        copy: Option<String>,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, id, c, today| {
                check_copy(tx, id, copy.as_deref())?;
                Ok(ending::confirm(c, on, copy, today)?)
            })
        })
    }

    /// Record or update what the complaints platform says of the complaint.
    pub fn set_platform(
        &mut self,
        r: &ComplaintRef,
        case: crate::complaint::PlatformCase,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |_, _, c, today| {
                Ok(crate::complaint::platform::set_platform(c, case, today)?)
            })
        })
    }

    /// The client withdraws the complaint.
    pub fn withdraw(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        reason: &str,
        actor: &str,
    ) -> Result<Complaint> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |_, _, c, today| {
                Ok(ending::withdraw(c, on, reason, today)?)
            })
        })
    }

    /// A complaint recorded by mistake becomes a request for information (written and
    /// journaled in the same transaction, its dates and client kept); it stays in the
    /// register as requalified.
    pub fn requalify(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        reason: &str,
        actor: &str,
    ) -> Result<Complaint> {
        let actor = actor_name(actor)?;
        self.write(|tx, w| {
            let (id, before) = super::complaints::load(tx, r)?;
            // Check the rules before writing the request.
            ending::requalify(&mut before.clone(), on, reason, 0, w.today())?;
            let request_id = requests::insert(
                tx,
                &requests::RequestRow {
                    client_name: &before.client.name,
                    channel: before.channel,
                    received_on: before.received_on,
                    description: &before.description,
                    from_complaint: Some((id, r)),
                },
                &actor,
                w.now(),
            )?;
            w.apply(tx, r, &actor, |_, _, c, today| {
                Ok(ending::requalify(c, on, reason, request_id, today)?)
            })
        })
    }
}

/// The register's letter stands for a step: issuing it states the delivery (see `letters`).
pub(crate) fn letter_sent() -> Sent {
    Sent {
        via: SentVia::RegisterLetter,
        copy: None,
    }
}
