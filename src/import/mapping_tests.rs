//! Unit tests of the column mapping and the reading of a row.

use super::*;

fn h(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn headers_are_guessed_in_french_and_english() {
    use ImportField as F;
    let g = guess(&h(&[
        "N° réclamation",
        "Nom du client",
        "Date de réception (jj/mm/aaaa)",
        "Accusé de réception dû le",
        "Accusé de réception le",
        "Motif",
        "Statut",
        "Contenu de la réponse",
        "Réponse en retard",
        "Colonne perso",
    ]));
    assert_eq!(
        g,
        [
            Some(F::Reference),
            Some(F::ClientName),
            Some(F::ReceivedOn),
            None,
            Some(F::AcknowledgedOn),
            Some(F::Subject),
            None,
            Some(F::AnswerSummary),
            None,
            None
        ]
    );
    let g = guess(&h(&[
        "Complaint ID",
        "Customer name",
        "Date received",
        "Outcome",
    ]));
    assert_eq!(
        g,
        [
            Some(F::Reference),
            Some(F::ClientName),
            Some(F::ReceivedOn),
            Some(F::Outcome)
        ]
    );
    // One column per field: a second "Client" column is left unmapped.
    assert_eq!(
        guess(&h(&["Client", "Client"])),
        [Some(F::ClientName), None]
    );
}

#[test]
fn dates_in_every_usual_form() {
    let d = |y, m, day| Some(NaiveDate::from_ymd_opt(y, m, day).unwrap());
    assert_eq!(parse_date(&Cell::Number(46_023.0)), Ok(d(2026, 1, 1)));
    assert_eq!(parse_date(&Cell::Text("46023".into())), Ok(d(2026, 1, 1)));
    assert_eq!(
        parse_date(&Cell::Text("03/02/2026".into())),
        Ok(d(2026, 2, 3))
    );
    assert_eq!(
        parse_date(&Cell::Text("2026-02-03".into())),
        Ok(d(2026, 2, 3))
    );
    assert_eq!(
        parse_date(&Cell::Text("03.02.26".into())),
        Ok(d(2026, 2, 3))
    );
    assert_eq!(
        parse_date(&Cell::Text("03/02/2026 14:30".into())),
        Ok(d(2026, 2, 3))
    );
    assert!(parse_date(&Cell::Text("31/02/2026".into())).is_err());
    assert!(parse_date(&Cell::Text("demain".into())).is_err());
    assert!(parse_date(&Cell::Number(-3.0)).is_err());
}

#[test]
fn amounts_in_every_usual_form() {
    let m = |s: &str| parse_money(&Cell::Text(s.into())).map(|m| m.map(|m| m.to_string()));
    assert_eq!(m("1 234,56 €"), Ok(Some("1234.56".into())));
    assert_eq!(m("1.234,56"), Ok(Some("1234.56".into())));
    assert_eq!(m("80.5"), Ok(Some("80.50".into())));
    assert_eq!(m("0"), Ok(None));
    assert!(m("-10").is_err());
    assert!(m("dix euros").is_err());
    assert!(m("1e3").is_err());
    assert!(m("0,00000000000000000000000000001").is_err());
    assert!(m("12,345").unwrap_err().contains("trop précis"));
    assert!(parse_money(&Cell::Number(12.345))
        .unwrap_err()
        .contains("trop précis"));
    assert_eq!(
        parse_money(&Cell::Number(0.1 + 0.2)).map(|m| m.map(|m| m.to_string())),
        Ok(Some("0.30".into()))
    );
    assert_eq!(
        parse_money(&Cell::Number(12.3)).map(|m| m.map(|m| m.to_string())),
        Ok(Some("12.30".into()))
    );
}

#[test]
fn a_row_without_client_or_date_is_refused_with_reasons() {
    use ImportField as F;
    let mapping = [Some(F::ClientName), Some(F::ReceivedOn), Some(F::Subject)];
    let err = plan(
        &[Cell::Empty, Cell::Text("32/01/2026".into()), Cell::Empty],
        &mapping,
        None,
    )
    .unwrap_err();
    let fields: Vec<&str> = err.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["receivedOn", "clientName"]);
    assert!(err[0].message.contains("32/01/2026"), "{err:?}");

    let ok = plan(
        &[
            Cell::Text("Mme Durand".into()),
            Cell::Text("03/02/2026".into()),
            Cell::Text("Sinistre".into()),
        ],
        &mapping,
        None,
    )
    .unwrap();
    assert_eq!(ok.complaint.subject, Subject::ClaimSettlement);
    assert_eq!(ok.complaint.channel, Channel::Other);
    let odd = plan(
        &[
            Cell::Text("M. Petit".into()),
            Cell::Text("03/02/2026".into()),
            Cell::Text("Tarif trop cher".into()),
        ],
        &mapping,
        None,
    )
    .unwrap();
    assert_eq!(odd.complaint.subject, Subject::Other);
    assert!(odd.warnings[0].message.contains("Tarif trop cher"));
}

#[test]
fn every_title_synonym_maps_to_its_field_and_to_one_field_only() {
    let mut seen = std::collections::HashMap::new();
    for spec in FIELDS {
        for title in spec.headers {
            assert_eq!(
                normalise(title),
                *title,
                "{title:?}: synonyms are written normalised"
            );
            if let Some(other) = seen.insert(*title, spec.field) {
                panic!("{title:?} names both {other:?} and {:?}", spec.field);
            }
            // A column titled so, alone or among others, goes to its field.
            assert_eq!(
                guess(&h(&[title])),
                [Some(spec.field)],
                "the title {title:?}"
            );
        }
    }
}

#[test]
fn titles_firms_write_in_their_registers() {
    use ImportField as F;
    for (title, field) in [
        ("Motif / description", F::Description),
        ("Réclamant", F::ClientName),
        ("Assuré", F::ClientName),
        ("Souscripteur", F::ClientName),
        ("Objet de la réclamation", F::Subject),
        ("Nature", F::Subject),
        ("Date AR", F::AcknowledgedOn),
        ("Date d'accusé", F::AcknowledgedOn),
        ("Date de réponse", F::AnsweredOn),
        ("Réponse apportée", F::AnswerSummary),
        ("Suite donnée", F::Outcome),
        ("Observations", F::Description),
        ("N° sinistre", F::ClaimNumber),
        ("N° de police", F::Contract),
        ("Compagnie", F::Insurer),
        ("Gestionnaire", F::Handler),
    ] {
        assert_eq!(guess(&h(&[title])), [Some(field)], "{title}");
    }
    // A computed column is never imported.
    assert_eq!(guess(&h(&["Délai"])), [None]);
}

#[test]
fn values_firms_write_in_their_registers() {
    use super::super::cells::{channel, subject};
    for (v, c) in [
        ("mail", Channel::Email),
        ("Courriel", Channel::Email),
        ("e-mail", Channel::Email),
        ("agence", Channel::InPerson),
        ("Rendez-vous", Channel::InPerson),
        ("tél", Channel::Phone),
        ("Tél.", Channel::Phone),
    ] {
        assert_eq!(channel(v), Some(c), "{v}");
    }
    for (v, s) in [
        ("Sinistre", Subject::ClaimSettlement),
        ("Indemnisation", Subject::ClaimSettlement),
        ("Cotisation", Subject::PremiumBilling),
        ("prime", Subject::PremiumBilling),
        ("Résiliation", Subject::Termination),
        ("Hamon", Subject::Termination),
        ("Résiliation Hamon", Subject::Termination),
    ] {
        assert_eq!(subject(v), Some(s), "{v}");
    }
}

#[test]
fn a_decision_is_read_at_the_start_of_the_answer_text_never_guessed_further() {
    use super::super::cells::decision_in_text;
    for (text, outcome, rest) in [
        (
            "Fondée - indemnisation versée",
            Outcome::Upheld,
            "indemnisation versée",
        ),
        (
            "Partiellement fondée : remboursement du double prélèvement",
            Outcome::Partial,
            "remboursement du double prélèvement",
        ),
        (
            "Non fondée, la résiliation est parvenue après l'échéance",
            Outcome::Rejected,
            "la résiliation est parvenue après l'échéance",
        ),
        ("NON FONDEE", Outcome::Rejected, "NON FONDEE"),
        ("Justifiée", Outcome::Upheld, "Justifiée"),
        ("Favorable. Avoir de 30 €", Outcome::Upheld, "Avoir de 30 €"),
        ("Refus : hors garantie", Outcome::Rejected, "hors garantie"),
        ("Défavorable", Outcome::Rejected, "Défavorable"),
        ("Rejetée (exclusion)", Outcome::Rejected, "exclusion"),
        ("Geste commercial : 50 €", Outcome::Partial, "50 €"),
        ("Accord - avoir de 30 €", Outcome::Upheld, "avoir de 30 €"),
        ("Fondée en partie", Outcome::Partial, "Fondée en partie"),
        (
            "Refus partiel : seule la franchise est due",
            Outcome::Partial,
            "seule la franchise est due",
        ),
        (
            "Accepté partiellement",
            Outcome::Partial,
            "Accepté partiellement",
        ),
    ] {
        assert_eq!(
            decision_in_text(text),
            Some((outcome, rest.to_owned())),
            "{text}"
        );
    }
    for text in [
        "Voir courrier du 28/11",
        "Le client n'est pas d'accord",
        "Dossier fondé sur une erreur",
        "Fondé sur l'article 4 des conditions générales",
        "Accord du gestionnaire en attente",
        "",
    ] {
        assert_eq!(decision_in_text(text), None, "{text}");
    }
}

#[test]
fn an_answer_without_a_readable_decision_asks_for_one() {
    use ImportField as F;
    let mapping = [
        Some(F::ClientName),
        Some(F::ReceivedOn),
        Some(F::AnsweredOn),
        Some(F::AnswerSummary),
    ];
    let row = [
        Cell::Text("Mme Noël".into()),
        Cell::Text("06/10/2025".into()),
        Cell::Text("28/11/2025".into()),
        Cell::Text("Voir courrier du 28/11".into()),
    ];
    let err = plan(&row, &mapping, None).unwrap_err();
    assert_eq!(err[0].field, DECISION_NEEDED);
    assert!(err[0].message.contains("Voir courrier du 28/11"), "{err:?}");
    // The user's choice decides, and the text stays the answer's content.
    let ok = plan(&row, &mapping, Some(Outcome::Rejected)).unwrap();
    let (_, outcome, summary, _) = ok.answer.unwrap();
    assert_eq!(outcome, Outcome::Rejected);
    assert_eq!(summary, "Voir courrier du 28/11");
    // A decision in the text is the text's, whatever the user's default.
    let mut fondee = row.clone();
    fondee[3] = Cell::Text("Fondée - indemnisation versée".into());
    let ok = plan(&fondee, &mapping, Some(Outcome::Rejected)).unwrap();
    let (_, outcome, summary, _) = ok.answer.unwrap();
    assert_eq!(
        (outcome, summary.as_str()),
        (Outcome::Upheld, "indemnisation versée")
    );
}
