//! Corrective actions decided from complaints and the dysfunctions found on them: an owner,
//! a due date, a status. Domain types only: no SQL.

use super::{ActionKind, ActionStatus, DysfunctionCategory};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A corrective action with what motivated it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CorrectiveAction {
    pub id: i64,
    pub kind: ActionKind,
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    /// Not done nor abandoned, and its due date is past.
    pub late: bool,
    /// The statuses it may move to now (the rule is [`next_statuses`]'s).
    pub next_statuses: Vec<ActionStatus>,
    pub complaints: Vec<String>,
    pub dysfunctions: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCorrectiveAction {
    /// Corrective unless said otherwise.
    #[serde(default = "corrective")]
    #[ts(as = "Option<ActionKind>", optional)]
    pub kind: ActionKind,
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
    #[serde(default)]
    pub complaints: Vec<String>,
    #[serde(default)]
    pub dysfunctions: Vec<i64>,
}

fn corrective() -> ActionKind {
    ActionKind::Corrective
}

/// What may be corrected on an action still open: its text, its owner, its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActionEdit {
    pub description: String,
    pub owner: String,
    pub due_on: NaiveDate,
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

/// An action is open while planned or in progress; done and abandoned are final.
pub fn is_open(s: ActionStatus) -> bool {
    matches!(s, ActionStatus::Planned | ActionStatus::InProgress)
}

/// The statuses an action in `s` may move to: from an open status, any other one; none from
/// a final status.
pub fn next_statuses(s: ActionStatus) -> Vec<ActionStatus> {
    if !is_open(s) {
        return Vec::new();
    }
    [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Abandoned,
    ]
    .into_iter()
    .filter(|n| *n != s)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_actions_move_anywhere_final_ones_nowhere() {
        assert_eq!(
            next_statuses(ActionStatus::Planned),
            [
                ActionStatus::InProgress,
                ActionStatus::Done,
                ActionStatus::Abandoned
            ]
        );
        assert_eq!(
            next_statuses(ActionStatus::InProgress),
            [
                ActionStatus::Planned,
                ActionStatus::Done,
                ActionStatus::Abandoned
            ]
        );
        assert!(next_statuses(ActionStatus::Done).is_empty());
        assert!(next_statuses(ActionStatus::Abandoned).is_empty());
    }
}
