//! Letters: templates, drafts, issued letters, and the approvals a gesture needs.

use super::Register;
use crate::complaint::{ComplaintRef, Money};
use crate::error::Result;
use crate::store::letters::{Approval, Draft, LetterMeta, LetterRequest, TemplateEntry};

impl Register {
    /// The letter templates: the firm's text, or the shipped default.
    pub fn templates(&self) -> Result<Vec<TemplateEntry>> {
        self.store.templates()
    }

    /// Change a template (placeholders checked; an empty text restores the default).
    pub fn set_template(&mut self, key: &str, text: &str) -> Result<()> {
        let actor = self.actor()?;
        self.store.set_template(key, text, &actor)
    }

    /// Compose and render a letter without storing it; refuses what the rules forbid.
    pub fn draft_letter(&self, r: &ComplaintRef, req: &LetterRequest) -> Result<Draft> {
        self.store.draft_letter(r, req)
    }

    /// Issue a letter: store its PDF and hash, journal it, and move the complaint's step.
    pub fn issue_letter(&mut self, r: &ComplaintRef, req: &LetterRequest) -> Result<LetterMeta> {
        let actor = self.actor()?;
        self.store.issue_letter(r, req, &actor)
    }

    pub fn letters(&self, r: &ComplaintRef) -> Result<Vec<LetterMeta>> {
        self.store.letters(r)
    }

    /// An issued letter with its bytes; an altered one is reported.
    pub fn letter_pdf(&self, id: i64) -> Result<(LetterMeta, Vec<u8>)> {
        self.store.letter_pdf(id)
    }

    /// Approve a gesture of `amount` as the acting user, who must hold the authority for it.
    pub fn approve_gesture(&mut self, r: &ComplaintRef, amount: Money) -> Result<Approval> {
        let actor = self.actor()?;
        self.store.approve_gesture(r, amount, &actor)
    }

    pub fn approvals(&self, r: &ComplaintRef) -> Result<Vec<Approval>> {
        self.store.approvals(r)
    }
}
