//! Requests of the complaint's steps (acknowledgement, holding letter, answer, closure,
//! dysfunctions) and of its file (exchanges, dispute legs, attachments).

use super::{Fields, Request};
use crate::complaint::lifecycle::AnswerMoney;
use crate::complaint::{
    ComplaintRef, DysfunctionCategory, Feedback, GestureKind, Money, Outcome, Refund, RefundBasis,
    RefundScope, Sent, SentVia, ValidationError,
};
use crate::complaint::{NewDisputeStep, NewExchange};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use std::path::PathBuf;
use ts_rs::TS;

/// Record the acknowledgement (`acknowledge`) and how it reached the client.
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct AcknowledgeReq {
    pub reference: String,
    pub on: String,
    /// registerLetter, email, otherLetter or oral (absent in changes made before it was asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The SHA-256 of the attachment holding the copy of what was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
}

/// Decoded [`AcknowledgeReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledge {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub sent: Option<Sent>,
}

impl Request for AcknowledgeReq {
    type Decoded = Acknowledge;

    fn decode(self) -> Result<Acknowledge> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        let sent = f.sent(self.via.as_deref(), self.copy);
        all_fields!(f; reference, on, sent);
        Ok(Acknowledge {
            reference,
            on,
            sent,
        })
    }
}

impl Fields {
    /// A delivery as typed: absent `via` gives none.
    pub fn sent(&mut self, via: Option<&str>, copy: Option<String>) -> Option<Option<Sent>> {
        let via = self.optional_vocab::<SentVia>("via", via)?;
        Some(via.map(|via| Sent {
            via,
            copy: copy.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        }))
    }
}

/// Record a holding letter (`hold`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HoldReq {
    pub reference: String,
    pub on: String,
    pub note: String,
}

/// Decoded [`HoldReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub note: String,
}

impl Request for HoldReq {
    type Decoded = Hold;

    fn decode(self) -> Result<Hold> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        all_fields!(f; reference, on);
        Ok(Hold {
            reference,
            on,
            note: self.note,
        })
    }
}

/// The money of an answer, as typed (`answer`, `authority_check`).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct AnswerMoneyReq {
    /// Euros, as typed ("150", "150,00"); absent or blank: no gesture.
    #[serde(default)]
    pub gesture: Option<String>,
    /// credit, freeService, monthsOffered or other.
    #[serde(default)]
    pub gesture_kind: Option<String>,
    /// The reason noted for the gesture (from the matrix's first threshold).
    #[serde(default)]
    pub gesture_reason: Option<String>,
    /// Euros, as typed; absent or blank: no refund.
    #[serde(default)]
    pub refund_amount: Option<String>,
    /// withdrawal, billingError, otherLegal or exception.
    #[serde(default)]
    pub refund_basis: Option<String>,
    /// partial or full.
    #[serde(default)]
    pub refund_scope: Option<String>,
    /// The internal document: an attachment of the file.
    #[serde(default)]
    pub document_id: Option<i64>,
}

impl AnswerMoneyReq {
    /// Read the money, each refusal kept in `f`; `None` when something was refused.
    fn read(self, f: &mut Fields) -> Option<AnswerMoney> {
        let gesture = f.optional_vocab::<Money>("gesture", self.gesture.as_deref());
        let gesture_kind =
            f.optional_vocab::<GestureKind>("gestureKind", self.gesture_kind.as_deref());
        let amount = f.optional_vocab::<Money>("refundAmount", self.refund_amount.as_deref());
        let basis = f.optional_vocab::<RefundBasis>("refundBasis", self.refund_basis.as_deref());
        let scope = f.optional_vocab::<RefundScope>("refundScope", self.refund_scope.as_deref());
        let refund = match (amount, basis, scope) {
            (Some(Some(amount)), Some(Some(basis)), Some(Some(scope))) => Some(Some(Refund {
                amount,
                basis,
                scope,
            })),
            (Some(None), Some(None), Some(None)) => Some(None),
            (Some(amount), Some(basis), Some(scope)) => {
                let missing = [
                    (
                        amount.is_none(),
                        "refundAmount",
                        "indiquez le montant du remboursement",
                    ),
                    (
                        basis.is_none(),
                        "refundBasis",
                        "indiquez le fondement du remboursement (droit du client ou exception)",
                    ),
                    (
                        scope.is_none(),
                        "refundScope",
                        "précisez si le remboursement est partiel ou intégral",
                    ),
                ];
                for (absent, field, message) in missing {
                    if absent {
                        f.check::<()>(Err(ValidationError::new(field, message)));
                    }
                }
                None
            }
            _ => None,
        };
        let (Some(gesture), Some(gesture_kind), Some(refund)) = (gesture, gesture_kind, refund)
        else {
            return None;
        };
        Some(AnswerMoney {
            gesture,
            gesture_kind,
            gesture_reason: self.gesture_reason.filter(|s| !s.trim().is_empty()),
            refund,
            document_id: self.document_id,
        })
    }
}

/// What the answer's money needs from the acting user (`authority_check`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuthorityCheckReq {
    pub reference: String,
    #[serde(flatten)]
    pub money: AnswerMoneyReq,
}

/// Decoded [`AuthorityCheckReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyCheck {
    pub reference: ComplaintRef,
    pub money: AnswerMoney,
}

impl Request for AuthorityCheckReq {
    type Decoded = MoneyCheck;

    fn decode(self) -> Result<MoneyCheck> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let money = self.money.read(&mut f);
        all_fields!(f; reference, money);
        Ok(MoneyCheck { reference, money })
    }
}

/// Record the answer (`answer`).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct AnswerReq {
    pub reference: String,
    pub on: String,
    pub outcome: String,
    pub summary: String,
    #[serde(flatten)]
    pub money: AnswerMoneyReq,
    /// How the answer reached the client (see [`AcknowledgeReq`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub via: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub copy: Option<String>,
}

/// Decoded [`AnswerReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub outcome: Outcome,
    pub summary: String,
    pub money: AnswerMoney,
    pub sent: Option<Sent>,
}

impl Request for AnswerReq {
    type Decoded = Answer;

    fn decode(self) -> Result<Answer> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        let outcome = f.vocab("outcome", &self.outcome);
        let money = self.money.read(&mut f);
        let sent = f.sent(self.via.as_deref(), self.copy);
        all_fields!(f; reference, on, outcome, money, sent);
        Ok(Answer {
            reference,
            on,
            outcome,
            summary: self.summary,
            money,
            sent,
        })
    }
}

/// Close the complaint (`close`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct CloseReq {
    pub reference: String,
    pub on: String,
    pub feedback: String,
    /// The client's satisfaction, 1 to 5, when they gave it.
    #[serde(default)]
    pub satisfaction: Option<u8>,
    /// How the recourse routes of a rejection reached the client without an answer letter.
    #[serde(default)]
    pub recourse: Option<String>,
}

/// Decoded [`CloseReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub feedback: Feedback,
    pub satisfaction: Option<u8>,
    pub recourse: Option<String>,
}

impl Request for CloseReq {
    type Decoded = Close;

    fn decode(self) -> Result<Close> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        let feedback = f.vocab("feedback", &self.feedback);
        all_fields!(f; reference, on, feedback);
        Ok(Close {
            reference,
            on,
            feedback,
            satisfaction: self.satisfaction,
            recourse: self.recourse.filter(|s| !s.trim().is_empty()),
        })
    }
}

/// Record a dysfunction (`add_dysfunction`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddDysfunctionReq {
    pub reference: String,
    pub category: String,
    pub description: String,
    pub on: String,
}

/// Decoded [`AddDysfunctionReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddDysfunction {
    pub reference: ComplaintRef,
    pub category: DysfunctionCategory,
    pub description: String,
    pub on: NaiveDate,
}

impl Request for AddDysfunctionReq {
    type Decoded = AddDysfunction;

    fn decode(self) -> Result<AddDysfunction> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let category = f.vocab("category", &self.category);
        let on = f.date("on", &self.on);
        all_fields!(f; reference, category, on);
        Ok(AddDysfunction {
            reference,
            category,
            description: self.description,
            on,
        })
    }
}

/// Add an exchange with the client (`add_exchange`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddExchangeReq {
    pub reference: String,
    #[ts(type = "NewExchange")]
    pub input: Value,
}

impl Request for AddExchangeReq {
    type Decoded = (ComplaintRef, NewExchange);

    fn decode(self) -> Result<(ComplaintRef, NewExchange)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        let x = f.json(self.input);
        all_fields!(f; r, x);
        Ok((r, x))
    }
}

/// Add a leg of a dispute (`add_dispute_step`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddDisputeStepReq {
    pub reference: String,
    #[ts(type = "NewDisputeStep")]
    pub input: Value,
}

impl Request for AddDisputeStepReq {
    type Decoded = (ComplaintRef, NewDisputeStep);

    fn decode(self) -> Result<(ComplaintRef, NewDisputeStep)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        let s = f.json(self.input);
        all_fields!(f; r, s);
        Ok((r, s))
    }
}

/// Attach a file the user picked (`add_attachment`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddAttachmentReq {
    pub reference: String,
    pub path: PathBuf,
}

impl Request for AddAttachmentReq {
    type Decoded = (ComplaintRef, PathBuf);

    fn decode(self) -> Result<(ComplaintRef, PathBuf)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        all_fields!(f; r);
        Ok((r, self.path))
    }
}
