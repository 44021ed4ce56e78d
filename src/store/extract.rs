//! The queries extracts and statistics need: the complaints of a period with their
//! dysfunctions and original references, the mediator referrals, the open and overdue counts.
//! The extract itself (rows, formats, statistics) is `extract`'s: this module only reads.

use super::{complaints, Store};
use crate::complaint::{Channel, Complaint, DysfunctionCategory, Status, Subject, ValidationError};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Which complaints an extract holds: received between two dates, and optional filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ExtractQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub subject: Option<Subject>,
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    pub insurer: Option<String>,
    #[serde(default)]
    pub handler: Option<String>,
}

impl ExtractQuery {
    pub fn period(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            from,
            to,
            status: None,
            subject: None,
            channel: None,
            product: None,
            insurer: None,
            handler: None,
        }
    }

    /// Refuse a period that ends before it starts.
    pub fn check(&self) -> Result<(), ValidationError> {
        if self.to < self.from {
            return Err(ValidationError::new(
                "to",
                format!(
                    "la fin de la période ({}) précède son début ({})",
                    self.to.format("%d/%m/%Y"),
                    self.from.format("%d/%m/%Y")
                ),
            ));
        }
        Ok(())
    }

    pub(crate) fn where_sql(&self) -> (String, Vec<SqlValue>) {
        let mut clauses = vec!["received_on BETWEEN ?1 AND ?2".to_owned()];
        let mut params = vec![
            SqlValue::Text(self.from.to_string()),
            SqlValue::Text(self.to.to_string()),
        ];
        let mut push = |clause: &str, v: String| {
            params.push(SqlValue::Text(v));
            clauses.push(clause.replace('?', &format!("?{}", params.len())));
        };
        if let Some(s) = self.status {
            push("status = ?", s.as_str().into());
        }
        if let Some(s) = self.subject {
            push("subject = ?", s.as_str().into());
        }
        if let Some(c) = self.channel {
            push("channel = ?", c.as_str().into());
        }
        if let Some(p) = self.product.as_deref().filter(|v| !v.trim().is_empty()) {
            push("product = ? COLLATE NOCASE", p.trim().into());
        }
        if let Some(i) = self.insurer.as_deref().filter(|v| !v.trim().is_empty()) {
            push("insurer = ? COLLATE NOCASE", i.trim().into());
        }
        if let Some(h) = self.handler.as_deref().filter(|v| !v.trim().is_empty()) {
            push("handler = ? COLLATE NOCASE", h.trim().into());
        }
        (format!("WHERE {}", clauses.join(" AND ")), params)
    }
}

/// A complaint of an extract, with what the register keeps beside it.
#[derive(Debug, Clone)]
pub struct ExtractedComplaint {
    pub complaint: Complaint,
    /// Its dysfunctions, oldest first.
    pub dysfunctions: Vec<(DysfunctionCategory, String)>,
    /// The reference in the register it was imported from, if any.
    pub original_reference: Option<String>,
}

impl Store {
    /// The complaints an extract selects, oldest reception first, in three queries.
    pub fn extract_complaints(&self, q: &ExtractQuery) -> Result<Vec<ExtractedComplaint>> {
        q.check()?;
        let conn = self.conn();
        let (where_sql, params) = q.where_sql();
        let mut dysfunctions: HashMap<i64, Vec<(DysfunctionCategory, String)>> = HashMap::new();
        {
            let sql = format!(
                "SELECT d.complaint_id, d.category, d.description FROM dysfunctions d
                 WHERE d.complaint_id IN (SELECT id FROM complaints {where_sql}) ORDER BY d.id"
            );
            let mut stmt = conn.prepare(&sql)?;
            let mut rs = stmt.query(rusqlite::params_from_iter(params.iter()))?;
            while let Some(r) = rs.next()? {
                let category: DysfunctionCategory = complaints::vocab(r, 1)?;
                dysfunctions
                    .entry(r.get(0)?)
                    .or_default()
                    .push((category, r.get(2)?));
            }
        }
        let mut originals: HashMap<i64, String> = HashMap::new();
        {
            let sql = format!(
                "SELECT complaint_id, original_reference FROM imported_rows
                 WHERE original_reference IS NOT NULL
                   AND complaint_id IN (SELECT id FROM complaints {where_sql})"
            );
            let mut stmt = conn.prepare(&sql)?;
            let mut rs = stmt.query(rusqlite::params_from_iter(params.iter()))?;
            while let Some(r) = rs.next()? {
                originals.insert(r.get(0)?, r.get(1)?);
            }
        }
        let sql = format!(
            "SELECT {} FROM complaints {where_sql} ORDER BY received_on, id",
            complaints::COLUMNS
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut out = Vec::new();
        let mut rs = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(r) = rs.next()? {
            let (id, complaint) = complaints::from_row(r)?;
            out.push(ExtractedComplaint {
                complaint,
                dysfunctions: dysfunctions.remove(&id).unwrap_or_default(),
                original_reference: originals.remove(&id),
            });
        }
        Ok(out)
    }

    /// How many complaints of the extract were referred to the mediator.
    pub fn mediator_referrals(&self, q: &ExtractQuery) -> Result<u64> {
        let (where_sql, params) = q.where_sql();
        let n: i64 = self
            .conn()
            .prepare(&format!(
                "SELECT count(DISTINCT complaint_id) FROM dispute_steps WHERE kind = 'mediatorReferral'
                 AND complaint_id IN (SELECT id FROM complaints {where_sql})"
            ))?
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// The complaints open now, and those whose next step is overdue on `today`.
    pub fn open_and_overdue(&self, today: NaiveDate) -> Result<(u64, u64)> {
        let (open, overdue): (i64, i64) = self.conn().query_row(
            "SELECT count(*) FILTER (WHERE status <> 'closed'), count(*) FILTER (WHERE next_due < ?1)
             FROM complaints",
            [today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((open as u64, overdue as u64))
    }
}
