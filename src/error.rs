//! The core's boundary error: every failure a user can meet, with a stable `code` the UI and
//! the CLI branch on, and a French message shown as is.

use crate::complaint::{TransitionError, ValidationError};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Validation(#[from] ValidationError),
    #[error(transparent)]
    Transition(TransitionError),
    #[error("introuvable : {0}")]
    NotFound(String),
    #[error(
        "cette base a été créée par une version plus récente de Reclam (schéma {found}, cette \
         version gère jusqu'au schéma {supported}) : mettez Reclam à jour avant de l'ouvrir"
    )]
    TooNew { found: i64, supported: i64 },
    #[error("« {path} » n'est pas une base Reclam lisible ({detail})")]
    NotADatabase { path: String, detail: String },
    #[error("la base est en lecture seule ou le disque est plein : {0}")]
    ReadOnly(String),
    #[error("erreur de la base de données : {0}")]
    Database(#[from] rusqlite::Error),
    #[error("mise à jour du schéma impossible : {0}")]
    Migration(String),
    #[error("fichier : {0}")]
    Io(#[from] std::io::Error),
    #[error("altération détectée : {0}")]
    Tampered(String),
    #[error("mise en page du PDF impossible : {0}")]
    Letter(String),
}

impl From<TransitionError> for Error {
    fn from(e: TransitionError) -> Self {
        match e {
            TransitionError::Invalid(v) => Error::Validation(v),
            other => Error::Transition(other),
        }
    }
}

impl Error {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::Transition(_) => "transition",
            Error::NotFound(_) => "notFound",
            Error::TooNew { .. } => "databaseTooNew",
            Error::NotADatabase { .. } => "notADatabase",
            Error::ReadOnly(_) => "readOnly",
            Error::Database(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Tampered(_) => "tampered",
            Error::Letter(_) => "letter",
        }
    }

    /// The field a validation error names, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation(v) => Some(&v.field),
            _ => None,
        }
    }

    /// The wire shape `{ code, message, field? }`.
    pub fn to_wire(&self) -> WireError {
        WireError {
            code: self.code().to_owned(),
            // The UI shows a validation message beside the field it names (`field`), so the
            // message does not repeat the field's wire name.
            message: match self {
                Error::Validation(v) => v.message.clone(),
                other => other.to_string(),
            },
            field: self.field().map(str::to_owned),
        }
    }
}

/// What crosses the boundary to the UI or is printed by the CLI as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "AppError")]
#[serde(rename_all = "camelCase")]
pub struct WireError {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::print::PrintError> for Error {
    fn from(e: crate::print::PrintError) -> Self {
        Error::Letter(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape() {
        let e = Error::Validation(ValidationError::new("receivedOn", "date dans le futur"));
        assert_eq!(
            serde_json::to_value(e.to_wire()).unwrap(),
            serde_json::json!({"code":"validation","message":"date dans le futur","field":"receivedOn"})
        );
        let e = Error::NotFound("réclamation REC-2026-0001".into());
        assert_eq!(
            serde_json::to_value(e.to_wire()).unwrap(),
            serde_json::json!({"code":"notFound","message":"introuvable : réclamation REC-2026-0001"})
        );
    }
}
