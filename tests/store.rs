//! The register's storage: references, refusals, durability rules, the list and its filters.

mod common;

use common::{complaint, d, sql, TestDb};
use reclam::clock::FixedClock;
use reclam::complaint::{DysfunctionCategory, Outcome, Status, Subject};
use reclam::store::register::{RegisterQuery, RegisterSort};
use reclam::{Error, Store};
use rusqlite::Connection;
use std::sync::Arc;

#[test]
fn references_are_sequential_per_year_and_never_reused() {
    let db = TestDb::new();
    let mut s = db.open("2027-01-10");
    let refs: Vec<String> = ["2026-12-30", "2026-12-31", "2027-01-02", "2026-12-29"]
        .iter()
        .map(|r| {
            s.record(&complaint("Client", r), "t")
                .unwrap()
                .reference
                .to_string()
        })
        .collect();
    assert_eq!(
        refs,
        [
            "REC-2026-0001",
            "REC-2026-0002",
            "REC-2027-0001",
            "REC-2026-0003"
        ]
    );

    // A failed recording (rolled back) does not consume a number either way, and a number once
    // handed out is never handed out again.
    let mut bad = complaint("", "2027-01-05");
    bad.client.name.clear();
    assert!(s.record(&bad, "t").is_err());
    assert_eq!(
        s.record(&complaint("X", "2027-01-05"), "t")
            .unwrap()
            .reference
            .as_str(),
        "REC-2027-0002"
    );
}

#[test]
fn a_refused_input_leaves_the_database_unchanged() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    s.record(&complaint("A", "2026-05-07"), "t").unwrap();
    let count = |s: &Store| -> (i64, i64) {
        let conn = sql(s);
        let c = conn
            .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
            .unwrap();
        let e = conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        (c, e)
    };
    let before = count(&s);
    let mut future = complaint("B", "2026-05-07");
    future.received_on = d("2026-06-02");
    let e = s.record(&future, "t").unwrap_err();
    assert_eq!(e.field(), Some("receivedOn"));
    let r = "REC-2026-0001".parse().unwrap();
    let e = s.acknowledge(&r, d("2026-05-06"), "t").unwrap_err();
    assert!(e.to_string().contains("antérieur"), "{e}");
    let e = s
        .close(&r, d("2026-05-20"), reclam::complaint::Feedback::None, "t")
        .unwrap_err();
    assert_eq!(e.code(), "transition");
    let e = s
        .acknowledge(&"REC-2026-0099".parse().unwrap(), d("2026-05-08"), "t")
        .unwrap_err();
    assert_eq!(e.code(), "notFound");
    assert_eq!(count(&s), before);
}

#[test]
fn an_answer_without_acknowledgement_is_recorded_and_a_late_one_marks_it_missed() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    // Received Thursday 7 May 2026: ack due 21 May.
    let a = s
        .record(&complaint("A", "2026-05-07"), "t")
        .unwrap()
        .reference;
    let b = s
        .record(&complaint("B", "2026-05-07"), "t")
        .unwrap()
        .reference;
    let c = s
        .answer(
            &a,
            d("2026-05-21"),
            Outcome::Upheld,
            "Régularisé",
            None,
            "t",
        )
        .unwrap();
    assert_eq!(c.status, Status::Answered);
    assert_eq!(c.acknowledged_on, None);
    // Within the 10 jours ouvrables the answer replaces the acknowledgement.
    assert!(!c.ack_missed());
    // After them, the answer is recorded as it happened and the acknowledgement is missed:
    // never invented.
    let late = s
        .answer(
            &b,
            d("2026-05-22"),
            Outcome::Upheld,
            "Régularisé",
            None,
            "t",
        )
        .unwrap();
    assert_eq!(late.acknowledged_on, None);
    assert!(late.ack_missed());
    assert!(s.view(&b).unwrap().ack_missed);
    let answered = s.history(&b).unwrap().into_iter().last().unwrap();
    assert_eq!(answered.data["acknowledgementMissed"], true);
    // The extract marks the acknowledgement late.
    let q = reclam::extract::ExtractQuery::period(d("2026-05-01"), d("2026-05-31"));
    let rows = reclam::extract::rows(&s, &q).unwrap();
    let row_b = rows.iter().find(|r| r.reference == b).unwrap();
    assert!(row_b.ack_late);
    // An acknowledgement sent on 20 May but entered only now: recorded as it happened, and
    // no longer missed; never after the answer.
    let err = s.acknowledge(&b, d("2026-05-23"), "t").unwrap_err();
    assert_eq!(err.field(), Some("on"), "{err}");
    let c = s.acknowledge(&b, d("2026-05-20"), "t").unwrap();
    assert_eq!(c.status, Status::Answered);
    assert_eq!(c.acknowledged_on, Some(d("2026-05-20")));
    assert!(!c.ack_missed());
    assert!(s.acknowledge(&b, d("2026-05-20"), "t").is_err(), "once");
    assert!(s.verify().unwrap().ok);
}

#[test]
fn nothing_is_ever_deleted_and_the_journal_is_append_only() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    s.record(&complaint("A", "2026-05-07"), "t").unwrap();
    drop(s);
    let conn = Connection::open(&db.path).unwrap();
    let err = conn.execute("DELETE FROM complaints", []).unwrap_err();
    assert!(err.to_string().contains("ne supprime jamais"), "{err}");
    let err = conn.execute("DELETE FROM events", []).unwrap_err();
    assert!(err.to_string().contains("ne supprime jamais"), "{err}");
    let err = conn
        .execute("UPDATE events SET actor = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("ne modifie jamais"), "{err}");
}

fn pragma(conn: &Connection, p: &str) -> String {
    conn.query_row(&format!("PRAGMA {p}"), [], |r| {
        r.get::<_, rusqlite::types::Value>(0)
    })
    .map(|v| match v {
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Text(t) => t,
        other => format!("{other:?}"),
    })
    .unwrap()
}

/// What the store leaves in the file, as any other program opening it sees it.
#[test]
fn pragmas_and_permissions() {
    let db = TestDb::new();
    let s = db.open("2026-06-01");
    let conn = sql(&s);
    assert_eq!(pragma(&conn, "journal_mode"), "wal");
    assert_eq!(
        pragma(&conn, "user_version"),
        reclam::store::SCHEMA_VERSION.to_string()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_newer_database_is_refused() {
    let db = TestDb::new();
    drop(db.open("2026-06-01"));
    Connection::open(&db.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&db.path, Arc::new(FixedClock::new(d("2026-06-01"))))
        .err()
        .unwrap();
    assert!(matches!(err, Error::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("version plus récente"));
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let db = TestDb::new();
    std::fs::write(
        &db.path,
        "Ceci est une lettre, pas une base de données.".repeat(100),
    )
    .unwrap();
    let err = Store::open(&db.path, Arc::new(FixedClock::new(d("2026-06-01"))))
        .err()
        .unwrap();
    assert_eq!(err.code(), "notADatabase", "{err}");
}

#[test]
fn list_filters_sort_search_and_overdue() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    let mut a = complaint("Mme Hélène Garnier", "2026-05-04");
    a.description = "Résiliation non prise en compte".into();
    a.subject = Subject::Termination;
    let a = s.record(&a, "t").unwrap().reference; // ack due 18 May: overdue on 1 June
    let b = s
        .record(&complaint("M. Paul Durand", "2026-05-28"), "t")
        .unwrap()
        .reference; // ack due 9 June
    let c = s
        .record(&complaint("SARL Garage de la Gare", "2026-05-29"), "t")
        .unwrap()
        .reference;
    s.acknowledge(&c, d("2026-05-30"), "t").unwrap();
    s.add_dysfunction(
        &c,
        DysfunctionCategory::Delay,
        "Relance oubliée",
        d("2026-05-30"),
        "t",
    )
    .unwrap();

    let refs = |q: RegisterQuery| -> Vec<String> {
        s.list(&q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.reference)
            .collect()
    };
    assert_eq!(
        refs(RegisterQuery::default()),
        [c.to_string(), b.to_string(), a.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            sort: RegisterSort::ReceivedAsc,
            ..Default::default()
        }),
        [a.to_string(), b.to_string(), c.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            overdue: true,
            ..Default::default()
        }),
        [a.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            due_within_days: Some(10),
            ..Default::default()
        }),
        [b.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            status: Some(Status::Acknowledged),
            ..Default::default()
        }),
        [c.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            subject: Some(Subject::Termination),
            ..Default::default()
        }),
        [a.to_string()]
    );
    // Search folds accents and matches prefixes, in name, description, reference, contract.
    assert_eq!(
        refs(RegisterQuery {
            search: Some("helene garn".into()),
            ..Default::default()
        }),
        [a.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            search: Some("resiliation".into()),
            ..Default::default()
        }),
        [a.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            search: Some(b.to_string()),
            ..Default::default()
        }),
        [b.to_string()]
    );
    assert_eq!(
        refs(RegisterQuery {
            search: Some("MRH-4411".into()),
            ..Default::default()
        })
        .len(),
        3
    );
    assert!(refs(RegisterQuery {
        search: Some("\" OR 1=1 --".into()),
        ..Default::default()
    })
    .is_empty());

    let page = s
        .list(&RegisterQuery {
            limit: 2,
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.rows.len(), page.total), (2, 3));
    // A search's total comes with its rows, and past its last page on its own: the same.
    for offset in [0, 2, 3, 7] {
        let page = s
            .list(&RegisterQuery {
                search: Some("MRH-4411".into()),
                limit: 2,
                offset,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.total, 3, "offset {offset}");
        assert_eq!(
            page.rows.len(),
            3usize.saturating_sub(offset as usize).min(2)
        );
    }
    let overdue = &s
        .list(&RegisterQuery {
            overdue: true,
            ..Default::default()
        })
        .unwrap()
        .rows[0];
    let next = overdue.next.unwrap();
    assert_eq!(
        (next.due, next.days_left, next.overdue),
        (d("2026-05-18"), -14, true)
    );
}

#[test]
fn changing_the_region_recomputes_open_deadlines() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    // Wednesday 16 April 2025, Good Friday 18 April.
    let r = s
        .record(&complaint("A", "2025-04-16"), "t")
        .unwrap()
        .reference;
    assert_eq!(s.get(&r).unwrap().deadlines.ack_due, d("2025-04-29"));
    s.set_setting("region", "alsace-moselle", "Direction")
        .unwrap();
    drop(s);
    let s = db.open("2026-06-01");
    assert_eq!(s.region(), reclam::calendar::Region::AlsaceMoselle);
    assert_eq!(s.get(&r).unwrap().deadlines.ack_due, d("2025-04-30"));
    let err = db
        .open("2026-06-01")
        .set_setting("region", "bretagne", "x")
        .unwrap_err();
    assert_eq!(err.field(), Some("region"));
}

#[test]
fn requests_stay_out_of_the_register() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    let req = reclam::store::NewRequest {
        client_name: "M. Martin".into(),
        channel: reclam::complaint::Channel::Phone,
        received_on: d("2026-05-30"),
        description: "Demande d'attestation d'assurance".into(),
    };
    s.record_request(&req, "Accueil").unwrap();
    assert_eq!(s.list(&RegisterQuery::default()).unwrap().total, 0);
    let n: i64 = sql(&s)
        .query_row("SELECT count(*) FROM requests", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn demo_fills_every_state() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-01");
    reclam::demo::fill(&mut s, 400, 7).unwrap();
    let page = s.list(&RegisterQuery::default()).unwrap();
    assert_eq!(page.total, 400);
    for st in Status::ALL {
        let n = s
            .list(&RegisterQuery {
                status: Some(*st),
                limit: 1,
                ..Default::default()
            })
            .unwrap()
            .total;
        assert!(n > 0, "no complaint in state {st}");
    }
    assert!(
        s.list(&RegisterQuery {
            overdue: true,
            ..Default::default()
        })
        .unwrap()
        .total
            > 0
    );
    let years: i64 = sql(&s)
        .query_row(
            "SELECT count(DISTINCT substr(received_on, 1, 4)) FROM complaints",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(years >= 3, "{years}");
}
