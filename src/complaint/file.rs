//! What the complaint file holds besides the register fields: exchanges with the client,
//! attachments, and the other legs of a dispute (insurer, mediator, litigation).
//!
//! Domain types only: no SQL, no PDF.

use super::{Channel, Direction, DisputeKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Largest attachment accepted (a scanned letter or a phone photo is far below).
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;

/// A call, email or letter exchanged about a complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub id: i64,
    pub on: NaiveDate,
    pub direction: Direction,
    pub channel: Channel,
    pub summary: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewExchange {
    pub on: NaiveDate,
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub summary: String,
}

/// An attachment's description; the bytes are read separately (`Store::attachment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentMeta {
    pub id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
}

/// A step of the dispute outside the firm: insurer, mediator, court, PI insurer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DisputeStep {
    pub id: i64,
    pub kind: DisputeKind,
    pub on: NaiveDate,
    pub summary: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewDisputeStep {
    pub kind: DisputeKind,
    pub on: NaiveDate,
    #[serde(default)]
    pub summary: String,
}
