//! Decoding: every refused field at once, French messages, the JSON shape of the error.

use super::complaints::{PreviewDeadlinesReq, RecordComplaintReq, ReferenceReq};
use super::extract::PeriodReq;
use super::lifecycle::{Answer, AnswerMoneyReq, AnswerReq};
use super::others::{AnonymiseReq, ImportReq};
use super::{decode, Request};
use crate::complaint::lifecycle::AnswerMoney;
use crate::complaint::{Money, Outcome};
use crate::error::Error;
use chrono::NaiveDate;
use serde_json::json;

fn fields(e: &Error) -> Vec<(String, String)> {
    e.fields()
        .iter()
        .map(|v| (v.field.clone(), v.message.clone()))
        .collect()
}

#[test]
fn a_sound_request_decodes_into_register_values() {
    let a = decode::<AnswerReq>(json!({
        "reference": " REC-2026-0001 ", "on": "2026-05-20", "outcome": "upheld",
        "summary": "Remboursé", "gesture": "150,00"
    }))
    .unwrap();
    assert_eq!(
        a,
        Answer {
            reference: "REC-2026-0001".parse().unwrap(),
            on: NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
            outcome: Outcome::Upheld,
            summary: "Remboursé".into(),
            money: AnswerMoney::gesture(Some("150".parse::<Money>().unwrap())),
            sent: None,
        }
    );
    let blank = AnswerReq {
        money: AnswerMoneyReq {
            gesture: Some("  ".into()),
            ..AnswerMoneyReq::default()
        },
        ..serde_json::from_value(json!({"reference": "REC-2026-0001", "on": "2026-05-20",
            "outcome": "rejected", "summary": ""}))
        .unwrap()
    };
    assert_eq!(blank.decode().unwrap().money, AnswerMoney::default());
}

#[test]
fn a_refund_is_read_whole_or_each_missing_part_is_named() {
    let a = decode::<AnswerReq>(json!({
        "reference": "REC-2026-0001", "on": "2026-05-20", "outcome": "partial",
        "summary": "Remboursement partiel", "refundAmount": "40", "refundBasis": "exception",
        "refundScope": "partial", "gestureKind": "credit", "gesture": "10",
        "gestureReason": "Client fidèle"
    }))
    .unwrap();
    let refund = a.money.refund.unwrap();
    assert_eq!(refund.amount, "40".parse().unwrap());
    assert_eq!(refund.basis, crate::complaint::RefundBasis::Exception);
    assert_eq!(a.money.gesture_reason.as_deref(), Some("Client fidèle"));
    let e = decode::<AnswerReq>(json!({
        "reference": "REC-2026-0001", "on": "2026-05-20", "outcome": "partial",
        "summary": "x", "refundAmount": "40", "gestureKind": "cadeau"
    }))
    .unwrap_err();
    assert_eq!(
        fields(&e)
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>(),
        ["gestureKind", "refundBasis", "refundScope"]
    );
}

#[test]
fn every_refused_field_is_reported_at_once() {
    let e = AnswerReq {
        reference: "REC-26-1".into(),
        on: "2026-02-30".into(),
        outcome: "gagné".into(),
        summary: String::new(),
        money: AnswerMoneyReq {
            gesture: Some("-5".into()),
            ..AnswerMoneyReq::default()
        },
        via: Some("pigeon".into()),
        copy: None,
    }
    .decode()
    .unwrap_err();
    let f = fields(&e);
    assert_eq!(
        f.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        ["reference", "on", "outcome", "gesture", "via"]
    );
    assert_eq!(
        f[0].1,
        "référence invalide « REC-26-1 » (format attendu : REC-AAAA-NNNN)"
    );
    assert_eq!(
        f[1].1,
        "date invalide « 2026-02-30 » (format attendu AAAA-MM-JJ, ex. 2026-05-07)"
    );
    assert!(
        f[2].1.starts_with("valeur inconnue « gagné »"),
        "{}",
        f[2].1
    );
    assert_eq!(e.code(), "validation");
    assert_eq!(e.field(), Some("reference"));
}

#[test]
fn the_error_crosses_the_wire_with_its_first_field_and_all_of_them() {
    let e = PeriodReq {
        from: String::new(),
        to: "31/12/2026".into(),
        ..PeriodReq::default()
    }
    .decode()
    .unwrap_err();
    assert_eq!(
        serde_json::to_value(e.to_wire()).unwrap(),
        json!({
            "code": "validation",
            "message": "date obligatoire",
            "field": "from",
            "fields": [
                {"field": "from", "message": "date obligatoire"},
                {"field": "to", "message":
                    "date invalide « 31/12/2026 » (format attendu AAAA-MM-JJ, ex. 2026-05-07)"}
            ]
        })
    );
    // One refused field: the shape the UI has always read, without `fields`.
    let e = decode::<ReferenceReq>(json!({"reference": "x"})).unwrap_err();
    assert!(matches!(e, Error::Validation(_)));
    assert_eq!(
        serde_json::to_value(e.to_wire()).unwrap(),
        json!({"code": "validation", "field": "reference",
            "message": "référence invalide « X » (format attendu : REC-AAAA-NNNN)"})
    );
}

#[test]
fn one_date_parser_one_message() {
    for bad in [
        "2026-5-7",
        "+2026-05-07",
        "07/05/2026",
        "2026-02-29",
        "demain",
    ] {
        let e = PreviewDeadlinesReq {
            sent_on: None,
            received_on: bad.into(),
        }
        .decode()
        .unwrap_err();
        assert_eq!(
            fields(&e),
            [(
                "receivedOn".to_owned(),
                format!("date invalide « {bad} » (format attendu AAAA-MM-JJ, ex. 2026-05-07)")
            )]
        );
    }
    // A date inside a structured input: the same message, quoting the value.
    let mut complaint = json!({"client": {"name": "Mme Dupont"}, "channel": "email",
        "receivedOn": "2026-02-30", "subject": "claimSettlement"});
    let e = decode::<RecordComplaintReq>(json!({"input": complaint.clone()})).unwrap_err();
    assert_eq!(
        fields(&e),
        [(
            "receivedOn".to_owned(),
            "date invalide « 2026-02-30 » (format attendu AAAA-MM-JJ, ex. 2026-05-07)".to_owned()
        )]
    );
    // The calendar's range.
    let e = PreviewDeadlinesReq {
        sent_on: Some("1850-01-02".into()),
        received_on: "2026-05-07".into(),
    }
    .decode()
    .unwrap_err();
    assert_eq!(e.field(), Some("sentOn"));
    assert!(e.to_wire().message.contains("1900"), "{e}");
    complaint["receivedOn"] = json!("2026-05-07");
    assert!(decode::<RecordComplaintReq>(json!({ "input": complaint })).is_ok());
}

#[test]
fn unknown_values_are_listed_in_french() {
    let e = decode::<RecordComplaintReq>(json!({"input": {"client": {"name": "A"},
        "channel": "pigeon", "receivedOn": "2026-05-07", "subject": "other"}}))
    .unwrap_err();
    let message = &e.fields()[0].message;
    assert!(!message.contains("one of"), "{message}");
    assert!(
        message.starts_with("valeur inconnue « pigeon » (valeurs possibles : letter, email"),
        "{message}"
    );
}

#[test]
fn lists_and_optional_inputs() {
    let e = AnonymiseReq {
        references: vec!["REC-2026-0001".into(), "x".into(), "y".into()],
    }
    .decode()
    .unwrap_err();
    assert_eq!(fields(&e).len(), 2);
    assert_eq!(e.field(), Some("references"));
    let i = decode::<ImportReq>(json!({"path": "/tmp/r.csv", "mapping": null,
        "dryRun": true, "allOrNothing": false}))
    .unwrap();
    assert!(i.options.mapping.is_none() && i.dry_run);
    let e = decode::<ImportReq>(json!({"path": "/tmp/r.csv", "dryRun": "oui",
        "allOrNothing": false}))
    .unwrap_err();
    assert_eq!(e.field(), Some("dryRun"));
    assert!(e.to_wire().message.contains("true ou false"), "{e}");
}
