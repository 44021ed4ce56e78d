//! What a user submits to record a complaint, and its validation into register values.
//!
//! Every refusal names the field (its JSON name) and says why, in French. Pure: "today" is
//! given by the caller.

use super::model::{Channel, Client, ClientKind, ClientRelation, Contract, Money, Subject};
use crate::calendar;
use crate::error::ValidationErrors;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A refused input: which field, and why (French, shown as is to the user).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, ts_rs::TS)]
#[ts(rename = "FieldError")]
#[error("{field} : {message}")]
pub struct ValidationError {
    pub field: String,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Maximum length of a one-line field (name, email, number...).
pub const MAX_LINE: usize = 300;
/// Maximum length of a multi-line field (description, address, summary...).
pub const MAX_TEXT: usize = 20_000;
/// Maximum number of entries in a list field (other parties, persons concerned).
pub const MAX_LIST: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewClient {
    #[serde(default)]
    pub name: String,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub number: Option<String>,
    pub kind: Option<ClientKind>,
    pub relation: Option<ClientRelation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewContract {
    pub number: Option<String>,
    pub product: Option<String>,
    pub insurer: Option<String>,
}

/// A complaint as typed by a user or given to `reclam add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewComplaint {
    pub client: NewClient,
    pub channel: Channel,
    pub sent_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub subject: Subject,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub contract: NewContract,
    #[serde(default)]
    pub other_parties: Vec<String>,
    #[serde(default)]
    pub persons_concerned: Vec<String>,
    pub received_by: Option<String>,
    pub handler: Option<String>,
    /// What the client claims, when it is a sum (euros, as typed).
    #[serde(default)]
    pub amount_claimed: Option<String>,
}

/// A validated complaint, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidComplaint {
    pub client: Client,
    pub channel: Channel,
    pub sent_on: Option<NaiveDate>,
    pub received_on: NaiveDate,
    pub subject: Subject,
    pub description: String,
    pub contract: Contract,
    pub other_parties: Vec<String>,
    pub persons_concerned: Vec<String>,
    pub received_by: Option<String>,
    pub handler: Option<String>,
    pub amount_claimed: Option<Money>,
}

/// Check a free text: trimmed, bounded, no control characters but line breaks and tabs where
/// the field is multi-line.
pub fn text(
    field: &str,
    value: &str,
    max: usize,
    multiline: bool,
) -> Result<String, ValidationError> {
    let value = value.trim();
    let count = value.chars().count();
    if count > max {
        return Err(ValidationError::new(
            field,
            format!("texte trop long ({count} caractères, {max} au plus)"),
        ));
    }
    let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
    // Bidirectional overrides and isolates reorder what is displayed (a name or reference
    // that reads differently from what is stored): refused like control characters.
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if let Some(c) = value
        .chars()
        .find(|&c| (c.is_control() && !allowed(c)) || bidi(c))
    {
        return Err(ValidationError::new(
            field,
            format!("caractère de contrôle interdit (U+{:04X})", c as u32),
        ));
    }
    Ok(value.to_owned())
}

/// A required text: as `text`, and not empty once trimmed.
pub fn required(
    field: &str,
    value: &str,
    max: usize,
    multiline: bool,
) -> Result<String, ValidationError> {
    let v = text(field, value, max, multiline)?;
    if v.is_empty() {
        return Err(ValidationError::new(field, "obligatoire"));
    }
    Ok(v)
}

/// An optional text: empty becomes `None`.
pub fn optional(
    field: &str,
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, ValidationError> {
    match value {
        None => Ok(None),
        Some(v) => {
            let v = text(field, v, max, multiline)?;
            Ok((!v.is_empty()).then_some(v))
        }
    }
}

/// A date chosen by a user for something that already happened: within the calendar's range
/// and not after today.
pub fn past_date(
    field: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, ValidationError> {
    calendar::check_year(date).map_err(|e| ValidationError::new(field, e.to_string()))?;
    if date > today {
        return Err(ValidationError::new(
            field,
            format!(
                "date dans le futur ({}, nous sommes le {})",
                date.format("%d/%m/%Y"),
                today.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(date)
}

/// An optional e-mail address: `local@domain.tld`, without spaces.
pub fn email(field: &str, value: Option<&str>) -> Result<Option<String>, ValidationError> {
    let v = optional(field, value, MAX_LINE, false)?;
    if let Some(e) = &v {
        let ok = e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }) && !e.contains(char::is_whitespace);
        if !ok {
            return Err(ValidationError::new(
                field,
                format!("adresse e-mail invalide « {e} »"),
            ));
        }
    }
    Ok(v)
}

fn list(field: &str, values: &[String]) -> Result<Vec<String>, ValidationError> {
    if values.len() > MAX_LIST {
        return Err(ValidationError::new(
            field,
            format!("{MAX_LIST} entrées au plus"),
        ));
    }
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        let v = text(&format!("{field}[{i}]"), v, MAX_LINE, false)?;
        if !v.is_empty() {
            out.push(v);
        }
    }
    Ok(out)
}

/// An optional telephone number: digits, spaces (no-break ones too), dots, dashes, brackets,
/// "/" and "+" (the way French and foreign numbers are written), with six digits at least.
/// The forms say the same as the user types (`ui/src/features/complaint/validation.ts`).
pub fn phone(field: &str, value: Option<&str>) -> Result<Option<String>, ValidationError> {
    let v = optional(field, value, 40, false)?;
    if let Some(p) = &v {
        let allowed = p.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' | '+' | '/'
                )
        });
        let digits = p.chars().filter(char::is_ascii_digit).count();
        if !allowed || digits < 6 {
            return Err(ValidationError::new(
                field,
                format!(
                    "numéro de téléphone invalide « {p} » : chiffres, espaces, points, tirets, \
                     parenthèses et + seulement"
                ),
            ));
        }
    }
    Ok(v)
}

/// Keep a field's value, or its refusal among the others.
fn take<T>(errors: &mut Vec<ValidationError>, r: Result<T, ValidationError>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

impl NewComplaint {
    /// The complaint checked: every refused field at once (a bad date, a missing name and a
    /// bad e-mail are reported together, in the form's order).
    pub fn validate(&self, today: NaiveDate) -> Result<ValidComplaint, ValidationErrors> {
        let mut e = Vec::new();
        let c = &self.client;
        let name = take(&mut e, required("client.name", &c.name, MAX_LINE, false));
        let address = take(
            &mut e,
            optional("client.address", c.address.as_deref(), 1000, true),
        );
        let mail = take(&mut e, email("client.email", c.email.as_deref()));
        let tel = take(&mut e, phone("client.phone", c.phone.as_deref()));
        let number = take(
            &mut e,
            optional("client.number", c.number.as_deref(), 60, false),
        );
        let received_on = take(&mut e, past_date("receivedOn", self.received_on, today));
        let sent_on = match self.sent_on {
            None => Some(None),
            Some(sent) => {
                take(&mut e, past_date("sentOn", sent, today)).and_then(|sent| match received_on {
                    Some(received) if sent > received => {
                        e.push(ValidationError::new(
                            "sentOn",
                            format!(
                                "la date d'envoi ({}) est postérieure à la date de réception ({})",
                                sent.format("%d/%m/%Y"),
                                received.format("%d/%m/%Y")
                            ),
                        ));
                        None
                    }
                    _ => Some(Some(sent)),
                })
            }
        };
        let description = take(
            &mut e,
            text("description", &self.description, MAX_TEXT, true),
        );
        let contract_number = take(
            &mut e,
            optional(
                "contract.number",
                self.contract.number.as_deref(),
                60,
                false,
            ),
        );
        let product = take(
            &mut e,
            optional(
                "contract.product",
                self.contract.product.as_deref(),
                MAX_LINE,
                false,
            ),
        );
        let insurer = take(
            &mut e,
            optional(
                "contract.insurer",
                self.contract.insurer.as_deref(),
                MAX_LINE,
                false,
            ),
        );
        let other_parties = take(&mut e, list("otherParties", &self.other_parties));
        let persons_concerned = take(&mut e, list("personsConcerned", &self.persons_concerned));
        let received_by = take(
            &mut e,
            optional("receivedBy", self.received_by.as_deref(), MAX_LINE, false),
        );
        let handler = take(
            &mut e,
            optional("handler", self.handler.as_deref(), MAX_LINE, false),
        );
        let amount_claimed = take(
            &mut e,
            optional_money("amountClaimed", self.amount_claimed.as_deref()),
        );
        if let Some(errors) = ValidationErrors::new(e) {
            return Err(errors);
        }
        // No refusal: every field above holds its value.
        Ok(ValidComplaint {
            client: Client {
                name: name.unwrap_or_default(),
                address: address.unwrap_or_default(),
                email: mail.unwrap_or_default(),
                phone: tel.unwrap_or_default(),
                number: number.unwrap_or_default(),
                kind: c.kind.unwrap_or(ClientKind::Person),
                relation: c.relation.unwrap_or(ClientRelation::Client),
            },
            channel: self.channel,
            sent_on: sent_on.unwrap_or_default(),
            received_on: received_on.unwrap_or_default(),
            subject: self.subject,
            description: description.unwrap_or_default(),
            contract: Contract {
                number: contract_number.unwrap_or_default(),
                product: product.unwrap_or_default(),
                insurer: insurer.unwrap_or_default(),
            },
            other_parties: other_parties.unwrap_or_default(),
            persons_concerned: persons_concerned.unwrap_or_default(),
            received_by: received_by.unwrap_or_default(),
            handler: handler.unwrap_or_default(),
            amount_claimed: amount_claimed.unwrap_or_default(),
        })
    }
}

/// Parse a JSON complaint with errors that name the field, in French.
pub fn parse_new_complaint(json: &str) -> Result<NewComplaint, ValidationError> {
    // serde also reads a struct from the list of its fields: a complaint is an object.
    let start = json.trim_start();
    if !start.is_empty()
        && !start.starts_with('{')
        && serde_json::from_str::<serde_json::Value>(start).is_ok()
    {
        return Err(ValidationError::new(
            "json",
            "une réclamation s'écrit comme un objet JSON : { \"client\": …, \"receivedOn\": … }",
        ));
    }
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        // Read again as a JSON value only to quote a refused value.
        let source = serde_json::from_str::<serde_json::Value>(json).ok();
        french_serde_error_in(&path, &inner, source.as_ref())
    })
}

/// Turn a serde_json error into a French message naming the field.
pub fn french_serde_error(path: &str, err: &serde_json::Error) -> ValidationError {
    french_serde_error_in(path, err, None)
}

/// The same, with the JSON value decoded (to quote the value refused).
fn french_serde_error_in(
    path: &str,
    err: &serde_json::Error,
    source: Option<&serde_json::Value>,
) -> ValidationError {
    use serde_json::error::Category;
    // serde_path_to_error writes `?` for a key it could not read: name the object instead.
    let path = path.replace(".?", "");
    let path = if path == "?" { "." } else { path.as_str() };
    let at = format!("ligne {}, colonne {}", err.line(), err.column());
    match err.classify() {
        // A text cut short concerns the whole input, not the field it stopped in.
        Category::Eof => {
            return ValidationError::new(
                "json",
                format!("JSON mal formé : le texte s'arrête avant la fin ({at})"),
            )
        }
        // Broken syntax, or a value no field accepts there (`"channel": 1`): say where.
        Category::Syntax if path == "." || path.is_empty() => {
            return ValidationError::new(
                "json",
                format!("JSON mal formé : syntaxe incorrecte ({at})"),
            )
        }
        Category::Syntax => {
            return ValidationError::new(path, format!("valeur ou syntaxe incorrecte ({at})"))
        }
        Category::Io | Category::Data => {}
    }
    let raw = err.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    let value = source.and_then(|v| at_path(v, path));
    french_data_error(path, &raw, value)
}

/// serde's message about a value (not the syntax) in French; `value` is the text refused.
fn french_data_error(path: &str, raw: &str, value: Option<&str>) -> ValidationError {
    let raw = raw.to_owned();
    let field = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    let (field, message) = if let Some(rest) = raw.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let full = if field.is_empty() {
            name.to_owned()
        } else {
            // serde_path_to_error points at the unknown key itself.
            field.clone()
        };
        (full, format!("champ inconnu « {name} »"))
    } else if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let full = if field.is_empty() {
            name.to_owned()
        } else {
            format!("{field}.{name}")
        };
        (full, "champ obligatoire manquant".to_owned())
    } else if raw.starts_with("unknown variant `") {
        let name = raw
            .trim_start_matches("unknown variant `")
            .split('`')
            .next()
            .unwrap_or("");
        let expected = french_alternatives(raw.split("expected ").nth(1).unwrap_or(""));
        (
            field,
            format!("valeur inconnue « {name} » (valeurs possibles : {expected})"),
        )
    } else if raw.contains("input is out of range")
        || raw.contains("input contains invalid characters")
        || raw.contains("premature end of input")
        || raw.contains("trailing input")
        || raw.contains("input is not enough")
    {
        (field, invalid_date_message(value))
    } else if let Some(rest) = raw.strip_prefix("duplicate field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let full = if field.is_empty() {
            name.to_owned()
        } else {
            format!("{field}.{name}")
        };
        (full, "champ donné deux fois".to_owned())
    } else if let Some(rest) = raw.strip_prefix("invalid length ") {
        // serde reads a struct from the list of its values too: a list where an object is
        // expected is a type error for the user.
        let message = if rest.contains("expected struct") {
            "type invalide : une liste, attendu : un objet { … }".to_owned()
        } else {
            format!(
                "nombre d'éléments incorrect ({})",
                rest.split(',').next().unwrap_or(rest)
            )
        };
        (field, message)
    } else if let Some(message) = french_type_error(&raw) {
        (field, message)
    } else if raw.starts_with("invalid type") {
        (
            field,
            format!(
                "type invalide ({})",
                raw.trim_start_matches("invalid type: ")
            ),
        )
    } else if raw.starts_with("EOF") || raw.starts_with("expected") || raw.starts_with("key must") {
        (field, format!("JSON mal formé ({raw})"))
    } else {
        (field, raw)
    };
    let field = if field.is_empty() {
        "json".to_owned()
    } else {
        field
    };
    ValidationError::new(field, message)
}

/// serde's "invalid type: integer `42`, expected a string" in French, for the usual types.
fn french_type_error(raw: &str) -> Option<String> {
    let (what, rest) = if let Some(rest) = raw.strip_prefix("invalid type: ") {
        ("type invalide", rest)
    } else {
        ("valeur incorrecte", raw.strip_prefix("invalid value: ")?)
    };
    let (found, expected) = rest.split_once(", expected ")?;
    let found = if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("le nombre {}", n.trim_matches('`'))
    } else if let Some(t) = found.strip_prefix("string ") {
        format!("le texte {t}")
    } else if let Some(b) = found.strip_prefix("boolean ") {
        format!("la valeur {}", b.trim_matches('`'))
    } else {
        match found {
            "null" | "unit value" => "null",
            "sequence" => "une liste",
            "map" => "un objet",
            _ => return None,
        }
        .to_owned()
    };
    let integer = |e: &str| {
        e.len() > 1 && e.starts_with(['i', 'u']) && e[1..].bytes().all(|b| b.is_ascii_digit())
    };
    let expected = match expected {
        "a string" => "un texte entre guillemets",
        "a sequence" => "une liste [ … ]",
        "a boolean" => "true ou false",
        "a formatted date string" => "une date AAAA-MM-JJ entre guillemets",
        "a map" => "un objet { … }",
        e if e.starts_with("struct ") => "un objet { … }",
        e if integer(e) => "un nombre entier",
        _ => return None,
    };
    Some(format!("{what} : {found}, attendu : {expected}"))
}

/// Read a JSON value sent by the UI into an input type, with errors that name the field, in
/// French (the same messages as `parse_new_complaint`).
pub fn from_json_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, ValidationError> {
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        french_serde_error_in(&path, &inner, Some(&value))
    })
}

/// serde's "one of `a`, `b`" or "`a` or `b`" as a French list of the values.
fn french_alternatives(expected: &str) -> String {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    list.replace("` or `", "`, `").replace('`', "")
}

/// The value at a serde_path_to_error path (`client.name`, `otherParties[1]`), if a string.
fn at_path<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v str> {
    let mut at = value;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (key, index) = match segment.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        if !key.is_empty() {
            at = at.get(key)?;
        }
        if let Some(i) = index {
            at = at.get(i)?;
        }
    }
    at.as_str()
}

/// The one French message of a date that cannot be read (quoting it when known).
pub fn invalid_date_message(value: Option<&str>) -> String {
    match value {
        Some(v) if v.trim().is_empty() => "date obligatoire".to_owned(),
        Some(v) => format!("date invalide « {v} » (format attendu AAAA-MM-JJ, ex. 2026-05-07)"),
        None => "date invalide (format attendu AAAA-MM-JJ, ex. 2026-05-07)".to_owned(),
    }
}

/// The one date parser of the entry points: an ISO date (`AAAA-MM-JJ`, exactly: no sign, no
/// missing zero) typed in a field or given on the command line.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, ValidationError> {
    let v = value.trim();
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == v)
        .ok_or_else(|| ValidationError::new(field, invalid_date_message(Some(value))))
}

/// Read a vocabulary value (outcome, feedback...) sent by the UI.
pub fn parse_vocab<T>(field: &str, value: &str) -> Result<T, ValidationError>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e: T::Err| ValidationError::new(field, e.to_string()))
}

/// An optional amount as typed: empty or absent is none.
pub fn optional_money(field: &str, s: Option<&str>) -> Result<Option<Money>, ValidationError> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => s
            .parse::<Money>()
            .map(Some)
            .map_err(|e| ValidationError::new(field, e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    #[test]
    fn bidirectional_overrides_are_refused_like_control_characters() {
        // "M. Martin" followed by a right-to-left override would display reversed text.
        let e = text("client.name", "M. Martin\u{202E}fdp.exe", 200, false).unwrap_err();
        assert_eq!(e.field, "client.name");
        assert!(e.message.contains("U+202E"), "{}", e.message);
        assert!(text("description", "a\u{2067}b", 200, true).is_err());
        // Accents, non-breaking spaces and emoji are text.
        assert!(text("client.name", "Mme Hélène Garçon\u{A0}🙂", 200, false).is_ok());
    }

    fn sample() -> &'static str {
        r#"{"client":{"name":"Mme Dupont"},"channel":"email","receivedOn":"2026-05-07",
            "subject":"claimSettlement","description":"Retard d'indemnisation"}"#
    }

    #[test]
    fn minimal_complaint_is_accepted_with_defaults() {
        let v = parse_new_complaint(sample())
            .unwrap()
            .validate(today())
            .unwrap();
        assert_eq!(v.client.name, "Mme Dupont");
        assert_eq!(v.client.kind, ClientKind::Person);
        assert_eq!(v.client.relation, ClientRelation::Client);
        assert_eq!(v.sent_on, None);
    }

    #[test]
    fn impossible_date_names_the_field() {
        let e = parse_new_complaint(&sample().replace("2026-05-07", "2026-02-30")).unwrap_err();
        assert_eq!(e.field, "receivedOn");
        assert!(e.message.contains("date invalide"), "{e}");
    }

    #[test]
    fn unknown_key_names_it() {
        let e = parse_new_complaint(&sample().replace("\"channel\"", "\"colour\":1,\"channel\""))
            .unwrap_err();
        assert!(e.message.contains("champ inconnu « colour »"), "{e}");
        let e = parse_new_complaint(&sample().replace("\"Mme Dupont\"", "\"X\",\"age\":3"))
            .unwrap_err();
        assert!(e.to_string().contains("client.age"), "{e}");
    }

    #[test]
    fn broken_or_mistyped_json_is_explained_in_french() {
        let e = parse_new_complaint("{\"client\": {\"name\": ").unwrap_err();
        assert_eq!(e.field, "json");
        assert_eq!(
            e.message,
            "JSON mal formé : le texte s'arrête avant la fin (ligne 1, colonne 20)"
        );
        let e = parse_new_complaint("{not json").unwrap_err();
        assert_eq!(e.field, "json");
        assert!(e.message.starts_with("JSON mal formé : syntaxe"), "{e}");
        let e = parse_new_complaint(&sample().replace("\"email\"", "1")).unwrap_err();
        assert_eq!(e.field, "channel");
        assert!(
            e.message.starts_with("valeur ou syntaxe incorrecte (ligne"),
            "{e}"
        );
        let e =
            parse_new_complaint(&sample().replace("\"Mme Dupont\"", "\"A\" \"B\"")).unwrap_err();
        assert_eq!(e.field, "client");
        let e =
            parse_new_complaint(&sample().replace("{\"name\":\"Mme Dupont\"}", "[]")).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.as_str()),
            (
                "client",
                "type invalide : une liste, attendu : un objet { … }"
            )
        );
        let e = parse_new_complaint(&sample().replace("\"channel\"", "\"client\":{},\"channel\""))
            .unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.message.as_str()),
            ("client", "champ donné deux fois")
        );
        let e = parse_new_complaint("[1, 2]").unwrap_err();
        assert_eq!(e.field, "json");
        assert!(e.message.contains("objet JSON"), "{e}");
        let e = parse_new_complaint(&sample().replace("\"Mme Dupont\"", "42")).unwrap_err();
        assert_eq!(e.field, "client.name");
        assert_eq!(
            e.message,
            "type invalide : le nombre 42, attendu : un texte entre guillemets"
        );
        let e = parse_new_complaint(&sample().replace("\"2026-05-07\"", "20260507")).unwrap_err();
        assert_eq!(e.field, "receivedOn");
        assert!(e.message.contains("une date AAAA-MM-JJ"), "{e}");
    }

    #[test]
    fn missing_and_bad_enum() {
        let e =
            parse_new_complaint(r#"{"client":{"name":"A"},"channel":"email","subject":"other"}"#)
                .unwrap_err();
        assert_eq!(e.field, "receivedOn");
        assert!(e.message.contains("manquant"));
        let e = parse_new_complaint(&sample().replace("\"email\"", "\"pigeon\"")).unwrap_err();
        assert_eq!(e.field, "channel");
        assert!(
            e.message.contains("pigeon") && e.message.contains("letter"),
            "{e}"
        );
    }

    #[test]
    fn business_rules() {
        let base = parse_new_complaint(sample()).unwrap();
        let mut c = base.clone();
        c.client.name = "   ".into();
        assert_eq!(
            c.validate(today()).unwrap_err().first().field,
            "client.name"
        );

        let mut c = base.clone();
        c.received_on = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap();
        let e = c.validate(today()).unwrap_err().first().clone();
        assert_eq!(e.field, "receivedOn");
        assert!(e.message.contains("futur"));

        let mut c = base.clone();
        c.sent_on = NaiveDate::from_ymd_opt(2026, 5, 8);
        let e = c.validate(today()).unwrap_err().first().clone();
        assert_eq!(e.field, "sentOn");
        assert!(e.message.contains("postérieure"));

        let mut c = base.clone();
        c.client.email = Some("pas-une-adresse".into());
        assert_eq!(
            c.validate(today()).unwrap_err().first().field,
            "client.email"
        );

        let mut c = base.clone();
        c.description = "a\u{0}b".into();
        assert!(c
            .validate(today())
            .unwrap_err()
            .to_string()
            .contains("contrôle"));

        let mut c = base.clone();
        c.description = "x".repeat(MAX_TEXT + 1);
        assert!(c
            .validate(today())
            .unwrap_err()
            .to_string()
            .contains("trop long"));

        let mut c = base;
        c.received_on = NaiveDate::from_ymd_opt(1850, 1, 1).unwrap();
        assert!(c
            .validate(today())
            .unwrap_err()
            .to_string()
            .contains("1900"));
    }

    #[test]
    fn every_refused_field_is_reported_at_once() {
        let mut c = parse_new_complaint(sample()).unwrap();
        c.client.name = " ".into();
        c.client.email = Some("pas-une-adresse".into());
        c.client.phone = Some("abc".into());
        c.received_on = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap();
        c.description = "x".repeat(MAX_TEXT + 1);
        let errors = c.validate(today()).unwrap_err();
        let fields: Vec<&str> = errors.all().iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "client.name",
                "client.email",
                "client.phone",
                "receivedOn",
                "description"
            ]
        );
        // A phone number as people write them is accepted; letters are not.
        for ok in ["04 72 00 00 00", "+33 (0)6.12.34.56.78", "06-12-34-56-78"] {
            assert_eq!(
                phone("client.phone", Some(ok)).unwrap().as_deref(),
                Some(ok)
            );
        }
        for bad in ["abc", "06 12 ab 56 78", "12"] {
            assert!(phone("client.phone", Some(bad)).is_err(), "{bad}");
        }
    }
}
