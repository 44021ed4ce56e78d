//! The "Aujourd'hui" summary: what is late, what falls due soon, what waits for a first step,
//! and this year's headline figures (share of complaints acknowledged and answered in time).

use super::complaints;
use super::register::{self, RegisterQuery, RegisterRow, RegisterSort};
use crate::complaint::{
    dispute_alerts as dispute_alerts_of, ComplaintRef, DisputeAlert, DisputeAlertKind, Status,
};
use crate::error::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// Complaints listed per work list, most urgent first (the counts say how many there are; the
/// register shows them all).
pub const LIST_LIMIT: u32 = 50;
/// "Due soon" means within this many days.
pub const DUE_SOON_DAYS: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TodayCounts {
    /// Complaints not closed yet.
    pub open: u64,
    pub overdue: u64,
    pub due_soon: u64,
    pub awaiting_ack: u64,
    pub awaiting_answer: u64,
    /// Oral complaints whose written confirmation has not arrived.
    pub awaiting_confirmation: u64,
    /// Answers that were to go as the register's letter, not issued yet.
    pub answer_letters_due: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TodaySummary {
    pub today: NaiveDate,
    pub year: i32,
    /// "Due soon": within this many days (`DUE_SOON_DAYS`).
    pub due_soon_days: u32,
    pub counts: TodayCounts,
    /// Most overdue first.
    pub overdue: Vec<RegisterRow>,
    pub due_soon: Vec<RegisterRow>,
    pub awaiting_ack: Vec<RegisterRow>,
    pub awaiting_answer: Vec<RegisterRow>,
    /// Oral complaints whose written confirmation has not arrived.
    pub awaiting_confirmation: Vec<RegisterRow>,
    /// Answers that were to go as the register's letter, not issued yet.
    pub answer_letters_due: Vec<RegisterRow>,
    /// Dispute legs whose sequel is late or expected within days, lawyers' letters not
    /// declared to the professional liability insurer.
    pub dispute_alerts: Vec<TodayDisputeAlert>,
    /// Of this year's complaints whose acknowledgement was due or done, the share done in
    /// time (an answer within the 10 jours ouvrables counts). `None` when there is none yet.
    pub ack_on_time_pct: Option<f64>,
    /// The same for the answer within 2 months.
    pub answer_on_time_pct: Option<f64>,
}

/// A dispute leg that calls for something, with its complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TodayDisputeAlert {
    pub reference: String,
    pub client_name: String,
    pub alert: DisputeAlert,
}

/// The complaints with a dispute leg that may call for something. The legs lead (a few), each
/// complaint found by its id: joined the other way, the planner walked all 100,000 complaints
/// to find none (6 ms of the summary's 11).
const DISPUTED: &str = "SELECT reference FROM complaints WHERE id IN
        (SELECT complaint_id FROM dispute_steps WHERE expected_on IS NOT NULL OR from_lawyer = 1)
     ORDER BY reference";

/// The dispute alerts of the whole register (late first, then lawyers' letters, then what
/// falls due soon).
fn dispute_alerts(conn: &Connection, today: NaiveDate) -> Result<Vec<TodayDisputeAlert>> {
    let refs: Vec<String> = conn
        .prepare_cached(DISPUTED)?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for r in refs {
        let reference: ComplaintRef = match r.parse() {
            Ok(r) => r,
            Err(_) => continue,
        };
        let (id, c) = complaints::load(conn, &reference)?;
        let (_, _, steps) = super::file::file_records(conn, id)?;
        for alert in dispute_alerts_of(&steps, c.mediation_window(), today) {
            if alert.kind != DisputeAlertKind::ReferralOutsideWindow {
                out.push(TodayDisputeAlert {
                    reference: r.clone(),
                    client_name: c.client.name.clone(),
                    alert,
                });
            }
        }
    }
    let rank = |k: DisputeAlertKind| match k {
        DisputeAlertKind::Late => 0,
        DisputeAlertKind::LawyerLetter => 1,
        _ => 2,
    };
    out.sort_by_key(|a| (rank(a.alert.kind), a.alert.due));
    out.truncate(LIST_LIMIT as usize);
    Ok(out)
}

fn page(conn: &Connection, today: NaiveDate, q: RegisterQuery) -> Result<(u64, Vec<RegisterRow>)> {
    let p = register::list(
        conn,
        &RegisterQuery {
            sort: RegisterSort::NextDue,
            limit: LIST_LIMIT,
            ..q
        },
        today,
    )?;
    Ok((p.total, p.rows))
}

fn pct(done: i64, base: i64) -> Option<f64> {
    (base > 0).then(|| (done as f64 * 1000.0 / base as f64).round() / 10.0)
}

/// The complaints still running. The statuses are named (not "<> 'closed'") so that the index
/// of running complaints answers alone.
const OPEN_COUNT: &str = "SELECT count(*) FROM complaints
     WHERE status IN ('received', 'acknowledged', 'answered') AND ended_kind IS NULL";

/// This year's on-time rates (?1, ?2: the year's first and last days; ?3: today). A step counts
/// once it is done, or once its due date has passed without it (while the complaint still
/// ran: a withdrawal stops the clock). A requalified complaint was never one.
const RATES: &str = "SELECT
                count(*) FILTER (WHERE coalesce(acknowledged_on, answered_on) IS NOT NULL
                    OR (ack_due < ?3 AND (ended_on IS NULL OR ended_on > ack_due))),
                count(*) FILTER (WHERE coalesce(acknowledged_on, answered_on) <= ack_due),
                count(*) FILTER (WHERE answered_on IS NOT NULL
                    OR (answer_due < ?3 AND (ended_on IS NULL OR ended_on > answer_due))),
                count(*) FILTER (WHERE answered_on <= answer_due)
             FROM complaints WHERE received_on BETWEEN ?1 AND ?2
                AND ended_kind IS NOT 'requalified'";

impl super::Store {
    /// The "Aujourd'hui" screen: work lists and this year's headline figures. Computed again
    /// only when the register changed (here or from another connection) or the day did.
    pub fn today_summary(&self) -> Result<TodaySummary> {
        let today = self.today();
        self.today_cache
            .get_or_compute(&self.conn, today, (), || summary(&self.conn, today))
    }

    /// The counts of "Aujourd'hui" as kept, if the register and the day have not changed
    /// since they were computed.
    pub fn today_counts_kept(&self) -> Result<Option<TodayCounts>> {
        Ok(self
            .today_cache
            .kept(&self.conn, self.today(), &())?
            .map(|summary| summary.counts))
    }

    /// The summary computed now, whatever was kept: what the first visit of the day costs
    /// (the benchmarks).
    pub fn today_summary_computed(&self) -> Result<TodaySummary> {
        summary(&self.conn, self.today())
    }
}

pub fn summary(conn: &Connection, today: NaiveDate) -> Result<TodaySummary> {
    let all = RegisterQuery::default();
    let (overdue_n, overdue) = page(
        conn,
        today,
        RegisterQuery {
            overdue: true,
            ..all.clone()
        },
    )?;
    let (due_soon_n, due_soon) = page(
        conn,
        today,
        RegisterQuery {
            due_within_days: Some(DUE_SOON_DAYS),
            ..all.clone()
        },
    )?;
    let (ack_n, awaiting_ack) = page(
        conn,
        today,
        RegisterQuery {
            status: Some(Status::Received),
            ..all.clone()
        },
    )?;
    let (answer_n, awaiting_answer) = page(
        conn,
        today,
        RegisterQuery {
            status: Some(Status::Acknowledged),
            ..all.clone()
        },
    )?;
    let (confirmation_n, awaiting_confirmation) = page(
        conn,
        today,
        RegisterQuery {
            awaiting_confirmation: true,
            ..all.clone()
        },
    )?;
    let (letters_n, answer_letters_due) = page(
        conn,
        today,
        RegisterQuery {
            answer_letter_due: true,
            ..all
        },
    )?;
    let open: i64 = conn
        .prepare_cached(OPEN_COUNT)?
        .query_row([], |r| r.get(0))?;
    let year = today.year();
    let (ack_base, ack_ok, ans_base, ans_ok): (i64, i64, i64, i64) =
        conn.prepare_cached(RATES)?.query_row(
            rusqlite::params![format!("{year}-01-01"), format!("{year}-12-31"), today],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    Ok(TodaySummary {
        today,
        year,
        due_soon_days: DUE_SOON_DAYS,
        counts: TodayCounts {
            open: open as u64,
            overdue: overdue_n,
            due_soon: due_soon_n,
            awaiting_ack: ack_n,
            awaiting_answer: answer_n,
            awaiting_confirmation: confirmation_n,
            answer_letters_due: letters_n,
        },
        overdue,
        due_soon,
        awaiting_ack,
        awaiting_answer,
        awaiting_confirmation,
        answer_letters_due,
        dispute_alerts: dispute_alerts(conn, today)?,
        ack_on_time_pct: pct(ack_ok, ack_base),
        answer_on_time_pct: pct(ans_ok, ans_base),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every query of "Aujourd'hui" reads an index, never the whole table: on 100,000
    /// complaints a scan costs tens of milliseconds each (the screen took 400 ms).
    #[test]
    fn every_query_of_the_summary_reads_an_index() {
        let (_dir, store) = crate::store::testing::temp_store();
        let conn = store.conn();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let all = RegisterQuery::default();
        let lists = [
            RegisterQuery {
                overdue: true,
                ..all.clone()
            },
            RegisterQuery {
                due_within_days: Some(DUE_SOON_DAYS),
                ..all.clone()
            },
            RegisterQuery {
                status: Some(Status::Received),
                ..all.clone()
            },
            RegisterQuery {
                status: Some(Status::Acknowledged),
                ..all.clone()
            },
            RegisterQuery {
                awaiting_confirmation: true,
                ..all.clone()
            },
            RegisterQuery {
                answer_letter_due: true,
                ..all.clone()
            },
        ];
        let mut queries: Vec<(String, Vec<rusqlite::types::Value>)> = Vec::new();
        for q in &lists {
            let (where_sql, params) = register::filters(q, today);
            queries.push((
                format!("SELECT count(*) FROM complaints {where_sql}"),
                params.clone(),
            ));
            queries.push((
                format!(
                    "SELECT reference FROM complaints {where_sql} \
                     ORDER BY next_due NULLS LAST, id ASC LIMIT 50"
                ),
                params,
            ));
        }
        queries.push((OPEN_COUNT.to_owned(), Vec::new()));
        queries.push((super::super::authority::REFUNDS_DUE.to_owned(), Vec::new()));
        queries.push((
            RATES.to_owned(),
            vec![
                "2026-01-01".to_owned().into(),
                "2026-12-31".to_owned().into(),
                "2026-06-01".to_owned().into(),
            ],
        ));
        // The dispute legs lead: never a walk through the complaints.
        let plan = crate::store::testing::query_plan(conn, DISPUTED, []);
        assert!(
            plan.iter()
                .all(|step| !step.starts_with("SCAN ") || step.starts_with("SCAN dispute_steps")),
            "{plan:?}"
        );
        for (sql, params) in queries {
            let plan = crate::store::testing::query_plan(
                conn,
                &sql,
                rusqlite::params_from_iter(params.iter()),
            );
            assert!(
                plan.iter()
                    .all(|step| !step.starts_with("SCAN ") || step.contains("INDEX")),
                "{sql}\n{plan:?}"
            );
        }
    }
}
