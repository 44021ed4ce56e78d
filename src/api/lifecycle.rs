//! Requests of the complaint's steps (acknowledgement, holding letter, answer, closure,
//! dysfunctions) and of its file (exchanges, dispute legs, attachments).

use super::{Fields, Request};
use crate::complaint::{ComplaintRef, DysfunctionCategory, Feedback, Money, Outcome};
use crate::complaint::{NewDisputeStep, NewExchange};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use std::path::PathBuf;
use ts_rs::TS;

/// Record the acknowledgement (`acknowledge`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AcknowledgeReq {
    pub reference: String,
    pub on: String,
}

/// A step taken on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
}

impl Request for AcknowledgeReq {
    type Decoded = Dated;

    fn decode(self) -> Result<Dated> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        all_fields!(f; reference, on);
        Ok(Dated { reference, on })
    }
}

/// Record a holding letter (`hold`).
#[derive(Debug, Clone, Deserialize, TS)]
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
        let Dated { reference, on } = AcknowledgeReq {
            reference: self.reference,
            on: self.on,
        }
        .decode()?;
        Ok(Hold {
            reference,
            on,
            note: self.note,
        })
    }
}

/// Record the answer (`answer`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct AnswerReq {
    pub reference: String,
    pub on: String,
    pub outcome: String,
    pub summary: String,
    /// Euros, as typed ("150", "150,00"); absent or blank: no gesture.
    pub gesture: Option<String>,
}

/// Decoded [`AnswerReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub outcome: Outcome,
    pub summary: String,
    pub gesture: Option<Money>,
}

impl Request for AnswerReq {
    type Decoded = Answer;

    fn decode(self) -> Result<Answer> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        let outcome = f.vocab("outcome", &self.outcome);
        let gesture = f.optional_vocab("gesture", self.gesture.as_deref());
        all_fields!(f; reference, on, outcome, gesture);
        Ok(Answer {
            reference,
            on,
            outcome,
            summary: self.summary,
            gesture,
        })
    }
}

/// Close the complaint (`close`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CloseReq {
    pub reference: String,
    pub on: String,
    pub feedback: String,
}

/// Decoded [`CloseReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub feedback: Feedback,
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
        })
    }
}

/// Record a dysfunction (`add_dysfunction`).
#[derive(Debug, Clone, Deserialize, TS)]
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
#[derive(Debug, Clone, Deserialize, TS)]
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
#[derive(Debug, Clone, Deserialize, TS)]
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
