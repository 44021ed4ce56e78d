//! Which letters a complaint calls for now: a rule of the procedure, answered here once so
//! that the screens only show it.

use crate::complaint::{Complaint, LetterKind, LetterMeta, Status};
use serde::Serialize;

/// A letter the complaint file offers now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterOffer {
    pub kind: LetterKind,
    /// A letter of this kind was already issued: this one is a corrected version.
    pub new_version: bool,
}

/// The letters that fit the complaint now, the usual one first: the acknowledgement while
/// it is received; a holding letter once acknowledged (and a corrected acknowledgement if one
/// was issued); the answer letter once an answer is recorded.
pub fn offers(c: &Complaint, issued: &[LetterMeta]) -> Vec<LetterOffer> {
    let was_issued = |kind: LetterKind| issued.iter().any(|l| l.kind == kind);
    let offer = |kind: LetterKind, new_version: bool| LetterOffer { kind, new_version };
    if c.ended.is_some() {
        return Vec::new();
    }
    if c.answer.is_some() {
        return vec![offer(LetterKind::Answer, was_issued(LetterKind::Answer))];
    }
    let mut out = offers_before_answer(c, &was_issued, &offer);
    // An oral complaint whose written confirmation has not come: the letter inviting it.
    if c.awaits_confirmation() {
        out.push(offer(
            LetterKind::Confirmation,
            was_issued(LetterKind::Confirmation),
        ));
    }
    out
}

fn offers_before_answer(
    c: &Complaint,
    was_issued: &dyn Fn(LetterKind) -> bool,
    offer: &dyn Fn(LetterKind, bool) -> LetterOffer,
) -> Vec<LetterOffer> {
    match c.status {
        Status::Received => vec![offer(
            LetterKind::Acknowledgement,
            was_issued(LetterKind::Acknowledgement),
        )],
        Status::Acknowledged => {
            let mut out = vec![offer(LetterKind::Holding, false)];
            if was_issued(LetterKind::Acknowledgement) {
                out.push(offer(LetterKind::Acknowledgement, true));
            }
            out
        }
        _ => Vec::new(),
    }
}
