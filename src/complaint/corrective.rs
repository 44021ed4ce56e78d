//! Corrective actions decided from complaints and the dysfunctions found on them: an owner,
//! a due date, a status. Domain types only: no SQL.

use super::{ActionStatus, DysfunctionCategory};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A corrective action with what motivated it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CorrectiveAction {
    pub id: i64,
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    /// Not done nor abandoned, and its due date is past.
    pub late: bool,
    pub complaints: Vec<String>,
    pub dysfunctions: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCorrectiveAction {
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    #[serde(default)]
    pub complaints: Vec<String>,
    #[serde(default)]
    pub dysfunctions: Vec<i64>,
}

/// A dysfunction found on a complaint, with the corrective actions it is linked to: the
/// list from which dysfunctions are grouped under an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DysfunctionEntry {
    pub id: i64,
    pub reference: String,
    pub category: DysfunctionCategory,
    pub description: String,
    pub found_on: NaiveDate,
    pub actions: Vec<i64>,
}
