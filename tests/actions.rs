//! Corrective actions: linked to complaints and dysfunctions, statuses journaled, late first.

mod common;

use common::{complaint, d, sql, TestDb};
use reclam::complaint::NewCorrectiveAction;
use reclam::complaint::{ActionStatus, DysfunctionCategory};

#[test]
fn actions_group_dysfunctions_follow_their_status_and_come_late_first() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-15");
    let a = s
        .record(&complaint("Mme A", "2026-05-04"), "x")
        .unwrap()
        .reference;
    let b = s
        .record(&complaint("M. B", "2026-05-05"), "x")
        .unwrap()
        .reference;
    let da = s
        .add_dysfunction(
            &a,
            DysfunctionCategory::Delay,
            "Courrier égaré",
            d("2026-05-10"),
            "x",
        )
        .unwrap()
        .dysfunctions[0]
        .id;
    let db_ = s
        .add_dysfunction(
            &b,
            DysfunctionCategory::Delay,
            "Relance oubliée",
            d("2026-05-11"),
            "x",
        )
        .unwrap()
        .dysfunctions[0]
        .id;
    let new = |description: &str, due: &str, complaints: Vec<String>, dysfunctions: Vec<i64>| {
        NewCorrectiveAction {
            kind: reclam::complaint::ActionKind::Corrective,
            description: description.into(),
            owner: "Julien Bernard".into(),
            due_on: d(due),
            complaints,
            dysfunctions,
        }
    };
    // One action groups the two delay dysfunctions of two complaints.
    let grouped = s
        .add_action(
            &new(
                "Tableau de suivi des relances",
                "2026-07-31",
                vec![a.to_string(), b.to_string()],
                vec![da, db_],
            ),
            "Claire Martin",
        )
        .unwrap();
    assert_eq!(grouped.status, ActionStatus::Planned);
    assert_eq!(grouped.complaints, [a.to_string(), b.to_string()]);
    assert_eq!(grouped.dysfunctions, [da, db_]);
    let late = s
        .add_action(
            &new("Former l'accueil", "2026-06-01", vec![], vec![da]),
            "Claire Martin",
        )
        .unwrap();
    assert!(late.late);

    let err = s
        .add_action(&new("  ", "2026-07-01", vec![], vec![]), "x")
        .unwrap_err();
    assert_eq!(err.field(), Some("description"));
    let err = s
        .add_action(&new("X", "2026-07-01", vec![], vec![999]), "x")
        .unwrap_err();
    assert_eq!(err.field(), Some("dysfunctions"));
    let err = s
        .add_action(
            &new("X", "2026-07-01", vec!["REC-2026-0999".into()], vec![]),
            "x",
        )
        .unwrap_err();
    assert_eq!(err.code(), "notFound");

    let ids: Vec<i64> = s.actions().unwrap().iter().map(|a| a.id).collect();
    assert_eq!(ids, [late.id, grouped.id], "late first");
    let done = s
        .set_action_status(late.id, ActionStatus::Done, "Julien Bernard")
        .unwrap();
    assert!(!done.late, "a done action is not late");
    let err = s
        .set_action_status(late.id, ActionStatus::InProgress, "Julien Bernard")
        .unwrap_err();
    assert_eq!(err.field(), Some("status"));
    let journaled: Vec<String> = sql(&s)
        .prepare("SELECT kind || ':' || actor FROM events WHERE kind LIKE 'action%' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        journaled,
        [
            "actionAdded:Claire Martin",
            "actionAdded:Claire Martin",
            "actionStatus:Julien Bernard"
        ]
    );
    // The extract's summary carries the corrective-action log, late ones flagged.
    let q = reclam::extract::ExtractQuery::period(d("2026-05-01"), d("2026-05-31"));
    let st = reclam::extract::stats::compute(&s, &q).unwrap();
    let sections = reclam::extract::summary_sections(&s, &st).unwrap();
    let (title, lines) = sections.last().unwrap();
    assert_eq!(title, "Actions correctives");
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]
            .0
            .contains("Tableau de suivi des relances (Julien Bernard)"),
        "{lines:?}"
    );
    assert!(lines[0].0.contains(&a.to_string()), "{lines:?}");
    assert_eq!(lines[0].1, "Prévue, échéance 31/07/2026");
    assert_eq!(
        lines[1].1, "Réalisée, échéance 01/06/2026",
        "done: open ones first"
    );
    // Nothing is deleted, not even by a program going behind the app's back.
    let err = sql(&s)
        .execute("DELETE FROM corrective_actions", [])
        .unwrap_err();
    assert!(err.to_string().contains("ne supprime jamais"), "{err}");
}
