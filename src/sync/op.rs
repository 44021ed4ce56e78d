//! The changes a workstation sends to the firm's journal, as the requests the entry points
//! already decode (`crate::api`): each one is applied by the same use case on every
//! workstation, in the order the server gave it, as its author, at the instant and on the day
//! it was made.

use crate::api::complaints::{RecordComplaintReq, RecordRequestReq, UpdateComplaintReq};
use crate::api::ending::{
    CloseRequestReq, ConfirmReq, EndReq, RequestToComplaintReq, SetPlatformReq, StateSentReq,
};
use crate::api::letters::LetterReq;
use crate::api::lifecycle::{
    AcknowledgeReq, AddDisputeStepReq, AddDysfunctionReq, AddExchangeReq, AnswerReq, CloseReq,
    HoldReq,
};
use crate::api::others::{AddActionReq, EditActionReq, SetActionStatusReq};
use crate::api::Request;
use crate::complaint::{ComplaintRef, ValidationError};
use crate::error::{Error, Result};
use crate::firm::NewUser;
use crate::register::Register;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The kind of the change that moves a solo register to the server.
pub const ADOPT: &str = "adoptRegister";

/// One change of the firm's register.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Op {
    /// A complaint, under the reference the workstation handed out (from its lease).
    Record {
        reference: String,
        #[serde(flatten)]
        req: RecordComplaintReq,
    },
    RecordRequest(RecordRequestReq),
    Update(UpdateComplaintReq),
    Acknowledge(AcknowledgeReq),
    Hold(HoldReq),
    Answer(AnswerReq),
    Close(CloseReq),
    AddDysfunction(AddDysfunctionReq),
    AddExchange(AddExchangeReq),
    AddDisputeStep(AddDisputeStepReq),
    /// A letter issued (composed again, identically, on every workstation).
    IssueLetter(LetterReq),
    /// Money: a request for approval, its decision, a proposal, its response, a payment.
    RequestApproval {
        reference: String,
        input: Value,
    },
    /// A decision on request `id` of complaint `reference` (ids are each cache's own rows:
    /// the reference guards against a request numbered differently elsewhere).
    DecideApproval {
        id: i64,
        reference: String,
        input: Value,
    },
    AddProposal {
        reference: String,
        input: Value,
    },
    RespondProposal {
        reference: String,
        id: i64,
        accepted: bool,
        on: String,
    },
    RecordRefundPayment {
        reference: String,
        input: Value,
    },
    /// Corrective actions.
    AddAction(AddActionReq),
    /// A corrective action's status; `description` guards against an action numbered
    /// differently in another cache (ids are each cache's own rows).
    SetActionStatus {
        #[serde(flatten)]
        req: SetActionStatusReq,
        description: String,
    },
    /// A corrective action corrected; `description` (its text before) guards as above.
    EditAction {
        #[serde(flatten)]
        req: EditActionReq,
        description: String,
    },
    /// The firm's logo, a user's signature (PNG bytes): printed on letters everywhere.
    SetLogo {
        #[serde(with = "base64_bytes")]
        png: Vec<u8>,
    },
    SetSignature {
        user: String,
        #[serde(with = "base64_bytes")]
        png: Vec<u8>,
    },
    /// A firm setting (a manager's).
    SetSetting {
        key: String,
        value: String,
    },
    /// A member of the firm (the server also created their login).
    AddUser {
        input: Value,
    },
    /// A register kept on one desk until now, moved to the firm's server: the whole file
    /// (its journal with it), credentials left out, deflate-compressed, as base64. Only the first change after the
    /// firm's members; every workstation takes it as its cache (see `workstation::adopt`).
    AdoptRegister {
        sha256: String,
        size: u64,
        data: String,
    },
    /// A member's role, signing right or limit; their deactivation or reactivation (the server
    /// changed their login too).
    EditUser {
        name: String,
        edit: crate::firm::UserEdit,
    },
    SetUserActive {
        name: String,
        active: bool,
    },
    /// A letter template replaced (empty: back to the default).
    SetTemplate {
        key: String,
        text: String,
    },
    /// Complaints past the retention period anonymised (a manager's decision).
    Anonymise {
        references: Vec<String>,
    },
    /// A member's password set on the server (one's own, or reset by a manager): who set
    /// whose, never the password.
    PasswordSet {
        name: String,
    },
    /// A file attached to a complaint.
    AddAttachment {
        reference: String,
        name: String,
        #[serde(with = "base64_bytes")]
        bytes: Vec<u8>,
    },
    /// An oral complaint's written confirmation; how a step reached the client.
    Confirm(ConfirmReq),
    StateSent(StateSentReq),
    /// Withdrawn by the client; requalified as a request for information.
    Withdraw(EndReq),
    Requalify(EndReq),
    /// What the complaints platform says of a complaint.
    SetPlatform(SetPlatformReq),
    /// A request for information closed; `client_name` guards against a request numbered
    /// differently in another cache (ids are each cache's own rows).
    CloseRequest {
        #[serde(flatten)]
        req: CloseRequestReq,
        client_name: String,
    },
    /// A request for information that was a complaint, under the reference the workstation
    /// handed out.
    RequestToComplaint {
        reference: String,
        #[serde(flatten)]
        req: RequestToComplaintReq,
        client_name: String,
    },
    /// A conflict reviewed by a supervisor or a manager.
    ResolveConflict {
        seq: i64,
        note: String,
    },
}

impl Op {
    /// The change's kind as the firm's journal names it (the server decides rights on it).
    pub fn kind(&self) -> &'static str {
        match self {
            Op::Record { .. } => "record",
            Op::RecordRequest(_) => "recordRequest",
            Op::Update(_) => "update",
            Op::Acknowledge(_) => "acknowledge",
            Op::Hold(_) => "hold",
            Op::Answer(_) => "answer",
            Op::Close(_) => "close",
            Op::AddDysfunction(_) => "addDysfunction",
            Op::AddExchange(_) => "addExchange",
            Op::AddDisputeStep(_) => "addDisputeStep",
            Op::IssueLetter(_) => "issueLetter",
            Op::RequestApproval { .. } => "requestApproval",
            Op::DecideApproval { .. } => "decideApproval",
            Op::AddProposal { .. } => "addProposal",
            Op::RespondProposal { .. } => "respondProposal",
            Op::RecordRefundPayment { .. } => "recordRefundPayment",
            Op::AddAction(_) => "addAction",
            Op::SetActionStatus { .. } => "setActionStatus",
            Op::EditAction { .. } => "editAction",
            Op::SetLogo { .. } => "setLogo",
            Op::SetSignature { .. } => "setSignature",
            Op::SetSetting { .. } => "setSetting",
            Op::AddUser { .. } => "addUser",
            Op::ResolveConflict { .. } => "resolveConflict",
            Op::EditUser { .. } => "editUser",
            Op::SetUserActive { .. } => "setUserActive",
            Op::SetTemplate { .. } => "setTemplate",
            Op::AddAttachment { .. } => "addAttachment",
            Op::Anonymise { .. } => "anonymise",
            Op::PasswordSet { .. } => "passwordSet",
            Op::AdoptRegister { .. } => ADOPT,
            Op::Confirm(_) => "confirm",
            Op::StateSent(_) => "stateSent",
            Op::Withdraw(_) => "withdraw",
            Op::SetPlatform(_) => "setPlatform",
            Op::Requalify(_) => "requalify",
            Op::CloseRequest { .. } => "closeRequest",
            Op::RequestToComplaint { .. } => "requestToComplaint",
        }
    }

    /// The complaint it changes, if any.
    pub fn reference(&self) -> Option<&str> {
        match self {
            Op::Record { reference, .. } => Some(reference),
            Op::Update(r) => Some(&r.reference),
            Op::Acknowledge(r) => Some(&r.reference),
            Op::Hold(r) => Some(&r.reference),
            Op::Answer(r) => Some(&r.reference),
            Op::Close(r) => Some(&r.reference),
            Op::AddDysfunction(r) => Some(&r.reference),
            Op::AddExchange(r) => Some(&r.reference),
            Op::AddDisputeStep(r) => Some(&r.reference),
            Op::IssueLetter(r) => Some(&r.reference),
            Op::RequestApproval { reference, .. }
            | Op::AddProposal { reference, .. }
            | Op::RespondProposal { reference, .. }
            | Op::RecordRefundPayment { reference, .. } => Some(reference),
            Op::DecideApproval { reference, .. } => Some(reference),
            Op::SetLogo { .. }
            | Op::SetSignature { .. }
            | Op::AddAction(_)
            | Op::SetActionStatus { .. }
            | Op::EditAction { .. }
            | Op::RecordRequest(_)
            | Op::SetSetting { .. }
            | Op::AddUser { .. }
            | Op::AdoptRegister { .. }
            | Op::EditUser { .. }
            | Op::SetUserActive { .. }
            | Op::SetTemplate { .. }
            | Op::Anonymise { .. }
            | Op::PasswordSet { .. }
            | Op::ResolveConflict { .. } => None,
            Op::AddAttachment { reference, .. } => Some(reference),
            Op::Confirm(r) => Some(&r.reference),
            Op::StateSent(r) => Some(&r.reference),
            Op::Withdraw(r) | Op::Requalify(r) => Some(&r.reference),
            Op::SetPlatform(r) => Some(&r.reference),
            Op::RequestToComplaint { reference, .. } => Some(reference),
            Op::CloseRequest { .. } => None,
        }
    }

    /// Its text in the firm's journal (compact JSON, keys sorted).
    pub fn payload(&self) -> String {
        crate::store::journal::canonical_json(
            &serde_json::to_value(self).expect("a change serialises"),
        )
    }

    pub fn from_payload(payload: &str) -> Result<Op> {
        serde_json::from_str(payload).map_err(|e| {
            Error::Server(format!(
                "changement illisible ({e}) : écrit par une autre version de Reclam ou par un \
                 client modifié"
            ))
        })
    }

    /// Apply it through the use cases, as `reg`'s actor. Returns what the entry points show.
    pub fn apply(&self, reg: &mut Register<&mut Store>) -> Result<Value> {
        let json = |v: &dyn erased::Json| v.to_json();
        Ok(match self.clone() {
            Op::Record { reference, req } => {
                let r: ComplaintRef =
                    reference.parse().map_err(|e: crate::complaint::BadRef| {
                        ValidationError::new("reference", e.to_string())
                    })?;
                let new = req.decode()?;
                json(&reg.record_as(&r, &new)?)
            }
            Op::RecordRequest(req) => {
                let new = req.decode()?;
                json(&reg.record_request(&new)?)
            }
            Op::Update(req) => {
                let (r, new) = req.decode()?;
                json(&reg.update(&r, &new)?)
            }
            Op::Acknowledge(req) => {
                let a = req.decode()?;
                match a.sent {
                    Some(sent) => json(&reg.acknowledge(&a.reference, a.on, Some(sent))?),
                    None => json(&reg.acknowledge_unstated(&a.reference, a.on)?),
                }
            }
            Op::Hold(req) => {
                let h = req.decode()?;
                json(&reg.hold(&h.reference, h.on, &h.note)?)
            }
            Op::Answer(req) => {
                let a = req.decode()?;
                json(&reg.answer_stated(
                    &a.reference,
                    a.on,
                    a.outcome,
                    &a.summary,
                    &a.money,
                    a.sent,
                )?)
            }
            Op::Close(req) => {
                let c = req.decode()?;
                json(&reg.close(
                    &c.reference,
                    c.on,
                    c.feedback,
                    c.satisfaction,
                    c.recourse.as_deref(),
                )?)
            }
            Op::Confirm(req) => {
                let c = req.decode()?;
                json(&reg.confirm(&c.reference, c.on, c.copy)?)
            }
            Op::StateSent(req) => {
                let (r, step, sent) = req.decode()?;
                json(&reg.state_sent(&r, step, sent)?)
            }
            Op::SetPlatform(req) => {
                let (r, case) = req.decode()?;
                json(&reg.set_platform(&r, case)?)
            }
            Op::Withdraw(req) => {
                let e = req.decode()?;
                json(&reg.withdraw(&e.reference, e.on, &e.reason)?)
            }
            Op::Requalify(req) => {
                let e = req.decode()?;
                json(&reg.requalify(&e.reference, e.on, &e.reason)?)
            }
            Op::CloseRequest { req, client_name } => {
                let (id, on, note) = req.decode()?;
                same_request(reg, id, &client_name)?;
                json(&reg.close_request(id, on, &note)?)
            }
            Op::RequestToComplaint {
                reference,
                req,
                client_name,
            } => {
                let r = parse_ref(&reference)?;
                let (id, reason, new) = req.decode()?;
                same_request(reg, id, &client_name)?;
                json(&reg.request_to_complaint_as(&r, id, &reason, &new)?)
            }
            Op::AddDysfunction(req) => {
                let d = req.decode()?;
                json(&reg.add_dysfunction(&d.reference, d.category, &d.description, d.on)?)
            }
            Op::AddExchange(req) => {
                let (r, x) = req.decode()?;
                reg.add_exchange(&r, &x)?;
                json(&reg.view(&r)?)
            }
            Op::AddDisputeStep(req) => {
                let (r, s) = req.decode()?;
                reg.add_dispute_step(&r, &s)?;
                json(&reg.view(&r)?)
            }
            Op::IssueLetter(req) => {
                let (r, letter) = req.decode()?;
                json(&reg.issue_letter(&r, &letter)?)
            }
            Op::RequestApproval { reference, input } => {
                let r = parse_ref(&reference)?;
                let e: crate::complaint::NewEscalation = from_json(input)?;
                json(&reg.request_approval(&r, &e)?)
            }
            Op::DecideApproval {
                id,
                reference,
                input,
            } => {
                let (r, _) = reg.store().escalation(id)?;
                if r.as_str() != reference {
                    return Err(ValidationError::new(
                        "escalation",
                        format!("la demande n° {id} ne concerne pas {reference} sur ce poste"),
                    )
                    .into());
                }
                let d: crate::complaint::EscalationDecision = from_json(input)?;
                json(&reg.decide_approval(id, &d)?)
            }
            Op::AddProposal { reference, input } => {
                let r = parse_ref(&reference)?;
                let p: crate::complaint::NewProposal = from_json(input)?;
                json(&reg.add_proposal(&r, &p)?)
            }
            Op::RespondProposal {
                reference,
                id,
                accepted,
                on,
            } => {
                let r = parse_ref(&reference)?;
                let on = crate::complaint::input::parse_date("on", &on)?;
                json(&reg.respond_proposal(&r, id, accepted, on)?)
            }
            Op::RecordRefundPayment { reference, input } => {
                let r = parse_ref(&reference)?;
                let p: crate::complaint::NewRefundPayment = from_json(input)?;
                json(&reg.record_refund_payment(&r, &p)?)
            }
            Op::AddAction(req) => {
                let a = req.decode()?;
                json(&reg.add_corrective_action(&a)?)
            }
            Op::SetActionStatus { req, description } => {
                let (id, status) = req.decode()?;
                if reg.corrective_action(id)?.description != description {
                    return Err(ValidationError::new(
                        "id",
                        format!(
                            "l'action corrective n° {id} n'est pas « {description} » sur ce poste"
                        ),
                    )
                    .into());
                }
                json(&reg.set_corrective_action_status(id, status)?)
            }
            Op::EditAction { req, description } => {
                let (id, edit) = req.decode()?;
                if reg.corrective_action(id)?.description != description {
                    return Err(ValidationError::new(
                        "id",
                        format!(
                            "l'action corrective n° {id} n'est pas « {description} » sur ce poste"
                        ),
                    )
                    .into());
                }
                json(&reg.edit_corrective_action(id, &edit)?)
            }
            Op::SetLogo { png } => {
                reg.set_logo(&png)?;
                json!({ "logo": png.len() })
            }
            Op::SetSignature { user, png } => {
                reg.set_signature(&user, &png)?;
                json(&reg.users()?)
            }
            Op::SetSetting { key, value } => {
                reg.set_setting(&key, &value)?;
                json!({ "key": key, "value": value })
            }
            Op::AddUser { input } => {
                let mut u: NewUser = crate::complaint::input::from_json_value(input)?;
                // Passwords are the server's: none is ever kept in a cache.
                u.secret = None;
                // Known already (a register moved to the server had them): they now sign in.
                if let Ok(known) = reg.user(&u.name) {
                    return Ok(json(&known));
                }
                json(&reg.add_user(&u)?)
            }
            Op::EditUser { name, edit } => json(&reg.edit_user(&name, &edit)?),
            Op::SetUserActive { name, active } => json(&reg.set_user_active(&name, active)?),
            Op::SetTemplate { key, text } => {
                reg.set_template(&key, &text)?;
                json!({ "key": key })
            }
            Op::AddAttachment {
                reference,
                name,
                bytes,
            } => {
                let r = parse_ref(&reference)?;
                json(&reg.add_attachment(&r, &name, &bytes)?)
            }
            // Nothing to keep in a cache: the server holds the password.
            Op::PasswordSet { name } => json!({ "passwordSet": name }),
            Op::Anonymise { references } => {
                let refs = crate::api::others::AnonymiseReq { references }.decode()?;
                json(&reg.anonymise(&refs)?)
            }
            Op::AdoptRegister { .. } => {
                return Err(Error::Server(
                    "un registre repris ne s'applique qu'au début du journal du cabinet".into(),
                ))
            }
            Op::ResolveConflict { seq, note } => {
                let by = reg.acting().unwrap_or_default().to_owned();
                let at = crate::store::journal::format_instant(reg.clock().now());
                if !reg.store().resolve_conflict(seq, &by, &at, &note)? {
                    return Err(Error::NotFound(format!("conflit n° {seq} à examiner")));
                }
                json!({ "seq": seq, "resolvedBy": by, "resolution": note })
            }
        })
    }
}

/// Request `id` of this cache is the one the change names (ids are each cache's own rows).
fn same_request(reg: &Register<&mut Store>, id: i64, client_name: &str) -> Result<()> {
    let q = reg.request(id)?;
    if q.client_name != client_name {
        return Err(ValidationError::new(
            "request",
            format!("la demande n° {id} n'est pas celle de {client_name} sur ce poste"),
        )
        .into());
    }
    Ok(())
}

fn parse_ref(reference: &str) -> Result<ComplaintRef> {
    reference.parse().map_err(|e: crate::complaint::BadRef| {
        ValidationError::new("reference", e.to_string()).into()
    })
}

fn from_json<T: serde::de::DeserializeOwned>(v: Value) -> Result<T> {
    Ok(crate::complaint::input::from_json_value(v)?)
}

/// Whether an error applying a change is the register refusing it (the same on every
/// workstation: the change is flagged), not a failure of this machine (disk, file).
pub fn is_refusal(e: &Error) -> bool {
    matches!(
        e,
        Error::Validation(_)
            | Error::Fields(_)
            | Error::Transition(_)
            | Error::NotFound(_)
            | Error::Forbidden(_)
            | Error::SignIn(_)
            | Error::Letter(_)
    )
}

/// Files travel in the journal as base64 text (a third larger, not four times as JSON numbers).
mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}

mod erased {
    /// Any result the use cases hand out, as JSON.
    pub trait Json {
        fn to_json(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}
