//! The firm's people: users, their roles, and the authority to sign letters and to grant a
//! goodwill gesture (the authority matrix of the seed procedure).
//!
//! Trade rules only: no SQL, no PDF, no Tauri. The register asks these rules; the store
//! keeps the users.

pub mod authority;
pub mod credentials;

use crate::complaint::Money;
pub use crate::complaint::Role;
pub use authority::{gesture_limit, Thresholds};
pub use credentials::SecretKind;
use serde::{Deserialize, Serialize};

/// A member of the firm. Users are never deleted, only deactivated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub can_sign: bool,
    /// The largest goodwill gesture the user may grant alone; `None`: the default of the
    /// role (settings `authority.*`; no limit for a manager).
    pub max_gesture: Option<Money>,
    pub active: bool,
    /// The gesture the user may grant alone once the role's default applies; `None`: no
    /// limit.
    pub authority: Option<Money>,
    /// A signature image is stored for the user's letters.
    pub has_signature: bool,
    /// The user has a password (or PIN) to sign in with.
    pub has_credentials: bool,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewUser {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub can_sign: bool,
    /// Euros, as typed ("50", "49,90"); empty or absent: the default of the role.
    #[serde(default)]
    pub max_gesture: Option<String>,
    /// The user's first password or PIN (the manager hands it over); absent: none yet.
    /// Read from the UI, never written out (nor printed by `Debug`).
    #[serde(default, skip_serializing)]
    pub secret: Option<String>,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("name", &self.name)
            .field("role", &self.role)
            .field("can_sign", &self.can_sign)
            .field("max_gesture", &self.max_gesture)
            .field("secret", &self.secret.as_ref().map(|_| "***"))
            .finish()
    }
}

/// A manager's change to a user: only what is given changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserEdit {
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub can_sign: Option<bool>,
    /// Euros, as typed; an empty text: back to the default of the role.
    #[serde(default)]
    pub max_gesture: Option<String>,
}

/// A user as the sign-in screen lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignInUser {
    pub name: String,
    pub role: Role,
    pub has_credentials: bool,
}

/// Who may act on the register now, as the shell and the sign-in screen see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionState {
    /// The register has no user yet: the first one creates their account (the manager).
    pub no_users: bool,
    /// Some user has credentials: everyone signs in (otherwise anyone at this computer may
    /// act under any name, as before credentials existed).
    pub sign_in_required: bool,
    /// Who is signed in (or chosen, while no credentials exist).
    pub signed_in: Option<User>,
    pub secret_kind: SecretKind,
    /// Minutes without activity after which the app locks itself.
    pub idle_minutes: u32,
    /// The active users, for the sign-in screen.
    pub users: Vec<SignInUser>,
}

impl SessionState {
    /// Nobody signed in, and a sign-in needed (the firm's shared register, locked).
    pub fn locked() -> SessionState {
        SessionState {
            no_users: false,
            sign_in_required: true,
            signed_in: None,
            secret_kind: SecretKind::Password,
            idle_minutes: crate::settings::DEFAULT_IDLE_MINUTES,
            users: Vec::new(),
        }
    }
}

/// Why `user` may not sign the firm's letters, if they may not.
pub fn signing_refusal(user: &User) -> Option<String> {
    if !user.active {
        return Some(format!("{} n'est plus actif(ve)", user.name));
    }
    if !user.can_sign {
        return Some(format!(
            "{} n'est pas habilité(e) à signer les lettres",
            user.name
        ));
    }
    None
}

/// Whether two names are the same person's, as the firm writes them (case and surrounding
/// spaces aside).
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `actor` is an active manager among `users` (anyone is, while the firm has no users).
pub fn is_manager(users: &[User], actor: &str) -> bool {
    users.is_empty()
        || users
            .iter()
            .any(|u| u.active && u.role == Role::Manager && same_name(&u.name, actor))
}

/// The firm's identity as its documents present it (from the settings).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Firm {
    pub name: String,
    pub address: String,
    pub orias: String,
    pub email: String,
    pub phone: String,
    pub logo_png: Option<Vec<u8>>,
}

/// The mediator the recourse paragraph names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mediator {
    pub name: String,
    pub address: String,
    pub website: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, max: Option<&str>) -> User {
        User {
            id: 1,
            name: "Claire Martin".into(),
            role,
            can_sign: true,
            max_gesture: max.map(|m| m.parse().unwrap()),
            active: true,
            authority: None,
            has_signature: false,
            has_credentials: false,
        }
    }

    #[test]
    fn who_may_sign_and_who_is_a_manager() {
        let mut u = user(Role::Advisor, None);
        assert_eq!(signing_refusal(&u), None);
        u.can_sign = false;
        assert!(signing_refusal(&u)
            .unwrap()
            .contains("pas habilité(e) à signer"));
        u.active = false;
        assert!(signing_refusal(&u).unwrap().contains("plus actif"));
        assert!(is_manager(&[], "quiconque"));
        let boss = user(Role::Manager, None);
        assert!(is_manager(std::slice::from_ref(&boss), " claire martin "));
        assert!(!is_manager(&[boss], "Paul"));
    }
}
