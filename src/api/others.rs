//! Requests of the firm's side: users, corrective actions, import, personal data.

use super::{Fields, Request};
use crate::complaint::NewCorrectiveAction;
use crate::complaint::{ActionStatus, ComplaintRef};
use crate::error::Result;
use crate::firm::NewUser;
use crate::import::{ImportOptions, Policy};
use serde::Deserialize;
use serde_json::Value;
use std::path::PathBuf;
use ts_rs::TS;

/// Add a user (`add_user`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddUserReq {
    #[ts(type = "NewUser")]
    pub input: Value,
}

impl Request for AddUserReq {
    type Decoded = NewUser;

    fn decode(self) -> Result<NewUser> {
        let mut f = Fields::default();
        let u = f.json(self.input);
        all_fields!(f; u);
        Ok(u)
    }
}

/// Decide a corrective action (`add_action`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddActionReq {
    #[ts(type = "NewCorrectiveAction")]
    pub action: Value,
}

impl Request for AddActionReq {
    type Decoded = NewCorrectiveAction;

    fn decode(self) -> Result<NewCorrectiveAction> {
        let mut f = Fields::default();
        let a = f.json(self.action);
        all_fields!(f; a);
        Ok(a)
    }
}

/// Move a corrective action to another status (`set_action_status`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetActionStatusReq {
    pub id: i64,
    pub status: String,
}

impl Request for SetActionStatusReq {
    type Decoded = (i64, ActionStatus);

    fn decode(self) -> Result<(i64, ActionStatus)> {
        let mut f = Fields::default();
        let status = f.vocab("status", &self.status);
        all_fields!(f; status);
        Ok((self.id, status))
    }
}

/// Correct an action still open (`edit_action`): `input` is an `ActionEdit`.
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditActionReq {
    pub id: i64,
    #[ts(type = "ActionEdit")]
    pub input: Value,
}

impl Request for EditActionReq {
    type Decoded = (i64, crate::complaint::ActionEdit);

    fn decode(self) -> Result<(i64, crate::complaint::ActionEdit)> {
        let mut f = Fields::default();
        let edit = f.json(self.input);
        all_fields!(f; edit);
        Ok((self.id, edit))
    }
}

/// Preview or import a register file (`import_register`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReq {
    pub path: PathBuf,
    /// One field (or null) per column; absent or null: guessed from the headers.
    #[ts(type = "MappingInput | null", optional)]
    #[serde(default)]
    pub mapping: Option<Value>,
    /// The workbook's sheet; absent: the register's (or the fullest) one.
    #[ts(optional)]
    #[serde(default)]
    pub sheet: Option<String>,
    /// The header row's line; absent: found in the file.
    #[ts(optional)]
    #[serde(default)]
    pub header_line: Option<u32>,
    /// The decision of every row whose text gives none (upheld, partial, rejected).
    #[ts(optional)]
    #[serde(default)]
    pub default_outcome: Option<String>,
    /// The decision chosen row by row: line in the file → decision.
    #[ts(optional)]
    #[serde(default)]
    pub decisions: Option<std::collections::HashMap<u32, String>>,
    pub dry_run: bool,
    pub all_or_nothing: bool,
}

/// Decoded [`ImportReq`].
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub path: PathBuf,
    pub options: ImportOptions,
    pub policy: Policy,
    pub dry_run: bool,
}

impl Request for ImportReq {
    type Decoded = Import;

    fn decode(self) -> Result<Import> {
        let mut f = Fields::default();
        let mapping = f.optional_json(self.mapping);
        let default_outcome = f.optional_vocab("defaultOutcome", self.default_outcome.as_deref());
        let mut decisions = std::collections::HashMap::new();
        for (line, o) in self.decisions.unwrap_or_default() {
            if let Some(o) = f.vocab(&format!("decisions[{line}]"), &o) {
                decisions.insert(line, o);
            }
        }
        all_fields!(f; mapping, default_outcome);
        if let Some(e) = f.error_if_any() {
            return Err(e);
        }
        Ok(Import {
            path: self.path,
            options: ImportOptions {
                mapping,
                sheet: self.sheet.filter(|s| !s.is_empty()),
                header_line: self.header_line,
                default_outcome,
                decisions,
            },
            policy: if self.all_or_nothing {
                Policy::AllOrNothing
            } else {
                Policy::SkipRefused
            },
            dry_run: self.dry_run,
        })
    }
}

/// Anonymise the complaints listed (`anonymise`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnonymiseReq {
    pub references: Vec<String>,
}

impl Request for AnonymiseReq {
    type Decoded = Vec<ComplaintRef>;

    fn decode(self) -> Result<Vec<ComplaintRef>> {
        let mut f = Fields::default();
        let refs = f.references("references", &self.references);
        all_fields!(f; refs);
        Ok(refs)
    }
}
