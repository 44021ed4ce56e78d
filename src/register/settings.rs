//! The firm's settings: identity, mediator, region, authority thresholds, templates, logo.

use super::Register;
use crate::error::Result;
use crate::settings::Settings;

impl Register {
    pub fn settings(&self) -> Result<Settings> {
        self.store.settings()
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.store.setting(key)
    }

    /// Change a setting (journaled); a change of region recomputes every open deadline.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let actor = self.actor()?;
        self.store.set_setting(key, value, &actor)
    }

    /// Set the firm's logo (PNG) printed on the letterhead.
    pub fn set_logo(&mut self, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        self.store.set_logo(png, &actor)
    }
}
