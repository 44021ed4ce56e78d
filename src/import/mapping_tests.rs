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
    )
    .unwrap();
    assert_eq!(odd.complaint.subject, Subject::Other);
    assert!(odd.warnings[0].message.contains("Tarif trop cher"));
}
