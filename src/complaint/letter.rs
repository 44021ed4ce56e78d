//! The letters a complaint receives, as the register records them: their kind, the issued
//! letter's description, and the approvals a gesture above the signatory's authority needs.
//! Domain types only: composing and printing a letter is `letters`' and `print`'s.

use super::{Money, ValidationError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The three letters of the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub enum LetterKind {
    #[serde(rename = "ack")]
    Acknowledgement,
    #[serde(rename = "holding")]
    Holding,
    #[serde(rename = "answer")]
    Answer,
    /// An oral complaint confirmed in writing by the firm, the client invited to confirm it.
    #[serde(rename = "confirmation")]
    Confirmation,
}

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [
        LetterKind::Acknowledgement,
        LetterKind::Holding,
        LetterKind::Answer,
        LetterKind::Confirmation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "ack",
            LetterKind::Holding => "holding",
            LetterKind::Answer => "answer",
            LetterKind::Confirmation => "confirmation",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LetterKind::Acknowledgement => "Accusé de réception",
            LetterKind::Holding => "Lettre d'attente",
            LetterKind::Answer => "Lettre de réponse",
            LetterKind::Confirmation => "Confirmation de votre réclamation",
        }
    }
}

impl std::str::FromStr for LetterKind {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ack" => Ok(LetterKind::Acknowledgement),
            "holding" => Ok(LetterKind::Holding),
            "answer" => Ok(LetterKind::Answer),
            "confirmation" => Ok(LetterKind::Confirmation),
            other => Err(ValidationError::new(
                "kind",
                format!("type de lettre inconnu « {other} » (ack, holding, answer, confirmation)"),
            )),
        }
    }
}

/// An issued letter, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterMeta {
    pub id: i64,
    pub kind: LetterKind,
    pub signatory: String,
    pub size: i64,
    pub sha256: String,
    pub issued_at: DateTime<Utc>,
    pub issued_by: String,
}

/// An approval of a gesture above the signatory's authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub id: i64,
    pub amount: Money,
    pub approved_by: String,
    pub approved_at: DateTime<Utc>,
}
