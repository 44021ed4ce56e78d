//! The complaint's steps: acknowledgement, holding letter, answer, closure, dysfunctions.

use super::Register;
use crate::complaint::{Complaint, ComplaintRef, DysfunctionCategory};
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn hold(&mut self, r: &ComplaintRef, on: NaiveDate, note: &str) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().hold(r, on, note, &actor)
    }

    pub fn add_dysfunction(
        &mut self,
        r: &ComplaintRef,
        category: DysfunctionCategory,
        description: &str,
        on: NaiveDate,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm()
            .add_dysfunction(r, category, description, on, &actor)
    }
}
