//! The story of one complaint, from intake to closure, read back from the journal.

mod common;

use common::{complaint, d, TestDb};
use reclam::complaint::{Feedback, Outcome, Status};
use reclam::store::journal::{complaint_state_hash, GENESIS};

#[test]
fn a_complaint_from_intake_to_closure() {
    let db = TestDb::new();

    // Thursday 7 May 2026: the letter arrives; it was sent on Monday 4 May.
    let mut store = db.open("2026-05-07");
    let mut new = complaint("Mme Élise Fournier", "2026-05-07");
    new.sent_on = Some(d("2026-05-04"));
    let c = store.record(&new, "Accueil").unwrap();
    assert_eq!(c.reference.as_str(), "REC-2026-0001");
    assert_eq!(c.status, Status::Received);
    assert_eq!(c.deadlines.start, d("2026-05-04"));
    assert_eq!(c.deadlines.ack_due, d("2026-05-18"));
    assert_eq!(c.deadlines.answer_due, d("2026-07-04"));
    let r = c.reference.clone();
    drop(store);

    // The acknowledgement goes out on 12 May.
    let mut store = db.open("2026-05-12");
    let c = store
        .acknowledge(&r, d("2026-05-12"), "Claire Martin")
        .unwrap();
    assert_eq!(c.status, Status::Acknowledged);
    assert_eq!(c.acknowledged_on, Some(d("2026-05-12")));

    // A holding letter on 10 June, then a rejection on 26 June.
    let mut store = {
        drop(store);
        db.open("2026-06-26")
    };
    store
        .hold(
            &r,
            d("2026-06-10"),
            "Dossier transmis à l'assureur",
            "Claire Martin",
        )
        .unwrap();
    let c = store
        .answer(
            &r,
            d("2026-06-26"),
            Outcome::Rejected,
            "Dommage exclu par les conditions générales",
            None,
            "Claire Martin",
        )
        .unwrap();
    assert_eq!(c.status, Status::Answered);
    let (from, until) = c.mediation_window();
    assert_eq!(
        from,
        d("2026-06-26"),
        "an answer before the deadline opens mediation at once"
    );
    assert_eq!(
        until,
        d("2027-05-04"),
        "one year after the written complaint (sent date)"
    );

    // Answering again is refused, and changes nothing.
    let err = store
        .answer(
            &r,
            d("2026-06-26"),
            Outcome::Upheld,
            "Autre",
            None,
            "Claire Martin",
        )
        .unwrap_err();
    assert_eq!(err.code(), "transition");
    assert!(err.to_string().contains("déjà « Répondue »"), "{err}");

    // The client answers he is not satisfied; the file is closed on 3 July.
    drop(store);
    let mut store = db.open("2026-07-03");
    let c = store
        .close(&r, d("2026-07-03"), Feedback::Unresolved, "Claire Martin")
        .unwrap();
    assert_eq!(c.status, Status::Closed);

    // Reopen from disk and read everything back.
    drop(store);
    let store = db.open("2026-07-03");
    let c = store.get(&r).unwrap();
    assert_eq!(c.client.name, "Mme Élise Fournier");
    assert_eq!(c.holdings.len(), 1);
    assert_eq!(c.answer.as_ref().unwrap().outcome, Outcome::Rejected);
    assert_eq!(c.closure.as_ref().unwrap().feedback, Feedback::Unresolved);

    let events = store.history(&r).unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["recorded", "acknowledged", "holding", "answered", "closed"]
    );
    let actors: Vec<&str> = events.iter().map(|e| e.actor.as_str()).collect();
    assert_eq!(
        actors,
        [
            "Accueil",
            "Claire Martin",
            "Claire Martin",
            "Claire Martin",
            "Claire Martin"
        ]
    );
    assert_eq!(events[0].data["client"]["name"], "Mme Élise Fournier");
    assert_eq!(events[1].data["status"]["before"], "received");
    assert_eq!(events[1].data["status"]["after"], "acknowledged");
    assert_eq!(events[3].data["outcome"], "rejected");
    assert_eq!(events[3].data["withinDeadline"], true);
    assert_eq!(events[4].data["feedback"], "unresolved");

    // The journal is a chain: each event names its predecessor's hash and hashes its content.
    // The register's first event records its identity; the complaint's first event follows it.
    let (kind, prev, hash): (String, String, String) = common::sql(&store)
        .query_row(
            "SELECT kind, prev_hash, hash FROM events WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), prev.as_str()),
        ("registerIdentity", GENESIS)
    );
    assert_eq!(events[0].prev_hash, hash);
    for pair in events.windows(2) {
        assert_eq!(pair[1].prev_hash, pair[0].hash);
    }
    for e in &events {
        assert_eq!(e.recompute_hash(), e.hash, "event {}", e.id);
    }
    // The last event seals the complaint's current state.
    assert_eq!(
        events.last().unwrap().state_hash.as_deref(),
        Some(complaint_state_hash(&c).as_str())
    );
}

/// What really happened, told by the register: an acknowledgement forgotten (the answer came
/// after the 10 jours ouvrables), a contact recorded as a complaint by mistake and requalified,
/// and a dispute that went on to the mediator.
#[test]
fn a_missed_acknowledgement_a_requalification_and_a_dispute_leg() {
    use reclam::complaint::{DisputeKind, NewDisputeStep, Sent, SentVia};
    let db = TestDb::new();
    let mut store = db.open("2026-05-04");
    let forgotten = store
        .record(&complaint("M. Hervé Colin", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    let mistaken = store
        .record(&complaint("Mme Inès Garnier", "2026-05-04"), "Accueil")
        .unwrap()
        .reference;
    drop(store);

    // 5 June: nobody acknowledged; the answer goes by e-mail, its copy attached.
    let mut store = db.open("2026-06-05");
    let mut reg = reclam::Register::over(&mut store, "Claire Martin").unwrap();
    let mail = reg
        .add_attachment(
            &forgotten,
            "reponse-colin.eml",
            b"Subject: Votre reclamation",
        )
        .unwrap();
    reg.answer(
        &forgotten,
        d("2026-06-05"),
        Outcome::Rejected,
        "Le sinistre est antérieur à la souscription.",
        &Default::default(),
        Some(Sent {
            via: SentVia::Email,
            copy: Some(mail.sha256.clone()),
        }),
    )
    .unwrap();
    let view = reg.view(&forgotten).unwrap();
    assert!(view.ack_missed, "the acknowledgement was due on 16 May");
    assert_eq!(view.complaint.acknowledged_on, None, "never invented");
    // The other one was a request for a certificate: requalified, kept in the register.
    let requalified = reg
        .requalify(
            &mistaken,
            d("2026-05-05"),
            "Demande d'attestation, pas un mécontentement",
        )
        .unwrap();
    let request = reg
        .request(requalified.ended.as_ref().unwrap().request_id.unwrap())
        .unwrap();
    assert_eq!(request.received_on, d("2026-05-04"));
    // The client refers the rejection to the mediator, who gives an opinion.
    reg.add_dispute_step(
        &forgotten,
        &NewDisputeStep {
            kind: DisputeKind::MediatorReferral,
            on: d("2026-06-05"),
            summary: "Saisine en ligne".into(),
            expected_on: None,
            from_lawyer: false,
        },
    )
    .unwrap();
    drop(reg);
    let mut store = {
        drop(store);
        db.open("2026-09-10")
    };
    let view = store.view(&forgotten).unwrap();
    assert_eq!(view.dispute_steps[0].expected_on, Some(d("2026-09-03")));
    assert_eq!(
        view.dispute_alerts
            .iter()
            .map(|a| a.kind)
            .collect::<Vec<_>>(),
        [reclam::complaint::DisputeAlertKind::Late],
        "the opinion was expected 90 days after the referral"
    );
    store
        .add_dispute_step(
            &forgotten,
            &NewDisputeStep {
                kind: DisputeKind::MediatorOutcome,
                on: d("2026-09-10"),
                summary: "Avis conforme à la position du cabinet".into(),
                expected_on: None,
                from_lawyer: false,
            },
            "Claire Martin",
        )
        .unwrap();
    assert!(store.view(&forgotten).unwrap().dispute_alerts.is_empty());

    // The journal tells it in order, and the register still holds up.
    let kinds: Vec<String> = store
        .history(&forgotten)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "recorded",
            "attachment",
            "answered",
            "disputeStep",
            "disputeStep"
        ]
    );
    let kinds: Vec<String> = store
        .history(&mistaken)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["recorded", "requalified"]);
    let rows = reclam::extract::rows(
        &store,
        &reclam::extract::ExtractQuery::period(d("2026-05-01"), d("2026-05-31")),
    )
    .unwrap();
    assert!(
        rows[0].ack_late,
        "the missed acknowledgement shows in the extract"
    );
    assert_eq!(rows[1].status_label, "Requalifiée en demande d'information");
    assert!(store.verify().unwrap().ok);
}
