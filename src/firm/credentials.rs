//! Credentials: the secret each user signs in with (a password or a PIN, the firm's choice),
//! kept as an Argon2id hash (PHC string), never in clear and never journaled; and the delay
//! that follows repeated failures.

use crate::complaint::ValidationError;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What the firm's users sign in with (setting `auth.secretKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum SecretKind {
    Password,
    Pin,
}

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 8;
/// Shortest PIN accepted (digits only).
pub const MIN_PIN: usize = 6;
/// Longest secret accepted (Argon2 hashes anything, but a paste error is likelier).
pub const MAX_SECRET: usize = 256;
/// Failed attempts in a row allowed before the next ones are delayed.
pub const FREE_ATTEMPTS: u32 = 5;

impl SecretKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SecretKind::Password => "password",
            SecretKind::Pin => "pin",
        }
    }

    /// The French word for the secret ("le mot de passe", "le code PIN").
    pub fn noun(self) -> &'static str {
        match self {
            SecretKind::Password => "mot de passe",
            SecretKind::Pin => "code PIN",
        }
    }

    pub fn parse(s: &str) -> Option<SecretKind> {
        match s {
            "password" => Some(SecretKind::Password),
            "pin" => Some(SecretKind::Pin),
            _ => None,
        }
    }

    /// Check a new secret against the firm's rule: a password of at least 8 characters, or
    /// a PIN of at least 6 digits.
    pub fn check(self, secret: &str) -> Result<(), ValidationError> {
        let n = secret.chars().count();
        if n > MAX_SECRET {
            return Err(ValidationError::new(
                "secret",
                format!("{MAX_SECRET} caractères au plus"),
            ));
        }
        match self {
            SecretKind::Password if n < MIN_PASSWORD || secret.trim().is_empty() => {
                Err(ValidationError::new(
                    "secret",
                    format!("le mot de passe doit compter au moins {MIN_PASSWORD} caractères"),
                ))
            }
            SecretKind::Pin if n < MIN_PIN || !secret.chars().all(|c| c.is_ascii_digit()) => {
                Err(ValidationError::new(
                    "secret",
                    format!(
                        "le code PIN doit compter au moins {MIN_PIN} chiffres (et rien d'autre)"
                    ),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// The Argon2id hash of `secret` with a fresh random salt, as a PHC string.
pub fn hash_secret(secret: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .expect("Argon2 hashes any secret with its default parameters")
        .to_string()
}

/// Whether `secret` matches the stored PHC string (a damaged hash matches nothing).
pub fn verify_secret(secret: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// How long the next attempt must wait after `failures` failed attempts in a row: nothing for
/// the first five, then 30 s doubling with each further failure, at most 15 minutes.
pub fn retry_delay(failures: u32) -> Duration {
    if failures < FREE_ATTEMPTS {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(5);
    Duration::from_secs((30u64 << doublings).min(15 * 60))
}

/// A wait as a person reads it: "30 s", "2 min", "14 min 30 s".
pub fn french_wait(d: Duration) -> String {
    let secs = d.as_secs().max(1);
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_hashed_with_a_salt_and_verified() {
        let a = hash_secret("correct horse");
        let b = hash_secret("correct horse");
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.contains("correct horse"));
        assert!(verify_secret("correct horse", &a));
        assert!(!verify_secret("Correct horse", &a));
        assert!(!verify_secret("correct horse", "not a hash"));
    }

    #[test]
    fn the_firm_chooses_passwords_or_pins() {
        assert!(SecretKind::Password.check("1234567").is_err());
        assert!(SecretKind::Password.check("        ").is_err());
        assert!(SecretKind::Password.check("12345678").is_ok());
        assert!(SecretKind::Pin.check("12345").is_err());
        assert!(SecretKind::Pin.check("12345a").is_err());
        assert!(SecretKind::Pin.check("123456").is_ok());
    }

    #[test]
    fn waits_read_in_minutes() {
        assert_eq!(french_wait(Duration::from_secs(27)), "27 s");
        assert_eq!(french_wait(Duration::from_secs(120)), "2 min");
        assert_eq!(french_wait(Duration::from_secs(870)), "14 min 30 s");
    }

    #[test]
    fn five_failures_then_a_growing_delay() {
        assert_eq!(retry_delay(4), Duration::ZERO);
        assert_eq!(retry_delay(5), Duration::from_secs(30));
        assert_eq!(retry_delay(6), Duration::from_secs(60));
        assert_eq!(retry_delay(50), Duration::from_secs(15 * 60));
    }
}
