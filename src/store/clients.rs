//! The same client's complaints: the history a complaint file shows, and the open ones the
//! intake shows before a new complaint is recorded (the same client writing again through
//! another channel is one complaint, not two).

use super::complaints::vocab;
use super::Store;
use crate::complaint::{ComplaintRef, EndKind, Feedback, Outcome, Status, Subject};
use crate::error::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Another complaint of the same client (by name or by contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientComplaintSummary {
    pub reference: String,
    pub received_on: NaiveDate,
    pub subject: Subject,
    pub status: Status,
    pub ended: Option<EndKind>,
    pub outcome: Option<Outcome>,
    pub feedback: Option<Feedback>,
    /// Matched by the contract number rather than the name.
    pub same_contract: bool,
}

impl ClientComplaintSummary {
    /// Still running: not closed, neither withdrawn nor requalified.
    pub fn is_open(&self) -> bool {
        self.status != Status::Closed && self.ended.is_none()
    }
}

/// A client's complaints (?1: the name, case aside; ?2: the contract number; ?3: the reference
/// left out; ?4: the anonymised name). The two indexed lookups are joined first and only their
/// rows sorted: sorting by the reception index instead (what SQLite chose for the plain `OR`)
/// walks most of a large register for a client with few complaints (120 ms on 100,000).
const CLIENT_COMPLAINTS: &str = "SELECT reference, received_on, subject, status, ended_kind,
        outcome, feedback, client_name <> ?1 COLLATE NOCASE
     FROM complaints
     WHERE id IN (SELECT id FROM complaints WHERE client_name = ?1 COLLATE NOCASE
                  UNION SELECT id FROM complaints WHERE contract_number = ?2)
        AND reference IS NOT ?3 AND client_name <> ?4
     ORDER BY +received_on DESC, +id DESC LIMIT 50";

/// Earlier complaints left unresolved, or still open, from which a client is flagged for
/// escalation to the manager.
pub const REPEAT_THRESHOLD: usize = 2;

impl Store {
    /// The complaints of the client named `name` (case aside) or of contract `contract`,
    /// most recent first, `except` left out.
    pub fn client_complaints(
        &self,
        name: &str,
        contract: Option<&str>,
        except: Option<&ComplaintRef>,
    ) -> Result<Vec<ClientComplaintSummary>> {
        let contract = contract.map(str::trim).filter(|c| !c.is_empty());
        let rows = self
            .conn()
            .prepare_cached(CLIENT_COMPLAINTS)?
            .query_map(
                rusqlite::params![
                    name.trim(),
                    contract,
                    except.map(|r| r.as_str()),
                    // Anonymised files are nobody's: never one client's history.
                    super::retention::ANONYMISED_NAME
                ],
                |r| {
                    let opt = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
                    Ok(ClientComplaintSummary {
                        reference: r.get(0)?,
                        received_on: r.get(1)?,
                        subject: vocab(r, 2)?,
                        status: vocab(r, 3)?,
                        ended: match opt(4)? {
                            None => None,
                            Some(_) => Some(vocab(r, 4)?),
                        },
                        outcome: match opt(5)? {
                            None => None,
                            Some(_) => Some(vocab(r, 5)?),
                        },
                        feedback: match opt(6)? {
                            None => None,
                            Some(_) => Some(vocab(r, 6)?),
                        },
                        same_contract: r.get(7)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// A client whose earlier complaints were left unresolved or are still open, again and
/// again: the file flags them for the manager.
pub fn repeat_complainant(others: &[ClientComplaintSummary]) -> bool {
    let unresolved = others
        .iter()
        .filter(|c| c.feedback == Some(Feedback::Unresolved) || c.is_open())
        .count();
    unresolved >= REPEAT_THRESHOLD
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The history reads the client's rows through the name and contract indexes, never the
    /// register in reception order.
    #[test]
    fn a_clients_history_reads_the_name_and_contract_indexes() {
        let (_dir, store) = crate::store::testing::temp_store();
        let plan = crate::store::testing::query_plan(
            store.conn(),
            CLIENT_COMPLAINTS,
            rusqlite::params!["Mme A", "C-1", "REC-2026-0001", "x"],
        );
        assert!(
            plan.iter().any(|s| s.contains("INDEX complaints_client"))
                && plan.iter().any(|s| s.contains("INDEX complaints_contract"))
                && !plan.iter().any(|s| s.contains("complaints_received")),
            "{plan:?}"
        );
    }
}
