//! Reading one cell of a foreign register: dates (French, ISO, spreadsheet serials, month-first
//! files), amounts, and the French and English words of the register's vocabularies.

use super::source::Cell;
use crate::complaint::{
    Channel, ClientKind, DysfunctionCategory, Feedback, Money, MoneyError, Outcome, Subject,
};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// An Excel serial day number (1900 system, as Excel and LibreOffice write by default).
pub fn from_serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n.floor() as i64))
}

/// A date cell: a typed date, an Excel serial number, or a text date in the usual French,
/// ISO and spreadsheet forms (a time after it is ignored).
pub fn parse_date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => from_serial(*n)
            .map(Some)
            .ok_or_else(|| format!("nombre « {n} » qui n'est pas une date")),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(d) = t.parse().ok().and_then(from_serial) {
                    return Ok(Some(d));
                }
            }
            let day = t.split([' ', 'T']).next().unwrap_or(t);
            for f in ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d"] {
                match NaiveDate::parse_from_str(day, f) {
                    // "%Y" also reads "26" as the year 26: leave short years to "%y".
                    Ok(d) if d.year() >= 1900 => return Ok(Some(d)),
                    _ => {}
                }
            }
            // Two-digit years: 25 is 2025 (a register does not go back to the 1920s).
            for f in ["%d/%m/%y", "%d-%m-%y", "%d.%m.%y"] {
                if let Ok(d) = NaiveDate::parse_from_str(day, f) {
                    return Ok(Some(d));
                }
            }
            Err(format!(
                "date illisible « {t} » (attendu JJ/MM/AAAA, AAAA-MM-JJ ou une date Excel)"
            ))
        }
    }
}

/// The two first numbers of a text date "a/b/yyyy" (or with `-` or `.`).
pub(super) fn day_month(t: &str) -> Option<(u32, u32)> {
    let day = t.trim().split([' ', 'T']).next()?;
    let mut parts = day.split(['/', '-', '.']);
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let y = parts.next()?;
    (parts.next().is_none() && (y.len() == 2 || y.len() == 4) && a <= 31 && b <= 31)
        .then_some((a, b))
}

/// Whether a column of text dates is written month first (an English-language spreadsheet):
/// no first number above 12 and at least one second number above 12.
pub fn month_first(cells: impl Iterator<Item = impl AsRef<str>>) -> bool {
    let (mut first_big, mut second_big) = (false, false);
    for c in cells {
        if let Some((a, b)) = day_month(c.as_ref()) {
            first_big |= a > 12;
            second_big |= b > 12;
        }
    }
    second_big && !first_big
}

/// "02/20/2026" → "20/02/2026".
pub fn swap_day_month(t: &str) -> String {
    let t = t.trim();
    let sep = t
        .chars()
        .find(|c| matches!(c, '/' | '-' | '.'))
        .unwrap_or('/');
    let mut parts: Vec<&str> = t.splitn(3, sep).collect();
    if parts.len() == 3 {
        parts.swap(0, 1);
    }
    parts.join(&sep.to_string())
}

/// An amount: a number cell, or a text such as "1 234,56 €", "1234.56" or "1.234,56".
pub fn parse_money(cell: &Cell) -> Result<Option<Money>, String> {
    let amount = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(_) => return Err("une date n'est pas un montant".to_owned()),
        Cell::Number(n) => {
            let exact =
                Decimal::from_f64(*n).ok_or_else(|| format!("montant illisible « {n} »"))?;
            let cents = exact.round_dp(2);
            // A float cell carries binary noise (12.3 is 12.300000000000001): that is rounded
            // away, a third decimal typed in the sheet is not.
            if (n - cents.to_f64().unwrap_or(f64::NAN)).abs() > 1e-9 * n.abs().max(1.0) {
                return Err(MoneyError::TooPrecise(exact.to_string()).to_string());
            }
            cents
        }
        Cell::Text(t) => {
            let cleaned: String = t
                .trim()
                .trim_end_matches("EUR")
                .trim_end_matches("eur")
                .trim()
                .trim_end_matches('€')
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\''))
                .collect();
            if cleaned.is_empty() {
                return Ok(None);
            }
            // "1.234,56": dots group thousands when a comma is the decimal separator.
            let cleaned = if cleaned.contains(',') {
                cleaned.replace('.', "").replace(',', ".")
            } else {
                cleaned
            };
            // The same reading as an amount typed in the app (plain decimals only).
            match cleaned.parse::<Money>() {
                Ok(m) => m.amount(),
                Err(MoneyError::Unreadable(_)) => {
                    return Err(format!("montant illisible « {} »", t.trim()))
                }
                Err(MoneyError::TooPrecise(_)) => {
                    return Err(MoneyError::TooPrecise(t.trim().to_owned()).to_string())
                }
                Err(e) => return Err(e.to_string()),
            }
        }
    };
    if amount.is_zero() {
        return Ok(None);
    }
    Money::new(amount).map(Some).map_err(|e| e.to_string())
}

pub(super) fn text(cell: &Cell) -> Option<String> {
    let s = cell.display();
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A vocabulary value from its identifier, its French label or a usual synonym.
fn vocab<T: Copy>(
    value: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    synonyms: &[(&str, T)],
) -> Option<T> {
    let n = normalise(value);
    all.iter()
        .copied()
        .find(|v| normalise(id(*v)) == n || normalise(label(*v)) == n)
        .or_else(|| synonyms.iter().find(|(s, _)| *s == n).map(|(_, v)| *v))
}

pub(super) fn channel(v: &str) -> Option<Channel> {
    use Channel::*;
    vocab(
        v,
        Channel::ALL,
        Channel::as_str,
        Channel::label,
        &[
            ("lettre", Letter),
            ("courrier postal", Letter),
            ("postal", Letter),
            ("lrar", Letter),
            ("lettre recommandee", Letter),
            ("letter", Letter),
            ("mail", Email),
            ("courriel", Email),
            ("email", Email),
            ("e mail", Email),
            ("mel", Email),
            ("tel", Phone),
            ("telephone", Phone),
            ("telephonique", Phone),
            ("appel", Phone),
            ("appel telephonique", Phone),
            ("phone", Phone),
            ("agence", InPerson),
            ("en agence", InPerson),
            ("rendez vous", InPerson),
            ("rdv", InPerson),
            ("visite", InPerson),
            ("oral", InPerson),
            ("face a face", InPerson),
            ("in person", InPerson),
            ("site", WebForm),
            ("site web", WebForm),
            ("formulaire", WebForm),
            ("web", WebForm),
            ("internet", WebForm),
            ("plateforme", Platform),
            ("reseaux sociaux", SocialNetwork),
            ("reseau social", SocialNetwork),
        ],
    )
}

pub(super) fn subject(v: &str) -> Option<Subject> {
    use Subject::*;
    vocab(
        v,
        Subject::ALL,
        Subject::as_str,
        Subject::label,
        &[
            ("souscription", Subscription),
            ("adhesion", Subscription),
            ("gestion", ContractManagement),
            ("gestion du contrat", ContractManagement),
            ("avenant", ContractManagement),
            ("sinistre", ClaimSettlement),
            ("sinistres", ClaimSettlement),
            ("indemnisation", ClaimSettlement),
            ("indemnite", ClaimSettlement),
            ("expertise", ClaimSettlement),
            ("reglement", ClaimSettlement),
            ("prestations", ClaimSettlement),
            ("claims", ClaimSettlement),
            ("cotisation", PremiumBilling),
            ("cotisations", PremiumBilling),
            ("facturation", PremiumBilling),
            ("prime", PremiumBilling),
            ("primes", PremiumBilling),
            ("prelevement", PremiumBilling),
            ("echeancier", PremiumBilling),
            ("tarif", PremiumBilling),
            ("resiliation", Termination),
            ("resiliations", Termination),
            ("hamon", Termination),
            ("loi hamon", Termination),
            ("resiliation hamon", Termination),
            ("chatel", Termination),
            ("conseil", AdviceDuty),
            ("devoir de conseil", AdviceDuty),
            ("information", AdviceDuty),
            ("qualite", ServiceQuality),
            ("service", ServiceQuality),
            ("accueil", ServiceQuality),
            ("delai", ServiceQuality),
            ("delais", ServiceQuality),
            ("rgpd", PersonalData),
            ("donnees", PersonalData),
            ("donnees personnelles", PersonalData),
        ],
    )
}

pub(super) fn outcome(v: &str) -> Option<Outcome> {
    use Outcome::*;
    vocab(
        v,
        Outcome::ALL,
        Outcome::as_str,
        Outcome::label,
        &[
            ("fondee", Upheld),
            ("favorable", Upheld),
            ("acceptee", Upheld),
            ("accepte", Upheld),
            ("satisfaite", Upheld),
            ("partiel", Partial),
            ("partielle", Partial),
            ("partiellement", Partial),
            ("partiellement favorable", Partial),
            ("partially upheld", Partial),
            ("rejet", Rejected),
            ("rejete", Rejected),
            ("refus", Rejected),
            ("refusee", Rejected),
            ("non fondee", Rejected),
            ("defavorable", Rejected),
            ("rejected", Rejected),
            ("upheld", Upheld),
        ],
    )
}

pub(super) fn feedback(v: &str) -> Option<Feedback> {
    use Feedback::*;
    vocab(
        v,
        Feedback::ALL,
        Feedback::as_str,
        Feedback::label,
        &[
            ("oui", Resolved),
            ("resolu", Resolved),
            ("satisfait", Resolved),
            ("yes", Resolved),
            ("non", Unresolved),
            ("non resolu", Unresolved),
            ("insatisfait", Unresolved),
            ("no", Unresolved),
            ("aucun", None),
            ("sans objet", None),
            ("inconnu", None),
        ],
    )
}

pub(super) fn client_kind(v: &str) -> Option<ClientKind> {
    use ClientKind::*;
    vocab(
        v,
        ClientKind::ALL,
        ClientKind::as_str,
        ClientKind::label,
        &[
            ("personne physique", Person),
            ("particuliers", Person),
            ("individual", Person),
            ("pp", Person),
            ("personne morale", Company),
            ("professionnel", Company),
            ("societe", Company),
            ("entreprise", Company),
            ("business", Company),
            ("pm", Company),
        ],
    )
}

pub(super) fn category(label: &str) -> Option<DysfunctionCategory> {
    vocab(
        label,
        DysfunctionCategory::ALL,
        DysfunctionCategory::as_str,
        DysfunctionCategory::label,
        &[],
    )
}

pub(super) fn list(v: Option<String>) -> Vec<String> {
    v.map(|s| {
        s.split([',', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// Lower case, accents removed, every run of other characters turned into one space.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' => 'y',
            'œ' => 'o',
            '°' | 'º' => ' ',
            c => c,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The decisions a free text may start with, normalised, the longest forms first (a text that
/// starts with "non fondée" is not "fondée").
const DECISION_WORDS: &[(&str, Outcome)] = &[
    ("partiellement fondee", Outcome::Partial),
    ("partiellement fonde", Outcome::Partial),
    ("partiellement justifiee", Outcome::Partial),
    ("partiellement favorable", Outcome::Partial),
    ("partiellement accordee", Outcome::Partial),
    ("partiellement", Outcome::Partial),
    ("partielle", Outcome::Partial),
    ("partiel", Outcome::Partial),
    ("accord partiel", Outcome::Partial),
    ("geste commercial", Outcome::Partial),
    ("geste", Outcome::Partial),
    ("non fondee", Outcome::Rejected),
    ("non fonde", Outcome::Rejected),
    ("non justifiee", Outcome::Rejected),
    ("non justifie", Outcome::Rejected),
    ("infondee", Outcome::Rejected),
    ("rejetee", Outcome::Rejected),
    ("rejete", Outcome::Rejected),
    ("rejet", Outcome::Rejected),
    ("refusee", Outcome::Rejected),
    ("refuse", Outcome::Rejected),
    ("refus", Outcome::Rejected),
    ("defavorable", Outcome::Rejected),
    ("irrecevable", Outcome::Rejected),
    ("classee sans suite", Outcome::Rejected),
    ("sans suite", Outcome::Rejected),
    ("fondee", Outcome::Upheld),
    ("fonde", Outcome::Upheld),
    ("justifiee", Outcome::Upheld),
    ("justifie", Outcome::Upheld),
    ("favorable", Outcome::Upheld),
    ("accord", Outcome::Upheld),
    ("acceptee", Outcome::Upheld),
    ("accepte", Outcome::Upheld),
    ("satisfaite", Outcome::Upheld),
    ("upheld", Outcome::Upheld),
    ("partially upheld", Outcome::Partial),
    ("rejected", Outcome::Rejected),
];

/// The decision a free answer text starts with ("Fondée - indemnisation versée", "Non fondée,
/// la résiliation…"), case and accents aside, with the rest of the text (the answer's
/// content; the whole text when nothing follows the decision). `None` when the text does not
/// start with a decision: never guessed from a word further in ("pas d'accord" is not one).
pub fn decision_in_text(t: &str) -> Option<(Outcome, String)> {
    let norm = normalise(t);
    let (words, mut outcome) = DECISION_WORDS.iter().find_map(|(w, o)| {
        (norm == *w || norm.starts_with(&format!("{w} "))).then(|| (w.split(' ').count(), *o))
    })?;
    // Skip as many words of the original text.
    let mut rest = t.trim_start();
    for _ in 0..words {
        let start = rest
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        rest = &rest[start..];
        let end = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric() && *c != '\'' && *c != '’')
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    // "Fondée en partie", "Refus partiel", "Accepté partiellement": a partial decision.
    let mut after = rest.trim_start();
    let tail = normalise(after);
    let marker = ["en partie", "partiellement", "partielle", "partiel"]
        .iter()
        .find(|m| tail == **m || tail.starts_with(&format!("{m} ")));
    if let Some(m) = marker {
        outcome = Outcome::Partial;
        for _ in 0..m.split(' ').count() {
            let start = after
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(i, _)| i)
                .unwrap_or(after.len());
            let word = &after[start..];
            let end = word
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map(|(i, _)| i)
                .unwrap_or(word.len());
            after = word[end..].trim_start();
        }
    }
    // The decision stands alone: the text ends, or a separator follows it ("Fondée - …",
    // "Non fondée, …", "Rejetée (…)"). "Fondé sur l'article 4" is a sentence, not a decision.
    let separated =
        after.is_empty() || after.starts_with(['-', '–', '—', ':', ',', ';', '.', '/', '(', '!']);
    if !separated {
        return None;
    }
    let rest = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ',' | ';' | '.' | '/' | '(' | '!')
    });
    let mut rest = rest.trim();
    // "Rejetée (exclusion)": the parenthesis opened before the rest closes after it.
    if rest.ends_with(')') && !rest.contains('(') {
        rest = rest[..rest.len() - 1].trim_end();
    }
    Some((
        outcome,
        if rest.is_empty() { t.trim() } else { rest }.to_owned(),
    ))
}
