//! The firm's settings: identity, mediator, region, authority thresholds, templates, logo.

use super::Register;
use crate::complaint::ValidationError;
use crate::error::{Result, ValidationErrors};
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

    /// What a group of settings would leave refused: the mediator a rejection names must be
    /// whole (name, postal address, website) or not set at all; every gap named at once.
    pub fn check_settings(&self, entries: &[(String, String)]) -> Result<()> {
        const MEDIATOR: [(&str, &str); 3] = [
            ("mediator.name", "le nom du médiateur"),
            ("mediator.address", "l'adresse postale du médiateur"),
            ("mediator.website", "le site internet du médiateur"),
        ];
        if !entries.iter().any(|(k, _)| k.starts_with("mediator.")) {
            return Ok(());
        }
        let mut after = Vec::with_capacity(MEDIATOR.len());
        for (key, what) in MEDIATOR {
            let value = match entries.iter().rev().find(|(k, _)| k == key) {
                Some((_, v)) => v.trim().to_owned(),
                None => self.setting(key)?.unwrap_or_default().trim().to_owned(),
            };
            after.push((key, what, value));
        }
        if after.iter().all(|(_, _, v)| v.is_empty()) {
            return Ok(());
        }
        let missing: Vec<ValidationError> = after
            .iter()
            .filter(|(_, _, v)| v.is_empty())
            .map(|(key, what, _)| {
                ValidationError::new(
                    *key,
                    format!(
                        "{what} manque : une réponse qui rejette une réclamation cite le \
                         médiateur en entier (nom, adresse postale, site internet)"
                    ),
                )
            })
            .collect();
        match ValidationErrors::new(missing) {
            None => Ok(()),
            Some(errors) => Err(errors.into()),
        }
    }

    /// Change several settings at once (a group of the Settings screen), checked together,
    /// in one transaction.
    pub fn set_settings(&mut self, entries: &[(String, String)]) -> Result<()> {
        self.check_settings(entries)?;
        let actor = self.actor()?;
        self.sm().all_or_nothing(|s| {
            for (key, value) in entries {
                s.set_setting(key, value, &actor)?;
            }
            Ok(())
        })
    }

    /// Set the firm's logo (PNG) printed on the letterhead.
    pub fn set_logo(&mut self, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        self.sm().set_logo(png, &actor)
    }
}
