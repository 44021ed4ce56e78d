//! Letters: templates, drafts, issued letters, and the approvals a gesture needs.
//!
//! A draft is composed (`letters`) and rendered (`print`) on demand and never stored; issuing
//! checks the same rules, then the store keeps the exact bytes. Who may sign and whether a
//! gesture is covered are the firm's rules (`firm`).

use super::Register;
use crate::complaint::{Approval, ComplaintRef, LetterMeta, Money, ValidationError};
use crate::error::Result;
use crate::letters::template::Template;
use crate::letters::{
    self, default_template, Draft, LetterKind, LetterRequest, Signatory, TemplateEntry, TEMPLATES,
};
use crate::store::Store;
use std::borrow::BorrowMut;
use std::collections::BTreeMap;

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
        Template::parse_with(key, &text, letters::placeholders_for(key))?;
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
            if let Some(gesture) = c.answer.as_ref().and_then(|a| a.gesture) {
                let limit = self.s().authority(&signatory)?;
                let approved: Vec<Money> =
                    self.s().approvals(r)?.iter().map(|a| a.amount).collect();
                if let (Some(max), false) = (
                    limit,
                    crate::firm::gesture_covered(gesture, limit, &approved),
                ) {
                    return Err(ValidationError::new(
                        "gesture",
                        format!(
                            "le geste commercial de {} dépasse l'habilitation de {} ({}) : il \
                             doit être validé par un responsable ou le dirigeant avant l'envoi \
                             de la réponse",
                            gesture.to_french(),
                            signatory.name,
                            max.to_french()
                        ),
                    )
                    .into());
                }
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
        let draft = self.draft_letter(r, req)?;
        let actor = self.actor()?;
        let holding = req
            .holding
            .as_ref()
            .map(|h| (h.note.as_str(), h.expected_on));
        self.sm().record_issued_letter(
            r,
            req.kind,
            holding,
            &draft.composed.signatory_name,
            &draft.pdf,
            &actor,
        )
    }

    pub fn letters(&self, r: &ComplaintRef) -> Result<Vec<LetterMeta>> {
        self.s().letters(r)
    }

    /// An issued letter with its bytes; an altered one is reported.
    pub fn letter_pdf(&self, id: i64) -> Result<(LetterMeta, Vec<u8>)> {
        self.s().letter_pdf(id)
    }

    /// Approve a gesture of `amount` as the acting user, who must hold the authority for it.
    pub fn approve_gesture(&mut self, r: &ComplaintRef, amount: Money) -> Result<Approval> {
        let actor = self.actor()?;
        self.sm().approve_gesture(r, amount, &actor)
    }

    pub fn approvals(&self, r: &ComplaintRef) -> Result<Vec<Approval>> {
        self.s().approvals(r)
    }
}
