//! Letter requests: preview, draft, issue, and the approval of a gesture.

use super::{Fields, Request};
use crate::complaint::ComplaintRef;
use crate::error::Result;
use crate::letters::LetterRequest;
use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

/// A letter for a complaint (`preview_letter`, `open_draft_letter`, `issue_letter`).
#[derive(Debug, Clone, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterReq {
    pub reference: String,
    #[ts(type = "LetterRequest")]
    pub request: Value,
}

impl Request for LetterReq {
    type Decoded = (ComplaintRef, LetterRequest);

    fn decode(self) -> Result<(ComplaintRef, LetterRequest)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        let req = f.json(self.request);
        all_fields!(f; r, req);
        Ok((r, req))
    }
}
