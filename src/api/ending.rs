//! Requests of what happens besides the usual steps: a withdrawal, a requalification, an
//! oral complaint's written confirmation, how a step reached the client; and the requests for
//! information (closure, requalification as a complaint).

use super::{Fields, Request};
use crate::complaint::{ComplaintRef, NewComplaint, Sent, Step};
use crate::error::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

/// Withdraw (`withdraw`) or requalify (`requalify`) a complaint, with the reason.
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndReq {
    pub reference: String,
    pub on: String,
    pub reason: String,
}

/// Decoded [`EndReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct End {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub reason: String,
}

impl Request for EndReq {
    type Decoded = End;

    fn decode(self) -> Result<End> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        all_fields!(f; reference, on);
        Ok(End {
            reference,
            on,
            reason: self.reason,
        })
    }
}

/// An oral complaint's written confirmation received (`confirm`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct ConfirmReq {
    pub reference: String,
    pub on: String,
    /// The SHA-256 of the attachment holding the confirmation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
}

/// Decoded [`ConfirmReq`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub reference: ComplaintRef,
    pub on: NaiveDate,
    pub copy: Option<String>,
}

impl Request for ConfirmReq {
    type Decoded = Confirm;

    fn decode(self) -> Result<Confirm> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let on = f.date("on", &self.on);
        all_fields!(f; reference, on);
        Ok(Confirm {
            reference,
            on,
            copy: self
                .copy
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty()),
        })
    }
}

/// State how a step already recorded reached the client (`state_sent`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct StateSentReq {
    pub reference: String,
    /// acknowledgement or answer.
    pub step: String,
    pub via: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
}

impl Request for StateSentReq {
    type Decoded = (ComplaintRef, Step, Sent);

    fn decode(self) -> Result<(ComplaintRef, Step, Sent)> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let step = f.vocab::<Step>("step", &self.step);
        let sent = f
            .sent(Some(&self.via), self.copy)
            .map(|s| s.expect("via given"));
        all_fields!(f; reference, step, sent);
        Ok((reference, step, sent))
    }
}

/// What the complaints platform says of the complaint (`set_platform`): `input` is a
/// `PlatformCase`.
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetPlatformReq {
    pub reference: String,
    #[ts(type = "PlatformCase")]
    pub input: Value,
}

impl Request for SetPlatformReq {
    type Decoded = (ComplaintRef, crate::complaint::PlatformCase);

    fn decode(self) -> Result<(ComplaintRef, crate::complaint::PlatformCase)> {
        let mut f = Fields::default();
        let reference = f.reference("reference", &self.reference);
        let case = f.json(self.input);
        all_fields!(f; reference, case);
        Ok((reference, case))
    }
}

/// Close a request for information (`close_request`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CloseRequestReq {
    pub id: i64,
    pub on: String,
    /// What was answered or done.
    pub note: String,
}

impl Request for CloseRequestReq {
    type Decoded = (i64, NaiveDate, String);

    fn decode(self) -> Result<(i64, NaiveDate, String)> {
        let mut f = Fields::default();
        let on = f.date("on", &self.on);
        all_fields!(f; on);
        Ok((self.id, on, self.note))
    }
}

/// A request for information that is in fact a complaint (`request_to_complaint`): the
/// complaint as completed by the user, its dates those of the request.
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestToComplaintReq {
    pub id: i64,
    pub reason: String,
    #[ts(type = "NewComplaint")]
    pub input: Value,
}

impl Request for RequestToComplaintReq {
    type Decoded = (i64, String, NewComplaint);

    fn decode(self) -> Result<(i64, String, NewComplaint)> {
        let mut f = Fields::default();
        let c = f.json::<NewComplaint>(self.input);
        all_fields!(f; c);
        Ok((self.id, self.reason, c))
    }
}
