//! The complaint file beyond the register fields: edits, exchanges, attachments, dispute steps,
//! users, and the "Aujourd'hui" summary, through the real store on a real file.

mod common;

use common::{complaint, d, sql, TestDb};
use reclam::complaint::{ComplaintRef, Direction, DisputeKind, Outcome, Role};
use reclam::complaint::{NewDisputeStep, NewExchange};
use reclam::firm::NewUser;
use reclam::Error;

fn r(s: &str) -> ComplaintRef {
    s.parse().unwrap()
}

#[test]
fn an_edit_journals_each_changed_field_and_moves_the_deadlines() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    let c = s
        .record(&complaint("Mme Durand", "2026-03-02"), "Claire")
        .unwrap();
    assert_eq!(c.deadlines.ack_due, d("2026-03-13"));

    let mut edited = complaint("Mme Durand-Leroy", "2026-03-09");
    edited.handler = Some("Julien Bernard".into());
    let after = s.update(&c.reference, &edited, "Julien").unwrap();
    assert_eq!(after.client.name, "Mme Durand-Leroy");
    // Received a week later: both deadlines move with it.
    assert_eq!(after.deadlines.ack_due, d("2026-03-20"));
    assert_eq!(after.deadlines.answer_due, d("2026-05-09"));

    let events = s.history(&c.reference).unwrap();
    let edit = events.last().unwrap();
    assert_eq!(
        (edit.kind.as_str(), edit.actor.as_str()),
        ("edited", "Julien")
    );
    let changes = edit.data["changes"].as_object().unwrap();
    let mut keys: Vec<&str> = changes.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["client.name", "handler", "receivedOn"]);
    assert_eq!(changes["client.name"]["before"], "Mme Durand");
    assert_eq!(changes["client.name"]["after"], "Mme Durand-Leroy");
    assert_eq!(changes["receivedOn"]["before"], "2026-03-02");

    // Saving the same values again writes nothing.
    s.update(&c.reference, &edited, "Julien").unwrap();
    assert_eq!(s.history(&c.reference).unwrap().len(), events.len());
    // The register's search follows the new name.
    let q = reclam::store::register::RegisterQuery {
        search: Some("leroy".into()),
        ..Default::default()
    };
    assert_eq!(s.list(&q).unwrap().total, 1);
}

#[test]
fn an_edit_cannot_move_reception_after_a_step_already_taken() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    let c = s
        .record(&complaint("M. Petit", "2026-03-02"), "Claire")
        .unwrap();
    s.acknowledge(&c.reference, d("2026-03-05"), "Claire")
        .unwrap();
    let err = s
        .update(&c.reference, &complaint("M. Petit", "2026-03-06"), "Claire")
        .unwrap_err();
    assert_eq!(err.field(), Some("receivedOn"), "{err}");
    assert!(err.to_string().contains("accusé de réception"), "{err}");
    assert_eq!(s.get(&c.reference).unwrap().received_on, d("2026-03-02"));
}

#[test]
fn exchanges_and_dispute_steps_are_kept_in_order_and_journaled() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    let c = s
        .record(&complaint("M. Roux", "2026-03-02"), "Claire")
        .unwrap();
    let x = |on: &str, summary: &str| NewExchange {
        on: d(on),
        direction: Direction::Incoming,
        channel: reclam::complaint::Channel::Phone,
        summary: summary.into(),
    };
    s.add_exchange(
        &c.reference,
        &x("2026-03-10", "Relance du client"),
        "Claire",
    )
    .unwrap();
    s.add_exchange(&c.reference, &x("2026-03-04", "Appel du client"), "Claire")
        .unwrap();
    // Before the complaint was received, and empty: refused, naming the field.
    let err = s
        .add_exchange(&c.reference, &x("2026-03-01", "Trop tôt"), "Claire")
        .unwrap_err();
    assert_eq!(err.field(), Some("on"));
    let err = s
        .add_exchange(&c.reference, &x("2026-03-05", "  "), "Claire")
        .unwrap_err();
    assert_eq!(err.field(), Some("summary"));

    let step = |kind, on: &str, summary: &str| NewDisputeStep {
        expected_on: None,
        from_lawyer: false,
        kind,
        on: d(on),
        summary: summary.into(),
    };
    // The insurer's answer needs the case to have been forwarded first.
    let err = s
        .add_dispute_step(
            &c.reference,
            &step(DisputeKind::InsurerAnswer, "2026-03-20", "Refus"),
            "Claire",
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("kind"), "{err}");
    s.add_dispute_step(
        &c.reference,
        &step(DisputeKind::InsurerForwarded, "2026-03-06", ""),
        "Claire",
    )
    .unwrap();
    let err = s
        .add_dispute_step(
            &c.reference,
            &step(DisputeKind::InsurerAnswer, "2026-03-05", "Refus"),
            "Claire",
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("on"), "{err}");
    s.add_dispute_step(
        &c.reference,
        &step(
            DisputeKind::InsurerAnswer,
            "2026-03-25",
            "L'assureur maintient son refus",
        ),
        "Julien",
    )
    .unwrap();

    let view = s.view(&c.reference).unwrap();
    let summaries: Vec<&str> = view.exchanges.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(summaries, ["Appel du client", "Relance du client"]);
    let kinds: Vec<DisputeKind> = view.dispute_steps.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [DisputeKind::InsurerForwarded, DisputeKind::InsurerAnswer]
    );
    assert_eq!(view.dispute_steps[1].recorded_by, "Julien");
    let kinds: Vec<&str> = view.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "recorded",
            "exchange",
            "exchange",
            "disputeStep",
            "disputeStep"
        ]
    );
}

#[test]
fn attachments_keep_their_bytes_and_hash_and_report_tampering() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    let c = s
        .record(&complaint("Mme Blanc", "2026-03-02"), "Claire")
        .unwrap();
    let bytes = b"%PDF-1.4 courrier du client scann\xc3\xa9".to_vec();
    let meta = s
        .add_attachment(&c.reference, "courrier-client.pdf", &bytes, "Claire")
        .unwrap();
    assert_eq!(meta.media_type, "application/pdf");
    assert_eq!(meta.size, bytes.len() as i64);
    // The stored digest is the SHA-256 of the bytes (FIPS 180-2 test vector for "abc").
    let abc = s
        .add_attachment(&c.reference, "note.txt", b"abc", "Claire")
        .unwrap();
    assert_eq!(
        abc.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(abc.media_type, "text/plain");
    let (read, back) = s.attachment(meta.id).unwrap();
    assert_eq!(back, bytes);
    assert_eq!(read, meta);
    let view = s.view(&c.reference).unwrap();
    assert_eq!(view.attachments, vec![meta.clone(), abc]);
    let event = &view.events[1];
    assert_eq!(event.kind, "attachment");
    assert_eq!(event.data["sha256"], meta.sha256.as_str());

    // Attachments cannot be changed through SQL...
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    assert!(conn
        .execute(
            "UPDATE attachments SET content = x'00' WHERE id = ?1",
            [meta.id]
        )
        .is_err());
    assert!(conn
        .execute("DELETE FROM attachments WHERE id = ?1", [meta.id])
        .is_err());
    // ...and a change made behind the app's back (trigger dropped) is detected on reading.
    conn.execute_batch("DROP TRIGGER attachments_no_update")
        .unwrap();
    conn.execute(
        "UPDATE attachments SET content = ?2, size = ?3 WHERE id = ?1",
        rusqlite::params![meta.id, b"falsified".to_vec(), 9],
    )
    .unwrap();
    let err = s.attachment(meta.id).unwrap_err();
    assert_eq!(err.code(), "tampered", "{err}");

    // Too big: refused before anything is written.
    let huge = vec![0u8; reclam::complaint::MAX_ATTACHMENT_BYTES + 1];
    let err = s
        .add_attachment(&c.reference, "scan.png", &huge, "Claire")
        .unwrap_err();
    assert_eq!(err.field(), Some("file"));
}

#[test]
fn users_are_unique_validated_and_journaled() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    let new = |name: &str, role, gesture: Option<&str>| NewUser {
        name: name.into(),
        role,
        can_sign: true,
        max_gesture: gesture.map(str::to_owned),
        secret: None,
    };
    s.add_user(&new("Claire Martin", Role::Manager, None), "Claire Martin")
        .unwrap();
    s.add_user(
        &new("Sophie Leroy", Role::Advisor, Some("19,90")),
        "Claire Martin",
    )
    .unwrap();
    let err = s
        .add_user(&new("claire martin", Role::Advisor, None), "Claire Martin")
        .unwrap_err();
    assert_eq!(err.field(), Some("name"));
    let err = s
        .add_user(&new("Karim", Role::Advisor, Some("-5")), "Claire Martin")
        .unwrap_err();
    assert_eq!(err.field(), Some("maxGesture"));
    assert!(err.to_string().contains("négatif"), "{err}");

    let users = s.users().unwrap();
    let names: Vec<&str> = users.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["Claire Martin", "Sophie Leroy"]);
    assert_eq!(users[1].max_gesture.unwrap().to_string(), "19.90");
    // The authority once the role's default applies: a manager has no limit.
    assert_eq!(users[0].authority, None);
    assert_eq!(users[1].authority.unwrap().to_string(), "19.90");
    assert!(!users[0].has_signature);
    let journaled: i64 = sql(&s)
        .query_row(
            "SELECT count(*) FROM events WHERE kind = 'userAdded'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(journaled, 2);
}

#[test]
fn today_lists_what_is_late_soon_and_waiting_with_this_years_rates() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    // Acknowledged on time (ack due 13/03), then answered on time.
    let a = s.record(&complaint("A", "2026-03-02"), "x").unwrap();
    s.acknowledge(&a.reference, d("2026-03-05"), "x").unwrap();
    s.answer(
        &a.reference,
        d("2026-03-19"),
        Outcome::Upheld,
        "Accord",
        None,
        "x",
    )
    .unwrap();
    // Never acknowledged, ack due 13/03: overdue.
    let b = s.record(&complaint("B", "2026-03-02"), "x").unwrap();
    // Received 12/03: ack due 24/03, within 3 days? no (4 days). Received 11/03: due 23/03 (3 days).
    let c = s.record(&complaint("C", "2026-03-11"), "x").unwrap();
    let e = s.record(&complaint("E", "2026-03-12"), "x").unwrap();
    // Acknowledged late (16/03 > 13/03).
    let f = s.record(&complaint("F", "2026-03-02"), "x").unwrap();
    s.acknowledge(&f.reference, d("2026-03-16"), "x").unwrap();
    // Last year's: not in this year's rates.
    s.record(&complaint("G", "2025-12-01"), "x").unwrap();

    let t = s.today_summary().unwrap();
    assert_eq!(t.today, d("2026-03-20"));
    assert_eq!(t.year, 2026);
    let refs = |rows: &[reclam::store::register::RegisterRow]| {
        rows.iter().map(|r| r.reference.clone()).collect::<Vec<_>>()
    };
    // G (received 01/12/2025, never acknowledged) and B are overdue, G first (older).
    assert_eq!(t.counts.overdue, 2);
    assert_eq!(refs(&t.overdue)[1], b.reference.to_string());
    assert_eq!(refs(&t.due_soon), [c.reference.to_string()]);
    assert_eq!(t.counts.awaiting_ack, 4); // B, C, E, G
    assert!(refs(&t.awaiting_ack).contains(&e.reference.to_string()));
    assert_eq!(refs(&t.awaiting_answer), [f.reference.to_string()]);
    assert_eq!(t.counts.open, 6);
    // This year: acknowledgement due or done for A (ok), B (late), F (late); C and E not due.
    assert_eq!(t.ack_on_time_pct, Some(33.3));
    // Answer due or done: only A, in time.
    assert_eq!(t.answer_on_time_pct, Some(100.0));
}

/// "Aujourd'hui" is given again while nothing changed, and computed again after any change: a
/// complaint recorded here, one recorded by another program on the same file, a step taken,
/// and the next day (a complaint due tomorrow is overdue the day after).
#[test]
fn today_follows_every_change_of_the_register_and_of_the_day() {
    use reclam::clock::Clock;
    use std::sync::{Arc, Mutex};

    struct Calendar(Mutex<chrono::NaiveDate>);
    impl Clock for Calendar {
        fn now(&self) -> chrono::DateTime<chrono::Utc> {
            self.today().and_hms_opt(10, 0, 0).unwrap().and_utc()
        }
        fn today(&self) -> chrono::NaiveDate {
            *self.0.lock().unwrap()
        }
    }

    let db = TestDb::new();
    let calendar = Arc::new(Calendar(Mutex::new(d("2026-03-20"))));
    let mut s = reclam::store::Store::open(&db.path, calendar.clone()).unwrap();
    // Received 11/03: its acknowledgement is due 23/03.
    let a = s.record(&complaint("A", "2026-03-11"), "x").unwrap();
    let first = s.today_summary().unwrap();
    assert_eq!(first.counts.open, 1);
    assert_eq!(first.counts.awaiting_ack, 1);
    assert_eq!(
        s.today_summary().unwrap(),
        first,
        "nothing changed: the same summary"
    );

    s.record(&complaint("B", "2026-03-19"), "x").unwrap();
    assert_eq!(s.today_summary().unwrap().counts.open, 2);

    let mut other = db.open("2026-03-20");
    other.record(&complaint("C", "2026-03-19"), "x").unwrap();
    drop(other);
    assert_eq!(
        s.today_summary().unwrap().counts.open,
        3,
        "another program's complaint"
    );

    s.acknowledge(&a.reference, d("2026-03-20"), "x").unwrap();
    let t = s.today_summary().unwrap();
    assert_eq!((t.counts.awaiting_ack, t.counts.awaiting_answer), (2, 1));
    assert_eq!(t.counts.overdue, 0);

    // B and C, received 19/03, are due on 01/04 (10 jours ouvrables): overdue on 02/04.
    *calendar.0.lock().unwrap() = d("2026-04-02");
    let t = s.today_summary().unwrap();
    assert_eq!(t.today, d("2026-04-02"));
    assert_eq!(t.counts.overdue, 2);
}

/// A workstation's cache put back to its checkpoint (the shared register rebuilt from it) is
/// another register under the same connection: "Aujourd'hui" is computed from it, not given
/// again as it was.
#[test]
fn today_and_statistics_are_computed_again_after_a_checkpoint_is_restored() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    s.record(&complaint("A", "2026-03-11"), "x").unwrap();
    let checkpoint = db.dir.path().join("checkpoint.db");
    s.save_checkpoint(&checkpoint).unwrap();
    s.record(&complaint("B", "2026-03-19"), "x").unwrap();
    assert_eq!(s.today_summary().unwrap().counts.open, 2);
    let march = reclam::extract::ExtractQuery::period(d("2026-03-01"), d("2026-03-31"));
    let stats = |s: &mut reclam::Store| {
        reclam::Register::over(s, "x")
            .unwrap()
            .stats(&march)
            .unwrap()
            .received
    };
    assert_eq!(stats(&mut s), 2);

    let kept = s.kept_sync_state().unwrap();
    s.restore_checkpoint(&checkpoint, &kept).unwrap();
    assert_eq!(s.today_summary().unwrap().counts.open, 1);
    assert_eq!(stats(&mut s), 1, "the statistics too");
}

/// A work list of "Aujourd'hui" carries its 50 most urgent complaints; its count says how many
/// there are in all, so that the screen can say so and lead to the register.
#[test]
fn today_counts_every_complaint_of_a_list_beyond_the_rows_it_carries() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-20");
    for i in 0..55 {
        let mut c = complaint(&format!("Client {i}"), "2026-01-05");
        c.channel = reclam::complaint::Channel::Phone;
        s.record(&c, "x").unwrap();
    }
    let t = s.today_summary().unwrap();
    assert_eq!(t.counts.overdue, 55);
    assert_eq!(t.overdue.len(), 50);
    assert_eq!(t.counts.awaiting_ack, 55);
    assert_eq!(t.awaiting_ack.len(), 50);
    assert_eq!(t.counts.awaiting_confirmation, 55);
    assert_eq!(t.awaiting_confirmation.len(), 50);
    assert_eq!(t.counts.answer_letters_due, 0);
    assert!(t.answer_letters_due.is_empty());
}

#[test]
fn not_found_says_what_is_missing() {
    let db = TestDb::new();
    let s = db.open("2026-03-20");
    let err = s.view(&r("REC-2026-0042")).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
    assert_eq!(err.to_string(), "introuvable : réclamation REC-2026-0042");
    let err = s.attachment(7).unwrap_err();
    assert_eq!(err.to_string(), "introuvable : pièce jointe n° 7");
}
