//! `ack`, `hold`, `answer`, `close`, `dysfunction`: the complaint's steps.

use crate::io::print_json;
use reclam::api::lifecycle::{AcknowledgeReq, AddDysfunctionReq, AnswerReq, CloseReq, HoldReq};
use reclam::api::Request;
use reclam::{Error, Register};

pub fn ack(reg: &mut Register, req: AcknowledgeReq) -> Result<(), Error> {
    let a = req.decode()?;
    print_json(&reg.acknowledge(&a.reference, a.on, a.sent)?)
}

pub fn hold(reg: &mut Register, reference: String, on: String, note: String) -> Result<(), Error> {
    let h = HoldReq {
        reference,
        on,
        note,
    }
    .decode()?;
    print_json(&reg.hold(&h.reference, h.on, &h.note)?)
}

pub fn answer(reg: &mut Register, req: AnswerReq) -> Result<(), Error> {
    let a = req.decode()?;
    print_json(&reg.answer(&a.reference, a.on, a.outcome, &a.summary, &a.money, a.sent)?)
}

pub fn close(
    reg: &mut Register,
    reference: String,
    on: String,
    feedback: String,
    satisfaction: Option<u8>,
    recourse: Option<String>,
) -> Result<(), Error> {
    let c = CloseReq {
        reference,
        on,
        feedback,
        satisfaction,
        recourse,
    }
    .decode()?;
    print_json(&reg.close(
        &c.reference,
        c.on,
        c.feedback,
        c.satisfaction,
        c.recourse.as_deref(),
    )?)
}

/// A dysfunction, found today unless `--on` says otherwise.
pub fn dysfunction(
    reg: &mut Register,
    reference: String,
    category: String,
    description: String,
    on: Option<String>,
) -> Result<(), Error> {
    let d = AddDysfunctionReq {
        reference,
        category,
        description,
        on: on.unwrap_or_else(|| reg.today().to_string()),
    }
    .decode()?;
    print_json(&reg.add_dysfunction(&d.reference, d.category, &d.description, d.on)?)
}
