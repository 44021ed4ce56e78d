//! Where money is decided: the answer's gesture and refund checked against the authority
//! matrix when the answer is recorded, the requests for approval and their decisions, the
//! proposals made to the client, and the refund's payment.

use super::Register;
use crate::complaint::input::{optional_money, past_date, required, MAX_TEXT};
use crate::complaint::lifecycle::AnswerMoney;
use crate::complaint::{
    Complaint, ComplaintRef, Escalation, EscalationDecision, EscalationStatus, EscalationSubject,
    Feedback, Money, NewEscalation, NewProposal, NewRefundPayment, Outcome, Proposal,
    ProposalResponse, RefundPayment, Role, Sent, Status, Step, ValidationError,
};
use crate::error::{Error, Result, ValidationErrors};
use crate::firm::authority::{self, Requirement};
use crate::firm::User;
use crate::store::authority::{EscalationRequest, PendingApproval, RefundDue};
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::BorrowMut;

/// What the money of an answer needs from the acting user, and what already covers it: the
/// answer form shows it as the user types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AuthorityCheck {
    pub requirement: Requirement,
    /// The largest gesture the acting user grants alone (`None`: no ceiling).
    pub limit: Option<Money>,
    /// What accepted requests approve, per subject.
    pub approved_gesture: Option<Money>,
    pub approved_refund: Option<Money>,
    /// A pending request waits for a decision.
    pub pending: bool,
    /// What is still missing, in French (empty: the answer may be recorded).
    pub missing: Vec<ValidationError>,
    /// The procedure's advice, in French, that does not block the answer (the seed asks for
    /// at least three creative proposals before a pure refund).
    pub advice: Vec<String>,
}

/// Proposals the seed asks for before a refund by exception.
pub const CREATIVE_PROPOSALS: usize = 3;

use crate::firm::same_name as same;

impl<S: BorrowMut<Store>> Register<S> {
    /// The acting user as the firm knows them. While the firm has no users, the actor stands
    /// as its manager (as before users existed).
    fn acting_user(&self, field: &str) -> Result<User> {
        let actor = self.actor()?;
        let users = self.s().users()?;
        if users.is_empty() {
            return Ok(User {
                id: 0,
                name: actor,
                role: Role::Manager,
                can_sign: true,
                max_gesture: None,
                active: true,
                authority: None,
                has_signature: false,
                has_credentials: false,
            });
        }
        match users.into_iter().find(|u| same(&u.name, &actor)) {
            Some(u) if u.active => Ok(u),
            Some(u) => Err(Error::Forbidden(format!("{} est désactivé(e)", u.name))),
            None => Err(ValidationError::new(
                field,
                format!(
                    "« {actor} » n'est pas un utilisateur du cabinet : seul un utilisateur \
                     habilité décide d'un geste ou d'un remboursement"
                ),
            )
            .into()),
        }
    }

    /// Check the answer's money against the matrix for the acting user.
    pub fn authority_check(&self, r: &ComplaintRef, money: &AnswerMoney) -> Result<AuthorityCheck> {
        let user = self.acting_user("gesture")?;
        let t = self.s().thresholds()?;
        let req = authority::requirement(money.gesture, money.refund.as_ref(), &user, &t);
        let escalations = self.s().escalations(r)?;
        let legacy = self.s().approvals(r)?.iter().map(|a| a.amount).max();
        let approved_gesture =
            authority::approved(&escalations, EscalationSubject::Gesture).max(legacy);
        let approved_refund = authority::approved(&escalations, EscalationSubject::Refund);
        // An internal document: the decision's own, or that of an accepted request for the
        // same money (a gesture's document does not justify a refund).
        let subjects = [
            money.gesture.map(|_| EscalationSubject::Gesture),
            money.refund.map(|_| EscalationSubject::Refund),
        ];
        let has_document = money.document_id.is_some()
            || escalations.iter().any(|e| {
                e.status == EscalationStatus::Accepted
                    && e.document_id.is_some()
                    && subjects.contains(&Some(e.subject))
            });
        let has_reason = money
            .gesture_reason
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        let mut missing = Vec::new();
        if let Some(id) = money.document_id {
            if !self.s().is_attachment_of(r, id)? {
                missing.push(ValidationError::new(
                    "documentId",
                    format!("la pièce jointe n° {id} n'appartient pas à ce dossier"),
                ));
            }
        }
        missing.extend(authority::unmet(
            &req,
            money.gesture,
            money.refund.as_ref(),
            has_reason,
            approved_gesture,
            approved_refund,
            has_document,
        ));
        let mut advice = Vec::new();
        let exception = money.refund.as_ref().is_some_and(|r| !r.basis.is_legal());
        if exception && money.gesture.is_none() {
            let made = self
                .s()
                .proposals(r)?
                .iter()
                .filter(|p| p.kind != crate::complaint::ProposalKind::Refund)
                .count();
            if made < CREATIVE_PROPOSALS {
                advice.push(format!(
                    "Avant un remboursement exceptionnel, la procédure demande au moins \
                     {CREATIVE_PROPOSALS} propositions (avoir, prestation offerte, mois offerts…) : \
                     {made} enregistrée(s) dans ce dossier"
                ));
            }
        }
        Ok(AuthorityCheck {
            advice,
            requirement: req,
            limit: authority::gesture_limit(&user, &t),
            approved_gesture,
            approved_refund,
            pending: escalations
                .iter()
                .any(|e| e.status == EscalationStatus::Pending),
            missing,
        })
    }

    /// Record the answer. A gesture or a refund beyond the acting user's authority is
    /// recorded only once an accepted request covers it, with the reason and the internal
    /// document the matrix asks for.
    pub fn answer(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        money: &AnswerMoney,
        sent: Option<Sent>,
    ) -> Result<Complaint> {
        let mut probe = self.s().get(r)?;
        let step_error = crate::complaint::lifecycle::answer(
            &mut probe,
            on,
            outcome,
            summary,
            money,
            self.today(),
        )
        .err()
        .map(Error::from);
        let sent = super::ending::require_sent(Step::Answer, sent, step_error)?;
        self.answer_stated(r, on, outcome, summary, money, Some(sent))
    }

    /// Record the answer as `answer` does; `sent` absent only for an answer made by a version
    /// that did not ask how it was sent (a change of the firm's journal made before).
    pub fn answer_stated(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        money: &AnswerMoney,
        sent: Option<Sent>,
    ) -> Result<Complaint> {
        if money.gesture.is_some() || money.refund.is_some() || money.document_id.is_some() {
            let check = self.authority_check(r, money)?;
            if let Some(errors) = ValidationErrors::new(check.missing) {
                return Err(errors.into());
            }
        }
        let actor = self.actor()?;
        self.sm()
            .answer_sent(r, on, outcome, summary, money, sent, &actor)
    }

    /// Close the file, with the client's satisfaction (1 to 5) when they gave it. A total or
    /// partial rejection is closed only once the client was told the recourse routes: an
    /// answer letter issued from the register carries them, otherwise `recourse_note` says
    /// how they were given.
    pub fn close(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        feedback: Feedback,
        satisfaction: Option<u8>,
        recourse_note: Option<&str>,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        let c = self.s().get(r)?;
        let rejection = c
            .answer
            .as_ref()
            .is_some_and(|a| a.outcome.requires_recourse());
        let noted = recourse_note.is_some_and(|n| !n.trim().is_empty());
        let answer_letters = self
            .s()
            .letters(r)?
            .iter()
            .filter(|l| l.kind == crate::complaint::LetterKind::Answer)
            .count();
        if c.answer_letter_due(answer_letters) {
            return Err(ValidationError::new(
                "answerLetter",
                "la réponse devait partir par la lettre du registre, qui n'a pas été émise : \
                 émettez-la depuis Courriers, ou indiquez comment la réponse a été envoyée",
            )
            .into());
        }
        if rejection && !noted {
            let letter = answer_letters > 0;
            if !letter {
                return Err(ValidationError::new(
                    "recourse",
                    "la réponse rejette la réclamation, en tout ou partie : émettez d'abord la \
                     lettre de réponse, qui mentionne les voies de recours, ou indiquez comment \
                     elles ont été communiquées au client (e-mail joint, courrier envoyé…)",
                )
                .into());
            }
        }
        self.sm()
            .close_with(r, on, feedback, satisfaction, recourse_note, &actor)
    }

    pub fn escalations(&self, r: &ComplaintRef) -> Result<Vec<Escalation>> {
        self.s().escalations(r)
    }

    /// Ask a supervisor or the manager to approve a gesture or a refund beyond the acting
    /// user's authority: the reason, the amount at stake, the proposal the client refused,
    /// the analysis, and at the document level the internal document.
    pub fn request_approval(&mut self, r: &ComplaintRef, e: &NewEscalation) -> Result<Escalation> {
        let user = self.acting_user("escalation")?;
        let c = self.s().get(r)?;
        if c.status == Status::Closed {
            return Err(ValidationError::new(
                "escalation",
                "la réclamation est clôturée : plus rien n'est à valider",
            )
            .into());
        }
        let mut errors = Vec::new();
        let amount = match optional_money("amount", Some(&e.amount)) {
            Ok(Some(a)) if !a.amount().is_zero() => Some(a),
            Ok(_) => {
                errors.push(ValidationError::new("amount", "indiquez le montant en jeu"));
                None
            }
            Err(err) => {
                errors.push(err);
                None
            }
        };
        let mut text = |field: &str, value: &str, what: &str| -> String {
            match required(field, value, MAX_TEXT, true) {
                Ok(v) => v,
                Err(_) => {
                    errors.push(ValidationError::new(field, format!("indiquez {what}")));
                    String::new()
                }
            }
        };
        let reason = text("reason", &e.reason, "le motif de la demande");
        let refused_proposal = text(
            "refusedProposal",
            &e.refused_proposal,
            "la proposition déjà refusée par le client",
        );
        let analysis = text("analysis", &e.analysis, "votre analyse du dossier");
        if e.subject == EscalationSubject::Refund && e.refund_scope.is_none() {
            errors.push(ValidationError::new(
                "refundScope",
                "précisez si le remboursement est partiel ou intégral",
            ));
        }
        let t = self.s().thresholds()?;
        let level = amount.map(|a| authority::escalation_level(e.subject, a, e.refund_scope, &t));
        if level == Some(crate::complaint::ApprovalLevel::Document) && e.document_id.is_none() {
            errors.push(ValidationError::new(
                "documentId",
                "à ce niveau, joignez le document interne (une pièce jointe du dossier)",
            ));
        }
        if let Some(errors) = ValidationErrors::new(errors) {
            return Err(errors.into());
        }
        let (amount, level) = (amount.expect("checked"), level.expect("checked"));
        if self
            .s()
            .escalations(r)?
            .iter()
            .any(|x| x.status == EscalationStatus::Pending && x.subject == e.subject)
        {
            return Err(ValidationError::new(
                "escalation",
                format!(
                    "une demande de validation ({}) attend déjà sa décision",
                    e.subject.label().to_lowercase()
                ),
            )
            .into());
        }
        let request = EscalationRequest {
            subject: e.subject,
            amount,
            refund_scope: if e.subject == EscalationSubject::Refund {
                e.refund_scope
            } else {
                None
            },
            level,
            reason,
            refused_proposal,
            analysis,
            document_id: e.document_id,
            target_hours: authority::target_hours(level),
        };
        self.sm().request_escalation(r, &request, &user.name)
    }

    /// Decide a request for approval as the acting user (a supervisor or the manager whose
    /// authority covers it, not the requester): accept, possibly for a lower amount, or
    /// refuse, with a reason.
    pub fn decide_approval(&mut self, id: i64, d: &EscalationDecision) -> Result<Escalation> {
        let approver = self.acting_user("escalation")?;
        let (r, e) = self.s().escalation(id)?;
        if self.s().get(&r)?.status == Status::Closed {
            return Err(ValidationError::new(
                "escalation",
                "la réclamation est clôturée : cette demande n'a plus à être décidée",
            )
            .into());
        }
        if e.status != EscalationStatus::Pending {
            return Err(ValidationError::new(
                "escalation",
                "cette demande de validation a déjà été décidée",
            )
            .into());
        }
        if same(&e.requested_by, &approver.name) {
            return Err(Error::Forbidden(
                "on ne valide pas sa propre demande : un autre responsable ou le dirigeant décide"
                    .into(),
            ));
        }
        let reason = required("reason", &d.reason, MAX_TEXT, true)
            .map_err(|_| ValidationError::new("reason", "indiquez le motif de votre décision"))?;
        let amount = if d.accept {
            let a = optional_money("amount", d.amount.as_deref())?.unwrap_or(e.amount);
            if a.amount().is_zero() || a > e.amount {
                return Err(ValidationError::new(
                    "amount",
                    format!(
                        "le montant validé doit être positif et au plus celui demandé ({})",
                        e.amount.to_french()
                    ),
                )
                .into());
            }
            Some(a)
        } else {
            None
        };
        let t = self.s().thresholds()?;
        if let Some(why) = authority::approval_refusal(&approver, amount.unwrap_or(e.amount), &t) {
            return Err(Error::Forbidden(why));
        }
        let status = if d.accept {
            EscalationStatus::Accepted
        } else {
            EscalationStatus::Refused
        };
        let (_, decided) =
            self.sm()
                .decide_escalation(id, status, amount, &reason, &approver.name)?;
        Ok(decided)
    }

    /// The requests waiting for a decision that concern the acting user: those they may
    /// decide, and their own.
    pub fn pending_approvals(&self) -> Result<Vec<PendingApproval>> {
        let Some(actor) = self.acting().map(str::to_owned) else {
            return Ok(Vec::new());
        };
        let user = self
            .s()
            .users()?
            .into_iter()
            .find(|u| same(&u.name, &actor));
        let t = self.s().thresholds()?;
        let mut out = Vec::new();
        for mut p in self.s().pending_escalations()? {
            p.mine = same(&p.escalation.requested_by, &actor);
            p.may_decide = !p.mine
                && user.as_ref().is_some_and(|u| {
                    authority::approval_refusal(u, p.escalation.amount, &t).is_none()
                });
            if p.mine || p.may_decide {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// Record a solution proposed to the client.
    pub fn add_proposal(&mut self, r: &ComplaintRef, p: &NewProposal) -> Result<Proposal> {
        let actor = self.actor()?;
        let c = self.s().get(r)?;
        let mut errors = Vec::new();
        let description = required("description", &p.description, MAX_TEXT, true)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let amount = optional_money("amount", p.amount.as_deref())
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let on = match past_date("on", p.on, self.today()) {
            Ok(on) if on < c.received_on => {
                errors.push(ValidationError::new(
                    "on",
                    "une proposition ne peut pas être antérieure à la réception de la réclamation",
                ));
                on
            }
            Ok(on) => on,
            Err(e) => {
                errors.push(e);
                p.on
            }
        };
        if let Some(errors) = ValidationErrors::new(errors) {
            return Err(errors.into());
        }
        self.sm()
            .add_proposal(r, p.kind, &description, amount, on, &actor)
    }

    /// Record the client's response to a proposal.
    pub fn respond_proposal(
        &mut self,
        r: &ComplaintRef,
        id: i64,
        accepted: bool,
        on: NaiveDate,
    ) -> Result<Proposal> {
        let actor = self.actor()?;
        let on = past_date("on", on, self.today())?;
        let proposal = self
            .s()
            .proposals(r)?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Error::NotFound(format!("proposition n° {id}")))?;
        if on < proposal.proposed_on {
            return Err(ValidationError::new(
                "on",
                "la réponse du client ne peut pas être antérieure à la proposition",
            )
            .into());
        }
        let response = if accepted {
            ProposalResponse::Accepted
        } else {
            ProposalResponse::Refused
        };
        self.sm().respond_proposal(r, id, response, on, &actor)
    }

    /// Record the payment of the refund the answer decided.
    pub fn record_refund_payment(
        &mut self,
        r: &ComplaintRef,
        p: &NewRefundPayment,
    ) -> Result<RefundPayment> {
        let actor = self.actor()?;
        let c = self.s().get(r)?;
        let Some(answer) = c.answer.as_ref().filter(|a| a.refund.is_some()) else {
            return Err(ValidationError::new(
                "refundPayment",
                "la réponse de ce dossier ne décide aucun remboursement",
            )
            .into());
        };
        let reference = required("reference", &p.reference, 200, false)?;
        let paid_on = past_date("paidOn", p.paid_on, self.today())?;
        if paid_on < answer.on {
            return Err(ValidationError::new(
                "paidOn",
                "le paiement ne peut pas être antérieur à la décision de rembourser",
            )
            .into());
        }
        self.sm()
            .record_refund_payment(r, &reference, p.method, paid_on, &actor)
    }

    /// Refunds decided and not yet paid (due 14 days after the answer).
    pub fn refunds_due(&self) -> Result<Vec<RefundDue>> {
        self.s().refunds_due()
    }
}
