//! The register's settings: read with their defaults, changed (journaled, the authority and
//! sign-in ones by a manager only; a new region recomputes every open deadline).

use super::{actor_name, complaints, journal, Store};
use crate::calendar::Region;
use crate::error::Result;
use crate::settings::{self, SettingEntry, Settings};
use rusqlite::{Connection, OptionalExtension};
use serde_json::json;

impl Store {
    /// All settings with their labels (empty values for the unset ones).
    pub fn settings(&self) -> Result<Settings> {
        let mut entries = Vec::with_capacity(settings::KEYS.len());
        for (key, label) in settings::KEYS {
            let value = self.setting(key)?.unwrap_or_else(|| match *key {
                "region" => Region::default().as_str().to_owned(),
                "letters.mediatorInEveryAnswer" => "false".to_owned(),
                "updates.automatic" => "true".to_owned(),
                "retention.years" => settings::DEFAULT_RETENTION_YEARS.to_string(),
                "auth.secretKind" => "password".to_owned(),
                "auth.idleMinutes" => settings::DEFAULT_IDLE_MINUTES.to_string(),
                k => settings::DEFAULT_AUTHORITY
                    .iter()
                    .find(|(d, _)| *d == k)
                    .map(|(_, v)| (*v).to_owned())
                    .unwrap_or_default(),
            });
            entries.push(SettingEntry {
                key: (*key).to_owned(),
                label: (*label).to_owned(),
                value,
            });
        }
        Ok(Settings { entries })
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// Change a setting (journaled). A change of region recomputes every open deadline.
    pub fn set_setting(&mut self, key: &str, value: &str, actor: &str) -> Result<()> {
        let value = settings::validate(key, value)?;
        let actor = actor_name(actor)?;
        let actor = actor.as_str();
        if key.starts_with("authority.") {
            self.require_manager(key, actor, "modifier les seuils d'habilitation")?;
        }
        if key.starts_with("auth.") {
            self.require_manager(key, actor, "changer les règles de connexion")?;
        }
        let before = self.setting(key)?;
        if before.as_deref() == Some(value.as_str()) {
            return Ok(());
        }
        let new_region = if key == "region" {
            value.parse::<Region>().ok()
        } else {
            None
        };
        self.write(|tx, w| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, &value],
            )?;
            journal::append(
                tx,
                None,
                w.clock.now(),
                actor,
                "setting",
                json!({ "key": key, "before": before, "after": value }),
                None,
            )?;
            if let Some(region) = new_region {
                recompute_deadlines(tx, region)?;
            }
            Ok(())
        })?;
        if let Some(region) = new_region {
            self.region = region;
        }
        Ok(())
    }
}

/// Recompute the derived deadline columns of every complaint for a new region.
fn recompute_deadlines(tx: &Connection, region: Region) -> Result<()> {
    let mut stmt = tx.prepare(&format!("SELECT {} FROM complaints", complaints::COLUMNS))?;
    let rows = stmt
        .query_map([], complaints::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, mut c) in rows {
        c.recompute_deadlines(region);
        complaints::update_deadlines(tx, id, &c)?;
    }
    Ok(())
}
