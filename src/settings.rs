//! The firm's settings: identity, mediator, holiday region, letter options, retention of
//! personal data.
//!
//! Keys are a closed list; values are validated here. Storage is in `store`.

use crate::calendar::Region;
use crate::complaint::input::{email, text, ValidationError};
use serde::Serialize;

/// Every settings key, with its French label.
pub const KEYS: &[(&str, &str)] = &[
    ("firm.name", "Nom du cabinet"),
    ("firm.address", "Adresse du cabinet"),
    ("firm.orias", "Numéro ORIAS"),
    ("firm.email", "E-mail du cabinet"),
    ("firm.phone", "Téléphone du cabinet"),
    ("mediator.name", "Nom du médiateur"),
    ("mediator.address", "Adresse postale du médiateur"),
    ("mediator.website", "Site internet du médiateur"),
    ("region", "Jours fériés"),
    ("backup.folder", "Dossier des sauvegardes automatiques"),
    (
        "letters.mediatorInEveryAnswer",
        "Mentionner le médiateur dans toute réponse",
    ),
    (
        "authority.reasonFrom",
        "Geste commercial à partir duquel un motif est noté",
    ),
    (
        "authority.advisor",
        "Geste commercial qu'un conseiller accorde seul",
    ),
    (
        "authority.supervisor",
        "Geste commercial qu'un responsable accorde seul (vide : sans plafond)",
    ),
    (
        "authority.documentFrom",
        "Montant au-delà duquel un document interne est joint",
    ),
    ("auth.secretKind", "Connexion par mot de passe ou code PIN"),
    (
        "auth.idleMinutes",
        "Verrouillage après inactivité (minutes)",
    ),
    (
        "retention.years",
        "Durée de conservation après clôture (années)",
    ),
    (
        "updates.automatic",
        "Rechercher les mises à jour au démarrage",
    ),
];

/// Years a closed complaint keeps its personal data before it may be anonymised (DOMAIN.md:
/// typically 5 years after closure, the limitation period of possible legal claims).
pub const DEFAULT_RETENTION_YEARS: u32 = 5;

/// The range the retention setting accepts.
pub const RETENTION_YEARS: std::ops::RangeInclusive<u32> = 1..=30;

/// The seed's authority matrix (seed 000, section 6): under 20 EUR the advisor alone, from
/// 20 EUR with a reason, up to 50 EUR the advisor, above a supervisor approves, above 100 EUR
/// with an internal document; the supervisor has no ceiling of their own.
pub const DEFAULT_AUTHORITY: &[(&str, &str)] = &[
    ("authority.reasonFrom", "20.00"),
    ("authority.advisor", "50.00"),
    ("authority.supervisor", ""),
    ("authority.documentFrom", "100.00"),
];

/// Minutes without activity before the app locks itself, by default.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// The range the idle lock accepts, in minutes.
pub const IDLE_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

/// Check a key and normalise its value.
pub fn validate(key: &str, value: &str) -> Result<String, ValidationError> {
    if !KEYS.iter().any(|(k, _)| *k == key) {
        let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        return Err(ValidationError::new(
            key,
            format!("paramètre inconnu (paramètres : {})", known.join(", ")),
        ));
    }
    let multiline = key.ends_with(".address");
    let value = text(key, value, 1000, multiline)?;
    match key {
        "region" => value
            .parse::<Region>()
            .map(|r| r.as_str().to_owned())
            .map_err(|e| ValidationError::new(key, e.to_string())),
        "letters.mediatorInEveryAnswer" | "updates.automatic" => match value.as_str() {
            "true" | "oui" | "1" => Ok("true".into()),
            "false" | "non" | "0" => Ok("false".into()),
            _ => Err(ValidationError::new(key, "valeur attendue : true ou false")),
        },
        "authority.supervisor" if value.is_empty() => Ok(value),
        "authority.advisor"
        | "authority.supervisor"
        | "authority.reasonFrom"
        | "authority.documentFrom" => value
            .parse::<crate::complaint::Money>()
            .map(|m| m.to_string())
            .map_err(|e| ValidationError::new(key, e.to_string())),
        "auth.secretKind" => match value.as_str() {
            "password" | "pin" => Ok(value),
            _ => Err(ValidationError::new(
                key,
                "valeur attendue : password (mot de passe) ou pin (code PIN)",
            )),
        },
        "auth.idleMinutes" => match value.parse::<u32>() {
            Ok(n) if IDLE_MINUTES.contains(&n) => Ok(n.to_string()),
            _ => Err(ValidationError::new(
                key,
                format!(
                    "un nombre entier de minutes est attendu, de {} à {} (« {value} » reçu)",
                    IDLE_MINUTES.start(),
                    IDLE_MINUTES.end()
                ),
            )),
        },
        "retention.years" => match value.parse::<u32>() {
            Ok(n) if RETENTION_YEARS.contains(&n) => Ok(n.to_string()),
            _ => Err(ValidationError::new(
                key,
                format!(
                    "Durée de conservation après clôture (années) : un nombre entier d'années \
                     est attendu, de {} à {} (« {value} » reçu)",
                    RETENTION_YEARS.start(),
                    RETENTION_YEARS.end()
                ),
            )),
        },
        // Printed on every letter: a typo here reaches every client.
        "firm.email" => Ok(email(key, Some(&value))?.unwrap_or_default()),
        "mediator.website" if !value.is_empty() => {
            let host = value
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .split('/')
                .next()
                .unwrap_or("");
            if value.contains(char::is_whitespace)
                || !host.contains('.')
                || host.starts_with('.')
                || host.ends_with('.')
            {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "adresse de site invalide « {value} » (exemple : \
                         www.mediation-assurance.org)"
                    ),
                ));
            }
            Ok(value)
        }
        "firm.orias" if !value.is_empty() => {
            let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
                Ok(digits)
            } else {
                Err(ValidationError::new(
                    key,
                    "un numéro ORIAS compte 8 chiffres",
                ))
            }
        }
        _ => Ok(value),
    }
}

/// The settings as a whole, for display and for letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub entries: Vec<SettingEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingEntry {
    pub key: String,
    pub label: String,
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values() {
        assert_eq!(
            validate("region", "alsace-moselle").unwrap(),
            "alsace-moselle"
        );
        assert!(validate("region", "bretagne").is_err());
        assert_eq!(validate("firm.orias", "07 000 001").unwrap(), "07000001");
        assert!(validate("firm.orias", "123").is_err());
        assert_eq!(
            validate("letters.mediatorInEveryAnswer", "oui").unwrap(),
            "true"
        );
        assert_eq!(validate("retention.years", " 10 ").unwrap(), "10");
        for bad in ["0", "31", "5.5", "cinq", "-3", ""] {
            let e = validate("retention.years", bad).unwrap_err();
            assert_eq!(e.field, "retention.years");
            assert!(e.message.contains("Durée de conservation"), "{e}");
        }
        let e = validate("firm.colour", "bleu").unwrap_err();
        assert!(e.message.contains("paramètre inconnu"));
        assert!(validate("firm.email", "reclamations-cabinet.fr").is_err());
        assert_eq!(validate("firm.email", " ").unwrap(), "");
        assert!(validate("mediator.website", "voir le site").is_err());
        assert!(validate("mediator.website", "mediation").is_err());
        assert_eq!(
            validate(
                "mediator.website",
                "https://www.mediation-assurance.org/saisir"
            )
            .unwrap(),
            "https://www.mediation-assurance.org/saisir"
        );
    }
}
