//! `user`: the firm's people (who signs, who may grant a gesture).

use crate::io::print_json;
use clap::Subcommand;
use reclam::api::Fields;
use reclam::firm::NewUser;
use reclam::register::files;
use reclam::{Error, Register};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum UserAction {
    Add {
        #[arg(long)]
        name: String,
        /// advisor, supervisor or manager.
        #[arg(long)]
        role: String,
        #[arg(long)]
        can_sign: bool,
        /// Largest gesture granted alone, in euros (default: the role's threshold).
        #[arg(long, allow_hyphen_values = true)]
        max_gesture: Option<String>,
        /// Signature image (PNG) printed on the letters the user signs.
        #[arg(long)]
        signature: Option<PathBuf>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(reg: &mut Register, action: UserAction, by: &str) -> Result<(), Error> {
    match action {
        UserAction::Add {
            name,
            role,
            can_sign,
            max_gesture,
            signature,
        } => {
            let mut f = Fields::default();
            let Some(role) = f.vocab("role", &role) else {
                return Err(f.into_error());
            };
            // Read first: a file that cannot be read records nothing.
            let png = signature
                .as_deref()
                .map(|p| files::read("signature", p))
                .transpose()?;
            let new = NewUser {
                name,
                role,
                can_sign,
                max_gesture,
            };
            let user = reg.act_as(by)?.add_user(&new)?;
            if let Some(png) = png {
                reg.set_signature(&user.name, &png)?;
            }
            print_json(&user)
        }
        UserAction::List { json } => list(reg, json),
    }
}

fn list(reg: &Register, json: bool) -> Result<(), Error> {
    let users = reg.users()?;
    if json {
        return print_json(&users);
    }
    for u in users {
        let max = match reg.authority(&u)? {
            Some(m) => m.to_french(),
            None => "sans plafond".to_owned(),
        };
        println!(
            "{:<28} {:<12} {:<16} geste seul : {}{}",
            u.name,
            u.role.label(),
            if u.can_sign { "signe" } else { "ne signe pas" },
            max,
            if u.active { "" } else { " (inactif)" }
        );
    }
    Ok(())
}
