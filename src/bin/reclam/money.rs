//! Where money is decided: the answer's gesture and refund, requests for approval and their
//! decisions, proposals made to the client, the refund's payment.

use crate::io::print_json;
use clap::{Args, Subcommand};
use reclam::api::lifecycle::AnswerMoneyReq;
use reclam::api::Fields;
use reclam::complaint::input::parse_date;
use reclam::complaint::{
    EscalationDecision, NewEscalation, NewProposal, NewRefundPayment, ValidationError,
};
use reclam::{Error, Register};

/// The money an answer decides.
#[derive(Args, Default)]
pub struct MoneyArgs {
    /// Goodwill gesture in euros ("150.00" or "150,00").
    #[arg(long, allow_hyphen_values = true)]
    pub gesture: Option<String>,
    /// What the gesture gives: credit, freeService, monthsOffered or other.
    #[arg(long)]
    pub gesture_kind: Option<String>,
    /// The reason noted for the gesture (required from the matrix's first threshold).
    #[arg(long)]
    pub gesture_reason: Option<String>,
    /// Refund in euros.
    #[arg(long, allow_hyphen_values = true)]
    pub refund: Option<String>,
    /// withdrawal, billingError, otherLegal or exception.
    #[arg(long)]
    pub refund_basis: Option<String>,
    /// partial or full (against the amount claimed).
    #[arg(long)]
    pub refund_scope: Option<String>,
    /// The internal document: the id of an attachment of the file.
    #[arg(long)]
    pub document: Option<i64>,
}

impl MoneyArgs {
    pub fn into_req(self) -> AnswerMoneyReq {
        AnswerMoneyReq {
            gesture: self.gesture,
            gesture_kind: self.gesture_kind,
            gesture_reason: self.gesture_reason,
            refund_amount: self.refund,
            refund_basis: self.refund_basis,
            refund_scope: self.refund_scope,
            document_id: self.document,
        }
    }
}

#[derive(Subcommand)]
pub enum ApprovalAction {
    /// Ask a supervisor or the manager to approve a gesture or a refund beyond your authority.
    Request {
        reference: String,
        /// gesture or refund.
        #[arg(long)]
        subject: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// For a refund: partial or full.
        #[arg(long)]
        refund_scope: Option<String>,
        #[arg(long)]
        reason: String,
        /// The proposal the client already refused.
        #[arg(long)]
        refused_proposal: String,
        #[arg(long)]
        analysis: String,
        /// The internal document: the id of an attachment of the file.
        #[arg(long)]
        document: Option<i64>,
    },
    /// Accept a request (possibly for a lower amount) as --by.
    Accept {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
    },
    /// Refuse a request as --by.
    Refuse {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// The requests waiting for a decision that concern --by.
    Pending {
        #[arg(long)]
        json: bool,
    },
}

pub fn approval(reg: &mut Register, action: ApprovalAction) -> Result<(), Error> {
    match action {
        ApprovalAction::Request {
            reference,
            subject,
            amount,
            refund_scope,
            reason,
            refused_proposal,
            analysis,
            document,
        } => {
            let mut f = Fields::default();
            let r = f.reference("reference", &reference);
            let subject = f.vocab("subject", &subject);
            let scope = f.optional_vocab("refundScope", refund_scope.as_deref());
            let (Some(r), Some(subject), Some(refund_scope)) = (r, subject, scope) else {
                return Err(f.into_error());
            };
            let e = NewEscalation {
                subject,
                amount,
                refund_scope,
                reason,
                refused_proposal,
                analysis,
                document_id: document,
            };
            print_json(&reg.request_approval(&r, &e)?)
        }
        ApprovalAction::Accept { id, reason, amount } => {
            let d = EscalationDecision {
                accept: true,
                amount,
                reason,
            };
            print_json(&reg.decide_approval(id, &d)?)
        }
        ApprovalAction::Refuse { id, reason } => {
            let d = EscalationDecision {
                accept: false,
                amount: None,
                reason,
            };
            print_json(&reg.decide_approval(id, &d)?)
        }
        ApprovalAction::Pending { json } => {
            let pending = reg.pending_approvals()?;
            if json {
                return print_json(&pending);
            }
            for p in pending {
                println!(
                    "n° {:<4} {} {:<28} {:<18} {:>12}  demandé par {}{}",
                    p.escalation.id,
                    p.reference,
                    p.client_name,
                    p.escalation.subject.label(),
                    p.escalation.amount.to_french(),
                    p.escalation.requested_by,
                    if p.late { "  EN RETARD" } else { "" }
                );
            }
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum ProposalAction {
    /// Record a solution proposed to the client.
    Add {
        reference: String,
        /// credit, freeService, monthsOffered, refund or other.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        description: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        #[arg(long)]
        on: String,
    },
    /// Record the client's response: accepted or refused.
    Respond {
        reference: String,
        id: i64,
        /// accepted or refused.
        #[arg(long)]
        response: String,
        #[arg(long)]
        on: String,
    },
}

fn date(field: &str, s: &str) -> Result<chrono::NaiveDate, Error> {
    Ok(parse_date(field, s)?)
}

pub fn proposal(reg: &mut Register, action: ProposalAction) -> Result<(), Error> {
    match action {
        ProposalAction::Add {
            reference,
            kind,
            description,
            amount,
            on,
        } => {
            let mut f = Fields::default();
            let r = f.reference("reference", &reference);
            let kind = f.vocab("kind", &kind);
            let on = f.date("on", &on);
            let (Some(r), Some(kind), Some(on)) = (r, kind, on) else {
                return Err(f.into_error());
            };
            let p = NewProposal {
                kind,
                description,
                amount,
                on,
            };
            print_json(&reg.add_proposal(&r, &p)?)
        }
        ProposalAction::Respond {
            reference,
            id,
            response,
            on,
        } => {
            let mut f = Fields::default();
            let Some(r) = f.reference("reference", &reference) else {
                return Err(f.into_error());
            };
            let accepted = match response.as_str() {
                "accepted" => true,
                "refused" => false,
                other => {
                    return Err(ValidationError::new(
                        "response",
                        format!("réponse inconnue « {other} » (accepted ou refused)"),
                    )
                    .into())
                }
            };
            print_json(&reg.respond_proposal(&r, id, accepted, date("on", &on)?)?)
        }
    }
}

/// Record the refund's payment.
pub fn refund_paid(
    reg: &mut Register,
    reference: String,
    payment_reference: String,
    method: String,
    paid_on: String,
) -> Result<(), Error> {
    let mut f = Fields::default();
    let r = f.reference("reference", &reference);
    let method = f.vocab("method", &method);
    let paid_on = f.date("paidOn", &paid_on);
    let (Some(r), Some(method), Some(paid_on)) = (r, method, paid_on) else {
        return Err(f.into_error());
    };
    let p = NewRefundPayment {
        reference: payment_reference,
        method,
        paid_on,
    };
    print_json(&reg.record_refund_payment(&r, &p)?)
}
