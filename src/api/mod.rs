//! The requests the entry points (desktop shell, CLI) decode before calling the register.
//!
//! One typed request per operation that takes structured input, as it crosses the wire
//! (`camelCase`, exported to TypeScript with the other wire types): the arguments of the Tauri
//! command of the same name, `actor` aside. `decode` turns it into register values ONCE, with
//! the French messages the user sees, and reports every refused field of the request at once
//! (`Error::Fields`), not the first one only.
//!
//! Depends on the domain (`complaint`, `calendar`) and the input types the register takes;
//! never on the store's rows or on the register itself.

/// Bind every decoded `Option` of a request, or return the report of every refused field.
macro_rules! all_fields {
    ($fields:expr; $name:ident) => {
        let Some($name) = $name else {
            return Err($fields.into_error());
        };
    };
    ($fields:expr; $($name:ident),+ $(,)?) => {
        let ($(Some($name)),+) = ($($name),+) else {
            return Err($fields.into_error());
        };
    };
}

pub mod complaints;
pub mod ending;
pub mod extract;
pub mod letters;
pub mod lifecycle;
pub mod others;

use crate::complaint::input::{from_json_value, parse_date, parse_vocab};
use crate::complaint::{ComplaintRef, ValidationError};
use crate::error::{Error, Result, ValidationErrors};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A request as it arrives, and what it decodes to.
pub trait Request: DeserializeOwned {
    type Decoded;

    /// Every field read, each refusal collected; `Err` names all of them.
    fn decode(self) -> Result<Self::Decoded>;
}

/// Decode a request sent as one JSON object (the arguments of a command).
pub fn decode<R: Request>(args: Value) -> Result<R::Decoded> {
    from_json_value::<R>(args)?.decode()
}

/// The refusals met while reading the fields of one request.
#[derive(Debug, Default)]
pub struct Fields {
    errors: Vec<ValidationError>,
}

impl Fields {
    /// Keep the value, or the refusal for the final report.
    pub fn check<T>(&mut self, result: Result<T, ValidationError>) -> Option<T> {
        result.map_err(|e| self.errors.push(e)).ok()
    }

    pub fn reference(&mut self, field: &str, value: &str) -> Option<ComplaintRef> {
        self.vocab(field, value.trim())
    }

    pub fn references(&mut self, field: &str, values: &[String]) -> Option<Vec<ComplaintRef>> {
        let refs: Vec<Option<ComplaintRef>> =
            values.iter().map(|v| self.reference(field, v)).collect();
        refs.into_iter().collect()
    }

    /// An ISO date (the one date parser; an empty value is "date obligatoire").
    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        self.check(parse_date(field, value))
    }

    /// A date the calendar can compute deadlines from (its years only).
    pub fn calendar_date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let d = self.date(field, value)?;
        self.check(
            crate::calendar::check_year(d).map_err(|e| ValidationError::new(field, e.to_string())),
        )
    }

    /// An optional date: absent or blank is `None`.
    pub fn optional_date(&mut self, field: &str, value: Option<&str>) -> Option<Option<NaiveDate>> {
        match blank_is_none(value) {
            None => Some(None),
            Some(v) => self.date(field, v).map(Some),
        }
    }

    /// A value of a vocabulary (outcome, status...), or anything read with `FromStr`.
    pub fn vocab<T>(&mut self, field: &str, value: &str) -> Option<T>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        self.check(parse_vocab(field, value))
    }

    /// An optional one: absent or blank is `None`.
    pub fn optional_vocab<T>(&mut self, field: &str, value: Option<&str>) -> Option<Option<T>>
    where
        T: std::str::FromStr,
        T::Err: std::fmt::Display,
    {
        match blank_is_none(value) {
            None => Some(None),
            Some(v) => self.vocab(field, v).map(Some),
        }
    }

    /// A structured input (a complaint, a letter request...) sent as JSON; the fields it
    /// refuses are named by their path inside it (`client.name`).
    pub fn json<T: DeserializeOwned>(&mut self, value: Value) -> Option<T> {
        self.check(from_json_value(value))
    }

    /// The same, absent or null being `None`.
    pub fn optional_json<T: DeserializeOwned>(
        &mut self,
        value: Option<Value>,
    ) -> Option<Option<T>> {
        match value {
            None | Some(Value::Null) => Some(None),
            Some(v) => self.json(v).map(Some),
        }
    }

    /// The report of every refusal so far, if any.
    pub fn error_if_any(&mut self) -> Option<Error> {
        ValidationErrors::new(std::mem::take(&mut self.errors)).map(Into::into)
    }

    /// The report of every refusal (call it when a field was refused).
    pub fn into_error(self) -> Error {
        match ValidationErrors::new(self.errors) {
            Some(all) => all.into(),
            None => ValidationError::new("json", "requête incomplète").into(),
        }
    }
}

fn blank_is_none(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests;
