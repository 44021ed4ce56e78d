//! What happens besides the usual steps, as use cases: how the acknowledgement and the answer
//! reached the client, an oral complaint's written confirmation, a withdrawal, a
//! requalification; and the requests for information (the *Demandes* list).

use super::Register;
use crate::complaint::{ending, lifecycle};
use crate::complaint::{
    Complaint, ComplaintRef, NewComplaint, Sent, SentVia, Step, ValidationError,
};
use crate::error::Result;
use crate::store::{InfoRequest, RequestPage, RequestQuery, Store};
use chrono::NaiveDate;
use std::borrow::BorrowMut;

/// A step recorded by hand says how it reached the client. `step_error`: what the step
/// itself would refuse (its date...), reported with the missing delivery, all at once.
pub fn require_sent(
    step: Step,
    sent: Option<Sent>,
    step_error: Option<crate::Error>,
) -> Result<Sent> {
    let refusal = match &sent {
        None => Some(ValidationError::new(
            "via",
            format!(
                "indiquez comment « {} » a été envoyé au client (lettre du registre, e-mail, \
                 courrier rédigé ailleurs, oralement puis confirmé par écrit)",
                step.label()
            ),
        )),
        Some(s) if step == Step::Acknowledgement && s.via == SentVia::RegisterLetter => {
            Some(ValidationError::new(
                "via",
                "l'accusé de réception du registre s'émet depuis Courriers : la lettre émise \
                 enregistre l'étape d'elle-même",
            ))
        }
        Some(s) => ending::check_sent(s).err(),
    };
    match (refusal, step_error) {
        (None, None) => Ok(sent.expect("checked above")),
        (None, Some(e)) => Err(e),
        (Some(r), None) => Err(r.into()),
        (Some(r), Some(crate::Error::Validation(e))) => {
            Err(crate::error::ValidationErrors::new(vec![e, r])
                .expect("two errors")
                .into())
        }
        // A step the rules do not allow at all: that first.
        (Some(_), Some(e)) => Err(e),
    }
}

impl<S: BorrowMut<Store>> Register<S> {
    /// Record the acknowledgement and how it reached the client (the register's own letter
    /// records it when issued, see `issue_letter`).
    pub fn acknowledge(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        sent: Option<Sent>,
    ) -> Result<Complaint> {
        let mut probe = self.s().get(r)?;
        let step_error = lifecycle::acknowledge(&mut probe, on, self.today())
            .err()
            .map(crate::Error::from);
        let sent = require_sent(Step::Acknowledgement, sent, step_error)?;
        let actor = self.actor()?;
        self.sm().acknowledge_sent(r, on, Some(sent), &actor)
    }

    /// An acknowledgement recorded by a version that did not ask how it was sent (a change of
    /// the firm's journal made before): applied as it was made.
    pub fn acknowledge_unstated(&mut self, r: &ComplaintRef, on: NaiveDate) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().acknowledge_sent(r, on, None, &actor)
    }

    /// State how a step already recorded reached the client.
    pub fn state_sent(&mut self, r: &ComplaintRef, step: Step, sent: Sent) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().state_sent(r, step, sent, &actor)
    }

    /// An oral complaint's written confirmation received.
    pub fn confirm(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        copy: Option<String>,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().confirm(r, on, copy, &actor)
    }

    /// Record or update what the complaints platform says of the complaint.
    pub fn set_platform(
        &mut self,
        r: &ComplaintRef,
        case: crate::complaint::PlatformCase,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().set_platform(r, case, &actor)
    }

    /// The client withdraws the complaint; it stays in the register as withdrawn.
    pub fn withdraw(&mut self, r: &ComplaintRef, on: NaiveDate, reason: &str) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().withdraw(r, on, reason, &actor)
    }

    /// Recorded by mistake: the complaint becomes a request for information.
    pub fn requalify(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        reason: &str,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().requalify(r, on, reason, &actor)
    }

    /// The *Demandes* list.
    pub fn requests(&self, q: &RequestQuery) -> Result<RequestPage> {
        self.s().requests(q)
    }

    pub fn request(&self, id: i64) -> Result<InfoRequest> {
        self.s().request(id)
    }

    /// Close a request with what was answered or done.
    pub fn close_request(&mut self, id: i64, on: NaiveDate, note: &str) -> Result<InfoRequest> {
        let actor = self.actor()?;
        self.sm().close_request(id, on, note, &actor)
    }

    /// A request that was a complaint after all: recorded as one, with the request's dates.
    pub fn request_to_complaint(
        &mut self,
        id: i64,
        reason: &str,
        new: &NewComplaint,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm()
            .request_to_complaint(id, reason, new, None, &actor)
    }

    /// The same, under a reference handed out beforehand (a shared register's workstation).
    pub fn request_to_complaint_as(
        &mut self,
        r: &ComplaintRef,
        id: i64,
        reason: &str,
        new: &NewComplaint,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm()
            .request_to_complaint(id, reason, new, Some(r), &actor)
    }
}
