//! What is decided about money on a complaint, as the register records it: the escalations
//! that ask a supervisor or the manager to approve a gesture or a refund beyond the actor's
//! authority, the proposals made to the client, and the refund's payment. Domain types only:
//! the rules are `firm::authority`'s, the storage the store's.

use super::model::{
    ApprovalLevel, EscalationStatus, EscalationSubject, Money, PaymentMethod, ProposalKind,
    ProposalResponse, RefundScope,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A request for approval ("escalade") and, once decided, its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub id: i64,
    pub subject: EscalationSubject,
    /// The amount at stake.
    pub amount: Money,
    /// For a refund: partial or full against the amount claimed.
    pub refund_scope: Option<RefundScope>,
    pub level: ApprovalLevel,
    /// Why the actor asks (their reason for the gesture or refund).
    pub reason: String,
    /// The proposal the client already refused.
    pub refused_proposal: String,
    /// The actor's analysis of the case.
    pub analysis: String,
    /// The internal document attached (an attachment of the file), required at the
    /// `document` level.
    pub document_id: Option<i64>,
    pub requested_by: String,
    pub requested_at: DateTime<Utc>,
    /// The approver's target: 2 h at the supervisor level, 4 h at the document level.
    pub due_at: DateTime<Utc>,
    pub status: EscalationStatus,
    /// The amount approved (possibly lower than asked).
    pub decided_amount: Option<Money>,
    pub decision_reason: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl Escalation {
    /// Still waiting after its target time.
    pub fn is_late(&self, now: DateTime<Utc>) -> bool {
        self.status == EscalationStatus::Pending && now > self.due_at
    }

    /// The amount this escalation covers: the approved amount of an accepted one.
    pub fn covers(&self, subject: EscalationSubject) -> Option<Money> {
        (self.subject == subject && self.status == EscalationStatus::Accepted)
            .then_some(self.decided_amount)
            .flatten()
    }
}

/// A request for approval, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewEscalation {
    pub subject: EscalationSubject,
    /// Euros, as typed.
    pub amount: String,
    #[serde(default)]
    pub refund_scope: Option<RefundScope>,
    pub reason: String,
    pub refused_proposal: String,
    pub analysis: String,
    #[serde(default)]
    pub document_id: Option<i64>,
}

/// The approver's decision, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EscalationDecision {
    pub accept: bool,
    /// Euros, as typed: a lower amount than asked, or absent for the amount asked.
    #[serde(default)]
    pub amount: Option<String>,
    pub reason: String,
}

/// A solution proposed to the client, and their response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub id: i64,
    pub kind: ProposalKind,
    pub description: String,
    pub amount: Option<Money>,
    pub proposed_on: NaiveDate,
    pub proposed_by: String,
    pub response: ProposalResponse,
    pub responded_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewProposal {
    pub kind: ProposalKind,
    pub description: String,
    #[serde(default)]
    pub amount: Option<String>,
    pub on: NaiveDate,
}

/// Days within which a refund decided in the answer must be paid.
pub const REFUND_DUE_DAYS: i64 = 14;

/// A refund's payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RefundPayment {
    /// The payment's reference (transfer, cheque number...).
    pub reference: String,
    pub method: PaymentMethod,
    pub paid_on: NaiveDate,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewRefundPayment {
    pub reference: String,
    pub method: PaymentMethod,
    pub paid_on: NaiveDate,
}
