//! Reading what the user gives (a file, or the standard input) and printing answers.

use reclam::complaint::ValidationError;
use reclam::register::files::{self, io_reason};
use reclam::Error;
use std::io::Read;
use std::path::Path;

/// A text given as a file, or `-` / nothing for the standard input; `field` names the option.
pub fn read_input(field: &str, source: Option<&str>) -> Result<String, Error> {
    match source {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                ValidationError::new(
                    field,
                    format!(
                        "lecture de l'entrée standard impossible : {}",
                        io_reason(&e, false)
                    ),
                )
            })?;
            Ok(String::from_utf8(bytes).map_err(|_| {
                ValidationError::new(field, "l'entrée standard n'est pas un texte UTF-8")
            })?)
        }
        Some(path) => {
            let bytes = files::read(field, Path::new(path))?;
            Ok(String::from_utf8(bytes).map_err(|_| {
                ValidationError::new(field, format!("« {path} » n'est pas un texte UTF-8"))
            })?)
        }
    }
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let out = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    println!("{out}");
    Ok(())
}

/// At most `n` characters, an ellipsis marking the cut.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
