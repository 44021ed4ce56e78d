//! The queries extracts and statistics need: the complaints of a period with their
//! dysfunctions and original references, the mediator referrals, the open and overdue counts.
//! The extract itself (rows, formats, statistics) is `extract`'s: this module only reads.

use super::{complaints, Store};
use crate::complaint::{
    Channel, Complaint, DysfunctionCategory, Money, Status, Subject, ValidationError,
};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rust_decimal::Decimal;
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
            "SELECT count(*) FILTER (WHERE status <> 'closed' AND ended_kind IS NULL),
                count(*) FILTER (WHERE next_due < ?1)
             FROM complaints",
            [today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((open as u64, overdue as u64))
    }
}

/// The raw figures of the seed's refund and gesture KPIs over an extract's complaints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MoneyFigures {
    /// Complaints that claim a sum or were granted a refund.
    pub refund_requests: u64,
    /// Of those, the ones answered with a refund.
    pub refunds_granted: u64,
    pub refunds_total: Decimal,
    /// Refund requests answered with a gesture and no refund.
    pub gestures_instead: u64,
    /// Refund requests answered.
    pub refund_requests_answered: u64,
    /// Proposals of a gesture (not a refund) the client answered, and accepted.
    pub gestures_proposed_answered: u64,
    pub gestures_accepted: u64,
    /// Complaints with a gesture or refund decided or asked for approval, and those escalated.
    pub money_decisions: u64,
    pub escalated: u64,
    /// Hours from request to decision, of every decided escalation.
    pub approval_hours: Vec<f64>,
    /// Satisfaction notes (1 to 5) given at closure.
    pub satisfaction: Vec<u8>,
}

impl Store {
    /// The refund and gesture figures of the complaints an extract selects.
    pub fn money_figures(&self, q: &ExtractQuery) -> Result<MoneyFigures> {
        let conn = self.conn();
        let (where_sql, params) = q.where_sql();
        let p = || rusqlite::params_from_iter(params.iter());
        let mut f = MoneyFigures::default();
        let scope = format!("SELECT id FROM complaints {where_sql}");
        {
            let mut stmt = conn.prepare(&format!(
                "SELECT amount_claimed IS NOT NULL OR refund_amount IS NOT NULL, refund_amount,
                    gesture, answered_on IS NOT NULL, satisfaction,
                    EXISTS (SELECT 1 FROM escalations e WHERE e.complaint_id = c.id)
                 FROM complaints c WHERE c.id IN ({scope})"
            ))?;
            let mut rows = stmt.query(p())?;
            while let Some(r) = rows.next()? {
                let requested: bool = r.get(0)?;
                let refund: Option<Money> = match r.get::<_, Option<String>>(1)? {
                    None => None,
                    Some(_) => Some(complaints::vocab(r, 1)?),
                };
                let gesture = r.get::<_, Option<String>>(2)?.is_some();
                let answered: bool = r.get(3)?;
                let escalated: bool = r.get(5)?;
                if requested {
                    f.refund_requests += 1;
                    if answered {
                        f.refund_requests_answered += 1;
                        if gesture && refund.is_none() {
                            f.gestures_instead += 1;
                        }
                    }
                }
                if let Some(refund) = refund {
                    f.refunds_granted += 1;
                    f.refunds_total += refund.amount();
                }
                if gesture || refund.is_some() || escalated {
                    f.money_decisions += 1;
                }
                if escalated {
                    f.escalated += 1;
                }
                if let Some(n) = r.get::<_, Option<u8>>(4)? {
                    f.satisfaction.push(n);
                }
            }
        }
        let (answered, accepted): (i64, i64) = conn
            .prepare(&format!(
                "SELECT count(*) FILTER (WHERE response <> 'pending'),
                    count(*) FILTER (WHERE response = 'accepted')
                 FROM proposals WHERE kind <> 'refund' AND complaint_id IN ({scope})"
            ))?
            .query_row(p(), |r| Ok((r.get(0)?, r.get(1)?)))?;
        f.gestures_proposed_answered = answered as u64;
        f.gestures_accepted = accepted as u64;
        let mut stmt = conn.prepare(&format!(
            "SELECT requested_at, decided_at FROM escalations
             WHERE decided_at IS NOT NULL AND complaint_id IN ({scope})"
        ))?;
        let mut rows = stmt.query(p())?;
        while let Some(r) = rows.next()? {
            let from: chrono::DateTime<chrono::Utc> = r.get(0)?;
            let to: chrono::DateTime<chrono::Utc> = r.get(1)?;
            f.approval_hours
                .push((to - from).num_seconds() as f64 / 3600.0);
        }
        Ok(f)
    }
}
