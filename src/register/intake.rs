//! Intake: recording a complaint (or a request that is not one), correcting its fields, and
//! reading the register.

use super::Register;
use crate::calendar::{self, Deadlines};
use crate::complaint::{Complaint, ComplaintRef, NewComplaint};
use crate::error::Result;
use crate::store::journal::Event;
use crate::store::register::{RegisterPage, RegisterQuery};
use crate::store::today::TodaySummary;
use crate::store::Store;
use crate::store::{ComplaintView, NewRequest};
use chrono::NaiveDate;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    /// Record a complaint: validate, hand out its reference, store it and journal it.
    pub fn record(&mut self, new: &NewComplaint) -> Result<Complaint> {
        self.record_with_copy(new, None)
    }

    /// Record a complaint under a reference handed out beforehand (a workstation of a shared
    /// register numbers from the block the firm's server leased to it).
    pub fn record_as(&mut self, r: &ComplaintRef, new: &NewComplaint) -> Result<Complaint> {
        self.record_with_copy(new, Some(r))
    }

    /// Record a request that is not a complaint; it stays out of the register.
    pub fn record_request(&mut self, req: &NewRequest) -> Result<i64> {
        let actor = self.actor()?;
        self.sm().record_request(req, &actor)
    }

    /// Correct the register fields of a complaint (each change journaled before/after).
    pub fn update(&mut self, r: &ComplaintRef, new: &NewComplaint) -> Result<Complaint> {
        let actor = self.actor()?;
        self.sm().update(r, new, &actor)
    }

    /// The complaints still open for this client (by name or contract): what the intake
    /// shows before recording, so that the same client writing again through another channel
    /// is added to their complaint rather than counted twice.
    pub fn open_for_client(
        &self,
        name: &str,
        contract: Option<&str>,
    ) -> Result<Vec<crate::store::clients::ClientComplaintSummary>> {
        if name.trim().is_empty() && contract.is_none_or(|c| c.trim().is_empty()) {
            return Ok(Vec::new());
        }
        Ok(self
            .s()
            .client_complaints(name, contract, None)?
            .into_iter()
            .filter(|c| c.is_open())
            .collect())
    }

    /// The deadlines a complaint sent and received on these dates would have.
    pub fn preview_deadlines(
        &self,
        sent_on: Option<NaiveDate>,
        received_on: NaiveDate,
    ) -> Deadlines {
        calendar::deadlines(sent_on, received_on, self.region())
    }

    pub fn complaint(&self, r: &ComplaintRef) -> Result<Complaint> {
        self.s().get(r)
    }

    /// Everything the complaint file shows, as of today.
    pub fn view(&self, r: &ComplaintRef) -> Result<ComplaintView> {
        self.s().view(r)
    }

    /// The journal of one complaint, oldest first.
    pub fn history(&self, r: &ComplaintRef) -> Result<Vec<Event>> {
        self.s().history(r)
    }

    pub fn list(&self, q: &RegisterQuery) -> Result<RegisterPage> {
        self.s().list(q)
    }

    /// The "Aujourd'hui" screen: work lists and this year's headline figures.
    pub fn today_summary(&self) -> Result<TodaySummary> {
        self.s().today_summary()
    }
}
