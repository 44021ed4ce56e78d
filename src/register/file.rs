//! The complaint's file: exchanges with the client, attachments and dispute legs.

use super::Register;
use crate::complaint::ComplaintRef;
use crate::complaint::{AttachmentMeta, NewDisputeStep, NewExchange};
use crate::error::Result;
use crate::store::Store;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn add_exchange(&mut self, r: &ComplaintRef, x: &NewExchange) -> Result<()> {
        let actor = self.actor()?;
        self.sm().add_exchange(r, x, &actor)
    }

    pub fn add_dispute_step(&mut self, r: &ComplaintRef, s: &NewDisputeStep) -> Result<()> {
        let actor = self.actor()?;
        self.sm().add_dispute_step(r, s, &actor)
    }

    pub fn add_attachment(
        &mut self,
        r: &ComplaintRef,
        name: &str,
        bytes: &[u8],
    ) -> Result<AttachmentMeta> {
        let actor = self.actor()?;
        self.sm().add_attachment(r, name, bytes, &actor)
    }

    /// An attachment with its bytes (hash checked).
    pub fn attachment(&self, id: i64) -> Result<(AttachmentMeta, Vec<u8>)> {
        self.s().attachment(id)
    }
}
