//! Letter bodies as templates with placeholders: `{client.name}`, `{deadlines.answerDue}`...
//!
//! A template is plain French text; paragraphs are separated by a blank line; `{{` and `}}`
//! write literal braces. Every placeholder must be one of [`PLACEHOLDERS`]: an unknown one is
//! refused when the template is saved, with the list of the known ones, so a letter never
//! goes out with a `{typo}` in it.
//!
//! `[[ … ]]` marks an optional passage: it is printed only when every placeholder inside it
//! has a value, so an empty setting never leaves a broken sentence ("joindre au  ou à
//! l'adresse ,"): `[[Vous pouvez nous joindre au {firm.phone}. ]]`.

use crate::complaint::ValidationError;
use std::collections::BTreeMap;

/// Every placeholder a template may use, with what it stands for (French, shown in the app).
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("client.name", "Nom du client"),
    ("client.salutation", "Formule d'appel (Madame, Monsieur…)"),
    ("complaint.reference", "Référence de la réclamation"),
    (
        "complaint.receivedOn",
        "Date de réception de la réclamation",
    ),
    (
        "complaint.sentOn",
        "Date d'envoi de la réclamation (ou de réception si inconnue)",
    ),
    ("complaint.subject", "Objet de la réclamation"),
    ("complaint.channel", "Canal de réception"),
    ("contract.number", "Numéro de contrat"),
    ("contract.product", "Produit"),
    ("contract.insurer", "Assureur"),
    ("deadlines.ackDue", "Date limite de l'accusé de réception"),
    ("deadlines.answerDue", "Date limite de la réponse"),
    ("handler.name", "Nom du gestionnaire du dossier"),
    ("signatory.name", "Nom du signataire"),
    ("signatory.title", "Fonction du signataire"),
    ("firm.name", "Nom du cabinet"),
    ("firm.phone", "Téléphone du cabinet"),
    ("firm.email", "E-mail du cabinet"),
    ("letter.date", "Date de la lettre"),
    (
        "holding.expectedOn",
        "Nouvelle date de réponse prévue (lettre d'attente)",
    ),
    ("holding.note", "Point d'avancement (lettre d'attente)"),
    (
        "answer.outcome",
        "Décision (fondée, partiellement fondée, rejetée)",
    ),
    ("answer.summary", "Motivation de la réponse"),
    ("answer.gesture", "Montant du geste commercial"),
    ("mediator.name", "Nom du médiateur"),
    ("mediator.website", "Site du médiateur"),
];

/// A template after parsing: literal text and placeholders, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Value(&'static str),
    /// Printed only when every value inside is set.
    Optional(Vec<Piece>),
}

/// A checked template, ready to fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
}

fn known(list: &'static [(&'static str, &'static str)], name: &str) -> Option<&'static str> {
    list.iter().find(|(k, _)| *k == name).map(|(k, _)| *k)
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

impl Template {
    /// Parse and check a template. `field` names the template in the error.
    pub fn parse(field: &str, text: &str) -> Result<Template, ValidationError> {
        Self::parse_with(field, text, PLACEHOLDERS)
    }

    /// Parse and check a template against another list of placeholders (the procedure of
    /// the inspection pack has its own).
    pub fn parse_with(
        field: &str,
        text: &str,
        placeholders: &'static [(&'static str, &'static str)],
    ) -> Result<Template, ValidationError> {
        let mut pieces = Vec::new();
        // The pieces before an optional passage opened with `[[`, while inside it.
        let mut outer: Option<Vec<Piece>> = None;
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '[' if chars.peek().map(|(_, c)| *c) == Some('[') => {
                    chars.next();
                    if outer.is_some() {
                        return Err(ValidationError::new(
                            field,
                            format!(
                                "passage facultatif [[ … ]] ouvert dans un autre, ligne {}",
                                line_of(text, at)
                            ),
                        ));
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    outer = Some(std::mem::take(&mut pieces));
                }
                ']' if chars.peek().map(|(_, c)| *c) == Some(']') && outer.is_some() => {
                    chars.next();
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    let inner = std::mem::take(&mut pieces);
                    pieces = outer.take().expect("inside a passage");
                    if inner.iter().any(|p| matches!(p, Piece::Value(_))) {
                        pieces.push(Piece::Optional(inner));
                    } else {
                        // "[[À compléter]]": no value to wait for, the brackets are text.
                        pieces.push(Piece::Text("[[".to_owned()));
                        pieces.extend(inner);
                        pieces.push(Piece::Text("]]".to_owned()));
                    }
                }
                '{' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|(_, c)| *c) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let rest = &text[at + 1..];
                    let Some(end) = rest
                        .find(['}', '{', '\n'])
                        .filter(|&e| rest[e..].starts_with('}'))
                    else {
                        return Err(ValidationError::new(
                            field,
                            format!(
                                "accolade ouvrante sans fermeture, ligne {} (écrivez {{{{ pour une accolade seule)",
                                line_of(text, at)
                            ),
                        ));
                    };
                    let name = rest[..end].trim();
                    let Some(name) = known(placeholders, name) else {
                        let list: Vec<String> = placeholders
                            .iter()
                            .map(|(k, _)| format!("{{{k}}}"))
                            .collect();
                        return Err(ValidationError::new(
                            field,
                            format!(
                                "champ inconnu « {{{name}}} », ligne {} (champs possibles : {})",
                                line_of(text, at),
                                list.join(", ")
                            ),
                        ));
                    };
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Value(name));
                    // Skip the name and the closing brace.
                    let target = at + 1 + end + 1;
                    while chars.peek().is_some_and(|(i, _)| *i < target) {
                        chars.next();
                    }
                }
                '}' => {
                    return Err(ValidationError::new(
                        field,
                        format!(
                        "accolade fermante seule, ligne {} (écrivez }}}} pour une accolade seule)",
                        line_of(text, at)
                    ),
                    ))
                }
                c => literal.push(c),
            }
        }
        if let Some(before) = outer.take() {
            // "[[" never closed: plain text, as templates written before passages existed
            // may hold it.
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            let inner = std::mem::replace(&mut pieces, before);
            pieces.push(Piece::Text("[[".to_owned()));
            pieces.extend(inner);
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template { pieces })
    }

    /// Whether `name` is used outside any optional passage (where an empty value would show).
    pub fn uses_outside_passages(&self, name: &str) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Value(v) if *v == name))
    }

    /// The placeholders this template uses, in order of first use.
    pub fn placeholders(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        let mut add = |v: &&'static str| {
            if !out.contains(v) {
                out.push(v);
            }
        };
        for p in &self.pieces {
            match p {
                Piece::Value(v) => add(v),
                Piece::Optional(inner) => {
                    for q in inner {
                        if let Piece::Value(v) = q {
                            add(v);
                        }
                    }
                }
                Piece::Text(_) => {}
            }
        }
        out
    }

    /// Fill the template; a placeholder without a value (an unknown contract number...)
    /// becomes empty.
    pub fn fill(&self, values: &BTreeMap<&'static str, String>) -> String {
        let mut out = String::new();
        fill_into(&mut out, &self.pieces, values);
        out
    }
}

fn set(values: &BTreeMap<&'static str, String>, v: &str) -> bool {
    values.get(v).is_some_and(|s| !s.trim().is_empty())
}

fn fill_into(out: &mut String, pieces: &[Piece], values: &BTreeMap<&'static str, String>) {
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Value(v) => {
                if let Some(value) = values.get(v) {
                    out.push_str(value);
                }
            }
            Piece::Optional(inner) => {
                let complete = inner.iter().all(|q| match q {
                    Piece::Value(v) => set(values, v),
                    _ => true,
                });
                if complete {
                    fill_into(out, inner, values);
                }
            }
        }
    }
}

impl Template {}

/// Split a filled body into paragraphs (blank-line separated), trimming each.
pub fn paragraphs(text: &str) -> Vec<String> {
    let normalised = text.replace("\r\n", "\n");
    normalised
        .split("\n\n")
        .map(|p| p.trim_matches(|c: char| c == '\n' || c == ' ').to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_passage_is_printed_only_when_its_values_are_set() {
        let t = Template::parse(
            "t",
            "Joignez-nous[[ au {firm.phone}]][[ ou par e-mail à {firm.email}]], merci.",
        )
        .unwrap();
        assert_eq!(t.placeholders(), ["firm.phone", "firm.email"]);
        let mut v = BTreeMap::from([("firm.phone", "04 72 00 00 00".to_owned())]);
        assert_eq!(t.fill(&v), "Joignez-nous au 04 72 00 00 00, merci.");
        v.insert("firm.email", "  ".to_owned());
        assert_eq!(t.fill(&v), "Joignez-nous au 04 72 00 00 00, merci.");
        v.insert("firm.email", "a@b.fr".to_owned());
        assert_eq!(
            t.fill(&v),
            "Joignez-nous au 04 72 00 00 00 ou par e-mail à a@b.fr, merci."
        );
        // An unclosed "[[" and a passage without a value are plain text (templates written
        // before passages existed keep reading as they did).
        let t = Template::parse("t", "[[ouvert {firm.phone}").unwrap();
        assert_eq!(t.fill(&v), "[[ouvert 04 72 00 00 00");
        let t = Template::parse("t", "Note : [[À compléter]].").unwrap();
        assert_eq!(t.fill(&BTreeMap::new()), "Note : [[À compléter]].");
        assert!(Template::parse("t", "[[a [[b]] c]]").is_err());
        // A lone bracket stays text.
        let t = Template::parse("t", "Réf. [A] ]] fin").unwrap();
        assert_eq!(t.fill(&BTreeMap::new()), "Réf. [A] ]] fin");
    }

    fn values() -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("client.name", "Mme Durand".to_owned()),
            ("deadlines.answerDue", "7 juillet 2026".to_owned()),
        ])
    }

    #[test]
    fn fills_placeholders_and_keeps_escaped_braces() {
        let t = Template::parse(
            "t",
            "Bonjour {client.name}, réponse avant le { deadlines.answerDue }. {{ok}} {contract.number}",
        )
        .unwrap();
        assert_eq!(
            t.fill(&values()),
            "Bonjour Mme Durand, réponse avant le 7 juillet 2026. {ok} "
        );
        assert_eq!(
            t.placeholders(),
            ["client.name", "deadlines.answerDue", "contract.number"]
        );
    }

    #[test]
    fn refuses_unknown_and_unbalanced_placeholders_with_the_line() {
        let e = Template::parse("template.ack", "Ligne 1\nBonjour {client.nom}").unwrap_err();
        assert_eq!(e.field, "template.ack");
        assert!(
            e.message
                .starts_with("champ inconnu « {client.nom} », ligne 2"),
            "{}",
            e.message
        );
        assert!(e.message.contains("{client.name}"), "{}", e.message);
        let e = Template::parse("t", "Bonjour {client.name").unwrap_err();
        assert!(
            e.message.contains("sans fermeture, ligne 1"),
            "{}",
            e.message
        );
        let e = Template::parse("t", "Bonjour {client.name\n}").unwrap_err();
        assert!(e.message.contains("sans fermeture"), "{}", e.message);
        let e = Template::parse("t", "a }").unwrap_err();
        assert!(
            e.message.contains("accolade fermante seule"),
            "{}",
            e.message
        );
        let e = Template::parse("t", "{}").unwrap_err();
        assert!(e.message.contains("champ inconnu « {} »"), "{}", e.message);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(
            paragraphs("Un\nsuite\n\n\nDeux\r\n\r\nTrois\n"),
            ["Un\nsuite", "Deux", "Trois"]
        );
    }
}
