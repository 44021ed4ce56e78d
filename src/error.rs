//! The core's boundary error: every failure a user can meet, with a stable `code` the UI and
//! the CLI branch on, and a French message shown as is.

use crate::complaint::{TransitionError, ValidationError};
use serde::Serialize;

/// Several refused fields of one request, reported together (at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// `None` when nothing was refused.
    pub fn new(errors: Vec<ValidationError>) -> Option<ValidationErrors> {
        (!errors.is_empty()).then_some(ValidationErrors(errors))
    }

    pub fn first(&self) -> &ValidationError {
        &self.0[0]
    }

    pub fn all(&self) -> &[ValidationError] {
        &self.0
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for ValidationErrors {}

/// The stable codes of the boundary error; the UI and the CLI branch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    Validation,
    Transition,
    NotFound,
    DatabaseTooNew,
    NotADatabase,
    ReadOnly,
    Database,
    Migration,
    Io,
    Tampered,
    Letter,
    /// Nobody is signed in (or the sign-in failed): the UI shows the sign-in screen.
    SignIn,
    /// The signed-in user may not do this (not a manager, not themselves...).
    Forbidden,
    /// The desktop shell's own state is broken (a poisoned lock): restart.
    Internal,
    /// The firm's server cannot be reached: the workstation works offline.
    Offline,
    /// The firm's server refused or failed (not a member, another schema...).
    Server,
    /// The user cancelled a long operation: nothing was done.
    Cancelled,
}

impl ErrorCode {
    /// The code as it crosses the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Validation => "validation",
            ErrorCode::Transition => "transition",
            ErrorCode::NotFound => "notFound",
            ErrorCode::DatabaseTooNew => "databaseTooNew",
            ErrorCode::NotADatabase => "notADatabase",
            ErrorCode::ReadOnly => "readOnly",
            ErrorCode::Database => "database",
            ErrorCode::Migration => "migration",
            ErrorCode::Io => "io",
            ErrorCode::Tampered => "tampered",
            ErrorCode::Letter => "letter",
            ErrorCode::SignIn => "signIn",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Internal => "internal",
            ErrorCode::Offline => "offline",
            ErrorCode::Server => "server",
            ErrorCode::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// Several fields of one request refused at once.
    #[error(transparent)]
    Fields(ValidationErrors),
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
    /// A file or folder could not be read or written. The system's own wording (English,
    /// "os error 2") never reaches the user: see [`io_text`].
    #[error("{}", io_text(.0))]
    Io(#[from] std::io::Error),
    #[error("altération détectée : {0}")]
    Tampered(String),
    #[error("mise en page du PDF impossible : {0}")]
    Letter(String),
    /// Sign-in needed, refused or delayed.
    #[error("{0}")]
    SignIn(String),
    /// The acting user lacks the right.
    #[error("{0}")]
    Forbidden(String),
    /// The firm's server cannot be reached.
    #[error("serveur du cabinet injoignable : {0}")]
    Offline(String),
    /// The firm's server refused or failed.
    #[error("serveur du cabinet : {0}")]
    Server(String),
    /// The user cancelled a long operation; the message says what was not done.
    #[error("{0}")]
    Cancelled(String),
}

/// Why a file operation failed, in French: the system's reason by its kind, never its own
/// (English) wording. `writing` says the failure was on writing, where a missing path means
/// its folder is missing.
pub fn io_reason(e: &std::io::Error, writing: bool) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound if writing => "dossier introuvable".to_owned(),
        K::NotFound => "fichier introuvable".to_owned(),
        K::PermissionDenied => "accès refusé".to_owned(),
        K::IsADirectory => "c'est un dossier, pas un fichier".to_owned(),
        K::NotADirectory => "un élément du chemin n'est pas un dossier".to_owned(),
        K::StorageFull => "disque plein".to_owned(),
        K::ReadOnlyFilesystem => "disque en lecture seule".to_owned(),
        K::InvalidData => "ce n'est pas un texte UTF-8".to_owned(),
        _ => match e.raw_os_error() {
            Some(code) => format!("erreur du système n° {code}"),
            None => "erreur du système".to_owned(),
        },
    }
}

/// [`Error::Io`]'s message: a failure of the system said by its kind ("fichier ou dossier
/// introuvable", "disque plein"...); a failure the code described itself (a spreadsheet that
/// could not be written...) keeps its own French words.
fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if e.raw_os_error().is_none() && e.get_ref().is_some() {
        return format!("fichier : {e}");
    }
    match e.kind() {
        K::NotFound => "fichier ou dossier introuvable".to_owned(),
        K::PermissionDenied => "accès refusé à un fichier ou à un dossier".to_owned(),
        K::StorageFull | K::ReadOnlyFilesystem => io_reason(e, true),
        _ => format!("erreur de fichier ({})", io_reason(e, false)),
    }
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
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation(_) | Error::Fields(_) => ErrorCode::Validation,
            Error::Transition(_) => ErrorCode::Transition,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::TooNew { .. } => ErrorCode::DatabaseTooNew,
            Error::NotADatabase { .. } => ErrorCode::NotADatabase,
            Error::ReadOnly(_) => ErrorCode::ReadOnly,
            Error::Database(_) => ErrorCode::Database,
            Error::Migration(_) => ErrorCode::Migration,
            Error::Io(_) => ErrorCode::Io,
            Error::Tampered(_) => ErrorCode::Tampered,
            Error::Letter(_) => ErrorCode::Letter,
            Error::SignIn(_) => ErrorCode::SignIn,
            Error::Forbidden(_) => ErrorCode::Forbidden,
            Error::Offline(_) => ErrorCode::Offline,
            Error::Server(_) => ErrorCode::Server,
            Error::Cancelled(_) => ErrorCode::Cancelled,
        }
    }

    /// The refused fields, first one first (empty when the error is not about a field).
    pub fn fields(&self) -> &[ValidationError] {
        match self {
            Error::Validation(v) => std::slice::from_ref(v),
            Error::Fields(all) => all.all(),
            _ => &[],
        }
    }

    /// The field a validation error names (the first one, if several), if any.
    pub fn field(&self) -> Option<&str> {
        self.fields().first().map(|v| v.field.as_str())
    }

    /// The wire shape `{ code, message, field?, fields? }`.
    pub fn to_wire(&self) -> WireError {
        let fields = self.fields();
        WireError {
            code: self.code(),
            // The UI shows a validation message beside the field it names (`field`), so the
            // message does not repeat the field's wire name.
            message: match fields.first() {
                Some(v) => v.message.clone(),
                None => self.to_string(),
            },
            field: self.field().map(str::to_owned),
            // Every refused field, when there are several (`field`/`message` are the first).
            fields: if fields.len() > 1 {
                fields.to_vec()
            } else {
                Vec::new()
            },
        }
    }
}

impl From<ValidationErrors> for Error {
    /// One refused field stays a plain validation error.
    fn from(e: ValidationErrors) -> Self {
        match e.0.len() {
            1 => Error::Validation(e.0.into_iter().next().expect("one")),
            _ => Error::Fields(e),
        }
    }
}

/// What crosses the boundary to the UI or is printed by the CLI as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "AppError")]
#[serde(rename_all = "camelCase")]
pub struct WireError {
    /// One of [`ErrorCode`]; a string in TypeScript because the UI adds codes of its own
    /// (no backend, an unknown failure).
    #[ts(type = "string")]
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// Every refused field when a request had several (`field` and `message` are the first).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<ValidationError>>", optional)]
    pub fields: Vec<ValidationError>,
}

impl WireError {
    /// An error of the desktop shell itself (not of the core).
    pub fn new(code: ErrorCode, message: impl Into<String>) -> WireError {
        WireError {
            code,
            message: message.into(),
            field: None,
            fields: Vec::new(),
        }
    }
}

impl From<Error> for WireError {
    fn from(e: Error) -> Self {
        e.to_wire()
    }
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
    fn file_errors_are_said_in_french_never_in_the_systems_words() {
        let real = std::fs::read("/un/chemin/qui/n/existe/pas").unwrap_err();
        let said = Error::from(real).to_string();
        assert_eq!(said, "fichier ou dossier introuvable");
        // The codes are Unix's (EACCES, ENOSPC, EROFS, EIO).
        #[cfg(unix)]
        for (code, expected) in [
            (13, "accès refusé à un fichier ou à un dossier"),
            (28, "disque plein"),
            (30, "disque en lecture seule"),
            (5, "erreur de fichier (erreur du système n° 5)"),
        ] {
            assert_eq!(
                Error::from(std::io::Error::from_raw_os_error(code)).to_string(),
                expected
            );
        }
        // A failure the code described itself keeps its own French words.
        let own = std::io::Error::other("classeur XLSX : feuille trop longue");
        assert_eq!(
            Error::from(own).to_string(),
            "fichier : classeur XLSX : feuille trop longue"
        );
        let text = std::io::Error::from(std::io::ErrorKind::InvalidData);
        assert!(!Error::from(text).to_string().contains("invalid"));
    }

    #[test]
    fn wire_shape() {
        let e = Error::Validation(ValidationError::new("receivedOn", "date dans le futur"));
        assert_eq!(
            serde_json::to_value(e.to_wire()).unwrap(),
            serde_json::json!({"code":"validation","message":"date dans le futur","field":"receivedOn"})
        );
        let e = Error::from(
            ValidationErrors::new(vec![
                ValidationError::new("on", "date obligatoire"),
                ValidationError::new("outcome", "valeur inconnue « x »"),
            ])
            .unwrap(),
        );
        assert_eq!(
            serde_json::to_value(e.to_wire()).unwrap(),
            serde_json::json!({"code":"validation","message":"date obligatoire","field":"on",
                "fields":[{"field":"on","message":"date obligatoire"},
                          {"field":"outcome","message":"valeur inconnue « x »"}]})
        );
        assert_eq!(
            e.to_string(),
            "on : date obligatoire\noutcome : valeur inconnue « x »"
        );
        let e = Error::NotFound("réclamation REC-2026-0001".into());
        assert_eq!(
            serde_json::to_value(e.to_wire()).unwrap(),
            serde_json::json!({"code":"notFound","message":"introuvable : réclamation REC-2026-0001"})
        );
    }
}
