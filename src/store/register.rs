//! The register's list: filters, sort, full-text search and pages.

use super::complaints::{basis_at, vocab as parse};
use crate::calendar::Deadlines;
use crate::complaint::{next_deadline, Channel, EndKind, NextDeadline, Status, Subject};
use crate::error::Result;
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum RegisterSort {
    #[default]
    ReceivedDesc,
    ReceivedAsc,
    Reference,
    NextDue,
}

/// What the register list shows. Every filter is optional; they combine with AND.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", default)]
pub struct RegisterQuery {
    pub status: Option<Status>,
    /// Only complaints whose next deadline is past.
    #[ts(as = "Option<bool>", optional)]
    pub overdue: bool,
    /// Only complaints whose next deadline falls between today and today + N days.
    pub due_within_days: Option<u32>,
    pub search: Option<String>,
    pub subject: Option<Subject>,
    pub handler: Option<String>,
    pub received_from: Option<NaiveDate>,
    pub received_to: Option<NaiveDate>,
    /// Only the complaints withdrawn, or requalified. A status filter shows the others.
    pub ended: Option<EndKind>,
    /// Only the oral complaints still open whose written confirmation has not arrived.
    #[ts(as = "Option<bool>", optional)]
    pub awaiting_confirmation: bool,
    /// Only the answers that were to go as the register's letter, not issued yet.
    #[ts(as = "Option<bool>", optional)]
    pub answer_letter_due: bool,
    #[ts(as = "Option<RegisterSort>", optional)]
    pub sort: RegisterSort,
    pub limit: u32,
    pub offset: u32,
}

impl Default for RegisterQuery {
    fn default() -> Self {
        Self {
            status: None,
            overdue: false,
            due_within_days: None,
            search: None,
            subject: None,
            handler: None,
            received_from: None,
            received_to: None,
            ended: None,
            awaiting_confirmation: false,
            answer_letter_due: false,
            sort: RegisterSort::ReceivedDesc,
            limit: 50,
            offset: 0,
        }
    }
}

/// Largest page the list returns at once.
pub const MAX_PAGE: u32 = 1000;

/// One line of the register list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisterRow {
    pub reference: String,
    pub client_name: String,
    pub subject: Subject,
    pub channel: Channel,
    pub received_on: NaiveDate,
    pub status: Status,
    pub handler: Option<String>,
    pub next: Option<NextDeadline>,
    /// Withdrawn or requalified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub ended: Option<EndKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisterPage {
    pub rows: Vec<RegisterRow>,
    pub total: u64,
}

/// Turn what a user typed into an FTS5 query: every word must match, as a prefix; quotes and
/// FTS operators are neutralised so any input is a valid query.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|w| w.replace('"', ""))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(16)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The complaints a search finds, looked up one by one by their id: SQLite's own plan, the
/// best when the words are rare.
const FOUND_BY_ID: &str = "id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)";

/// The same complaints, checked one by one along the index that gives the page's order (the
/// unary `+` keeps SQLite from looking them up by id): the best when they are many, as the
/// page's 50 are found within the first entries of the index instead of every match being
/// read whole and sorted.
const FOUND_ALONG_INDEX: &str =
    "+id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)";

/// From this many matches, a search reads its page along the sort's index. Measured on
/// 100,000 complaints: a page of a surname's 2,455 matches took 7-10 ms looked up by id, 1-2 ms
/// along the index; a walk of the whole index (a page past the last match) takes 8-10 ms, what
/// looking up about 2,500 matches costs, so fewer matches are looked up by id.
const WIDE_SEARCH: i64 = 400;

/// The WHERE clause and its parameters for a query.
pub(super) fn filters(q: &RegisterQuery, today: NaiveDate) -> (String, Vec<SqlValue>) {
    filters_finding(q, today, FOUND_BY_ID)
}

/// [`filters`], with the search's complaints found by `found` ([`FOUND_BY_ID`] or
/// [`FOUND_ALONG_INDEX`]).
fn filters_finding(q: &RegisterQuery, today: NaiveDate, found: &str) -> (String, Vec<SqlValue>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut params: Vec<SqlValue> = Vec::new();
    let mut fixed: Vec<&str> = Vec::new();
    let mut push = |clause: &str, value: SqlValue| {
        params.push(value);
        clauses.push(clause.replace('?', &format!("?{}", params.len())));
    };
    if let Some(s) = q.status {
        push("status = ?", SqlValue::Text(s.as_str().into()));
        if s != Status::Closed {
            fixed.push("ended_kind IS NULL");
        }
    }
    if let Some(e) = q.ended {
        push("ended_kind = ?", SqlValue::Text(e.as_str().into()));
    }
    if q.awaiting_confirmation {
        fixed.push(
            "channel IN ('phone', 'inPerson') AND confirmed_on IS NULL AND ended_kind IS NULL \
             AND status <> 'closed'",
        );
    }
    if q.answer_letter_due {
        fixed.push(
            "answer_via = 'registerLetter' AND NOT EXISTS (SELECT 1 FROM letters l \
             WHERE l.complaint_id = complaints.id AND l.kind = 'answer')",
        );
    }
    if let Some(s) = q.subject {
        push("subject = ?", SqlValue::Text(s.as_str().into()));
    }
    if let Some(h) = q.handler.as_deref().filter(|h| !h.is_empty()) {
        push("handler = ?", SqlValue::Text(h.into()));
    }
    if let Some(d) = q.received_from {
        push("received_on >= ?", SqlValue::Text(d.to_string()));
    }
    if let Some(d) = q.received_to {
        push("received_on <= ?", SqlValue::Text(d.to_string()));
    }
    if q.overdue {
        push("next_due < ?", SqlValue::Text(today.to_string()));
    }
    if let Some(days) = q.due_within_days {
        push("next_due >= ?", SqlValue::Text(today.to_string()));
        let until = today + Duration::days(i64::from(days));
        push("next_due <= ?", SqlValue::Text(until.to_string()));
    }
    if let Some(m) = q.search.as_deref().and_then(fts_query) {
        push(found, SqlValue::Text(m));
    }
    clauses.extend(fixed.into_iter().map(str::to_owned));
    let sql = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    (sql, params)
}

pub fn list(conn: &Connection, q: &RegisterQuery, today: NaiveDate) -> Result<RegisterPage> {
    list_reading(conn, q, today, WIDE_SEARCH)
}

/// Whether the page's order and every filter but the search are read from one index, so that
/// walking it costs an index entry per complaint (not a row): every sort but the next deadline
/// (its index leaves out the complaints without one), and no filter on a column no index holds
/// beside the order (the ending, the oral confirmation, the answer's letter).
fn ordered_by_an_index(q: &RegisterQuery) -> bool {
    q.sort != RegisterSort::NextDue
        && q.ended.is_none()
        && !q.awaiting_confirmation
        && !q.answer_letter_due
}

/// [`list`], reading a search's page along the sort's index from `wide` matches.
fn list_reading(
    conn: &Connection,
    q: &RegisterQuery,
    today: NaiveDate,
    wide: i64,
) -> Result<RegisterPage> {
    let search = q.search.as_deref().and_then(fts_query);
    // How many complaints the search finds: the full-text index alone counts them, without
    // reading one. Every entry of that index is a complaint's (its triggers keep it, and a
    // complaint is never deleted), so this is the search's total when nothing else filters.
    let matches: Option<i64> = match &search {
        Some(m) if ordered_by_an_index(q) => Some(
            conn.prepare_cached(
                "SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?1",
            )?
            .query_row([m], |r| r.get(0))?,
        ),
        _ => None,
    };
    let along_index = matches.is_some_and(|n| n >= wide);
    let (where_sql, params) = filters(q, today);
    let order = match q.sort {
        RegisterSort::ReceivedDesc => "received_on DESC, id DESC",
        RegisterSort::ReceivedAsc => "received_on ASC, id ASC",
        RegisterSort::Reference => "reference ASC",
        RegisterSort::NextDue => "next_due NULLS LAST, id ASC",
    };
    let limit = q.limit.clamp(1, MAX_PAGE);
    // A search's matches looked up by id are sorted whole before the page is cut (the
    // full-text index gives them in no useful order), so their count comes with the page for
    // next to nothing: the full-text query runs once instead of twice. Along the index, the
    // walk stops at the page's last row: the count is asked apart.
    let total_with_rows = search.is_some() && !along_index;
    let total_column = if total_with_rows {
        ", count(*) OVER ()"
    } else {
        ""
    };
    let page_where = if along_index {
        filters_finding(q, today, FOUND_ALONG_INDEX).0
    } else {
        where_sql.clone()
    };
    let sql = format!(
        "SELECT reference, client_name, subject, channel, received_on, status, handler,
                basis, start_on, ack_due, answer_due, ended_kind{total_column}
         FROM complaints {page_where} ORDER BY {order} LIMIT {limit} OFFSET {}",
        q.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut counted: Option<i64> = None;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(params.iter()), |r| {
            if total_with_rows {
                counted = Some(r.get(12)?);
            }
            let status: Status = parse(r, 5)?;
            let deadlines = Deadlines {
                basis: basis_at(r, 7)?,
                start: r.get(8)?,
                ack_due: r.get(9)?,
                answer_due: r.get(10)?,
            };
            let ended: Option<EndKind> = match r.get::<_, Option<String>>(11)? {
                None => None,
                Some(_) => Some(parse(r, 11)?),
            };
            Ok(RegisterRow {
                ended,
                reference: r.get(0)?,
                client_name: r.get(1)?,
                subject: parse(r, 2)?,
                channel: parse(r, 3)?,
                received_on: r.get(4)?,
                status,
                handler: r.get(6)?,
                next: next_deadline(status, &deadlines, today).filter(|_| ended.is_none()),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // The search alone: the full-text index's count. Past the last page (no row to carry
    // it), without a search, or a search with other filters along the index: asked apart.
    let search_alone = || {
        filters(
            &RegisterQuery {
                search: None,
                ..q.clone()
            },
            today,
        )
        .0
        .is_empty()
    };
    let total: i64 = match (counted, matches) {
        (Some(total), _) => total,
        (None, Some(n)) if search_alone() => n,
        _ => conn
            .prepare_cached(&format!("SELECT count(*) FROM complaints {where_sql}"))?
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?,
    };
    Ok(RegisterPage {
        rows,
        total: total as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search reads the same page and total along the sort's index as by its matches' ids,
    /// whatever the sort, the filters and the page; and SQLite does walk the index then.
    #[test]
    fn a_search_finds_the_same_page_along_the_index_as_by_id() {
        let (_dir, mut store) = crate::store::testing::temp_store();
        crate::demo::fill(&mut store, 700, 7).unwrap();
        let today = store.today();
        let conn = store.conn();
        let all = RegisterQuery::default();
        let filtered = [
            all.clone(),
            RegisterQuery {
                status: Some(Status::Acknowledged),
                ..all.clone()
            },
            RegisterQuery {
                status: Some(Status::Closed),
                ..all.clone()
            },
            RegisterQuery {
                subject: Some(Subject::ClaimSettlement),
                ..all.clone()
            },
            RegisterQuery {
                overdue: true,
                ..all.clone()
            },
            RegisterQuery {
                received_from: NaiveDate::from_ymd_opt(2025, 9, 1),
                received_to: NaiveDate::from_ymd_opt(2026, 3, 31),
                ..all.clone()
            },
            RegisterQuery {
                ended: Some(EndKind::Withdrawn),
                ..all.clone()
            },
        ];
        let sorts = [
            RegisterSort::ReceivedDesc,
            RegisterSort::ReceivedAsc,
            RegisterSort::Reference,
            RegisterSort::NextDue,
        ];
        let mut full_pages_along = 0;
        for term in ["a", "martin", "bernard dupont", "contrat", "zzz"] {
            for f in &filtered {
                for sort in sorts {
                    for (offset, limit) in [(0, 50), (40, 20), (5_000, 50)] {
                        let q = RegisterQuery {
                            search: Some(term.into()),
                            sort,
                            offset,
                            limit,
                            ..f.clone()
                        };
                        let by_id = list_reading(conn, &q, today, i64::MAX).unwrap();
                        let along = list_reading(conn, &q, today, 0).unwrap();
                        assert_eq!(along, by_id, "{q:?}");
                        if ordered_by_an_index(&q) && along.rows.len() == limit as usize {
                            full_pages_along += 1;
                        }
                    }
                }
            }
        }
        assert!(full_pages_along > 20, "{full_pages_along} full pages");

        let q = RegisterQuery {
            search: Some("martin".into()),
            ..all
        };
        let (where_sql, params) = filters_finding(&q, today, FOUND_ALONG_INDEX);
        let plan = crate::store::testing::query_plan(
            conn,
            &format!(
                "SELECT reference FROM complaints {where_sql} \
                 ORDER BY received_on DESC, id DESC LIMIT 50"
            ),
            rusqlite::params_from_iter(params.iter()),
        );
        assert!(
            plan.iter()
                .any(|step| step.contains("SCAN complaints USING INDEX complaints_received")),
            "{plan:?}"
        );
        assert!(
            !plan.iter().any(|step| step.contains("TEMP B-TREE")),
            "{plan:?}"
        );
    }

    #[test]
    fn fts_query_neutralises_operators() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("dupont"), Some("\"dupont\"*".into()));
        assert_eq!(
            fts_query("Mme \"Dupont"),
            Some("\"Mme\"* \"Dupont\"*".into())
        );
        assert_eq!(fts_query("a OR b"), Some("\"a\"* \"OR\"* \"b\"*".into()));
        assert_eq!(
            fts_query("'; DROP TABLE complaints; --"),
            Some("\"DROP\"* \"TABLE\"* \"complaints;\"*".into())
        );
    }
}
