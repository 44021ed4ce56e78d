//! How a complaint's steps really went, beside its register fields: how a step reached the
//! client, an oral complaint's written confirmation, a withdrawal or a requalification, what a
//! complaints platform says of it. The rules are `ending`'s and `platform`'s.

use super::model::{EndKind, SentVia};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a step reached the client, and the copy the file keeps of it (an attachment of the
/// same complaint, named by its SHA-256: ids are each register's own, hashes are not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    pub via: SentVia,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub copy: Option<String>,
}

/// A complaint withdrawn or requalified: when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Ending {
    pub kind: EndKind,
    pub on: NaiveDate,
    pub reason: String,
    /// A requalification: the request for information it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub request_id: Option<i64>,
}

/// A complaint received through a public complaints platform (seed 004).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct PlatformCase {
    /// The platform's name.
    pub name: String,
    /// Public: the complaint and the whole answer are published.
    pub public: bool,
    /// When the platform passed the complaint on.
    #[serde(default)]
    pub requested_on: Option<NaiveDate>,
    /// The platform's deadline for an answer.
    #[serde(default)]
    pub respond_by: Option<NaiveDate>,
    /// The client's rating at closure, 1 to 5.
    #[serde(default)]
    pub rating: Option<u8>,
    /// When the client passed the case to the platform's legal-aid service.
    #[serde(default)]
    pub escalated_on: Option<NaiveDate>,
}

/// The client's written confirmation of an oral complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Confirmation {
    pub on: NaiveDate,
    /// The confirmation kept in the file (an attachment's SHA-256), when it came in writing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub copy: Option<String>,
}
