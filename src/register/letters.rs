//! Letters: templates, drafts, issued letters, and the approvals a gesture needs.
//!
//! A draft is composed (`letters`) and rendered (`print`) on demand and never stored; issuing
//! checks the same rules, then the store keeps the exact bytes. Who may sign and whether a
//! gesture is covered are the firm's rules (`firm`).

use super::Register;
use crate::complaint::{
    Approval, Complaint, ComplaintRef, EscalationSubject, LetterMeta, Money, Status,
    ValidationError,
};
use crate::error::Result;
use crate::firm::authority;
use crate::firm::User;
use crate::letters::template::Template;
use crate::letters::{
    self, default_template, Draft, LetterKind, LetterRequest, Signatory, TemplateEntry, TEMPLATES,
};
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::BorrowMut;
use std::collections::BTreeMap;

/// Someone who could sign, and whether they may sign the letter at hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignatoryChoice {
    pub name: String,
    pub role: crate::firm::Role,
    /// The largest gesture they may grant alone (`None`: no limit).
    pub authority: Option<Money>,
    /// They may sign the answer letter as it stands (their signing right, and the gesture
    /// within their authority or approved).
    pub may_sign_answer: bool,
    /// Why not, in French.
    pub why_not: Option<String>,
}

/// The answer's gesture and whether an approval covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GestureState {
    pub amount: Money,
    /// An accepted request (or an older approval) covers it.
    pub approved: bool,
    /// The default signatory may not sign the answer without an approval.
    pub needs_approval: bool,
}

/// What the letters area of a complaint file may offer now, decided by the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterChoices {
    pub offers: Vec<letters::choices::LetterOffer>,
    /// Every active user with the right to sign.
    pub signatories: Vec<SignatoryChoice>,
    /// Who signs by default: the acting user if they may, else the handler, else the only one.
    pub default_signatory: Option<String>,
    /// A holding letter must announce an answer no later than this (the answer's due date).
    pub latest_holding_date: NaiveDate,
    pub gesture: Option<GestureState>,
    /// The client has no postal address: a letter cannot be issued (the e-mail route is).
    pub no_postal_address: bool,
}

/// A letter goes to a postal address.
fn has_postal_address(c: &crate::complaint::Complaint) -> bool {
    c.client
        .address
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty())
}

impl<S: BorrowMut<Store>> Register<S> {
    /// The letter templates: the firm's text, or the shipped default.
    pub fn templates(&self) -> Result<Vec<TemplateEntry>> {
        let mut out = Vec::with_capacity(TEMPLATES.len());
        for (key, label, default) in TEMPLATES {
            let stored = self.s().setting(key)?;
            out.push(TemplateEntry {
                key: (*key).to_owned(),
                label: (*label).to_owned(),
                is_default: stored.is_none() || stored.as_deref() == Some(default),
                text: stored.unwrap_or_else(|| (*default).to_owned()),
            });
        }
        Ok(out)
    }

    /// Change a template (journaled). Its placeholders are checked; an empty text restores
    /// the shipped default.
    pub fn set_template(&mut self, key: &str, text: &str) -> Result<()> {
        let Some(default) = default_template(key) else {
            return Err(ValidationError::new(key, "modèle de lettre inconnu").into());
        };
        let text = crate::complaint::input::text(key, text, 20_000, true)?;
        let text = if text.is_empty() {
            default.to_owned()
        } else {
            text
        };
        let parsed = Template::parse_with(key, &text, letters::placeholders_for(key))?;
        letters::check_required(key, &parsed)?;
        let actor = self.actor()?;
        let before = self.s().setting(key)?;
        let before = before.as_deref().unwrap_or(default);
        if before == text {
            return Ok(());
        }
        let before = before.to_owned();
        self.sm().save_template(key, &text, &before, &actor)
    }

    /// Compose and render a letter (not stored). Refuses what the rules forbid: a signatory
    /// without signing authority, a gesture above the signatory's authority without approval,
    /// a rejection without a mediator configured...
    pub fn draft_letter(&self, r: &ComplaintRef, req: &LetterRequest) -> Result<Draft> {
        let c = self.s().get(r)?;
        let (signatory, png) = self.s().user(&req.signatory)?;
        if let Some(why) = crate::firm::signing_refusal(&signatory) {
            return Err(ValidationError::new("signatory", why).into());
        }
        if req.kind == LetterKind::Answer {
            if let Some(why) = self.answer_uncovered(&c, &signatory)? {
                return Err(ValidationError::new("gesture", why).into());
            }
        }
        let (firm, mediator, every) = self.s().firm()?;
        let mut templates = BTreeMap::new();
        for (key, _, _) in TEMPLATES {
            if let Some(t) = self.s().setting(key)? {
                templates.insert((*key).to_owned(), t);
            }
        }
        let sig = Signatory {
            name: signatory.name.clone(),
            title: signatory.role.label().to_owned(),
            signature_png: png,
        };
        let ctx = letters::Context {
            firm: &firm,
            mediator: &mediator,
            mediator_in_every_answer: every,
            templates: &templates,
            signatory: &sig,
            today: self.today(),
            holding: req.holding.as_ref(),
        };
        let composed = letters::compose(req.kind, &c, &ctx)?;
        let pdf = letters::render(&composed, &firm, &sig, self.clock().now())?;
        Ok(Draft { composed, pdf })
    }

    /// Issue a letter: the draft's rules, then the store keeps its PDF and hash, journals it,
    /// and moves the complaint's step.
    pub fn issue_letter(&mut self, r: &ComplaintRef, req: &LetterRequest) -> Result<LetterMeta> {
        let c = self.s().get(r)?;
        crate::complaint::ending::ensure_running(&c, "lettre")?;
        if !has_postal_address(&c) {
            return Err(ValidationError::new(
                "client.address",
                "le client n'a pas d'adresse postale : renseignez-la dans la fiche de la \
                 réclamation, ou envoyez la réponse par e-mail et indiquez ce mode d'envoi \
                 (copie du message jointe)",
            )
            .into());
        }
        let draft = self.draft_letter(r, req)?;
        let actor = self.actor()?;
        let holding = req
            .holding
            .as_ref()
            .map(|h| (h.note.as_str(), h.expected_on));
        let reason = format!("{} — réclamation {r}", req.kind.label());
        let (pdf, certificate) = self.signed_for_issue(draft.pdf, &reason)?;
        self.sm().record_issued_letter(
            r,
            req.kind,
            holding,
            &draft.composed.signatory_name,
            crate::store::letters::IssuedPdf {
                pdf: &pdf,
                certificate: certificate.as_deref(),
            },
            &actor,
        )
    }

    /// Why `signatory` may not sign the answer as recorded: its gesture or refund is beyond
    /// their authority and no accepted request covers it. `None`: they may.
    fn answer_uncovered(&self, c: &Complaint, signatory: &User) -> Result<Option<String>> {
        let Some(answer) = c.answer.as_ref() else {
            return Ok(None);
        };
        if answer.gesture.is_none() && answer.refund.is_none() {
            return Ok(None);
        }
        let t = self.s().thresholds()?;
        let req = authority::requirement(answer.gesture, answer.refund.as_ref(), signatory, &t);
        let escalations = self.s().escalations(&c.reference)?;
        let legacy = self
            .s()
            .approvals(&c.reference)?
            .iter()
            .map(|a| a.amount)
            .max();
        let approved_gesture =
            authority::approved(&escalations, EscalationSubject::Gesture).max(legacy);
        let approved_refund = authority::approved(&escalations, EscalationSubject::Refund);
        if let (Some(_), Some(g)) = (req.gesture_approval, answer.gesture) {
            if approved_gesture.is_none_or(|a| a < g) {
                let limit = authority::gesture_limit(signatory, &t)
                    .map(|m| m.to_french())
                    .unwrap_or_else(|| "sans plafond".into());
                return Ok(Some(format!(
                    "le geste commercial de {} dépasse l'habilitation de {} ({limit}) : il doit \
                     être validé par un responsable ou le dirigeant avant l'envoi de la réponse",
                    g.to_french(),
                    signatory.name,
                )));
            }
        }
        if let (Some(_), Some(r)) = (req.refund_approval, answer.refund.as_ref()) {
            if approved_refund.is_none_or(|a| a < r.amount) {
                return Ok(Some(format!(
                    "le remboursement exceptionnel de {} dépasse l'habilitation de {} : il doit \
                     être validé avant l'envoi de la réponse",
                    r.amount.to_french(),
                    signatory.name
                )));
            }
        }
        Ok(None)
    }

    /// What the letters area may offer now: the letters, who may sign them and why not, the
    /// latest date a holding letter may announce, the gesture's approval.
    pub fn letter_choices(&self, r: &ComplaintRef) -> Result<LetterChoices> {
        let c = self.s().get(r)?;
        let issued = self.s().letters(r)?;
        let thresholds = self.s().thresholds()?;
        let mut signatories = Vec::new();
        for u in self.s().users()? {
            if crate::firm::signing_refusal(&u).is_some() {
                continue;
            }
            let why_not = self.answer_uncovered(&c, &u)?;
            signatories.push(SignatoryChoice {
                may_sign_answer: why_not.is_none(),
                why_not,
                authority: authority::gesture_limit(&u, &thresholds),
                role: u.role,
                name: u.name,
            });
        }
        let same = crate::firm::same_name;
        let find = |name: Option<&str>| {
            name.and_then(|n| signatories.iter().find(|s| same(&s.name, n)))
                .map(|s| s.name.clone())
        };
        let default_signatory = find(self.acting())
            .or_else(|| find(c.handler.as_deref()))
            .or_else(|| (signatories.len() == 1).then(|| signatories[0].name.clone()));
        let gesture = match (c.status, c.answer.as_ref().and_then(|a| a.gesture)) {
            (Status::Answered, Some(amount)) => {
                let approved = self
                    .s()
                    .escalations(r)?
                    .iter()
                    .filter_map(|e| e.covers(EscalationSubject::Gesture))
                    .chain(self.s().approvals(r)?.iter().map(|a| a.amount))
                    .any(|a| a >= amount);
                let signer = default_signatory
                    .as_deref()
                    .and_then(|n| signatories.iter().find(|s| s.name == n));
                Some(GestureState {
                    amount,
                    approved,
                    needs_approval: signer.is_some_and(|s| !s.may_sign_answer),
                })
            }
            _ => None,
        };
        Ok(LetterChoices {
            offers: letters::choices::offers(&c, &issued),
            default_signatory,
            signatories,
            latest_holding_date: c.deadlines.answer_due,
            no_postal_address: !has_postal_address(&c),
            gesture,
        })
    }

    pub fn letters(&self, r: &ComplaintRef) -> Result<Vec<LetterMeta>> {
        self.s().letters(r)
    }

    /// An issued letter with its bytes; an altered one is reported.
    pub fn letter_pdf(&self, id: i64) -> Result<(LetterMeta, Vec<u8>)> {
        self.s().letter_pdf(id)
    }

    pub fn approvals(&self, r: &ComplaintRef) -> Result<Vec<Approval>> {
        self.s().approvals(r)
    }
}
