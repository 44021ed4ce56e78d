//! Where money is decided, as stored: escalations (requests for approval and their decision),
//! proposals made to the client and their response, and the refund's payment. Each is
//! journaled on its complaint in the same transaction. The rules (who may ask, who may
//! approve, what is due) are the register's and `firm::authority`'s.

use super::complaints::{self, vocab};
use super::Store;
use crate::complaint::lifecycle::Change;
use crate::complaint::{
    ApprovalLevel, ComplaintRef, Escalation, EscalationStatus, EscalationSubject, Money,
    PaymentMethod, Proposal, ProposalKind, ProposalResponse, RefundPayment, RefundScope,
    ValidationError,
};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use serde_json::json;

/// A checked request for approval, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationRequest {
    pub subject: EscalationSubject,
    pub amount: Money,
    pub refund_scope: Option<RefundScope>,
    pub level: ApprovalLevel,
    pub reason: String,
    pub refused_proposal: String,
    pub analysis: String,
    pub document_id: Option<i64>,
    /// The approver's target, in hours after the request.
    pub target_hours: i64,
}

/// An escalation waiting for its approver, with its complaint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PendingApproval {
    pub reference: ComplaintRef,
    pub client_name: String,
    pub escalation: Escalation,
    pub late: bool,
    /// The acting user may decide it (filled by the register).
    pub may_decide: bool,
    /// The acting user asked for it (filled by the register).
    pub mine: bool,
}

/// A refund decided in an answer and not yet paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RefundDue {
    pub reference: ComplaintRef,
    pub client_name: String,
    pub amount: Money,
    pub decided_on: NaiveDate,
    pub due_on: NaiveDate,
    pub late: bool,
}

const SELECT_ESCALATION: &str = "SELECT e.id, e.subject, e.amount, e.refund_scope, e.level,
    e.reason, e.refused_proposal, e.analysis, e.document_id, e.requested_by, e.requested_at,
    e.due_at, e.status, e.decided_amount, e.decision_reason, e.decided_by, e.decided_at";

fn opt<T: std::str::FromStr>(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<T>>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    match r.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => vocab(r, idx).map(Some),
    }
}

fn escalation_from_row(r: &Row<'_>) -> rusqlite::Result<Escalation> {
    Ok(Escalation {
        id: r.get(0)?,
        subject: vocab(r, 1)?,
        amount: vocab(r, 2)?,
        refund_scope: opt(r, 3)?,
        level: vocab(r, 4)?,
        reason: r.get(5)?,
        refused_proposal: r.get(6)?,
        analysis: r.get(7)?,
        document_id: r.get(8)?,
        requested_by: r.get(9)?,
        requested_at: r.get(10)?,
        due_at: r.get(11)?,
        status: vocab(r, 12)?,
        decided_amount: opt(r, 13)?,
        decision_reason: r.get(14)?,
        decided_by: r.get(15)?,
        decided_at: r.get(16)?,
    })
}

pub(crate) fn escalations_of(conn: &Connection, complaint_id: i64) -> Result<Vec<Escalation>> {
    let rows = conn
        .prepare_cached(&format!(
            "{SELECT_ESCALATION} FROM escalations e WHERE e.complaint_id = ?1 ORDER BY e.id"
        ))?
        .query_map([complaint_id], escalation_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn proposal_from_row(r: &Row<'_>) -> rusqlite::Result<Proposal> {
    Ok(Proposal {
        id: r.get(0)?,
        kind: vocab(r, 1)?,
        description: r.get(2)?,
        amount: opt(r, 3)?,
        proposed_on: r.get(4)?,
        proposed_by: r.get(5)?,
        response: vocab(r, 6)?,
        responded_on: r.get(7)?,
    })
}

pub(crate) fn proposals_of(conn: &Connection, complaint_id: i64) -> Result<Vec<Proposal>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, kind, description, amount, proposed_on, proposed_by, response,
                responded_on FROM proposals WHERE complaint_id = ?1 ORDER BY id",
        )?
        .query_map([complaint_id], proposal_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn refund_payment_of(
    conn: &Connection,
    complaint_id: i64,
) -> Result<Option<RefundPayment>> {
    Ok(conn
        .prepare_cached(
            "SELECT reference, method, paid_on, recorded_by, recorded_at FROM refund_payments
             WHERE complaint_id = ?1",
        )?
        .query_row([complaint_id], |r| {
            Ok(RefundPayment {
                reference: r.get(0)?,
                method: vocab(r, 1)?,
                paid_on: r.get(2)?,
                recorded_by: r.get(3)?,
                recorded_at: r.get(4)?,
            })
        })
        .optional()?)
}

/// The attachment `id` must belong to the complaint `complaint_id`.
fn check_document(conn: &Connection, complaint_id: i64, id: i64) -> Result<()> {
    let ok: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM attachments WHERE id = ?1 AND complaint_id = ?2)",
        )?
        .query_row([id, complaint_id], |r| r.get(0))?;
    if !ok {
        return Err(ValidationError::new(
            "documentId",
            format!("la pièce jointe n° {id} n'appartient pas à ce dossier"),
        )
        .into());
    }
    Ok(())
}

/// Refunds decided in an answer and not paid yet, the oldest first ("Aujourd'hui").
pub(super) const REFUNDS_DUE: &str =
    "SELECT reference, client_name, refund_amount, answered_on FROM complaints c
     WHERE refund_amount IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM refund_payments p WHERE p.complaint_id = c.id)
     ORDER BY answered_on, id";

impl Store {
    /// Whether the attachment `id` belongs to the complaint `r`.
    pub fn is_attachment_of(&self, r: &ComplaintRef, id: i64) -> Result<bool> {
        let (cid, _) = complaints::load(self.conn(), r)?;
        Ok(check_document(self.conn(), cid, id).is_ok())
    }

    pub fn escalations(&self, r: &ComplaintRef) -> Result<Vec<Escalation>> {
        let (id, _) = complaints::load(self.conn(), r)?;
        escalations_of(self.conn(), id)
    }

    /// One escalation with the reference of its complaint.
    pub fn escalation(&self, id: i64) -> Result<(ComplaintRef, Escalation)> {
        self.conn()
            .prepare_cached(&format!(
                "{SELECT_ESCALATION}, c.reference FROM escalations e
                 JOIN complaints c ON c.id = e.complaint_id WHERE e.id = ?1"
            ))?
            .query_row([id], |r| {
                Ok((vocab::<ComplaintRef>(r, 17)?, escalation_from_row(r)?))
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("demande de validation n° {id}")))
    }

    /// Store a request for approval, journaled as `escalated` on its complaint.
    pub fn request_escalation(
        &mut self,
        r: &ComplaintRef,
        e: &EscalationRequest,
        actor: &str,
    ) -> Result<Escalation> {
        self.write(|tx, w| {
            let at = w.now();
            let due_at = at + chrono::Duration::hours(e.target_hours);
            let mut id = 0;
            w.apply(tx, r, actor, |tx, cid, _, _| {
                if let Some(doc) = e.document_id {
                    check_document(tx, cid, doc)?;
                }
                tx.prepare_cached(
                    "INSERT INTO escalations (complaint_id, subject, amount, refund_scope, level,
                        reason, refused_proposal, analysis, document_id, requested_by,
                        requested_at, due_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )?
                .execute(params![
                    cid,
                    e.subject.as_str(),
                    e.amount.to_string(),
                    e.refund_scope.map(|s| s.as_str()),
                    e.level.as_str(),
                    e.reason,
                    e.refused_proposal,
                    e.analysis,
                    e.document_id,
                    actor,
                    at,
                    due_at
                ])?;
                id = tx.last_insert_rowid();
                Ok(Change {
                    kind: "escalated",
                    data: json!({ "escalationId": id, "subject": e.subject, "amount": e.amount,
                        "refundScope": e.refund_scope, "level": e.level, "reason": e.reason,
                        "refusedProposal": e.refused_proposal, "analysis": e.analysis,
                        "documentId": e.document_id, "dueAt": due_at }),
                })
            })?;
            Ok(escalations_of(tx, complaints::load(tx, r)?.0)?
                .into_iter()
                .find(|x| x.id == id)
                .expect("just inserted"))
        })
    }

    /// Record the approver's decision on a pending escalation (journaled as
    /// `escalationDecided`). `amount`: the amount approved (accepted only).
    pub fn decide_escalation(
        &mut self,
        id: i64,
        status: EscalationStatus,
        amount: Option<Money>,
        reason: &str,
        actor: &str,
    ) -> Result<(ComplaintRef, Escalation)> {
        let (r, _) = self.escalation(id)?;
        self.write(|tx, w| {
            let at = w.now();
            w.apply(tx, &r, actor, |tx, _, _, _| {
                let changed = tx
                    .prepare_cached(
                        "UPDATE escalations SET status = ?2, decided_amount = ?3,
                            decision_reason = ?4, decided_by = ?5, decided_at = ?6
                         WHERE id = ?1 AND status = 'pending'",
                    )?
                    .execute(params![
                        id,
                        status.as_str(),
                        amount.map(|m| m.to_string()),
                        reason,
                        actor,
                        at
                    ])?;
                if changed == 0 {
                    return Err(ValidationError::new(
                        "escalation",
                        "cette demande de validation a déjà été décidée",
                    )
                    .into());
                }
                Ok(Change {
                    kind: "escalationDecided",
                    data: json!({ "escalationId": id, "status": status, "amount": amount,
                        "reason": reason }),
                })
            })?;
            Ok(())
        })?;
        self.escalation(id)
    }

    /// Every pending escalation, oldest target first.
    pub fn pending_escalations(&self) -> Result<Vec<PendingApproval>> {
        let now = self.clock().now();
        let rows = self
            .conn()
            .prepare_cached(&format!(
                "{SELECT_ESCALATION}, c.reference, c.client_name FROM escalations e
                 JOIN complaints c ON c.id = e.complaint_id
                 WHERE e.status = 'pending' AND c.status <> 'closed' ORDER BY e.due_at, e.id"
            ))?
            .query_map([], |r| {
                let escalation = escalation_from_row(r)?;
                Ok(PendingApproval {
                    reference: vocab(r, 17)?,
                    client_name: r.get(18)?,
                    late: escalation.is_late(now),
                    escalation,
                    may_decide: false,
                    mine: false,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn proposals(&self, r: &ComplaintRef) -> Result<Vec<Proposal>> {
        let (id, _) = complaints::load(self.conn(), r)?;
        proposals_of(self.conn(), id)
    }

    /// Record a proposal made to the client (journaled as `proposalMade`).
    pub fn add_proposal(
        &mut self,
        r: &ComplaintRef,
        kind: ProposalKind,
        description: &str,
        amount: Option<Money>,
        on: NaiveDate,
        actor: &str,
    ) -> Result<Proposal> {
        self.write(|tx, w| {
            let mut id = 0;
            w.apply(tx, r, actor, |tx, cid, _, _| {
                tx.prepare_cached(
                    "INSERT INTO proposals (complaint_id, kind, description, amount, proposed_on,
                        proposed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    cid,
                    kind.as_str(),
                    description,
                    amount.map(|m| m.to_string()),
                    on,
                    actor
                ])?;
                id = tx.last_insert_rowid();
                Ok(Change {
                    kind: "proposalMade",
                    data: json!({ "proposalId": id, "kind": kind, "description": description,
                        "amount": amount, "on": on }),
                })
            })?;
            let cid = complaints::load(tx, r)?.0;
            Ok(proposals_of(tx, cid)?
                .into_iter()
                .find(|p| p.id == id)
                .expect("just inserted"))
        })
    }

    /// Record the client's response to a proposal (journaled as `proposalAnswered`).
    pub fn respond_proposal(
        &mut self,
        r: &ComplaintRef,
        id: i64,
        response: ProposalResponse,
        on: NaiveDate,
        actor: &str,
    ) -> Result<Proposal> {
        self.write(|tx, w| {
            w.apply(tx, r, actor, |tx, cid, _, _| {
                let changed = tx
                    .prepare_cached(
                        "UPDATE proposals SET response = ?3, responded_on = ?4
                         WHERE id = ?1 AND complaint_id = ?2 AND response = 'pending'",
                    )?
                    .execute(params![id, cid, response.as_str(), on])?;
                if changed == 0 {
                    return Err(ValidationError::new(
                        "proposal",
                        format!("la proposition n° {id} n'attend pas de réponse dans ce dossier"),
                    )
                    .into());
                }
                Ok(Change {
                    kind: "proposalAnswered",
                    data: json!({ "proposalId": id, "response": response, "on": on }),
                })
            })?;
            let cid = complaints::load(tx, r)?.0;
            Ok(proposals_of(tx, cid)?
                .into_iter()
                .find(|p| p.id == id)
                .expect("exists"))
        })
    }

    pub fn refund_payment(&self, r: &ComplaintRef) -> Result<Option<RefundPayment>> {
        let (id, _) = complaints::load(self.conn(), r)?;
        refund_payment_of(self.conn(), id)
    }

    /// Record the refund's payment (journaled as `refundPaid`); once per complaint.
    pub fn record_refund_payment(
        &mut self,
        r: &ComplaintRef,
        reference: &str,
        method: PaymentMethod,
        paid_on: NaiveDate,
        actor: &str,
    ) -> Result<RefundPayment> {
        self.write(|tx, w| {
            let at = w.now();
            w.apply(tx, r, actor, |tx, cid, _, _| {
                if refund_payment_of(tx, cid)?.is_some() {
                    return Err(ValidationError::new(
                        "refundPayment",
                        "le paiement de ce remboursement est déjà enregistré",
                    )
                    .into());
                }
                tx.prepare_cached(
                    "INSERT INTO refund_payments (complaint_id, reference, method, paid_on,
                        recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    cid,
                    reference,
                    method.as_str(),
                    paid_on,
                    actor,
                    at
                ])?;
                Ok(Change {
                    kind: "refundPaid",
                    data: json!({ "reference": reference, "method": method, "paidOn": paid_on }),
                })
            })?;
            let cid = complaints::load(tx, r)?.0;
            Ok(refund_payment_of(tx, cid)?.expect("just inserted"))
        })
    }

    /// Refunds decided in an answer and not paid yet, the oldest first.
    pub fn refunds_due(&self) -> Result<Vec<RefundDue>> {
        let today = self.today();
        let rows = self
            .conn()
            .prepare_cached(REFUNDS_DUE)?
            .query_map([], |r| {
                let decided_on: NaiveDate = r.get(3)?;
                let due_on = decided_on + chrono::Duration::days(crate::complaint::REFUND_DUE_DAYS);
                Ok(RefundDue {
                    reference: vocab(r, 0)?,
                    client_name: r.get(1)?,
                    amount: vocab(r, 2)?,
                    decided_on,
                    due_on,
                    late: today > due_on,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}
