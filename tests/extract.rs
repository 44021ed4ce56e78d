//! Register extracts and statistics through the store: the rows of a period with their late
//! steps, the CSV French Excel opens, the XLSX with typed cells, and hand-checked figures.

mod common;

use common::{complaint, d, TestDb};
use reclam::complaint::{DysfunctionCategory, Feedback, Money, Outcome, Subject};
use reclam::extract::{rows, stats, table, ExtractQuery};
use reclam::register::Register;
use reclam::Store;
use std::process::Command;

/// Five complaints in March 2026 and one in February, as of 20 May 2026:
/// A acknowledged and answered in time, closed resolved; B acknowledged late, answered late
/// (rejected, 40 € gesture); C answered within the 10 jours ouvrables (no acknowledgement);
/// D never acknowledged (both steps late today); E received 18/05 (nothing due yet).
fn register() -> (TestDb, Store) {
    let db = TestDb::new();
    let mut s = db.open("2026-05-20");
    let a = s
        .record(&complaint("Mme A", "2026-03-02"), "x")
        .unwrap()
        .reference;
    s.acknowledge(&a, d("2026-03-04"), "x").unwrap();
    s.answer(&a, d("2026-03-20"), Outcome::Upheld, "Accord", None, "x")
        .unwrap();
    s.close(&a, d("2026-03-25"), Feedback::Resolved, "x")
        .unwrap();
    let b = s
        .record(&complaint("M. B", "2026-03-02"), "x")
        .unwrap()
        .reference;
    s.acknowledge(&b, d("2026-03-20"), "x").unwrap();
    let gesture: Money = "40".parse().unwrap();
    s.answer(
        &b,
        d("2026-05-06"),
        Outcome::Rejected,
        "Refus motivé",
        Some(gesture),
        "x",
    )
    .unwrap();
    s.add_dysfunction(
        &b,
        DysfunctionCategory::Delay,
        "Dossier égaré",
        d("2026-05-06"),
        "x",
    )
    .unwrap();
    let c = s
        .record(&complaint("Mme C", "2026-03-10"), "x")
        .unwrap()
        .reference;
    // Answered within 10 jours ouvrables: stands for the acknowledgement (clock pinned).
    let mut early = db.open("2026-03-16");
    early
        .answer(
            &c,
            d("2026-03-16"),
            Outcome::Partial,
            "En partie",
            None,
            "x",
        )
        .unwrap();
    drop(early);
    s.record(&complaint("M. D", "2026-03-16"), "x").unwrap();
    let mut e = complaint("Mme E", "2026-05-18");
    e.subject = Subject::Termination;
    s.record(&e, "x").unwrap();
    s.record(&complaint("M. F", "2026-02-27"), "x").unwrap();
    (db, s)
}

#[test]
fn rows_of_a_period_with_late_steps_and_filters() {
    let (_db, s) = register();
    let q = ExtractQuery::period(d("2026-03-01"), d("2026-05-31"));
    let rs = rows(&s, &q).unwrap();
    let names: Vec<&str> = rs.iter().map(|r| r.client.as_str()).collect();
    assert_eq!(
        names,
        ["Mme A", "M. B", "Mme C", "M. D", "Mme E"],
        "F is out of the period"
    );
    let late: Vec<(bool, bool)> = rs.iter().map(|r| (r.ack_late, r.answer_late)).collect();
    assert_eq!(
        late,
        [
            (false, false),
            (true, true),
            (false, false),
            (true, true),
            (false, false)
        ]
    );
    assert_eq!(rs[1].dysfunctions, ["Délai de traitement : Dossier égaré"]);
    assert_eq!(rs[1].gesture.unwrap().to_string(), "40.00");
    let q = ExtractQuery {
        subject: Some(Subject::Termination),
        ..q
    };
    let only: Vec<String> = rows(&s, &q)
        .unwrap()
        .into_iter()
        .map(|r| r.client)
        .collect();
    assert_eq!(only, ["Mme E"]);
    assert_eq!(q.describe_filters(), "objet = Résiliation");
    let err = rows(&s, &ExtractQuery::period(d("2026-05-31"), d("2026-03-01"))).unwrap_err();
    assert_eq!(err.field(), Some("to"));
}

#[test]
fn csv_is_what_french_excel_opens() {
    let (_db, s) = register();
    let rs = rows(&s, &ExtractQuery::period(d("2026-03-01"), d("2026-05-31"))).unwrap();
    let mut buf = Vec::new();
    table::write_csv(&rs, &mut buf).unwrap();
    assert!(buf.starts_with("\u{FEFF}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(buf[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.len(), table::COLUMNS.len());
    assert_eq!(&headers[0], "Référence");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 5);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let b = &records[1];
    assert_eq!(&b[col("Client")], "M. B");
    assert_eq!(&b[col("Reçue le")], "02/03/2026");
    assert_eq!(&b[col("Accusé de réception le")], "20/03/2026");
    assert_eq!(&b[col("AR en retard")], "oui");
    assert_eq!(&b[col("Geste commercial")], "40,00");
    assert_eq!(&b[col("Décision")], "Rejetée");
    // Multi-line text is quoted and survives the round trip.
    assert!(records[0][col("N° de contrat")].starts_with("MRH"));
    assert!(
        text.contains("\r\n"),
        "CRLF line ends, as Excel writes them"
    );
}

#[test]
fn xlsx_has_typed_cells_a_frozen_header_and_an_autofilter() {
    let (db, s) = register();
    let q = ExtractQuery::period(d("2026-03-01"), d("2026-05-31"));
    let rs = rows(&s, &q).unwrap();
    let st = stats::compute(&s, &q).unwrap();
    let bytes = table::write_xlsx(&rs, "Réclamations reçues", &st.sections()).unwrap();
    let path = db.dir.path().join("registre.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let part = |name: &str| {
        let out = Command::new("unzip")
            .arg("-p")
            .arg(&path)
            .arg(name)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name} missing from the workbook");
        String::from_utf8(out.stdout).unwrap()
    };
    let sheet = part("xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<autoFilter ref="A1:AG6"/>"#), "{sheet}");
    assert!(sheet.contains(r#"state="frozen""#));
    // Dates are numbers (Excel serials) with a date format: 2 March 2026 is serial 46083.
    assert!(sheet.contains("<v>46083</v>"), "{sheet}");
    assert!(sheet.contains("<v>40</v>"), "the gesture is a number");
    let styles = part("xl/styles.xml");
    assert!(styles.contains("dd/mm/yyyy"));
    assert!(styles.contains("#,##0.00"));
    let strings = part("xl/sharedStrings.xml");
    assert!(strings.contains("Référence") && strings.contains("Dossier égaré"));
    let summary = part("xl/worksheets/sheet2.xml");
    assert!(!summary.is_empty());
    assert!(strings.contains("Accusées dans les 10 jours ouvrables"));
}

#[test]
fn statistics_match_the_hand_count() {
    let (_db, s) = register();
    let q = ExtractQuery::period(d("2026-03-01"), d("2026-05-31"));
    let st = stats::compute(&s, &q).unwrap();
    assert_eq!(st.received, 5);
    // Acknowledgement due or done: A, B, C, D (E not due): on time A, C.
    assert_eq!(st.ack_on_time_pct, Some(50.0));
    // Answer due or given: A, B, C, D: in time A, C.
    assert_eq!(st.answer_on_time_pct, Some(50.0));
    // Days to first reply: A 2, B 18, C 6 → median 6, p90 18.
    let ack = st.days_to_ack.unwrap();
    assert_eq!((ack.median, ack.p90, ack.of), (6, 18, 3));
    // Days to answer: A 18, C 6, B 65.
    let answer = st.days_to_answer.unwrap();
    assert_eq!((answer.median, answer.p90, answer.of), (18, 65, 3));
    assert_eq!((st.upheld, st.partial, st.rejected), (1, 1, 1));
    assert_eq!(st.gestures_count, 1);
    assert_eq!(st.gestures_total.to_string(), "40.00");
    assert_eq!(st.answered, 3);
    assert_eq!(st.response_rate_pct, Some(60.0));
    assert_eq!((st.resolved, st.unresolved, st.no_feedback), (1, 0, 0));
    // Today: open = B, C, D, E, F (A closed); overdue = D and F (never acknowledged). The
    // same counted (nothing kept yet) or taken from "Aujourd'hui"'s counts once kept.
    assert_eq!((st.open_now, st.overdue_now), (5, 2));
    assert_eq!(s.today_counts_kept().unwrap(), None);
    let today = s.today_summary().unwrap().counts;
    assert_eq!((today.open, today.overdue), (5, 2));
    assert!(s.today_counts_kept().unwrap().is_some());
    let again = stats::compute(&s, &q).unwrap();
    assert_eq!((again.open_now, again.overdue_now), (5, 2));
    assert_eq!(st.by_subject[0].label, "Règlement de sinistre");
    assert_eq!(st.by_subject[0].count, 4);
    let sections = st.sections();
    let volume = &sections[0].1;
    assert_eq!(
        volume[3],
        (
            "Accusées dans les 10 jours ouvrables".into(),
            "50,0\u{A0}%".into()
        )
    );
}

/// The statistics the screen asks again are given without reading the register while it and
/// the day are unchanged, and follow every change: one recorded here, one recorded by another
/// program on the same file (the day's change: the store's unit tests).
#[test]
fn statistics_asked_again_follow_every_change_of_the_register() {
    let (db, mut s) = register();
    let q = ExtractQuery::period(d("2026-03-01"), d("2026-05-31"));
    let other_period = ExtractQuery::period(d("2026-02-01"), d("2026-02-28"));
    let first = Register::over(&mut s, "x").unwrap().stats(&q).unwrap();
    assert_eq!((first.received, first.open_now), (5, 5));
    let reg = Register::over(&mut s, "x").unwrap();
    assert_eq!(reg.stats(&q).unwrap(), first);
    assert_eq!(reg.stats(&other_period).unwrap().received, 1);
    assert_eq!(
        reg.stats(&q).unwrap(),
        first,
        "another period asked between"
    );

    s.record(&complaint("Mme G", "2026-05-19"), "x").unwrap();
    let here = Register::over(&mut s, "x").unwrap().stats(&q).unwrap();
    assert_eq!((here.received, here.open_now), (6, 6), "recorded here");

    let mut elsewhere = db.open("2026-05-20");
    elsewhere
        .record(&complaint("M. H", "2026-05-19"), "x")
        .unwrap();
    drop(elsewhere);
    let behind = Register::over(&mut s, "x").unwrap().stats(&q).unwrap();
    assert_eq!(
        (behind.received, behind.open_now),
        (7, 7),
        "recorded by another program"
    );
}

#[test]
fn pdf_extract_lists_every_complaint_marks_late_steps_and_ends_with_the_statistics() {
    let (db, s) = register();
    let q = ExtractQuery::period(d("2026-03-01"), d("2026-05-31"));
    let rs = rows(&s, &q).unwrap();
    let st = stats::compute(&s, &q).unwrap();
    let meta = reclam::extract::ExtractMeta {
        firm: "Cabinet Durand Courtage",
        orias: "07000001",
        actor: "Claire Martin",
    };
    let pdf = reclam::extract::pdf(&s, &q, &rs, &st, &meta).unwrap();
    let path = db.dir.path().join("extrait.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{A0}', '\u{202F}'], " ");
    for r in &rs {
        assert_eq!(
            text.matches(r.reference.as_str()).count(),
            1,
            "{}",
            r.reference
        );
    }
    for expected in [
        "Registre des réclamations — extrait",
        "Cabinet Durand Courtage — ORIAS n° 07000001",
        "Réclamations reçues du 01/03/2026 au 31/05/2026 (5 réclamations)",
        "par Claire Martin",
        "tête de chaîne",
        "Accusées dans les 10 jours ouvrables",
        "50,0 %",
        "Dossier égaré",
    ] {
        assert!(text.contains(expected), "« {expected} » missing:\n{text}");
    }
    // B and D are late on both steps: 4 late cells, marked.
    assert_eq!(
        text.matches('⚠').count(),
        4 + 1,
        "4 late cells and the legend:\n{text}"
    );
    let pages = text.matches("Page ").count();
    assert!(text.contains(&format!("Page {pages} / {pages}")), "{text}");
}

/// The seed's refund and gesture indicators, hand-checked: three refund requests (one
/// refunded by exception after an approval decided a day later, one answered with a gesture
/// instead, one refunded by right), two gestures proposed (one accepted), two satisfaction
/// notes at closure.
#[test]
fn the_refund_and_gesture_indicators_of_the_seed() {
    use reclam::complaint::lifecycle::AnswerMoney;
    use reclam::complaint::{
        EscalationDecision, EscalationSubject, GestureKind, NewEscalation, NewProposal,
        ProposalKind, Refund, RefundBasis, RefundScope, Role,
    };
    use reclam::firm::NewUser;
    use reclam::Register;
    let db = TestDb::new();
    let m = |s: &str| -> Money { s.parse().unwrap() };
    let claimed = |name: &str, amount: &str| {
        let mut c = complaint(name, "2026-05-04");
        c.amount_claimed = Some(amount.into());
        c
    };
    let (a, b, c) = {
        let mut s = db.open("2026-05-18");
        for (name, role) in [
            ("Claire Martin", Role::Manager),
            ("Paul Durand", Role::Advisor),
        ] {
            s.add_user(
                &NewUser {
                    name: name.into(),
                    role,
                    can_sign: true,
                    max_gesture: None,
                    secret: None,
                },
                "Claire Martin",
            )
            .unwrap();
        }
        let a = s.record(&claimed("Mme A", "80"), "x").unwrap().reference;
        let b = s.record(&claimed("M. B", "200"), "x").unwrap().reference;
        let c = s.record(&claimed("Mme C", "45"), "x").unwrap().reference;
        for r in [&a, &b, &c] {
            s.acknowledge(r, d("2026-05-05"), "x").unwrap();
        }
        // A: Paul asks for a partial refund by exception of 40 €.
        Register::over(&mut s, "Paul Durand")
            .unwrap()
            .request_approval(
                &a,
                &NewEscalation {
                    subject: EscalationSubject::Refund,
                    amount: "40".into(),
                    refund_scope: Some(RefundScope::Partial),
                    reason: "Prélèvement en double".into(),
                    refused_proposal: "Avoir de 20 €".into(),
                    analysis: "Erreur du cabinet".into(),
                    document_id: None,
                },
            )
            .unwrap();
        // B: two gestures proposed, the second accepted.
        let mut reg = Register::over(&mut s, "Paul Durand").unwrap();
        for (desc, amount) in [("Avoir de 20 €", "20"), ("Un mois offert", "30")] {
            reg.add_proposal(
                &b,
                &NewProposal {
                    kind: ProposalKind::Credit,
                    description: desc.into(),
                    amount: Some(amount.into()),
                    on: d("2026-05-10"),
                },
            )
            .unwrap();
        }
        let ids: Vec<i64> = reg
            .store()
            .proposals(&b)
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect();
        reg.respond_proposal(&b, ids[0], false, d("2026-05-11"))
            .unwrap();
        reg.respond_proposal(&b, ids[1], true, d("2026-05-12"))
            .unwrap();
        (a, b, c)
    };
    // The next day, the manager approves; the answers follow.
    let mut s = db.open("2026-05-19");
    let e = s.escalations(&a).unwrap()[0].id;
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .decide_approval(
            e,
            &EscalationDecision {
                accept: true,
                amount: None,
                reason: "Erreur avérée".into(),
            },
        )
        .unwrap();
    let mut paul = Register::over(&mut s, "Paul Durand").unwrap();
    let refund = |amount: &str, basis, scope| AnswerMoney {
        refund: Some(Refund {
            amount: m(amount),
            basis,
            scope,
        }),
        ..AnswerMoney::default()
    };
    paul.answer_stated(
        &a,
        d("2026-05-19"),
        Outcome::Partial,
        "Remboursement de la moitié",
        &refund("40", RefundBasis::Exception, RefundScope::Partial),
        None,
    )
    .unwrap();
    paul.answer_stated(
        &b,
        d("2026-05-19"),
        Outcome::Partial,
        "Un mois offert",
        &AnswerMoney {
            gesture: Some(m("30")),
            gesture_kind: Some(GestureKind::MonthsOffered),
            gesture_reason: Some("Retard de traitement".into()),
            ..AnswerMoney::default()
        },
        None,
    )
    .unwrap();
    paul.answer_stated(
        &c,
        d("2026-05-19"),
        Outcome::Upheld,
        "Rétractation dans le délai",
        &refund("45", RefundBasis::Withdrawal, RefundScope::Full),
        None,
    )
    .unwrap();
    paul.close(
        &a,
        d("2026-05-19"),
        Feedback::Resolved,
        Some(4),
        Some("Réponse par e-mail du 19/05, jointe"),
    )
    .unwrap();
    paul.close(
        &b,
        d("2026-05-19"),
        Feedback::Resolved,
        Some(5),
        Some("Réponse par e-mail du 19/05, jointe"),
    )
    .unwrap();
    paul.close(&c, d("2026-05-19"), Feedback::None, None, None)
        .unwrap();
    let q = ExtractQuery::period(d("2026-05-01"), d("2026-05-31"));
    let st = stats::compute(&s, &q).unwrap().money;
    assert_eq!(st.refund_requests, 3);
    assert_eq!(st.refunds_granted, 2);
    assert_eq!(st.refund_rate_pct, Some(66.7));
    assert_eq!(st.average_refund, Some("42.50".parse().unwrap()));
    assert_eq!(st.gestures_instead_pct, Some(33.3));
    assert_eq!(st.gesture_acceptance_pct, Some(50.0));
    // A (escalated) of the three with money decided.
    assert_eq!(st.escalation_rate_pct, Some(33.3));
    let hours = st.average_approval_hours.unwrap();
    assert!((23.5..=24.5).contains(&hours), "{hours}");
    assert_eq!(st.satisfaction_average, Some(4.5));
    assert_eq!(st.satisfaction_count, 2);
    // The same figures in the statistics' French sections (PDF, XLSX, CLI).
    let sections = stats::compute(&s, &q).unwrap().sections();
    let money = sections
        .iter()
        .find(|(t, _)| t == "Remboursements, gestes et validations")
        .unwrap();
    let line = |l: &str| money.1.iter().find(|(k, _)| k == l).unwrap().1.clone();
    assert_eq!(line("Remboursements accordés"), "2 (66,7\u{A0}%)");
    assert_eq!(line("Remboursement moyen"), "42,50\u{A0}€");
    assert_eq!(line("Satisfaction à la clôture"), "4,5 / 5 (sur 2)");
}
