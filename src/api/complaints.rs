//! Intake requests: record, correct, read a complaint; preview the deadlines of a new one.

use super::{Fields, Request};
use crate::calendar::Region;
use crate::complaint::{ComplaintRef, NewComplaint};
use crate::error::Result;
use crate::store::register::RegisterQuery;
use crate::store::NewRequest;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

/// An operation on one complaint named by its reference (`get_complaint`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceReq {
    pub reference: String,
}

impl Request for ReferenceReq {
    type Decoded = ComplaintRef;

    fn decode(self) -> Result<ComplaintRef> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        all_fields!(f; r);
        Ok(r)
    }
}

/// The register list (`list_complaints`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListComplaintsReq {
    #[ts(type = "RegisterQuery")]
    pub query: Value,
}

impl Request for ListComplaintsReq {
    type Decoded = RegisterQuery;

    fn decode(self) -> Result<RegisterQuery> {
        let mut f = Fields::default();
        let q = f.json(self.query);
        all_fields!(f; q);
        Ok(q)
    }
}

/// The deadlines a complaint would have (`preview_deadlines`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct PreviewDeadlinesReq {
    pub sent_on: Option<String>,
    pub received_on: String,
}

/// Decoded [`PreviewDeadlinesReq`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewDeadlines {
    pub sent_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
}

impl Request for PreviewDeadlinesReq {
    type Decoded = PreviewDeadlines;

    fn decode(self) -> Result<PreviewDeadlines> {
        let mut f = Fields::default();
        let received_on = f.calendar_date("receivedOn", &self.received_on);
        let sent_on = match self.sent_on.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => f.calendar_date("sentOn", s).map(Some),
        };
        all_fields!(f; received_on, sent_on);
        Ok(PreviewDeadlines {
            sent_on,
            received_on,
        })
    }
}

/// Record a complaint (`record_complaint`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordComplaintReq {
    #[ts(type = "NewComplaint")]
    pub input: Value,
}

impl Request for RecordComplaintReq {
    type Decoded = NewComplaint;

    fn decode(self) -> Result<NewComplaint> {
        let mut f = Fields::default();
        let new = f.json(self.input);
        all_fields!(f; new);
        Ok(new)
    }
}

/// Record a request that is not a complaint (`record_request`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordRequestReq {
    #[ts(type = "NewRequest")]
    pub input: Value,
}

impl Request for RecordRequestReq {
    type Decoded = NewRequest;

    fn decode(self) -> Result<NewRequest> {
        let mut f = Fields::default();
        let new = f.json(self.input);
        all_fields!(f; new);
        Ok(new)
    }
}

/// Correct a complaint's register fields (`update_complaint`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateComplaintReq {
    pub reference: String,
    #[ts(type = "NewComplaint")]
    pub input: Value,
}

impl Request for UpdateComplaintReq {
    type Decoded = (ComplaintRef, NewComplaint);

    fn decode(self) -> Result<(ComplaintRef, NewComplaint)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        let new = f.json(self.input);
        all_fields!(f; r, new);
        Ok((r, new))
    }
}

/// The region of the `deadlines` command line tool.
pub fn region(value: &str) -> Result<Region> {
    let mut f = Fields::default();
    let region = f.vocab("region", value);
    all_fields!(f; region);
    Ok(region)
}
