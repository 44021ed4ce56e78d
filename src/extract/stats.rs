//! The register's statistics for a period: what was received, by subject, product, insurer,
//! channel and handler; how fast it was acknowledged and answered; the outcomes, gestures and
//! customer feedback (the public platform's score); mediator referrals; and, as of today, what
//! is open and overdue.

use super::ExtractQuery;
use crate::complaint::{EndKind, Feedback, Outcome, Status};
use crate::error::Result;
use crate::store::extract::{MoneyFigures, StatsRow};
use crate::Store;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A titled section of label/value lines (PDF summary, XLSX sheet, CLI).
pub type Section = (String, Vec<(String, String)>);

/// A count under a label (a subject, an insurer...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    pub label: String,
    pub count: u64,
}

/// Median and 90th percentile of a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Spread {
    pub median: i64,
    pub p90: i64,
    /// How many complaints the figures are computed on.
    pub of: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Complaints received (requalified ones were never complaints: left out).
    pub received: u64,
    /// Of those, withdrawn by the client.
    pub withdrawn: u64,
    /// Recorded as complaints and requalified as requests for information.
    pub requalified: u64,
    /// The complaints platform's score (seed 004), when some came through one.
    pub platform: Option<crate::complaint::platform::PlatformScore>,
    pub by_subject: Vec<Count>,
    pub by_product: Vec<Count>,
    pub by_insurer: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_handler: Vec<Count>,
    /// Of the acknowledgements due or done, the share done within the 10 jours ouvrables.
    pub ack_on_time_pct: Option<f64>,
    /// Of the answers due or given, the share given within 2 months.
    pub answer_on_time_pct: Option<f64>,
    /// Calendar days from reception to the acknowledgement (or to an answer that came first).
    pub days_to_ack: Option<Spread>,
    /// Calendar days from reception to the answer.
    pub days_to_answer: Option<Spread>,
    pub upheld: u64,
    pub partial: u64,
    pub rejected: u64,
    pub gestures_count: u64,
    /// Euros, a decimal string.
    #[ts(type = "string")]
    #[serde(with = "rust_decimal::serde::str")]
    pub gestures_total: Decimal,
    pub answered: u64,
    /// Answered / received.
    pub response_rate_pct: Option<f64>,
    pub resolved: u64,
    pub unresolved: u64,
    pub no_feedback: u64,
    pub mediator_referrals: u64,
    /// Complaints not closed, today (whatever the period).
    pub open_now: u64,
    /// Complaints whose next step is overdue, today (whatever the period).
    pub overdue_now: u64,
    /// The seed's refund and gesture indicators.
    pub money: MoneyKpis,
}

/// The seed's indicators of refunds, gestures and approvals over a period (seed 000).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MoneyKpis {
    /// Complaints that claim a sum or were granted a refund.
    pub refund_requests: u64,
    pub refunds_granted: u64,
    /// Refunds granted / refund requests.
    pub refund_rate_pct: Option<f64>,
    /// Euros, a decimal string.
    #[ts(type = "string | null")]
    #[serde(with = "rust_decimal::serde::str_option")]
    pub average_refund: Option<Decimal>,
    /// Of the refund requests answered, the share answered with a gesture instead.
    pub gestures_instead_pct: Option<f64>,
    /// Of the gestures proposed that the client answered, the share accepted.
    pub gesture_acceptance_pct: Option<f64>,
    /// Of the complaints where money was decided or asked for, the share escalated.
    pub escalation_rate_pct: Option<f64>,
    /// Average hours from a request for approval to its decision.
    pub average_approval_hours: Option<f64>,
    /// Average satisfaction at closure (1 to 5), and on how many answers.
    pub satisfaction_average: Option<f64>,
    pub satisfaction_count: u64,
}

impl MoneyKpis {
    pub fn from_figures(f: &MoneyFigures) -> MoneyKpis {
        let mean = |sum: f64, n: usize| (n > 0).then(|| (sum / n as f64 * 10.0).round() / 10.0);
        MoneyKpis {
            refund_requests: f.refund_requests,
            refunds_granted: f.refunds_granted,
            refund_rate_pct: pct(f.refunds_granted, f.refund_requests),
            average_refund: (f.refunds_granted > 0)
                .then(|| (f.refunds_total / Decimal::from(f.refunds_granted)).round_dp(2)),
            gestures_instead_pct: pct(f.gestures_instead, f.refund_requests_answered),
            gesture_acceptance_pct: pct(f.gestures_accepted, f.gestures_proposed_answered),
            escalation_rate_pct: pct(f.escalated, f.money_decisions),
            average_approval_hours: mean(f.approval_hours.iter().sum(), f.approval_hours.len()),
            satisfaction_average: mean(
                f.satisfaction.iter().map(|n| f64::from(*n)).sum(),
                f.satisfaction.len(),
            ),
            satisfaction_count: f.satisfaction.len() as u64,
        }
    }
}

fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Nearest-rank percentile of sorted values.
fn rank(sorted: &[i64], p: f64) -> i64 {
    let n = sorted.len();
    let i = ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    sorted[i]
}

fn spread(mut days: Vec<i64>) -> Option<Spread> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    Some(Spread {
        median: rank(&days, 0.5),
        p90: rank(&days, 0.9),
        of: days.len() as u64,
    })
}

fn counts<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<Count> {
    let mut map: BTreeMap<&str, u64> = BTreeMap::new();
    for l in labels {
        *map.entry(l).or_default() += 1;
    }
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(label, count)| Count {
            label: label.to_owned(),
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    v
}

/// The money figures of the rows (refunds asked and granted, gestures, escalations,
/// satisfaction), added to those found beside the complaints (`beside`: the proposals and the
/// approvals).
fn money(rows: &[StatsRow], mut f: MoneyFigures) -> MoneyFigures {
    for r in rows {
        let answered = r.answered_on.is_some();
        if r.refund_requested {
            f.refund_requests += 1;
            if answered {
                f.refund_requests_answered += 1;
                if r.gesture.is_some() && r.refund.is_none() {
                    f.gestures_instead += 1;
                }
            }
        }
        if let Some(refund) = r.refund {
            f.refunds_granted += 1;
            f.refunds_total += refund.amount();
        }
        if r.gesture.is_some() || r.refund.is_some() || r.escalated {
            f.money_decisions += 1;
        }
        if r.escalated {
            f.escalated += 1;
        }
        if let Some(n) = r.satisfaction {
            f.satisfaction.push(n);
        }
    }
    f
}

/// Statistics of the complaints an extract selects (plus, from the store, mediator referrals
/// and what is open and overdue today). Only what they need is read of each complaint
/// ([`Store::stats_rows`]), not the extract's whole rows.
pub fn compute(store: &Store, q: &ExtractQuery) -> Result<Stats> {
    let today = store.today();
    let all_rows = store.stats_rows(q)?;
    let is_requalified = |r: &StatsRow| matches!(r.ended, Some((EndKind::Requalified, _)));
    let requalified = all_rows.iter().filter(|r| is_requalified(r)).count() as u64;
    let rows: Vec<&StatsRow> = all_rows.iter().filter(|r| !is_requalified(r)).collect();
    let rows = rows.as_slice();
    let ended_on = |r: &StatsRow| r.ended.map(|(_, on)| on);
    // A withdrawal stops the clock: a step due after it is not counted as missing.
    let still_due =
        |due: NaiveDate, r: &StatsRow| due < today && ended_on(r).is_none_or(|e| e > due);
    let mut withdrawn = 0;
    let mut withdrawn_unanswered = 0;
    let none = "(non renseigné)";
    let mut ack_base = 0;
    let mut ack_ok = 0;
    let mut ans_base = 0;
    let mut ans_ok = 0;
    let mut to_ack = Vec::new();
    let mut to_answer = Vec::new();
    let (mut upheld, mut partial, mut rejected) = (0, 0, 0);
    let (mut resolved, mut unresolved, mut no_feedback) = (0, 0, 0);
    let mut gestures = Decimal::ZERO;
    let mut gestures_count = 0;
    for &r in rows {
        if r.ended.is_some() {
            withdrawn += 1;
            if r.answered_on.is_none() {
                withdrawn_unanswered += 1;
            }
        }
        let first = r.acknowledged_on.or(r.answered_on);
        if first.is_some() || still_due(r.ack_due, r) {
            ack_base += 1;
            if first.is_some() && !super::late(first, r.ack_due, today, ended_on(r)) {
                ack_ok += 1;
            }
        }
        if let Some(f) = first {
            to_ack.push((f - r.received_on).num_days());
        }
        if r.answered_on.is_some() || still_due(r.answer_due, r) {
            ans_base += 1;
            if r.answered_on.is_some()
                && !super::late(r.answered_on, r.answer_due, today, ended_on(r))
            {
                ans_ok += 1;
            }
        }
        if let Some(a) = r.answered_on {
            to_answer.push((a - r.received_on).num_days());
            // The answer's gesture (one decided before the answer is not counted yet).
            if let Some(g) = r.gesture {
                gestures += g.amount();
                gestures_count += 1;
            }
        }
        match r.outcome {
            Some(Outcome::Upheld) => upheld += 1,
            Some(Outcome::Partial) => partial += 1,
            Some(Outcome::Rejected) => rejected += 1,
            None => {}
        }
        match r.feedback {
            Some(Feedback::Resolved) => resolved += 1,
            Some(Feedback::Unresolved) => unresolved += 1,
            Some(Feedback::None) => no_feedback += 1,
            None => {}
        }
    }
    let received = rows.len() as u64;
    let answered = to_answer.len() as u64;
    let mediator_referrals = store.mediator_referrals(q)?;
    let (open_now, overdue_now) = store.open_and_overdue(today)?;
    Ok(Stats {
        from: q.from,
        to: q.to,
        received,
        withdrawn,
        requalified,
        platform: {
            let items: Vec<crate::complaint::platform::ScoreInput> = rows
                .iter()
                .filter(|r| r.channel == crate::complaint::Channel::Platform)
                .map(|r| crate::complaint::platform::ScoreInput {
                    received_on: r.received_on,
                    answered_on: r.answered_on,
                    feedback: r.feedback,
                    withdrawn: r.ended.is_some(),
                    platform: r.platform.clone(),
                })
                .collect();
            (!items.is_empty()).then(|| crate::complaint::platform::score(&items))
        },
        by_subject: counts(rows.iter().map(|r| r.subject.label())),
        by_product: counts(rows.iter().map(|r| r.product.as_deref().unwrap_or(none))),
        by_insurer: counts(rows.iter().map(|r| r.insurer.as_deref().unwrap_or(none))),
        by_channel: counts(rows.iter().map(|r| r.channel.label())),
        by_handler: counts(rows.iter().map(|r| r.handler.as_deref().unwrap_or(none))),
        ack_on_time_pct: pct(ack_ok, ack_base),
        answer_on_time_pct: pct(ans_ok, ans_base),
        days_to_ack: spread(to_ack),
        days_to_answer: spread(to_answer),
        upheld,
        partial,
        rejected,
        gestures_count,
        gestures_total: gestures,
        answered,
        response_rate_pct: pct(answered, received - withdrawn_unanswered),
        resolved,
        unresolved,
        no_feedback,
        mediator_referrals,
        open_now,
        overdue_now,
        money: MoneyKpis::from_figures(&money(&all_rows, store.money_beside(q)?)),
    })
}

fn fr_pct(p: Option<f64>) -> String {
    p.map(|p| format!("{}\u{A0}%", format!("{p:.1}").replace('.', ",")))
        .unwrap_or_else(|| "—".to_owned())
}

fn fr_hours(h: Option<f64>) -> String {
    h.map(|h| format!("{} h", format!("{h:.1}").replace('.', ",")))
        .unwrap_or_else(|| "—".to_owned())
}

fn fr_int(n: u64) -> String {
    crate::complaint::group_thousands(&n.to_string())
}

fn fr_spread(s: Option<Spread>) -> String {
    s.map(|s| {
        format!(
            "médiane {} j, 90e centile {} j (sur {})",
            s.median,
            s.p90,
            fr_int(s.of)
        )
    })
    .unwrap_or_else(|| "—".to_owned())
}

impl Stats {
    /// The figures as French sections of label/value lines (PDF summary, XLSX sheet, CLI).
    pub fn sections(&self) -> Vec<Section> {
        let list = |v: &[Count]| -> Vec<(String, String)> {
            v.iter()
                .map(|c| (c.label.clone(), fr_int(c.count)))
                .collect()
        };
        let mut sections = vec![
            (
                "Volume et délais".to_owned(),
                vec![
                    ("Réclamations reçues".into(), fr_int(self.received)),
                    ("Dont retirées par le client".into(), fr_int(self.withdrawn)),
                    (
                        "Requalifiées en demandes d'information (hors décompte)".into(),
                        fr_int(self.requalified),
                    ),
                    (
                        "Accusées dans les 10 jours ouvrables".into(),
                        fr_pct(self.ack_on_time_pct),
                    ),
                    (
                        "Répondues dans les 2 mois".into(),
                        fr_pct(self.answer_on_time_pct),
                    ),
                    (
                        "Délai d'accusé de réception".into(),
                        fr_spread(self.days_to_ack),
                    ),
                    ("Délai de réponse".into(), fr_spread(self.days_to_answer)),
                    ("Taux de réponse".into(), fr_pct(self.response_rate_pct)),
                ],
            ),
            (
                "Décisions et gestes".to_owned(),
                vec![
                    ("Fondées".into(), fr_int(self.upheld)),
                    ("Partiellement fondées".into(), fr_int(self.partial)),
                    ("Rejetées".into(), fr_int(self.rejected)),
                    (
                        "Gestes commerciaux".into(),
                        format!(
                            "{} pour {}",
                            fr_int(self.gestures_count),
                            crate::complaint::french_amount(self.gestures_total)
                        ),
                    ),
                ],
            ),
            (
                "Remboursements, gestes et validations".to_owned(),
                vec![
                    (
                        "Demandes de remboursement".into(),
                        fr_int(self.money.refund_requests),
                    ),
                    (
                        "Remboursements accordés".into(),
                        format!(
                            "{} ({})",
                            fr_int(self.money.refunds_granted),
                            fr_pct(self.money.refund_rate_pct)
                        ),
                    ),
                    (
                        "Remboursement moyen".into(),
                        self.money
                            .average_refund
                            .map(crate::complaint::french_amount)
                            .unwrap_or_else(|| "—".to_owned()),
                    ),
                    (
                        "Geste accordé au lieu d'un remboursement".into(),
                        fr_pct(self.money.gestures_instead_pct),
                    ),
                    (
                        "Propositions (hors remboursement) acceptées".into(),
                        fr_pct(self.money.gesture_acceptance_pct),
                    ),
                    (
                        "Décisions soumises à validation".into(),
                        fr_pct(self.money.escalation_rate_pct),
                    ),
                    (
                        "Délai moyen de validation".into(),
                        fr_hours(self.money.average_approval_hours),
                    ),
                    (
                        "Satisfaction à la clôture".into(),
                        self.money
                            .satisfaction_average
                            .map(|a| {
                                format!(
                                    "{} / 5 (sur {})",
                                    format!("{a:.1}").replace('.', ","),
                                    fr_int(self.money.satisfaction_count)
                                )
                            })
                            .unwrap_or_else(|| "—".to_owned()),
                    ),
                ],
            ),
            (
                "Retour des clients à la clôture".to_owned(),
                vec![
                    ("Résolue".into(), fr_int(self.resolved)),
                    ("Non résolue".into(), fr_int(self.unresolved)),
                    ("Sans retour".into(), fr_int(self.no_feedback)),
                    (
                        "Saisines du médiateur".into(),
                        fr_int(self.mediator_referrals),
                    ),
                ],
            ),
            (
                "Aujourd'hui (tout le registre)".to_owned(),
                vec![
                    ("Réclamations ouvertes".into(), fr_int(self.open_now)),
                    ("Dont en retard".into(), fr_int(self.overdue_now)),
                ],
            ),
            ("Par objet".to_owned(), list(&self.by_subject)),
            ("Par canal".to_owned(), list(&self.by_channel)),
            ("Par produit".to_owned(), list(&self.by_product)),
            ("Par assureur".to_owned(), list(&self.by_insurer)),
            ("Par gestionnaire".to_owned(), list(&self.by_handler)),
        ];
        if let Some(p) = &self.platform {
            sections.insert(3, platform_section(p));
        }
        sections
    }
}

impl super::ExtractRow {
    /// Still open (not closed).
    pub fn is_open(&self) -> bool {
        self.status != Status::Closed
    }
}

fn platform_section(p: &crate::complaint::platform::PlatformScore) -> Section {
    (
        "Plateforme de réclamations".to_owned(),
        vec![
            (
                "Réclamations reçues par la plateforme".into(),
                fr_int(p.received),
            ),
            ("Taux de réponse".into(), fr_pct(p.response_rate_pct)),
            (
                "Délai de réponse médian".into(),
                p.median_days_to_answer
                    .map(|d| format!("{d} j"))
                    .unwrap_or_else(|| "—".into()),
            ),
            (
                format!(
                    "Répondues sous {} jours",
                    crate::complaint::platform::QUICK_DAYS
                ),
                fr_pct(p.answered_quickly_pct),
            ),
            ("Résolues (retour du client)".into(), fr_pct(p.resolved_pct)),
            (
                "Indice combiné (moyenne des trois, pondération de la plateforme \
                             non publiée)"
                    .into(),
                fr_pct(p.combined_pct),
            ),
            (
                "Note moyenne des clients".into(),
                p.mean_rating
                    .map(|r| format!("{}/5", r.to_string().replace('.', ",")))
                    .unwrap_or_else(|| "—".into()),
            ),
            ("Plaintes publiques".into(), fr_int(p.public)),
            (
                "Transmises au service juridique".into(),
                fr_int(p.escalated),
            ),
        ],
    )
}
