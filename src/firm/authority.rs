//! The authority matrix (seed 000, section 6): who decides a commercial gesture or a refund,
//! with what justification, and who must approve it otherwise. Pure rules: the register asks
//! them when an answer is recorded, when an approval is requested or decided, and when a
//! letter is issued.

use super::User;
use crate::complaint::{
    ApprovalLevel, Escalation, EscalationSubject, Money, Refund, RefundScope, Role, ValidationError,
};
use serde::Serialize;

/// The firm's matrix (settings `authority.*`, a manager may change them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// From this amount a gesture needs a recorded reason (seed: 20 EUR).
    pub reason_from: Money,
    /// The advisor's ceiling: above it, a supervisor approves (seed: 50 EUR).
    pub advisor: Money,
    /// The supervisor's ceiling; `None`: none (the seed lets a supervisor approve any amount
    /// with an internal document).
    pub supervisor: Option<Money>,
    /// Above this amount (or for a full refund by exception) an internal document is attached
    /// to the decision (seed: 100 EUR).
    pub document_from: Money,
}

/// The largest goodwill gesture `user` may grant alone; `None`: no limit.
pub fn gesture_limit(user: &User, thresholds: &Thresholds) -> Option<Money> {
    if let Some(own) = user.max_gesture {
        return Some(own);
    }
    match user.role {
        Role::Manager => None,
        Role::Advisor => Some(thresholds.advisor),
        Role::Supervisor => thresholds.supervisor,
    }
}

fn within(amount: Money, limit: Option<Money>) -> bool {
    limit.is_none_or(|max| amount <= max)
}

/// What the money of an answer needs before it is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    /// A reason must be noted for the gesture.
    pub reason: bool,
    /// The gesture is beyond the actor's authority: an approval at this level covers it.
    pub gesture_approval: Option<ApprovalLevel>,
    /// The refund (by exception) needs an approval at this level.
    pub refund_approval: Option<ApprovalLevel>,
    /// An internal document must be attached to the decision.
    pub document: bool,
}

/// The level an approval of `amount` needs.
fn level(amount: Money, t: &Thresholds) -> ApprovalLevel {
    if amount > t.document_from {
        ApprovalLevel::Document
    } else {
        ApprovalLevel::Supervisor
    }
}

/// What `actor` needs to decide `gesture` and `refund` in an answer.
pub fn requirement(
    gesture: Option<Money>,
    refund: Option<&Refund>,
    actor: &User,
    t: &Thresholds,
) -> Requirement {
    let limit = gesture_limit(actor, t);
    let mut req = Requirement::default();
    if let Some(g) = gesture {
        req.reason = g >= t.reason_from;
        if !within(g, limit) {
            req.gesture_approval = Some(level(g, t));
        }
        req.document |= g > t.document_from;
    }
    if let Some(r) = refund.filter(|r| !r.basis.is_legal()) {
        let lvl = match r.scope {
            RefundScope::Full => ApprovalLevel::Document,
            RefundScope::Partial => level(r.amount, t),
        };
        if actor.role == Role::Advisor || !within(r.amount, limit) {
            req.refund_approval = Some(lvl);
        }
        req.document |= lvl == ApprovalLevel::Document;
    }
    req
}

/// The level an escalation of `amount` (and, for a refund, `scope`) asks for.
pub fn escalation_level(
    subject: EscalationSubject,
    amount: Money,
    scope: Option<RefundScope>,
    t: &Thresholds,
) -> ApprovalLevel {
    match (subject, scope) {
        (EscalationSubject::Refund, Some(RefundScope::Full)) => ApprovalLevel::Document,
        _ => level(amount, t),
    }
}

/// The approver's target time for a level, in hours (seed: 2 h, 4 h).
pub fn target_hours(level: ApprovalLevel) -> i64 {
    match level {
        ApprovalLevel::Supervisor => 2,
        ApprovalLevel::Document => 4,
    }
}

/// Why `user` may not approve `amount` (a supervisor or the manager, active, whose authority
/// covers it), if they may not.
pub fn approval_refusal(user: &User, amount: Money, t: &Thresholds) -> Option<String> {
    if !user.active {
        return Some(format!("{} n'est plus actif(ve)", user.name));
    }
    if user.role == Role::Advisor {
        return Some(format!(
            "{} est conseiller(ère) : seul un responsable ou le dirigeant valide",
            user.name
        ));
    }
    match gesture_limit(user, t) {
        Some(max) if amount > max => Some(format!(
            "{} ne peut valider que jusqu'à {} : la demande de {} revient au dirigeant",
            user.name,
            max.to_french(),
            amount.to_french()
        )),
        _ => None,
    }
}

/// The amount the escalations approve for `subject` (the largest accepted one).
pub fn approved(escalations: &[Escalation], subject: EscalationSubject) -> Option<Money> {
    escalations.iter().filter_map(|e| e.covers(subject)).max()
}

/// The refusal of an answer's money when its requirement is not met: no reason, no covering
/// approval, no internal document. `approved_*` are what accepted escalations cover;
/// `has_document` whether the decision or its approval carries an internal document.
pub fn unmet(
    req: &Requirement,
    gesture: Option<Money>,
    refund: Option<&Refund>,
    has_reason: bool,
    approved_gesture: Option<Money>,
    approved_refund: Option<Money>,
    has_document: bool,
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if req.reason && !has_reason {
        errors.push(ValidationError::new(
            "gestureReason",
            "un geste commercial de ce montant demande un motif clair, noté ici",
        ));
    }
    if let (Some(level), Some(g)) = (req.gesture_approval, gesture) {
        if approved_gesture.is_none_or(|a| a < g) {
            errors.push(ValidationError::new(
                "gesture",
                format!(
                    "le geste de {} dépasse votre habilitation : demandez d'abord la {} \
                     avant d'enregistrer la réponse{}",
                    g.to_french(),
                    level.label().to_lowercase(),
                    approved_gesture
                        .map(|a| format!(" (validé jusqu'à {})", a.to_french()))
                        .unwrap_or_default()
                ),
            ));
        }
    }
    if let (Some(level), Some(r)) = (req.refund_approval, refund) {
        if approved_refund.is_none_or(|a| a < r.amount) {
            errors.push(ValidationError::new(
                "refund",
                format!(
                    "un remboursement exceptionnel {} de {} demande d'abord la {} avant \
                     d'enregistrer la réponse",
                    r.scope.label().to_lowercase(),
                    r.amount.to_french(),
                    level.label().to_lowercase()
                ),
            ));
        }
    }
    if req.document && !has_document {
        errors.push(ValidationError::new(
            "documentId",
            "au-delà du seuil de la matrice (ou pour un remboursement intégral exceptionnel), \
             joignez le document interne qui justifie la décision",
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complaint::{EscalationStatus, RefundBasis};

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    fn user(role: Role) -> User {
        User {
            id: 1,
            name: "Paul".into(),
            role,
            can_sign: true,
            max_gesture: None,
            active: true,
            authority: None,
            has_signature: false,
            has_credentials: false,
        }
    }

    fn seed() -> Thresholds {
        Thresholds {
            reason_from: m("20"),
            advisor: m("50"),
            supervisor: None,
            document_from: m("100"),
        }
    }

    #[test]
    fn the_seed_matrix_for_an_advisor() {
        let t = seed();
        let a = user(Role::Advisor);
        // Under 20: alone.
        assert_eq!(
            requirement(Some(m("19.99")), None, &a, &t),
            Requirement::default()
        );
        // 20 to 50: alone with a reason.
        let r = requirement(Some(m("20")), None, &a, &t);
        assert!(r.reason && r.gesture_approval.is_none() && !r.document);
        let r = requirement(Some(m("50")), None, &a, &t);
        assert!(r.reason && r.gesture_approval.is_none());
        // 50 to 100: a supervisor approves.
        let r = requirement(Some(m("60")), None, &a, &t);
        assert_eq!(r.gesture_approval, Some(ApprovalLevel::Supervisor));
        assert!(!r.document);
        // Over 100: approval with an internal document.
        let r = requirement(Some(m("150")), None, &a, &t);
        assert_eq!(r.gesture_approval, Some(ApprovalLevel::Document));
        assert!(r.document);
    }

    #[test]
    fn refunds_legal_or_by_exception() {
        let t = seed();
        let a = user(Role::Advisor);
        let legal = Refund {
            amount: m("400"),
            basis: RefundBasis::Withdrawal,
            scope: RefundScope::Full,
        };
        assert_eq!(
            requirement(None, Some(&legal), &a, &t),
            Requirement::default()
        );
        let partial = Refund {
            amount: m("30"),
            basis: RefundBasis::Exception,
            scope: RefundScope::Partial,
        };
        let r = requirement(None, Some(&partial), &a, &t);
        assert_eq!(r.refund_approval, Some(ApprovalLevel::Supervisor));
        assert!(!r.document);
        let full = Refund {
            scope: RefundScope::Full,
            ..partial
        };
        let r = requirement(None, Some(&full), &a, &t);
        assert_eq!(r.refund_approval, Some(ApprovalLevel::Document));
        assert!(r.document);
        // A supervisor decides a partial refund alone; a full one still carries a document.
        let s = user(Role::Supervisor);
        assert_eq!(
            requirement(None, Some(&partial), &s, &t),
            Requirement::default()
        );
        let r = requirement(None, Some(&full), &s, &t);
        assert!(r.refund_approval.is_none() && r.document);
    }

    #[test]
    fn managers_and_personal_limits() {
        let t = seed();
        let boss = user(Role::Manager);
        let r = requirement(Some(m("150")), None, &boss, &t);
        assert!(r.gesture_approval.is_none() && r.reason && r.document);
        let mut capped = user(Role::Supervisor);
        capped.max_gesture = Some(m("80"));
        assert_eq!(
            requirement(Some(m("90")), None, &capped, &t).gesture_approval,
            Some(ApprovalLevel::Supervisor)
        );
        assert!(approval_refusal(&capped, m("90"), &t).is_some());
        assert!(approval_refusal(&user(Role::Advisor), m("10"), &t).is_some());
        assert!(approval_refusal(&user(Role::Supervisor), m("900"), &t).is_none());
    }

    #[test]
    fn unmet_requirements_are_all_reported() {
        let t = seed();
        let a = user(Role::Advisor);
        let r = requirement(Some(m("150")), None, &a, &t);
        let errors = unmet(&r, Some(m("150")), None, false, Some(m("100")), None, false);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["gestureReason", "gesture", "documentId"]);
        assert!(unmet(&r, Some(m("150")), None, true, Some(m("150")), None, true).is_empty());
        let e = Escalation {
            id: 1,
            subject: EscalationSubject::Gesture,
            amount: m("150"),
            refund_scope: None,
            level: ApprovalLevel::Document,
            reason: String::new(),
            refused_proposal: String::new(),
            analysis: String::new(),
            document_id: None,
            requested_by: "Paul".into(),
            requested_at: chrono::DateTime::UNIX_EPOCH,
            due_at: chrono::DateTime::UNIX_EPOCH,
            status: EscalationStatus::Accepted,
            decided_amount: Some(m("120")),
            decision_reason: None,
            decided_by: None,
            decided_at: None,
        };
        assert_eq!(
            approved(std::slice::from_ref(&e), EscalationSubject::Gesture),
            Some(m("120"))
        );
        assert_eq!(approved(&[e], EscalationSubject::Refund), None);
    }
}
