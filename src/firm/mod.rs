//! The firm's people: users, their roles, and the authority to sign letters and to grant a
//! goodwill gesture (the authority matrix of the seed procedure).
//!
//! Trade rules only: no SQL, no PDF, no Tauri. The register asks these rules; the store
//! keeps the users.

use crate::complaint::Money;
pub use crate::complaint::Role;
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
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
}

/// The firm's authority matrix: what each role may grant alone (settings `authority.*`; the
/// manager has no ceiling unless given a personal one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub advisor: Money,
    pub supervisor: Money,
}

/// The largest goodwill gesture `user` may grant alone; `None`: no limit.
pub fn gesture_limit(user: &User, thresholds: &Thresholds) -> Option<Money> {
    if let Some(own) = user.max_gesture {
        return Some(own);
    }
    match user.role {
        Role::Manager => None,
        Role::Advisor => Some(thresholds.advisor),
        Role::Supervisor => Some(thresholds.supervisor),
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

/// Whether a gesture of `gesture` granted by someone whose limit is `limit` is covered: within
/// the limit, or approved for at least that amount.
pub fn gesture_covered(gesture: Money, limit: Option<Money>, approved: &[Money]) -> bool {
    limit.is_none_or(|max| gesture <= max) || approved.iter().any(|a| *a >= gesture)
}

/// Whether `actor` is an active manager among `users` (anyone is, while the firm has no users).
pub fn is_manager(users: &[User], actor: &str) -> bool {
    users.is_empty()
        || users.iter().any(|u| {
            u.active
                && u.role == Role::Manager
                && u.name.to_lowercase() == actor.trim().to_lowercase()
        })
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
        }
    }

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn the_matrix_gives_each_role_its_limit() {
        let t = Thresholds {
            advisor: m("20"),
            supervisor: m("100"),
        };
        assert_eq!(gesture_limit(&user(Role::Advisor, None), &t), Some(m("20")));
        assert_eq!(
            gesture_limit(&user(Role::Supervisor, None), &t),
            Some(m("100"))
        );
        assert_eq!(gesture_limit(&user(Role::Manager, None), &t), None);
        // A personal limit wins over the role's, for a manager too.
        assert_eq!(
            gesture_limit(&user(Role::Advisor, Some("35")), &t),
            Some(m("35"))
        );
        assert_eq!(
            gesture_limit(&user(Role::Manager, Some("500")), &t),
            Some(m("500"))
        );
    }

    #[test]
    fn a_gesture_beyond_the_limit_needs_an_approval_of_at_least_its_amount() {
        assert!(gesture_covered(m("20"), Some(m("20")), &[]));
        assert!(!gesture_covered(m("20.01"), Some(m("20")), &[]));
        assert!(!gesture_covered(m("150"), Some(m("20")), &[m("100")]));
        assert!(gesture_covered(
            m("150"),
            Some(m("20")),
            &[m("100"), m("150")]
        ));
        assert!(gesture_covered(m("1000"), None, &[]));
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
