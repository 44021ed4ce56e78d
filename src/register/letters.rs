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
    pub approved: bool,
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

    /// What the letters area may offer now: the letters, who may sign them and why not, the
    /// latest date a holding letter may announce, the gesture's approval.
    pub fn letter_choices(&self, r: &ComplaintRef) -> Result<LetterChoices> {
        let c = self.s().get(r)?;
        let issued = self.s().letters(r)?;
        let approved: Vec<Money> = self.s().approvals(r)?.iter().map(|a| a.amount).collect();
        let gesture = c.answer.as_ref().and_then(|a| a.gesture);
        let thresholds = self.s().thresholds()?;
        let signatories: Vec<SignatoryChoice> = self
            .s()
            .users()?
            .into_iter()
            .filter(|u| crate::firm::signing_refusal(u).is_none())
            .map(|u| {
                let limit = crate::firm::gesture_limit(&u, &thresholds);
                let why_not = match (gesture, limit) {
                    (Some(g), Some(max)) if !crate::firm::gesture_covered(g, limit, &approved) => {
                        Some(format!(
                            "Montant au-delà de l'habilitation de {} ({}) : validation requise \
                             avant d'émettre la réponse.",
                            u.name,
                            max.to_french()
                        ))
                    }
                    _ => None,
                };
                SignatoryChoice {
                    may_sign_answer: why_not.is_none(),
                    why_not,
                    authority: limit,
                    role: u.role,
                    name: u.name,
                }
            })
            .collect();
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        let find = |name: Option<&str>| {
            name.and_then(|n| signatories.iter().find(|s| same(&s.name, n)))
                .map(|s| s.name.clone())
        };
        let default_signatory = find(self.acting())
            .or_else(|| find(c.handler.as_deref()))
            .or_else(|| (signatories.len() == 1).then(|| signatories[0].name.clone()));
        Ok(LetterChoices {
            offers: letters::choices::offers(&c, &issued),
            default_signatory,
            signatories,
            latest_holding_date: c.deadlines.answer_due,
            gesture: gesture.map(|amount| GestureState {
                amount,
                approved: approved.iter().any(|a| *a >= amount),
            }),
        })
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
