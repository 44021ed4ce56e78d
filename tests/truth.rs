//! A register that records what really happened: how each step reached the client, an oral
//! complaint's written confirmation, a withdrawal, a requalification (and back), the requests
//! for information, the dispute's legs, preventive actions; all journaled and verified.

mod common;

use common::{complaint, d, sql, TestDb};
use reclam::complaint::{
    ActionEdit, ActionKind, Channel, DisputeAlertKind, DisputeKind, EndKind, Feedback,
    NewCorrectiveAction, NewDisputeStep, Outcome, Sent, SentVia, Status, Step,
};
use reclam::extract::ExtractQuery;
use reclam::store::{NewRequest, RequestQuery};
use reclam::Register;

fn sent(via: SentVia, copy: Option<&str>) -> Option<Sent> {
    Some(Sent {
        via,
        copy: copy.map(str::to_owned),
    })
}

#[test]
fn each_step_says_how_it_reached_the_client() {
    let db = TestDb::new();
    let mut s = db.open("2026-05-12");
    let r = s
        .record(&complaint("M. Paul Girard", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();

    // Nothing said: refused with the date's own refusal, all at once.
    let err = reg.acknowledge(&r, d("2026-05-01"), None).unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["on", "via"], "{err}");
    // An e-mail needs its copy, and the copy must be an attachment of this file.
    let err = reg
        .acknowledge(&r, d("2026-05-06"), sent(SentVia::Email, None))
        .unwrap_err();
    assert_eq!(err.field(), Some("copy"), "{err}");
    let err = reg
        .acknowledge(&r, d("2026-05-06"), sent(SentVia::Email, Some("abc")))
        .unwrap_err();
    assert!(err.to_string().contains("pas une pièce jointe"), "{err}");
    // The register's own letter records the step when issued, never by hand.
    let err = reg
        .acknowledge(&r, d("2026-05-06"), sent(SentVia::RegisterLetter, None))
        .unwrap_err();
    assert!(err.to_string().contains("Courriers"), "{err}");
    assert_eq!(reg.complaint(&r).unwrap().status, Status::Received);

    let mail = reg
        .add_attachment(&r, "ar-girard.eml", b"Subject: AR\r\n\r\nMonsieur,")
        .unwrap();
    let c = reg
        .acknowledge(
            &r,
            d("2026-05-06"),
            sent(SentVia::Email, Some(&mail.sha256)),
        )
        .unwrap();
    assert_eq!(c.ack_sent.as_ref().unwrap().via, SentVia::Email);
    assert_eq!(
        c.ack_sent.as_ref().unwrap().copy.as_deref(),
        Some(&*mail.sha256)
    );

    // A rejection to go as the register's letter: the file says it is due, closing waits.
    reg.answer(
        &r,
        d("2026-05-12"),
        Outcome::Rejected,
        "Le contrat exclut ce dommage.",
        &Default::default(),
        sent(SentVia::RegisterLetter, None),
    )
    .unwrap();
    let view = reg.view(&r).unwrap();
    assert!(view.answer_letter_due);
    let today = reg.today_summary().unwrap();
    assert_eq!(
        today
            .answer_letters_due
            .iter()
            .map(|row| row.reference.as_str())
            .collect::<Vec<_>>(),
        [r.as_str()]
    );
    let err = reg
        .close(
            &r,
            d("2026-05-12"),
            Feedback::None,
            None,
            Some("dit au téléphone"),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("answerLetter"), "{err}");
    // Said otherwise afterwards is refused: a delivery stated is not replaced.
    let err = reg
        .state_sent(
            &r,
            Step::Answer,
            Sent {
                via: SentVia::Email,
                copy: Some(mail.sha256.clone()),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("ne se remplace pas"), "{err}");
    drop(reg);

    // The journal and the extract say how.
    let kinds: Vec<String> = s.history(&r).unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        ["recorded", "attachment", "acknowledged", "answered"]
    );
    let rows =
        reclam::extract::rows(&s, &ExtractQuery::period(d("2026-05-01"), d("2026-05-31"))).unwrap();
    assert_eq!(rows[0].ack_via, Some(SentVia::Email));
    assert_eq!(rows[0].answer_via, Some(SentVia::RegisterLetter));
    assert!(s.verify().unwrap().ok);

    // Someone edits the delivery behind the app's back: verify notices.
    sql(&s)
        .execute("UPDATE complaints SET ack_via = 'oral'", [])
        .unwrap();
    let report = s.verify().unwrap();
    assert!(!report.ok, "{report:?}");
}

#[test]
fn withdrawal_and_requalification_stay_in_the_register() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let a = s
        .record(&complaint("Mme Léa Morel", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    let b = s
        .record(&complaint("M. Hugo Petit", "2026-05-05"), "Accueil")
        .unwrap()
        .reference;
    let c = s
        .record(&complaint("Mme Inès Roux", "2026-06-29"), "Accueil")
        .unwrap()
        .reference;
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();

    // Withdrawn on 8 May, before its acknowledgement was due (18 May): no step is missing.
    let err = reg.withdraw(&a, d("2026-05-08"), " ").unwrap_err();
    assert_eq!(err.field(), Some("reason"), "{err}");
    let w = reg
        .withdraw(
            &a,
            d("2026-05-08"),
            "Le client a obtenu satisfaction de l'assureur",
        )
        .unwrap();
    assert_eq!(w.ended.as_ref().unwrap().kind, EndKind::Withdrawn);
    assert_eq!(w.status_label(), "Retirée par le client");
    assert!(reg.view(&a).unwrap().next.is_none());
    let err = reg
        .acknowledge(&a, d("2026-05-09"), sent(SentVia::Oral, Some("x")))
        .unwrap_err();
    assert!(err.to_string().contains("Retirée par le client"), "{err}");

    // Recorded by mistake: a request for information, written in the same change.
    let q = reg
        .requalify(
            &b,
            d("2026-05-06"),
            "Demande d'attestation, pas un mécontentement",
        )
        .unwrap();
    let request_id = q.ended.as_ref().unwrap().request_id.unwrap();
    let request = reg.request(request_id).unwrap();
    assert_eq!(request.client_name, "M. Hugo Petit");
    assert_eq!(request.received_on, d("2026-05-05"));
    assert_eq!(request.from_complaint.as_deref(), Some(b.as_str()));

    // The register still lists both, with their endings; overdue lists skip them.
    let page = reg.list(&Default::default()).unwrap();
    assert_eq!(page.total, 3);
    let today = reg.today_summary().unwrap();
    assert_eq!(today.counts.overdue, 0, "{:?}", today.overdue);
    assert_eq!(today.counts.open, 1);
    let ended = reg
        .list(&reclam::store::register::RegisterQuery {
            ended: Some(EndKind::Requalified),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ended.rows.len(), 1);
    assert_eq!(ended.rows[0].ended, Some(EndKind::Requalified));

    // Statistics: the requalified one was never a complaint; the withdrawn one counts as
    // received, neither late nor unanswered.
    let q = ExtractQuery::period(d("2026-05-01"), d("2026-06-30"));
    let stats = reg.stats(&q).unwrap();
    assert_eq!(
        (stats.received, stats.withdrawn, stats.requalified),
        (2, 1, 1)
    );
    assert_eq!(
        stats.ack_on_time_pct, None,
        "no acknowledgement was due or done"
    );
    let rows = reg.extract_rows(&q).unwrap();
    assert!(rows.iter().all(|r| !r.ack_late && !r.answer_late));

    // The requests: searched, closed, and one that was a complaint after all.
    let typed = reg
        .record_request(&NewRequest {
            client_name: "Mme Julie Bernard".into(),
            channel: Channel::Phone,
            received_on: d("2026-06-20"),
            description: "Plainte sur le délai d'indemnisation".into(),
        })
        .unwrap();
    let found = reg
        .requests(&RequestQuery {
            search: Some("hugo pet".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.rows[0].id, request_id);
    reg.close_request(
        request_id,
        d("2026-05-07"),
        "Attestation envoyée par e-mail",
    )
    .unwrap();
    let err = reg
        .close_request(request_id, d("2026-05-08"), "encore")
        .unwrap_err();
    assert!(err.to_string().contains("close depuis"), "{err}");
    let mut new = complaint("Mme Julie Bernard", "2026-06-30");
    new.channel = Channel::Phone;
    let made = reg
        .request_to_complaint(typed, "Mécontentement exprimé", &new)
        .unwrap();
    assert_eq!(
        made.received_on,
        d("2026-06-20"),
        "the request's date is kept"
    );
    assert_eq!(
        reg.request(typed).unwrap().to_complaint.as_deref(),
        Some(made.reference.as_str())
    );
    let open = reg
        .requests(&RequestQuery {
            open_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(open.total, 0);
    // An oral complaint waits for its written confirmation.
    assert!(reg.view(&made.reference).unwrap().awaits_confirmation);
    reg.confirm(&made.reference, d("2026-06-25"), None).unwrap();
    assert!(!reg.view(&made.reference).unwrap().awaits_confirmation);
    let err = reg.confirm(&c, d("2026-06-30"), None).unwrap_err();
    assert!(err.to_string().contains("déjà écrite"), "{err}");
    drop(reg);
    assert!(s.verify().unwrap().ok);

    // A request edited or deleted behind the app's back is noticed.
    let conn = sql(&s);
    conn.execute(
        "UPDATE requests SET closing_note = 'autre chose' WHERE id = ?1",
        [request_id],
    )
    .unwrap();
    let report = s.verify().unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.contains("demande d'information")),
        "{report:?}"
    );
}

#[test]
fn dispute_legs_have_expected_dates_and_alarms() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let r = s
        .record(&complaint("M. Marc Lefèvre", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    let step = |kind, on: &str, lawyer: bool| NewDisputeStep {
        kind,
        on: d(on),
        summary: "Transmis".into(),
        expected_on: None,
        from_lawyer: lawyer,
    };
    // Forwarded to the insurer on 1 June: its answer is expected 15 days later, now late.
    s.add_dispute_step(
        &r,
        &step(DisputeKind::InsurerForwarded, "2026-06-01", false),
        "Claire",
    )
    .unwrap();
    // A formal notice from a lawyer: the PI insurer must be told.
    s.add_dispute_step(
        &r,
        &step(DisputeKind::FormalNotice, "2026-06-10", true),
        "Claire",
    )
    .unwrap();
    // Referred to the mediator before 2 months without answer: outside the window.
    s.add_dispute_step(
        &r,
        &step(DisputeKind::MediatorReferral, "2026-06-20", false),
        "Claire",
    )
    .unwrap();
    let err = s
        .add_dispute_step(
            &r,
            &NewDisputeStep {
                expected_on: Some(d("2026-07-01")),
                ..step(DisputeKind::CourtAction, "2026-06-21", false)
            },
            "Claire",
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("expectedOn"), "{err}");
    let view = s.view(&r).unwrap();
    assert_eq!(view.dispute_steps[0].expected_on, Some(d("2026-06-16")));
    assert_eq!(view.dispute_steps[2].expected_on, Some(d("2026-09-18")));
    let kinds: Vec<DisputeAlertKind> = view.dispute_alerts.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            DisputeAlertKind::Late,
            DisputeAlertKind::LawyerLetter,
            DisputeAlertKind::ReferralOutsideWindow
        ]
    );
    assert!(view.dispute_alerts[0].message.contains("16/06/2026"));
    // Aujourd'hui lists what calls for something, the late sequel first.
    let today = s.today_summary().unwrap();
    let listed: Vec<(&str, DisputeAlertKind)> = today
        .dispute_alerts
        .iter()
        .map(|a| (a.reference.as_str(), a.alert.kind))
        .collect();
    assert_eq!(
        listed,
        [
            (r.as_str(), DisputeAlertKind::Late),
            (r.as_str(), DisputeAlertKind::LawyerLetter)
        ]
    );
    // The insurer answers and the PI declaration is made: those alerts go.
    let mut answer = step(DisputeKind::InsurerAnswer, "2026-06-25", false);
    answer.summary = "Refus de prise en charge".into();
    s.add_dispute_step(&r, &answer, "Claire").unwrap();
    s.add_dispute_step(
        &r,
        &step(DisputeKind::PiDeclaration, "2026-06-26", false),
        "Claire",
    )
    .unwrap();
    let kinds: Vec<DisputeAlertKind> = s
        .view(&r)
        .unwrap()
        .dispute_alerts
        .iter()
        .map(|a| a.kind)
        .collect();
    assert_eq!(kinds, [DisputeAlertKind::ReferralOutsideWindow]);
    assert!(s.today_summary().unwrap().dispute_alerts.is_empty());
    assert!(s.verify().unwrap().ok);
}

#[test]
fn preventive_actions_and_editing_an_open_one() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    let a = reg
        .add_corrective_action(&NewCorrectiveAction {
            kind: ActionKind::Preventive,
            description: "Former l'accueil aux réclamations orales".into(),
            owner: "Claire Martin".into(),
            due_on: d("2026-09-30"),
            complaints: vec![],
            dysfunctions: vec![],
        })
        .unwrap();
    assert_eq!(a.kind, ActionKind::Preventive);
    let edit = |due: &str| ActionEdit {
        description: "Former l'accueil et les conseillers".into(),
        owner: "Paul Durand".into(),
        due_on: d(due),
    };
    let err = reg
        .edit_corrective_action(a.id, &edit("2026-06-01"))
        .unwrap_err();
    assert_eq!(err.field(), Some("dueOn"), "{err}");
    let e = reg
        .edit_corrective_action(a.id, &edit("2026-10-15"))
        .unwrap();
    assert_eq!(
        (e.owner.as_str(), e.due_on),
        ("Paul Durand", d("2026-10-15"))
    );
    reg.set_corrective_action_status(a.id, reclam::complaint::ActionStatus::Done)
        .unwrap();
    let err = reg
        .edit_corrective_action(a.id, &edit("2026-10-20"))
        .unwrap_err();
    assert!(err.to_string().contains("ne se modifie plus"), "{err}");
    drop(reg);
    assert!(s.verify().unwrap().ok);
    sql(&s)
        .execute("UPDATE corrective_actions SET kind = 'corrective'", [])
        .unwrap();
    assert!(!s.verify().unwrap().ok);
}

#[test]
fn the_same_client_is_seen_across_channels_and_flagged_when_unresolved_again() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let first = s
        .record(&complaint("Mme Anne Perrin", "2026-03-02"), "Accueil")
        .unwrap()
        .reference;
    s.acknowledge(&first, d("2026-03-03"), "Claire").unwrap();
    s.answer(
        &first,
        d("2026-03-20"),
        Outcome::Rejected,
        "Refus",
        None,
        "Claire",
    )
    .unwrap();
    s.close_with(
        &first,
        d("2026-03-25"),
        Feedback::Unresolved,
        None,
        Some("e-mail joint"),
        "Claire",
    )
    .unwrap();
    // The same contract, the name typed otherwise: still her.
    let mut by_contract = complaint("A. PERRIN", "2026-05-04");
    by_contract.channel = Channel::Email;
    let second = s.record(&by_contract, "Accueil").unwrap().reference;
    let reg = Register::over(&mut s, "Claire Martin").unwrap();
    // At intake, by name (case aside) or by contract: the open one is shown.
    let open = reg
        .open_for_client("mme anne perrin", Some("MRH-4411"))
        .unwrap();
    assert_eq!(
        open.iter()
            .map(|c| c.reference.as_str())
            .collect::<Vec<_>>(),
        [second.as_str()]
    );
    assert!(reg.open_for_client("  ", None).unwrap().is_empty());
    drop(reg);
    let third = s
        .record(&complaint("Mme Anne Perrin", "2026-06-29"), "Accueil")
        .unwrap()
        .reference;
    let view = s.view(&third).unwrap();
    let history: Vec<&str> = view
        .client_history
        .iter()
        .map(|c| c.reference.as_str())
        .collect();
    assert_eq!(history, [second.as_str(), first.as_str()]);
    assert!(view.client_history[0].same_contract);
    // One left unresolved, one still open: flagged for the manager.
    assert!(view.repeat_complainant);
    // A client with one earlier complaint, resolved: nothing to flag.
    let other = s
        .record(&complaint("M. Jean Colin", "2026-06-29"), "Accueil")
        .unwrap()
        .reference;
    let mut colin = complaint("M. Jean Colin", "2026-06-30");
    colin.contract.number = Some("AUTO-77".into());
    let again = s.record(&colin, "Accueil").unwrap().reference;
    assert_eq!(s.view(&again).unwrap().client_history.len(), 1);
    assert!(!s.view(&again).unwrap().repeat_complainant);
    let _ = other;
}

#[test]
fn a_letter_needs_a_postal_address_and_a_mediator_is_saved_whole() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let mut new = complaint("M. Noël Faure", "2026-06-29");
    new.client.address = None;
    let r = s.record(&new, "Accueil").unwrap().reference;
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    reg.set_settings(&[("firm.name".into(), "Cabinet Martin".into())])
        .unwrap();
    // The mediator without its address and website: refused now, each gap named.
    let err = reg
        .set_settings(&[("mediator.name".into(), "La Médiation de l'Assurance".into())])
        .unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["mediator.address", "mediator.website"], "{err}");
    assert_eq!(reg.setting("mediator.name").unwrap(), None, "nothing saved");
    reg.set_settings(&[
        ("mediator.name".into(), "La Médiation de l'Assurance".into()),
        (
            "mediator.address".into(),
            "TSA 50110\n75441 Paris Cedex 09".into(),
        ),
        (
            "mediator.website".into(),
            "www.mediation-assurance.org".into(),
        ),
    ])
    .unwrap();
    assert!(reg.letter_choices(&r).unwrap().no_postal_address);
    let req: reclam::letters::LetterRequest =
        serde_json::from_value(serde_json::json!({"kind": "ack", "signatory": "Claire Martin"}))
            .unwrap();
    let err = reg.issue_letter(&r, &req).unwrap_err();
    assert_eq!(err.field(), Some("client.address"), "{err}");
    assert_eq!(reg.complaint(&r).unwrap().status, Status::Received);
}

/// A register with an exchange and a lawyer's formal notice.
fn with_file_rows(db: &TestDb) -> reclam::Store {
    let mut s = db.open("2026-06-30");
    let r = s
        .record(&complaint("M. Marc Lefèvre", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    s.add_exchange(
        &r,
        &reclam::complaint::NewExchange {
            on: d("2026-05-05"),
            direction: reclam::complaint::Direction::Incoming,
            channel: Channel::Phone,
            summary: "Le client rappelle".into(),
        },
        "Claire",
    )
    .unwrap();
    s.add_dispute_step(
        &r,
        &NewDisputeStep {
            kind: DisputeKind::FormalNotice,
            on: d("2026-06-10"),
            summary: "Mise en demeure du cabinet Leroux, avocats".into(),
            expected_on: None,
            from_lawyer: true,
        },
        "Claire",
    )
    .unwrap();
    s
}

#[test]
fn verify_covers_exchanges_and_dispute_steps() {
    for (tamper, what) in [
        ("UPDATE exchanges SET summary = 'autre'", "échange n°"),
        (
            "UPDATE dispute_steps SET from_lawyer = 0",
            "étape de litige n°",
        ),
        (
            "DROP TRIGGER exchanges_no_delete; DELETE FROM exchanges;",
            "échange n° 1 : journalisé mais absent",
        ),
        (
            "DROP TRIGGER dispute_steps_no_delete; DELETE FROM dispute_steps;",
            "étape de litige n° 1 : journalisé mais absent",
        ),
    ] {
        let db = TestDb::new();
        let s = with_file_rows(&db);
        assert!(s.verify().unwrap().ok);
        sql(&s).execute_batch(tamper).unwrap();
        let report = s.verify().unwrap();
        assert!(
            !report.ok && report.findings.iter().any(|f| f.message.contains(what)),
            "{tamper}: {report:?}"
        );
    }
}

#[test]
fn a_web_form_complaint_keeps_a_dated_copy() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let mut reg = Register::over(&mut s, "Accueil").unwrap();
    reg.set_settings(&[("firm.name".into(), "Cabinet Martin".into())])
        .unwrap();
    let mut new = complaint("Mme Sarah Blanc", "2026-06-29");
    new.channel = Channel::WebForm;
    let c = reg.record(&new).unwrap();
    let view = reg.view(&c.reference).unwrap();
    assert_eq!(view.attachments.len(), 1);
    let copy = &view.attachments[0];
    assert_eq!(copy.name, format!("copie-formulaire-{}.pdf", c.reference));
    let (_, pdf) = reg.attachment(copy.id).unwrap();
    let words = common::pdf_words(&pdf);
    for expected in [
        "Copie datée de votre réclamation reçue par formulaire le 29/06/2026",
        "Indemnisation du dégât des eaux jugée insuffisante",
        c.reference.as_str(),
    ] {
        assert!(words.contains(expected), "{expected:?} in {words}");
    }
    // A letter: no copy.
    let other = reg
        .record(&complaint("M. Luc Blanc", "2026-06-29"))
        .unwrap();
    assert!(reg.view(&other.reference).unwrap().attachments.is_empty());
    drop(reg);
    assert!(s.verify().unwrap().ok);
}

#[test]
fn a_platform_complaint_is_followed_and_scored() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    let on_platform = |name: &str, received: &str| {
        let mut c = complaint(name, received);
        c.channel = Channel::Platform;
        c
    };
    let case = |public, rating| reclam::complaint::PlatformCase {
        name: "Plainte en ligne".into(),
        public,
        requested_on: Some(d("2026-06-01")),
        respond_by: Some(d("2026-06-15")),
        rating,
        escalated_on: None,
    };
    let a = reg
        .record(&on_platform("Mme Alice Roy", "2026-06-01"))
        .unwrap()
        .reference;
    let b = reg
        .record(&on_platform("M. Bruno Roy", "2026-06-01"))
        .unwrap()
        .reference;
    let letter = reg
        .record(&complaint("Mme Chloé Roy", "2026-06-01"))
        .unwrap()
        .reference;
    // Only a platform's complaint; a rating from 1 to 5.
    let err = reg.set_platform(&letter, case(false, None)).unwrap_err();
    assert!(err.to_string().contains("pas par une plateforme"), "{err}");
    let err = reg.set_platform(&a, case(true, Some(6))).unwrap_err();
    assert_eq!(err.field(), Some("rating"), "{err}");
    reg.set_platform(&a, case(true, None)).unwrap();
    reg.set_platform(&b, case(false, None)).unwrap();
    // Answered in 3 days (a), never (b); a resolved with a rating of 4.
    reg.answer_stated(
        &a,
        d("2026-06-04"),
        Outcome::Rejected,
        "Refus motivé",
        &Default::default(),
        None,
    )
    .unwrap();
    let view = reg.view(&a).unwrap();
    let public = view.public_answer.expect("a public complaint answered");
    assert!(public.contains("Plainte en ligne") && public.contains("voies de recours"));
    assert!(
        !public.contains("Alice") && !public.contains("Claire Martin"),
        "{public}"
    );
    assert!(reg.view(&b).unwrap().public_answer.is_none(), "private");
    reg.close(
        &a,
        d("2026-06-10"),
        Feedback::Resolved,
        None,
        Some("e-mail joint"),
    )
    .unwrap();
    reg.set_platform(&a, case(true, Some(4))).unwrap();
    let stats = reg
        .stats(&ExtractQuery::period(d("2026-06-01"), d("2026-06-30")))
        .unwrap();
    let p = stats
        .platform
        .clone()
        .expect("complaints came through a platform");
    assert_eq!(p.received, 2);
    assert_eq!(p.response_rate_pct, Some(50.0));
    assert_eq!(p.median_days_to_answer, Some(3));
    assert_eq!(p.answered_quickly_pct, Some(100.0));
    assert_eq!(p.resolved_pct, Some(100.0));
    assert_eq!(p.combined_pct, Some(83.3));
    assert_eq!(p.mean_rating, Some(4.0));
    assert_eq!(p.public, 1);
    let section = stats
        .sections()
        .into_iter()
        .find(|(t, _)| t == "Plateforme de réclamations")
        .unwrap();
    assert!(section
        .1
        .iter()
        .any(|(l, v)| l == "Taux de réponse" && v.starts_with("50,0")));
    drop(reg);
    assert!(s.verify().unwrap().ok);
}

#[test]
fn requests_are_covered_by_retention_and_the_client_export() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    let old = reg
        .record_request(&NewRequest {
            client_name: "Mme Odile Marchand".into(),
            channel: Channel::Phone,
            received_on: d("2019-02-01"),
            description: "Question sur l'échéancier de la cotisation".into(),
        })
        .unwrap();
    reg.close_request(
        old,
        d("2019-02-02"),
        "Échéancier envoyé par courrier à Mme Marchand",
    )
    .unwrap();
    let recent = reg
        .record_request(&NewRequest {
            client_name: "Mme Odile Marchand".into(),
            channel: Channel::Email,
            received_on: d("2026-06-01"),
            description: "Demande d'attestation".into(),
        })
        .unwrap();
    // The client's right of access lists both.
    let export = reg.client_export("mme odile marchand").unwrap();
    assert_eq!(
        export.requests.iter().map(|q| q.id).collect::<Vec<_>>(),
        [old, recent]
    );
    let words = common::pdf_words(&export.pdf);
    assert!(
        words.contains("Demande d'information n° 1 reçue le 01/02/2019"),
        "{words}"
    );
    // Seven years on, the old one is past the five years kept: anonymised with the complaints.
    assert_eq!(reg.anonymisation_requests_due().unwrap(), 1);
    let report = reg.anonymise(&[]).unwrap();
    assert_eq!((report.complaints.len(), report.requests), (0, 1));
    let q = reg.request(old).unwrap();
    assert_eq!(q.client_name, "Client anonymisé");
    assert!(!q.description.contains("cotisation"));
    assert!(!q.closing_note.unwrap().contains("Marchand"));
    assert_eq!(
        reg.request(recent).unwrap().client_name,
        "Mme Odile Marchand"
    );
    assert_eq!(reg.anonymisation_requests_due().unwrap(), 0);
    let export = reg.client_export("Mme Odile Marchand").unwrap();
    assert_eq!(
        export.requests.len(),
        1,
        "the anonymised one holds no personal data"
    );
    drop(reg);
    let report = s.verify().unwrap();
    assert!(report.ok, "{report:?}");
    // The journal no longer holds the old request's texts.
    let texts: String = sql(&s)
        .prepare("SELECT data FROM events")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        !texts.contains("échéancier") && !texts.contains("Échéancier"),
        "{texts}"
    );
    assert!(texts.contains("Demande d'attestation"));
}

#[test]
fn what_did_not_happen_cannot_be_claimed() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let r = s
        .record(&complaint("M. Yves Morin", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    s.acknowledge(&r, d("2026-05-06"), "Claire").unwrap();
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    // The register's letter stands for a step only once issued.
    let err = reg
        .state_sent(
            &r,
            Step::Acknowledgement,
            Sent {
                via: SentVia::RegisterLetter,
                copy: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("via"), "{err}");
    // A withdrawal dated before a step already recorded is refused.
    let err = reg.withdraw(&r, d("2026-05-05"), "Retrait").unwrap_err();
    assert_eq!(err.field(), Some("on"), "{err}");
    reg.withdraw(
        &r,
        d("2026-05-20"),
        "Le client renonce après l'appel de M. Morin",
    )
    .unwrap();
    // Nothing goes out for a withdrawn complaint, and no delivery is stated any more.
    let req: reclam::letters::LetterRequest = serde_json::from_value(
        serde_json::json!({"kind": "holding", "signatory": "Claire Martin"}),
    )
    .unwrap();
    let err = reg.issue_letter(&r, &req).unwrap_err();
    assert!(err.to_string().contains("Retirée par le client"), "{err}");
    let err = reg
        .state_sent(
            &r,
            Step::Acknowledgement,
            Sent {
                via: SentVia::Oral,
                copy: Some("x".into()),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("Retirée par le client"), "{err}");
    drop(reg);
    // Seven years on, anonymisation takes the withdrawal's reason too.
    drop(s);
    let mut s = db.open("2033-06-30");
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    reg.anonymise(std::slice::from_ref(&r)).unwrap();
    let c = reg.complaint(&r).unwrap();
    assert!(!c.ended.unwrap().reason.contains("Morin"));
    drop(reg);
    assert!(s.verify().unwrap().ok);
}
