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
