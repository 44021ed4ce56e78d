//! The queries extracts and statistics need: the complaints of a period with their
//! dysfunctions and original references, what the statistics read of them, the mediator
//! referrals, the money decided beside them, the open and overdue counts.
//! The extract itself (rows, formats, statistics) is `extract`'s: this module only reads.

use super::{complaints, Store};
use crate::complaint::{
    Channel, Complaint, DysfunctionCategory, EndKind, Feedback, Money, Outcome, PlatformCase,
    Status, Subject, ValidationError,
};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// A result the extract computed, kept by the store whatever its type (`kept_for_extract`).
pub(crate) type Computed = Arc<dyn Any + Send + Sync>;

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

    /// The condition that the complaint `column` names (a `complaint_id` of a table beside the
    /// complaints) is one this query selects, with its parameters. Checked row by row of that
    /// table: `complaint_id IN (SELECT id ...)` listed the 33,000 complaints of a year first
    /// (15 ms), even for a table with no row.
    pub(crate) fn selects(&self, column: &str) -> (String, Vec<SqlValue>) {
        let (where_sql, params) = self.where_sql();
        (
            format!("EXISTS (SELECT 1 FROM complaints {where_sql} AND complaints.id = {column})"),
            params,
        )
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
            let (in_scope, _) = q.selects("d.complaint_id");
            let sql = format!(
                "SELECT d.complaint_id, d.category, d.description FROM dysfunctions d
                 WHERE {in_scope} ORDER BY d.id"
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
            let (in_scope, _) = q.selects("i.complaint_id");
            let sql = format!(
                "SELECT complaint_id, original_reference FROM imported_rows i
                 WHERE original_reference IS NOT NULL
                   AND {in_scope}"
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
        let (in_scope, params) = q.selects("ds.complaint_id");
        let n: i64 = self
            .conn()
            .prepare(&format!(
                "SELECT count(DISTINCT complaint_id) FROM dispute_steps ds
                 WHERE kind = 'mediatorReferral' AND {in_scope}"
            ))?
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// What the extract computes for `q` (its statistics) as kept, if the register and the
    /// day have not changed since it was computed; else `compute`'s, kept. The computing is
    /// the extract's work, above the store: the store keeps its result without knowing it,
    /// one for each type and query.
    pub fn kept_for_extract<V: Clone + Send + Sync + 'static>(
        &self,
        q: &ExtractQuery,
        compute: impl FnOnce() -> Result<V>,
    ) -> Result<V> {
        let key = (TypeId::of::<V>(), q.clone());
        let kept = self
            .extract_memo
            .get_or_compute(self.conn(), self.today(), key, || {
                Ok(Arc::new(compute()?) as Computed)
            })?;
        Ok(kept
            .downcast_ref::<V>()
            .expect("kept under its own type")
            .clone())
    }

    /// What the statistics read of each complaint an extract selects (in no order the
    /// statistics depend on): dates, outcome, labels and money, never the texts. One pass over the
    /// complaints, with only these columns: the whole rows of a year (33,000 complaints of
    /// 100,000) took 300 ms to read, these about 80. The complaints are found by the index of
    /// their reception, then read in the table's order (in the index's, the same pages of the
    /// table were read again and again).
    pub fn stats_rows(&self, q: &ExtractQuery) -> Result<Vec<StatsRow>> {
        q.check()?;
        let (where_sql, params) = q.where_sql();
        let mut stmt = self.conn().prepare(&format!(
            "SELECT received_on, ack_due, answer_due, acknowledged_on, answered_on,
                CASE WHEN answered_on IS NOT NULL THEN outcome END, gesture,
                CASE WHEN closed_on IS NOT NULL THEN feedback END, ended_kind, ended_on,
                channel, subject, product, insurer, handler,
                platform_name, platform_public, platform_requested_on, platform_respond_by,
                platform_rating, platform_escalated_on,
                amount_claimed IS NOT NULL OR refund_amount IS NOT NULL, refund_amount,
                satisfaction,
                EXISTS (SELECT 1 FROM escalations e WHERE e.complaint_id = complaints.id)
             FROM complaints WHERE id IN (SELECT id FROM complaints {where_sql})"
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| {
                let ended = match complaints::opt_vocab::<EndKind>(r, 8)? {
                    None => None,
                    Some(kind) => Some((kind, complaints::day(r, 9)?)),
                };
                let platform = match r.get::<_, Option<String>>(15)? {
                    None => None,
                    Some(name) => Some(PlatformCase {
                        name,
                        public: r.get::<_, Option<bool>>(16)?.unwrap_or(false),
                        requested_on: complaints::opt_day(r, 17)?,
                        respond_by: complaints::opt_day(r, 18)?,
                        rating: r.get(19)?,
                        escalated_on: complaints::opt_day(r, 20)?,
                    }),
                };
                Ok(StatsRow {
                    received_on: complaints::day(r, 0)?,
                    ack_due: complaints::day(r, 1)?,
                    answer_due: complaints::day(r, 2)?,
                    acknowledged_on: complaints::opt_day(r, 3)?,
                    answered_on: complaints::opt_day(r, 4)?,
                    outcome: complaints::opt_vocab(r, 5)?,
                    gesture: complaints::opt_vocab(r, 6)?,
                    feedback: complaints::opt_vocab(r, 7)?,
                    ended,
                    channel: complaints::vocab(r, 10)?,
                    subject: complaints::vocab(r, 11)?,
                    product: r.get(12)?,
                    insurer: r.get(13)?,
                    handler: r.get(14)?,
                    platform,
                    refund_requested: r.get(21)?,
                    refund: complaints::opt_vocab(r, 22)?,
                    satisfaction: r.get(23)?,
                    escalated: r.get(24)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// What the statistics read of one complaint: its dates, outcome, labels and money, never its
/// texts.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsRow {
    pub received_on: NaiveDate,
    pub ack_due: NaiveDate,
    pub answer_due: NaiveDate,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    /// The answer's decision (none before the answer).
    pub outcome: Option<Outcome>,
    /// The gesture's column as it is (the answer's, or decided before it).
    pub gesture: Option<Money>,
    /// The client's feedback at closure (none before the closure).
    pub feedback: Option<Feedback>,
    /// Withdrawn or requalified, and when.
    pub ended: Option<(EndKind, NaiveDate)>,
    pub channel: Channel,
    pub subject: Subject,
    pub product: Option<String>,
    pub insurer: Option<String>,
    pub handler: Option<String>,
    pub platform: Option<PlatformCase>,
    /// A sum claimed, or a refund granted.
    pub refund_requested: bool,
    pub refund: Option<Money>,
    /// The satisfaction note (1 to 5) given at closure.
    pub satisfaction: Option<u8>,
    /// Its gesture or refund was asked for approval beyond someone's authority.
    pub escalated: bool,
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
    /// The complaints open now, and those whose next step is overdue on `today`: the counts
    /// of "Aujourd'hui" when they are kept, else counted.
    pub fn open_and_overdue(&self, today: NaiveDate) -> Result<(u64, u64)> {
        if today == self.today() {
            if let Some(c) = self.today_counts_kept()? {
                return Ok((c.open, c.overdue));
            }
        }
        let (open, overdue): (i64, i64) = self.conn().query_row(
            "SELECT count(*) FILTER (WHERE status <> 'closed' AND ended_kind IS NULL),
                count(*) FILTER (WHERE next_due < ?1)
             FROM complaints",
            [today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((open as u64, overdue as u64))
    }

    /// The figures of the money that come from beside the complaints an extract selects: the
    /// gestures proposed and answered, and the approvals' delays (the rest is the statistics'
    /// own, from [`Store::stats_rows`]).
    pub fn money_beside(&self, q: &ExtractQuery) -> Result<MoneyFigures> {
        let conn = self.conn();
        let (_, params) = q.where_sql();
        let p = || rusqlite::params_from_iter(params.iter());
        let mut f = MoneyFigures::default();
        let (answered, accepted): (i64, i64) = conn
            .prepare(&format!(
                "SELECT count(*) FILTER (WHERE response <> 'pending'),
                    count(*) FILTER (WHERE response = 'accepted')
                 FROM proposals p WHERE kind <> 'refund' AND {}",
                q.selects("p.complaint_id").0
            ))?
            .query_row(p(), |r| Ok((r.get(0)?, r.get(1)?)))?;
        f.gestures_proposed_answered = answered as u64;
        f.gestures_accepted = accepted as u64;
        let mut stmt = conn.prepare(&format!(
            "SELECT requested_at, decided_at FROM escalations e
             WHERE decided_at IS NOT NULL AND {}",
            q.selects("e.complaint_id").0
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
