//! `settings`: the firm's settings and its logo.

use crate::io::print_json;
use clap::Subcommand;
use reclam::{Error, Register};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum SettingsAction {
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Set one or more settings, checked together: KEY VALUE [KEY VALUE...] (the mediator's
    /// name, postal address and website go together).
    Set {
        key: String,
        value: String,
        more: Vec<String>,
    },
    /// The firm's logo (PNG) printed on the letterhead.
    Logo { file: PathBuf },
}

pub fn run(reg: &mut Register, action: SettingsAction, by: &str) -> Result<(), Error> {
    match action {
        SettingsAction::Show { json } => show(reg, json),
        SettingsAction::Set { key, value, more } => {
            let entries = pairs(key, value, more)?;
            reg.act_as(by)?.set_settings(&entries)?;
            for (key, _) in &entries {
                println!("{key} = {}", reg.setting(key)?.unwrap_or_default());
            }
            Ok(())
        }
        SettingsAction::Logo { file } => {
            reg.act_as(by)?.set_logo_file(&file)?;
            println!("logo enregistré");
            Ok(())
        }
    }
}

/// KEY VALUE [KEY VALUE...] as pairs.
pub fn pairs(
    key: String,
    value: String,
    more: Vec<String>,
) -> Result<Vec<(String, String)>, Error> {
    if more.len() % 2 == 1 {
        return Err(Error::Validation(reclam::complaint::ValidationError::new(
            "value",
            format!("« {} » n'a pas de valeur", more[more.len() - 1]),
        )));
    }
    let mut entries = vec![(key, value)];
    entries.extend(more.chunks(2).map(|p| (p[0].clone(), p[1].clone())));
    Ok(entries)
}

fn show(reg: &Register, json: bool) -> Result<(), Error> {
    let settings = reg.settings()?;
    if json {
        let map: serde_json::Map<String, serde_json::Value> = settings
            .entries
            .iter()
            .map(|e| (e.key.clone(), serde_json::Value::String(e.value.clone())))
            .collect();
        return print_json(&map);
    }
    for e in settings.entries {
        println!(
            "{:<32} {:<45} {}",
            e.key,
            e.label,
            e.value.replace('\n', " / ")
        );
    }
    Ok(())
}
