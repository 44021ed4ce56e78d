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
    Set {
        key: String,
        value: String,
    },
    /// The firm's logo (PNG) printed on the letterhead.
    Logo {
        file: PathBuf,
    },
}

pub fn run(reg: &mut Register, action: SettingsAction, by: &str) -> Result<(), Error> {
    match action {
        SettingsAction::Show { json } => show(reg, json),
        SettingsAction::Set { key, value } => {
            reg.act_as(by)?.set_setting(&key, &value)?;
            println!("{key} = {}", reg.setting(&key)?.unwrap_or_default());
            Ok(())
        }
        SettingsAction::Logo { file } => {
            reg.act_as(by)?.set_logo_file(&file)?;
            println!("logo enregistré");
            Ok(())
        }
    }
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
