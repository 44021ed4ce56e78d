//! The firm's settings: identity, mediator, region, authority thresholds, templates, logo.

use super::Register;
use crate::error::Result;
use crate::settings::Settings;
use crate::store::Store;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn settings(&self) -> Result<Settings> {
        self.s().settings()
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.s().setting(key)
    }

    /// Change a setting (journaled); a change of region recomputes every open deadline.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let actor = self.actor()?;
        self.sm().set_setting(key, value, &actor)
    }

    /// Set the firm's logo (PNG) printed on the letterhead.
    pub fn set_logo(&mut self, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        self.sm().set_logo(png, &actor)
    }
}
