//! Clap's usage errors in French: the argument is named, the exit code is 2. `--help` and
//! `--version` are printed as clap writes them.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// Print `e` (in French when it is a usage error) and return the exit code.
pub fn report(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("erreur : {}", french(&e));
            eprintln!("Pour l'aide : reclam --help (ou reclam <commande> --help)");
            ExitCode::from(2)
        }
    }
}

/// A context value of the error, as text.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn french(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let hint = context(e, ContextKind::SuggestedSubcommand)
        .or_else(|| context(e, ContextKind::SuggestedArg))
        .map(|s| format!(" (vouliez-vous dire « {s} » ?)"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} : valeur manquante"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let possible = context(e, ContextKind::ValidValue)
                .map(|v| format!(" (valeurs possibles : {v})"))
                .unwrap_or_default();
            format!("{arg} : valeur invalide « {value} »{possible}")
        }
        ErrorKind::UnknownArgument => format!("argument inattendu « {arg} »{hint}"),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("commande inconnue « {sub} »{hint}")
        }
        ErrorKind::MissingRequiredArgument => format!("argument obligatoire manquant : {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "commande manquante".to_owned()
        }
        ErrorKind::NoEquals => format!("{arg} : « = » attendu avant la valeur"),
        ErrorKind::TooManyValues => format!("{arg} : trop de valeurs (« {value} » en trop)"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} : nombre de valeurs incorrect")
        }
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} ne peut pas être donné avec {other}")
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas un texte UTF-8".to_owned(),
        _ => "ligne de commande invalide".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn error(args: &[&str]) -> String {
        french(&crate::Cli::try_parse_from(args).err().expect("refused"))
    }

    #[test]
    fn usage_errors_name_the_argument_in_french() {
        assert_eq!(
            error(&["reclam", "ack", "REC-2026-0001"]),
            "argument obligatoire manquant : --on <ON>"
        );
        assert!(error(&["reclam", "lst"]).starts_with("commande inconnue « lst »"));
        assert!(
            error(&["reclam", "list", "--colour"]).starts_with("argument inattendu « --colour »")
        );
        assert_eq!(
            error(&["reclam", "list", "--limit", "beaucoup"]),
            "--limit <LIMIT> : valeur invalide « beaucoup »"
        );
        assert_eq!(error(&["reclam"]), "commande manquante");
    }
}
