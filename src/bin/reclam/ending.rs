//! `withdraw`, `requalify`, `confirm`, `sent`, `requests`, `request-close`,
//! `request-to-complaint`: what happens besides the usual steps, and the requests for
//! information. The same commands on a desk's register and on the firm's (`--server`).

use crate::io::{print_json, read_input};
use clap::Subcommand;
use reclam::api::ending::{
    CloseRequestReq, ConfirmReq, EndReq, RequestToComplaintReq, SetPlatformReq, StateSentReq,
};
use reclam::api::lifecycle::AddDisputeStepReq;
use reclam::api::Request;
use reclam::store::RequestQuery;
use reclam::sync::{Op, Workstation};
use reclam::{Error, Register};

#[derive(Subcommand)]
pub enum EndingCommand {
    /// Attach a file to a complaint (prints its SHA-256, which `ack`, `answer`, `confirm`
    /// and `sent` name as the copy of what was sent).
    Attach {
        reference: String,
        file: std::path::PathBuf,
    },
    /// The client withdraws the complaint (it stays in the register, its deadlines stop).
    Withdraw {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        reason: String,
    },
    /// A complaint recorded by mistake becomes a request for information.
    Requalify {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        reason: String,
    },
    /// An oral complaint's written confirmation received (--copy: the SHA-256 of the
    /// attachment holding it).
    Confirm {
        reference: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        copy: Option<String>,
    },
    /// State how a step already recorded reached the client.
    Sent {
        reference: String,
        /// acknowledgement or answer.
        #[arg(long)]
        step: String,
        /// registerLetter, email, otherLetter or oral.
        #[arg(long)]
        via: String,
        /// The SHA-256 of the attachment holding the copy (every way but registerLetter).
        #[arg(long)]
        copy: Option<String>,
    },
    /// What the complaints platform says of a complaint received through it.
    Platform {
        reference: String,
        /// The platform's name.
        #[arg(long)]
        name: String,
        /// A public complaint (the answer is published).
        #[arg(long)]
        public: bool,
        /// When the platform passed the complaint on.
        #[arg(long)]
        requested_on: Option<String>,
        /// The platform's deadline for an answer.
        #[arg(long)]
        respond_by: Option<String>,
        /// The client's rating at closure, 1 to 5.
        #[arg(long)]
        rating: Option<u8>,
        /// When the client passed the case to the platform's legal-aid service.
        #[arg(long)]
        escalated_on: Option<String>,
    },
    /// A leg of the dispute outside the firm (insurer, mediator, formal notice, court, PI
    /// insurer), with when its sequel is expected and whether it came from a lawyer.
    Dispute {
        reference: String,
        /// insurerForwarded, insurerAnswer, mediatorReferral, mediatorOutcome, formalNotice,
        /// courtAction or piDeclaration.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        on: String,
        #[arg(long, default_value = "")]
        summary: String,
        /// When its sequel is expected (default: the usual wait).
        #[arg(long)]
        expected_on: Option<String>,
        /// A letter from a lawyer.
        #[arg(long)]
        lawyer: bool,
    },
    /// The requests for information (most recent first).
    Requests {
        #[arg(long)]
        search: Option<String>,
        /// Only the requests still open.
        #[arg(long)]
        open: bool,
    },
    /// Close a request for information with what was answered or done.
    RequestClose {
        id: i64,
        #[arg(long)]
        on: String,
        #[arg(long)]
        note: String,
    },
    /// A request that was a complaint after all: the complaint as JSON (a file, or - /
    /// nothing for stdin), recorded with the request's reception date.
    RequestToComplaint {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: Option<String>,
    },
}

/// The platform's details as the request carries them.
fn platform_input(
    name: String,
    public: bool,
    requested_on: Option<String>,
    respond_by: Option<String>,
    rating: Option<u8>,
    escalated_on: Option<String>,
) -> serde_json::Value {
    serde_json::json!({ "name": name, "public": public, "requestedOn": requested_on,
        "respondBy": respond_by, "rating": rating, "escalatedOn": escalated_on })
}

/// A dispute leg as the request carries it.
fn dispute_req(
    reference: String,
    kind: String,
    on: String,
    summary: String,
    expected_on: Option<String>,
    lawyer: bool,
) -> AddDisputeStepReq {
    AddDisputeStepReq {
        reference,
        input: serde_json::json!({ "kind": kind, "on": on, "summary": summary,
            "expectedOn": expected_on, "fromLawyer": lawyer }),
    }
}

fn complaint_json(json: Option<&str>) -> Result<serde_json::Value, Error> {
    let text = read_input("json", json)?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Validation(reclam::complaint::ValidationError::new(
            "json",
            e.to_string(),
        ))
    })
}

fn read_attachment(file: &std::path::Path) -> Result<(String, Vec<u8>), Error> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((name, std::fs::read(file)?))
}

fn parse_reference(reference: &str) -> Result<reclam::complaint::ComplaintRef, Error> {
    reference.parse().map_err(|e: reclam::complaint::BadRef| {
        Error::Validation(reclam::complaint::ValidationError::new(
            "reference",
            e.to_string(),
        ))
    })
}

/// On a desk's register.
pub fn run(reg: &mut Register, command: EndingCommand) -> Result<(), Error> {
    match command {
        EndingCommand::Attach { reference, file } => {
            let r = parse_reference(&reference)?;
            let (name, bytes) = read_attachment(&file)?;
            print_json(&reg.add_attachment(&r, &name, &bytes)?)
        }
        EndingCommand::Withdraw {
            reference,
            on,
            reason,
        } => {
            let e = EndReq {
                reference,
                on,
                reason,
            }
            .decode()?;
            print_json(&reg.withdraw(&e.reference, e.on, &e.reason)?)
        }
        EndingCommand::Requalify {
            reference,
            on,
            reason,
        } => {
            let e = EndReq {
                reference,
                on,
                reason,
            }
            .decode()?;
            print_json(&reg.requalify(&e.reference, e.on, &e.reason)?)
        }
        EndingCommand::Confirm {
            reference,
            on,
            copy,
        } => {
            let c = ConfirmReq {
                reference,
                on,
                copy,
            }
            .decode()?;
            print_json(&reg.confirm(&c.reference, c.on, c.copy)?)
        }
        EndingCommand::Sent {
            reference,
            step,
            via,
            copy,
        } => {
            let (r, step, sent) = StateSentReq {
                reference,
                step,
                via,
                copy,
            }
            .decode()?;
            print_json(&reg.state_sent(&r, step, sent)?)
        }
        EndingCommand::Platform {
            reference,
            name,
            public,
            requested_on,
            respond_by,
            rating,
            escalated_on,
        } => {
            let (r, case) = SetPlatformReq {
                reference,
                input: platform_input(name, public, requested_on, respond_by, rating, escalated_on),
            }
            .decode()?;
            print_json(&reg.set_platform(&r, case)?)
        }
        EndingCommand::Dispute {
            reference,
            kind,
            on,
            summary,
            expected_on,
            lawyer,
        } => {
            let (r, step) =
                dispute_req(reference, kind, on, summary, expected_on, lawyer).decode()?;
            reg.add_dispute_step(&r, &step)?;
            print_json(&reg.view(&r)?)
        }
        EndingCommand::Requests { search, open } => print_json(&reg.requests(&RequestQuery {
            search,
            open_only: open,
            limit: Some(1000),
            offset: None,
        })?),
        EndingCommand::RequestClose { id, on, note } => {
            let (id, on, note) = CloseRequestReq { id, on, note }.decode()?;
            print_json(&reg.close_request(id, on, &note)?)
        }
        EndingCommand::RequestToComplaint { id, reason, json } => {
            let (id, reason, new) = RequestToComplaintReq {
                id,
                reason,
                input: complaint_json(json.as_deref())?,
            }
            .decode()?;
            print_json(&reg.request_to_complaint(id, &reason, &new)?)
        }
    }
}

/// On the firm's register, through this workstation.
pub fn run_shared(ws: &mut Workstation, command: EndingCommand) -> Result<(), Error> {
    let op = match command {
        EndingCommand::Attach { reference, file } => {
            let (name, bytes) = read_attachment(&file)?;
            Op::AddAttachment {
                reference: parse_reference(&reference)?.to_string(),
                name,
                bytes,
            }
        }
        EndingCommand::Withdraw {
            reference,
            on,
            reason,
        } => Op::Withdraw(EndReq {
            reference,
            on,
            reason,
        }),
        EndingCommand::Requalify {
            reference,
            on,
            reason,
        } => Op::Requalify(EndReq {
            reference,
            on,
            reason,
        }),
        EndingCommand::Confirm {
            reference,
            on,
            copy,
        } => Op::Confirm(ConfirmReq {
            reference,
            on,
            copy,
        }),
        EndingCommand::Sent {
            reference,
            step,
            via,
            copy,
        } => Op::StateSent(StateSentReq {
            reference,
            step,
            via,
            copy,
        }),
        EndingCommand::Platform {
            reference,
            name,
            public,
            requested_on,
            respond_by,
            rating,
            escalated_on,
        } => Op::SetPlatform(SetPlatformReq {
            reference,
            input: platform_input(name, public, requested_on, respond_by, rating, escalated_on),
        }),
        EndingCommand::Dispute {
            reference,
            kind,
            on,
            summary,
            expected_on,
            lawyer,
        } => Op::AddDisputeStep(dispute_req(
            reference,
            kind,
            on,
            summary,
            expected_on,
            lawyer,
        )),
        EndingCommand::Requests { search, open } => {
            return print_json(&ws.register()?.requests(&RequestQuery {
                search,
                open_only: open,
                limit: Some(1000),
                offset: None,
            })?)
        }
        EndingCommand::RequestClose { id, on, note } => {
            let client_name = ws.register()?.request(id)?.client_name;
            Op::CloseRequest {
                req: CloseRequestReq { id, on, note },
                client_name,
            }
        }
        EndingCommand::RequestToComplaint { id, reason, json } => {
            let client_name = ws.register()?.request(id)?.client_name;
            Op::RequestToComplaint {
                // Numbered from this workstation's lease when the change is made.
                reference: String::new(),
                req: RequestToComplaintReq {
                    id,
                    reason,
                    input: complaint_json(json.as_deref())?,
                },
                client_name,
            }
        }
    };
    print_json(&ws.execute(op)?)
}
