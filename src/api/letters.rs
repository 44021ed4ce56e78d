//! Letter requests: preview, draft, issue, and the approval of a gesture.

use super::{Fields, Request};
use crate::complaint::{ComplaintRef, Money};
use crate::error::Result;
use crate::letters::LetterRequest;
use serde::Deserialize;
use serde_json::Value;
use ts_rs::TS;

/// A letter for a complaint (`preview_letter`, `open_draft_letter`, `issue_letter`).
#[derive(Debug, Clone, Deserialize, TS)]
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

/// Approve a gesture above the signatory's authority (`approve_gesture`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApproveGestureReq {
    pub reference: String,
    /// Euros, as typed ("150", "150,00").
    pub amount: String,
}

impl Request for ApproveGestureReq {
    type Decoded = (ComplaintRef, Money);

    fn decode(self) -> Result<(ComplaintRef, Money)> {
        let mut f = Fields::default();
        let r = f.reference("reference", &self.reference);
        let amount = f.vocab("amount", self.amount.trim());
        all_fields!(f; r, amount);
        Ok((r, amount))
    }
}
