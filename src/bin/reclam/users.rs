//! `user`: the firm's people (who signs, who may grant a gesture).

use crate::io::print_json;
use clap::Subcommand;
use reclam::api::Fields;
use reclam::firm::{NewUser, UserEdit};
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
        /// Read the user's first password (or PIN) from the standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a user's password or PIN (yours, or anyone's as a manager), read from stdin.
    Password { name: String },
    /// Change a user's role, signing right or personal limit (a manager only).
    Edit {
        name: String,
        /// advisor, supervisor or manager.
        #[arg(long)]
        role: Option<String>,
        /// true or false.
        #[arg(long)]
        can_sign: Option<bool>,
        /// Largest gesture granted alone, in euros; empty: the role's default.
        #[arg(long, allow_hyphen_values = true)]
        max_gesture: Option<String>,
    },
    /// Deactivate a user: their history stays, they can no longer sign in, sign or approve.
    Deactivate { name: String },
    /// Reactivate a deactivated user.
    Reactivate { name: String },
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
            password_stdin,
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
            let secret = password_stdin.then(read_secret).transpose()?;
            let new = NewUser {
                name,
                role,
                can_sign,
                max_gesture,
                secret,
            };
            let user = reg.act_as(by)?.add_user(&new)?;
            if let Some(png) = png {
                reg.set_signature(&user.name, &png)?;
            }
            print_json(&user)
        }
        UserAction::Password { name } => {
            let secret = read_secret()?;
            print_json(&reg.act_as(by)?.set_password(&name, &secret)?)
        }
        UserAction::Edit {
            name,
            role,
            can_sign,
            max_gesture,
        } => {
            let mut f = Fields::default();
            let Some(role) = f.optional_vocab("role", role.as_deref()) else {
                return Err(f.into_error());
            };
            let edit = UserEdit {
                role,
                can_sign,
                max_gesture,
            };
            print_json(&reg.act_as(by)?.edit_user(&name, &edit)?)
        }
        UserAction::Deactivate { name } => {
            print_json(&reg.act_as(by)?.set_user_active(&name, false)?)
        }
        UserAction::Reactivate { name } => {
            print_json(&reg.act_as(by)?.set_user_active(&name, true)?)
        }
        UserAction::List { json } => list(reg, json),
    }
}

/// A new secret from the standard input (its first line, without the line break).
fn read_secret() -> Result<String, Error> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
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
            match (u.active, u.has_credentials) {
                (false, _) => " (inactif)",
                (true, false) => " (sans mot de passe)",
                (true, true) => "",
            }
        );
    }
    Ok(())
}
