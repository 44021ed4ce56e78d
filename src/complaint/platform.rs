//! A complaint received through a public complaints platform (seed 004): public or private,
//! the platform's request and deadline, the client's rating, the escalation to its legal-aid
//! service; the answer a public complaint can show (no personal data, no signature); and the
//! platform's score over a period.

use super::input::{required, ValidationError, MAX_LINE};
use super::lifecycle::{Change, TransitionError};
use super::model::{Channel, Complaint, Feedback};
use super::steps::PlatformCase;
use crate::complaint::french_date as fr;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

/// The journal kind of a platform's details recorded or changed.
pub const PLATFORM: &str = "platform";

/// Record or update what the platform says of the complaint (journaled before/after).
pub fn set_platform(
    c: &mut Complaint,
    case: PlatformCase,
    today: NaiveDate,
) -> Result<Change, TransitionError> {
    if c.channel != Channel::Platform {
        return Err(TransitionError::NotAllowed {
            reference: c.reference.to_string(),
            message: format!(
                "la réclamation est arrivée par « {} », pas par une plateforme",
                c.channel.label()
            ),
        });
    }
    let name = required("name", &case.name, MAX_LINE, false)?;
    if let Some(n) = case.rating {
        if !(1..=5).contains(&n) {
            return Err(ValidationError::new(
                "rating",
                format!("la note du client va de 1 à 5 (pas {n})"),
            )
            .into());
        }
    }
    for (field, date, what) in [
        (
            "requestedOn",
            case.requested_on,
            "la transmission par la plateforme",
        ),
        (
            "escalatedOn",
            case.escalated_on,
            "la transmission au service juridique",
        ),
    ] {
        if let Some(d) = date {
            if d > today {
                return Err(ValidationError::new(
                    field,
                    format!("{what} ne peut pas être future ({})", fr(d)),
                )
                .into());
            }
        }
    }
    if let (Some(asked), Some(by)) = (case.requested_on, case.respond_by) {
        if by < asked {
            return Err(ValidationError::new(
                "respondBy",
                format!(
                    "le délai de la plateforme ({}) précède sa demande ({})",
                    fr(by),
                    fr(asked)
                ),
            )
            .into());
        }
    }
    let case = PlatformCase { name, ..case };
    let before = c.platform.replace(case.clone());
    if before.as_ref() == Some(&case) {
        return Err(TransitionError::NotAllowed {
            reference: c.reference.to_string(),
            message: "rien n'a changé".into(),
        });
    }
    Ok(Change {
        kind: PLATFORM,
        data: json!({ "before": before, "after": case }),
    })
}

/// What a public platform publishes as the answer: the decision in plain words, with no name,
/// no address, no signature (the seed's advice; the firm reviews it before posting).
pub fn public_answer(c: &Complaint) -> Option<String> {
    let p = c.platform.as_ref().filter(|p| p.public)?;
    let a = c.answer.as_ref()?;
    let decision = match a.outcome {
        super::Outcome::Upheld => "Votre réclamation est fondée : nous y avons fait droit.",
        super::Outcome::Partial => {
            "Votre réclamation est en partie fondée : nous y avons fait droit en partie."
        }
        super::Outcome::Rejected => {
            "Après examen, nous ne pouvons pas donner une suite favorable à votre réclamation."
        }
    };
    Some(format!(
        "Bonjour,\n\nNous avons bien reçu votre réclamation déposée sur {} et l'avons examinée \
         (notre référence : {}). {decision} Nous vous avons adressé notre réponse détaillée \
         par un canal privé.{}\n\nLe service réclamations",
        p.name.trim(),
        c.reference,
        if a.outcome.requires_recourse() {
            " Elle indique les voies de recours dont vous disposez, dont le médiateur."
        } else {
            ""
        }
    ))
}

/// The platform's score over a period (seed 004: response rate, response time, the client's
/// final feedback). The platform does not publish its weights: the combined figure is the
/// mean of the three shares, said so where it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlatformScore {
    pub received: u64,
    /// Answered / received (a complaint withdrawn unanswered left out).
    pub response_rate_pct: Option<f64>,
    /// Median days from reception to answer.
    pub median_days_to_answer: Option<i64>,
    /// Answered within `QUICK_DAYS` days, of the answered.
    pub answered_quickly_pct: Option<f64>,
    /// Resolved / (resolved + not resolved).
    pub resolved_pct: Option<f64>,
    /// Mean of the three shares (response rate, answered quickly, resolved).
    pub combined_pct: Option<f64>,
    /// Mean rating the clients gave (1 to 5).
    pub mean_rating: Option<f64>,
    pub public: u64,
    pub escalated: u64,
}

/// "Answered quickly": within this many days.
pub const QUICK_DAYS: i64 = 7;

/// One complaint as the score reads it.
pub struct ScoreInput {
    pub received_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub feedback: Option<Feedback>,
    pub withdrawn: bool,
    pub platform: Option<PlatformCase>,
}

fn pct(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

pub fn score(items: &[ScoreInput]) -> PlatformScore {
    let counted: Vec<&ScoreInput> = items
        .iter()
        .filter(|i| !(i.withdrawn && i.answered_on.is_none()))
        .collect();
    let mut days: Vec<i64> = counted
        .iter()
        .filter_map(|i| i.answered_on.map(|a| (a - i.received_on).num_days()))
        .collect();
    days.sort_unstable();
    let answered = days.len();
    let quick = days.iter().filter(|d| **d <= QUICK_DAYS).count();
    let resolved = counted
        .iter()
        .filter(|i| i.feedback == Some(Feedback::Resolved))
        .count();
    let unresolved = counted
        .iter()
        .filter(|i| i.feedback == Some(Feedback::Unresolved))
        .count();
    let response_rate_pct = pct(answered, counted.len());
    let answered_quickly_pct = pct(quick, answered);
    let resolved_pct = pct(resolved, resolved + unresolved);
    let parts: Vec<f64> = [response_rate_pct, answered_quickly_pct, resolved_pct]
        .into_iter()
        .flatten()
        .collect();
    let ratings: Vec<u8> = items
        .iter()
        .filter_map(|i| i.platform.as_ref().and_then(|p| p.rating))
        .collect();
    PlatformScore {
        received: items.len() as u64,
        response_rate_pct,
        median_days_to_answer: (!days.is_empty()).then(|| days[(days.len() - 1) / 2]),
        answered_quickly_pct,
        resolved_pct,
        combined_pct: (parts.len() == 3)
            .then(|| (parts.iter().sum::<f64>() / 3.0 * 10.0).round() / 10.0),
        mean_rating: (!ratings.is_empty()).then(|| {
            (ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64 * 10.0)
                .round()
                / 10.0
        }),
        public: items
            .iter()
            .filter(|i| i.platform.as_ref().is_some_and(|p| p.public))
            .count() as u64,
        escalated: items
            .iter()
            .filter(|i| {
                i.platform
                    .as_ref()
                    .is_some_and(|p| p.escalated_on.is_some())
            })
            .count() as u64,
    }
}
