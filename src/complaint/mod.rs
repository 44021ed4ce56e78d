//! Complaints: the register's fields, their validation and their lifecycle.
//!
//! Knows nothing of SQLite, the CLI or the desktop shell.

pub mod corrective;
pub mod decision;
pub mod ending;
pub mod file;
pub mod input;
pub mod letter;
pub mod lifecycle;
pub mod model;
pub mod platform;
pub mod steps;

pub use corrective::{ActionEdit, CorrectiveAction, DysfunctionEntry, NewCorrectiveAction};
pub use decision::{
    Escalation, EscalationDecision, NewEscalation, NewProposal, NewRefundPayment, Proposal,
    RefundPayment, REFUND_DUE_DAYS,
};
pub use file::{
    dispute_alerts, AttachmentMeta, DisputeAlert, DisputeAlertKind, DisputeStep, Exchange,
    NewDisputeStep, NewExchange, MAX_ATTACHMENT_BYTES,
};
pub use input::{
    parse_new_complaint, NewClient, NewComplaint, NewContract, ValidComplaint, ValidationError,
};
pub use letter::{Approval, LetterKind, LetterMeta};
pub use lifecycle::{allowed_actions, Action, Change, TransitionError};
pub use model::*;
pub use steps::{Confirmation, Ending, PlatformCase, Sent};
