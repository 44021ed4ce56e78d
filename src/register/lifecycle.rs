//! The complaint's steps: acknowledgement, holding letter, answer, closure, dysfunctions.

use super::Register;
use crate::complaint::{Complaint, ComplaintRef, DysfunctionCategory, Feedback, Money, Outcome};
use crate::error::Result;
use chrono::NaiveDate;

impl Register {
    pub fn acknowledge(&mut self, r: &ComplaintRef, on: NaiveDate) -> Result<Complaint> {
        let actor = self.actor()?;
        self.store.acknowledge(r, on, &actor)
    }

    pub fn hold(&mut self, r: &ComplaintRef, on: NaiveDate, note: &str) -> Result<Complaint> {
        let actor = self.actor()?;
        self.store.hold(r, on, note, &actor)
    }

    pub fn answer(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        outcome: Outcome,
        summary: &str,
        gesture: Option<Money>,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.store.answer(r, on, outcome, summary, gesture, &actor)
    }

    pub fn close(
        &mut self,
        r: &ComplaintRef,
        on: NaiveDate,
        feedback: Feedback,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.store.close(r, on, feedback, &actor)
    }

    pub fn add_dysfunction(
        &mut self,
        r: &ComplaintRef,
        category: DysfunctionCategory,
        description: &str,
        on: NaiveDate,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.store
            .add_dysfunction(r, category, description, on, &actor)
    }
}
