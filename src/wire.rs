//! The types that cross to the desktop UI, and their TypeScript declarations.
//!
//! `ui/src/lib/backend/bindings.ts` is generated from these Rust types (ts-rs) and committed;
//! the test below fails when it drifts from the Rust side. Regenerate it with
//! `UPDATE_BINDINGS=1 cargo test -p reclam --lib wire`.

use crate::api::complaints::{
    ListComplaintsReq, PreviewDeadlinesReq, RecordComplaintReq, RecordRequestReq, ReferenceReq,
    UpdateComplaintReq,
};
use crate::api::ending::{
    CloseRequestReq, ConfirmReq, EndReq, RequestToComplaintReq, SetPlatformReq, StateSentReq,
};
use crate::api::extract::{ExportExtractReq, ExportPackReq, ExtractStatsReq, PeriodReq};
use crate::api::letters::LetterReq;
use crate::api::lifecycle::{
    AcknowledgeReq, AddAttachmentReq, AddDisputeStepReq, AddDysfunctionReq, AddExchangeReq,
    AnswerMoneyReq, AnswerReq, AuthorityCheckReq, CloseReq, HoldReq,
};
use crate::api::others::{
    AddActionReq, AddUserReq, AnonymiseReq, EditActionReq, ImportReq, SetActionStatusReq,
};
use crate::calendar::{Basis, Deadlines, Region};
use crate::complaint::platform::PlatformScore;
use crate::complaint::Direction;
use crate::complaint::PlatformCase;
use crate::complaint::ValidationError;
use crate::complaint::{
    Action, ActionStatus, Answer, Channel, Client, ClientKind, ClientRelation, Closure, Complaint,
    ComplaintRef, Contract, DisputeKind, Dysfunction, DysfunctionCategory, Feedback, Holding,
    Money, NewClient, NewComplaint, NewContract, NextDeadline, Outcome, Role, Status, Step,
    Subject,
};
use crate::complaint::{
    ActionEdit, ActionKind, Confirmation, DisputeAlert, DisputeAlertKind, EndKind, Ending, Sent,
    SentVia,
};
use crate::complaint::{Approval, LetterMeta};
use crate::complaint::{
    ApprovalLevel, Escalation, EscalationDecision, EscalationStatus, EscalationSubject,
    GestureKind, NewEscalation, NewProposal, NewRefundPayment, PaymentMethod, Proposal,
    ProposalKind, ProposalResponse, Refund, RefundBasis, RefundPayment, RefundScope,
};
use crate::complaint::{AttachmentMeta, DisputeStep, Exchange, NewDisputeStep, NewExchange};
use crate::complaint::{CorrectiveAction, DysfunctionEntry, NewCorrectiveAction};
use crate::error::{ErrorCode, WireError};
use crate::extract::stats::{Count, MoneyKpis, Spread, Stats};
use crate::extract::ExtractQuery;
use crate::firm::authority::Requirement;
use crate::firm::{NewUser, User};
use crate::firm::{SecretKind, SessionState, SignInUser, UserEdit};
use crate::import::mapping::{ImportField, Problem};
use crate::import::source::{SheetInfo, SourceInfo};
use crate::import::{FieldInfo, ImportReport, MappingInput, RowOutcome, RowStatus};
use crate::letters::choices::LetterOffer;
use crate::letters::{Block, Composed, HoldingInfo, LetterKind};
use crate::letters::{LetterRequest, TemplateEntry};
use crate::mail::MailAttachmentInfo;
use crate::register::client_export::ClientExportSummary;
use crate::register::letters::{GestureState, LetterChoices, SignatoryChoice};
use crate::register::mail::EmailIntake;
use crate::register::AuthorityCheck;
use crate::settings::{SettingEntry, Settings};
use crate::sign::CertificateInfo;
use crate::store::authority::{PendingApproval, RefundDue};
use crate::store::backup::{
    BackupFile, BackupInfo, BackupStatus, Maintenance, Relation, RestorePreview, RestoreReport,
};
use crate::store::clients::ClientComplaintSummary;
use crate::store::journal::Event;
use crate::store::register::{RegisterPage, RegisterQuery, RegisterRow, RegisterSort};
use crate::store::retention::{AnonymisationReport, AnonymisedComplaint, Candidate};
use crate::store::sync::Conflict as SyncConflict;
use crate::store::today::{TodayCounts, TodayDisputeAlert, TodaySummary};
use crate::store::verify::{Finding, VerifyReport};
use crate::store::{ComplaintView, InfoRequest, Mediation, NewRequest, RequestPage, RequestQuery};
use crate::sync::{AdoptReport, SyncStatus};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::{Config, TS};

/// What the UI needs to know at start: which register is open, today by the backend's clock,
/// and why the register could not be opened, if so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub db_path: String,
    pub is_demo: bool,
    pub today: NaiveDate,
    pub region: String,
    pub version: String,
    pub open_error: Option<WireError>,
    /// The register has no complaint yet (the UI offers the demo register).
    pub empty: bool,
}

/// The firm's server this desk joined, if any (its password is never kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServerConfig {
    /// `postgres://LOGIN@HOST:PORT/DB`, or none: this desk keeps its own register.
    pub url: Option<String>,
    pub login: Option<String>,
    /// Someone is signed in to the firm's register on this desk.
    pub open: bool,
}

/// One command as the desktop shell timed it: all of it on the shell's side (arguments
/// decoded, the core called, the answer serialised), and the core's part. An async command's
/// shell time is only its start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandTiming {
    pub command: String,
    pub shell_us: u64,
    pub core_us: u64,
}

/// How far a long operation is: `done` of `total` units of its current `stage` (a French
/// label: "Extrait du registre", "Copie du registre"…), for its progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskProgress {
    pub stage: String,
    pub done: u64,
    pub total: u64,
}

/// Where the generated declarations live, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/backend/bindings.ts";

macro_rules! declarations {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),+]
    };
}

/// The TypeScript declarations of every wire type, in one module.
pub fn typescript() -> String {
    // JSON numbers: the ids and counts we send stay far below 2^53.
    let cfg = &Config::new().with_large_int("number");
    let decls = declarations![cfg;
        // Vocabularies.
        Status, Subject, Channel, ClientKind, ClientRelation, Outcome, Feedback,
        DysfunctionCategory, Step, Action, Basis, Region, Role, Direction, DisputeKind,
        GestureKind, RefundBasis, RefundScope, ApprovalLevel, EscalationSubject, EscalationStatus,
        ProposalKind, ProposalResponse, PaymentMethod, EndKind, SentVia, ActionKind,
        DisputeAlertKind,
        // Values.
        ComplaintRef, Money, Deadlines, NextDeadline,
        // The register.
        RegisterSort, RegisterQuery, RegisterRow, RegisterPage,
        // A complaint and its file.
        Client, Contract, Holding, Answer, Closure, Dysfunction, Complaint, Event, Exchange,
        AttachmentMeta, DisputeStep, Mediation, ComplaintView, Sent, Ending, Confirmation,
        DisputeAlert, PlatformCase, PlatformScore, CertificateInfo,
        // Requests for information.
        InfoRequest, RequestQuery, RequestPage, ClientComplaintSummary, EmailIntake,
        MailAttachmentInfo,
        // Inputs.
        NewClient, NewContract, NewComplaint, NewRequest, NewExchange, NewDisputeStep, NewUser,
        // Firm, users, today, app.
        User, SettingEntry, Settings, TodayCounts, TodaySummary, TodayDisputeAlert, AppInfo, ErrorCode,
        ValidationError, WireError, SecretKind, SignInUser, SessionState, UserEdit,
        // Money decided: the authority matrix, approvals, proposals, refunds.
        Refund, Requirement, AuthorityCheck, Escalation, NewEscalation, EscalationDecision,
        PendingApproval, Proposal, NewProposal, RefundPayment, NewRefundPayment, RefundDue,
        // Letters.
        LetterKind, HoldingInfo, Block, Composed, LetterMeta, LetterRequest, TemplateEntry,
        Approval, LetterOffer, SignatoryChoice, GestureState, LetterChoices,
        // Extracts and statistics.
        ExtractQuery, Count, Spread, MoneyKpis, Stats,
        // Corrective actions.
        ActionStatus, CorrectiveAction, NewCorrectiveAction, DysfunctionEntry, ActionEdit,
        // Import.
        ImportField, FieldInfo, SheetInfo, SourceInfo, Problem, RowStatus, RowOutcome, ImportReport,
        MappingInput,
        // Proof and backups.
        Finding, VerifyReport, BackupInfo, BackupFile, Maintenance, BackupStatus, RestoreReport,
        Relation, RestorePreview,
        // The firm's shared register.
        ServerConfig, SyncStatus, SyncConflict, AdoptReport,
        // Timings and progress.
        CommandTiming, TaskProgress,
        // Personal data.
        Candidate, AnonymisedComplaint, AnonymisationReport, ClientExportSummary,
        // Requests (src/api): the arguments of the commands of the same name, actor aside.
        ReferenceReq, ListComplaintsReq, PreviewDeadlinesReq, RecordComplaintReq,
        RecordRequestReq, UpdateComplaintReq, AcknowledgeReq, HoldReq, AnswerMoneyReq,
        AnswerReq, AuthorityCheckReq, CloseReq,
        AddDysfunctionReq, AddExchangeReq, AddDisputeStepReq, AddAttachmentReq, LetterReq,
        ExtractStatsReq, ExportExtractReq, ExportPackReq, PeriodReq,
        AddUserReq, AddActionReq, SetActionStatusReq, ImportReq, AnonymiseReq, EndReq,
        ConfirmReq, StateSentReq, CloseRequestReq, RequestToComplaintReq, EditActionReq,
        SetPlatformReq,
    ];
    let mut out = String::from(
        "// Generated from the Rust wire types by ts-rs (src/wire.rs). Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p reclam --lib wire\n",
    );
    for d in decls {
        out.push('\n');
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn committed_bindings_match_the_rust_types() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let generated = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{BINDINGS_PATH} is out of date with the Rust types: run \
             `UPDATE_BINDINGS=1 cargo test -p reclam --lib wire` and commit the result"
        );
    }

    #[test]
    fn bindings_use_json_numbers_and_plain_strings() {
        let ts = typescript();
        assert!(!ts.contains("bigint"), "large ints must be JSON numbers");
        assert!(ts.contains("export type Money = string;"), "{ts}");
        assert!(
            ts.contains("export type Status = \"received\" | \"acknowledged\""),
            "{ts}"
        );
    }
}
