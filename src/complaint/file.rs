//! What the complaint file holds besides the register fields: exchanges with the client,
//! attachments, and the other legs of a dispute (insurer, mediator, litigation).
//!
//! Domain types only: no SQL, no PDF.

use super::{Channel, Direction, DisputeKind};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Largest attachment accepted (a scanned letter or a phone photo is far below).
pub const MAX_ATTACHMENT_BYTES: usize = 25 * 1024 * 1024;

/// A call, email or letter exchanged about a complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub id: i64,
    pub on: NaiveDate,
    pub direction: Direction,
    pub channel: Channel,
    pub summary: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewExchange {
    pub on: NaiveDate,
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub summary: String,
}

/// An attachment's description; the bytes are read separately (`Store::attachment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentMeta {
    pub id: i64,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
}

/// A step of the dispute outside the firm: insurer, mediator, court, PI insurer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DisputeStep {
    pub id: i64,
    pub kind: DisputeKind,
    pub on: NaiveDate,
    pub summary: String,
    pub recorded_by: String,
    /// When its sequel is expected (the insurer's answer, the mediator's opinion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub expected_on: Option<NaiveDate>,
    /// A letter from a lawyer: the professional liability insurer must be told.
    #[serde(default)]
    pub from_lawyer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct NewDisputeStep {
    pub kind: DisputeKind,
    pub on: NaiveDate,
    #[serde(default)]
    pub summary: String,
    /// When its sequel is expected; absent: the usual wait (`DisputeKind::usual_wait_days`).
    #[serde(default)]
    pub expected_on: Option<NaiveDate>,
    #[serde(default)]
    #[ts(as = "Option<bool>")]
    pub from_lawyer: bool,
}

impl DisputeKind {
    /// The step that answers this one, if it waits for one.
    pub fn sequel(self) -> Option<DisputeKind> {
        match self {
            DisputeKind::InsurerForwarded => Some(DisputeKind::InsurerAnswer),
            DisputeKind::MediatorReferral => Some(DisputeKind::MediatorOutcome),
            _ => None,
        }
    }

    /// The usual wait for the sequel, in days: the insurer is asked for an answer within 15
    /// days; the mediator gives an opinion within 90 days of a complete file (Code de la
    /// consommation, R612-5).
    pub fn usual_wait_days(self) -> Option<i64> {
        match self {
            DisputeKind::InsurerForwarded => Some(15),
            DisputeKind::MediatorReferral => Some(90),
            _ => None,
        }
    }
}

/// What the dispute's legs call for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum DisputeAlertKind {
    /// A sequel expected and not recorded, its date past.
    Late,
    /// A sequel expected within the next days.
    DueSoon,
    /// A letter from a lawyer and no declaration to the professional liability insurer.
    LawyerLetter,
    /// A mediator referral before the client could refer (2 months without answer, or an
    /// answer given), or after the year the mediator accepts.
    ReferralOutsideWindow,
}

/// One alert of a complaint's dispute legs, in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DisputeAlert {
    pub kind: DisputeAlertKind,
    pub step_id: i64,
    pub due: Option<NaiveDate>,
    pub message: String,
}

/// Days before an expected sequel from which it is announced.
pub const LEG_SOON_DAYS: i64 = 7;

/// The alerts of a complaint's legs as of `today` (`window`: the mediation window, from when
/// the client may refer to the last day the mediator accepts).
pub fn dispute_alerts(
    steps: &[DisputeStep],
    window: (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Vec<DisputeAlert> {
    use super::french_date as fr;
    let mut out = Vec::new();
    for s in steps {
        if let (Some(sequel), Some(due)) = (s.kind.sequel(), s.expected_on) {
            let answered = steps.iter().any(|t| t.kind == sequel && t.on >= s.on);
            let left = (due - today).num_days();
            if !answered && left < 0 {
                out.push(DisputeAlert {
                    kind: DisputeAlertKind::Late,
                    step_id: s.id,
                    due: Some(due),
                    message: format!(
                        "« {} » attendue le {} ({} du {}) : relancez",
                        sequel.label(),
                        fr(due),
                        s.kind.label(),
                        fr(s.on)
                    ),
                });
            } else if !answered && left <= LEG_SOON_DAYS {
                out.push(DisputeAlert {
                    kind: DisputeAlertKind::DueSoon,
                    step_id: s.id,
                    due: Some(due),
                    message: format!(
                        "« {} » attendue le {} ({} du {})",
                        sequel.label(),
                        fr(due),
                        s.kind.label(),
                        fr(s.on)
                    ),
                });
            }
        }
        if s.from_lawyer
            && !steps
                .iter()
                .any(|t| t.kind == DisputeKind::PiDeclaration && t.on >= s.on)
        {
            out.push(DisputeAlert {
                kind: DisputeAlertKind::LawyerLetter,
                step_id: s.id,
                due: None,
                message: format!(
                    "courrier d'avocat du {} : l'assureur de responsabilité civile \
                     professionnelle a-t-il été prévenu ? Enregistrez la déclaration",
                    fr(s.on)
                ),
            });
        }
        if s.kind == DisputeKind::MediatorReferral {
            let (from, until) = window;
            if s.on < from {
                out.push(DisputeAlert {
                    kind: DisputeAlertKind::ReferralOutsideWindow,
                    step_id: s.id,
                    due: None,
                    message: format!(
                        "saisine du médiateur le {} : avant le {}, le client ne pouvait pas \
                         encore le saisir (ni réponse écrite, ni 2 mois écoulés) ; le médiateur \
                         peut la déclarer irrecevable",
                        fr(s.on),
                        fr(from)
                    ),
                });
            } else if s.on > until {
                out.push(DisputeAlert {
                    kind: DisputeAlertKind::ReferralOutsideWindow,
                    step_id: s.id,
                    due: None,
                    message: format!(
                        "saisine du médiateur le {} : plus d'un an après la réclamation écrite \
                         (limite le {}), le médiateur peut la refuser",
                        fr(s.on),
                        fr(until)
                    ),
                });
            }
        }
    }
    out
}
