//! The complaint file as the app shows it: the complaint with what is derived from it today
//! (its next deadline, the mediation window, the steps allowed now, what is due or awaited),
//! its journal and everything the file keeps beside it.

use super::journal::Event;
use super::{authority, clients, complaints, file, letters, Store};
use crate::complaint::lifecycle;
use crate::complaint::{Complaint, ComplaintRef};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Serialize;

/// When the client may refer the case to the mediator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "MediationWindow")]
#[serde(rename_all = "camelCase")]
pub struct Mediation {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

/// A complaint with what is derived from it today, and its journal.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintView {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub next: Option<crate::complaint::NextDeadline>,
    pub mediation: Mediation,
    pub allowed_actions: Vec<crate::complaint::Action>,
    pub events: Vec<Event>,
    pub exchanges: Vec<crate::complaint::Exchange>,
    pub attachments: Vec<crate::complaint::AttachmentMeta>,
    pub dispute_steps: Vec<crate::complaint::DisputeStep>,
    pub letters: Vec<crate::complaint::LetterMeta>,
    pub approvals: Vec<crate::complaint::Approval>,
    /// Requests for approval of a gesture or refund, and their decisions.
    pub escalations: Vec<crate::complaint::Escalation>,
    /// Solutions proposed to the client, and their responses.
    pub proposals: Vec<crate::complaint::Proposal>,
    /// The refund's payment, once recorded.
    pub refund_payment: Option<crate::complaint::RefundPayment>,
    /// The refund decided in the answer is due by this day (14 days after the answer).
    pub refund_due: Option<NaiveDate>,
    /// The acknowledgement was never sent and the answer came after its due date.
    pub ack_missed: bool,
    /// The answer was to go as the register's letter, not issued yet.
    pub answer_letter_due: bool,
    /// An oral complaint whose written confirmation has not arrived.
    pub awaits_confirmation: bool,
    /// What the dispute's legs call for now (late sequels, a lawyer's letter, a referral
    /// outside the mediation window).
    pub dispute_alerts: Vec<crate::complaint::DisputeAlert>,
    /// The same client's other complaints (by name or contract), most recent first.
    pub client_history: Vec<clients::ClientComplaintSummary>,
    /// Earlier complaints left unresolved or still open, again and again: flag for the manager.
    pub repeat_complainant: bool,
    /// A public platform's complaint, answered: what can be published (no personal data, no
    /// signature).
    pub public_answer: Option<String>,
}

impl Store {
    /// Everything the complaint file shows: the complaint, its next deadline as of today, the
    /// mediation window, the actions the rules allow now, and its journal.
    pub fn view(&self, reference: &ComplaintRef) -> Result<ComplaintView> {
        let (id, complaint) = complaints::load(&self.conn, reference)?;
        let today = self.today();
        let (from, until) = complaint.mediation_window();
        let (exchanges, attachments, dispute_steps) = file::file_records(&self.conn, id)?;
        let letters = letters::letters_of(&self.conn, id)?;
        let answer_letters = letters
            .iter()
            .filter(|l| l.kind == crate::complaint::LetterKind::Answer)
            .count();
        let client_history = self.client_complaints(
            &complaint.client.name,
            complaint.contract.number.as_deref(),
            Some(reference),
        )?;
        Ok(ComplaintView {
            public_answer: crate::complaint::platform::public_answer(&complaint),
            repeat_complainant: clients::repeat_complainant(&client_history),
            client_history,
            dispute_alerts: crate::complaint::dispute_alerts(&dispute_steps, (from, until), today),
            answer_letter_due: complaint.answer_letter_due(answer_letters),
            awaits_confirmation: complaint.awaits_confirmation(),
            next: complaint.next_deadline(today),
            mediation: Mediation { from, until },
            allowed_actions: lifecycle::allowed_actions(&complaint, today),
            events: self.history(reference)?,
            exchanges,
            attachments,
            dispute_steps,
            letters,
            approvals: self.approvals(reference)?,
            escalations: authority::escalations_of(&self.conn, id)?,
            proposals: authority::proposals_of(&self.conn, id)?,
            refund_payment: authority::refund_payment_of(&self.conn, id)?,
            ack_missed: complaint.ack_missed(),
            refund_due: complaint
                .answer
                .as_ref()
                .filter(|a| a.refund.is_some())
                .map(|a| a.on + chrono::Duration::days(crate::complaint::REFUND_DUE_DAYS)),
            complaint,
        })
    }
}
