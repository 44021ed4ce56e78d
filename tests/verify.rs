//! Tampering with the SQLite file behind the app's back, the way someone with the file and a
//! SQLite shell would (dropping the guard triggers first), and `verify` catching each change:
//! an edited field, an edited, deleted or reordered event, a replaced letter or attachment, a
//! complaint inserted by hand.

mod common;

use common::{complaint, d, sql, TestDb};
use reclam::complaint::Role;
use reclam::firm::NewUser;
use reclam::letters::LetterKind;
use reclam::letters::LetterRequest;
use reclam::store::verify::VerifyReport;
use reclam::Register;
use reclam::Store;
use rusqlite::Connection;
use std::path::Path;
use std::process::Command;

const TODAY: &str = "2026-03-05";

/// A register with three complaints, an acknowledgement letter and an attachment.
fn register() -> TestDb {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
    ] {
        s.set_setting(k, v, "Claire Martin").unwrap();
    }
    s.add_user(
        &NewUser {
            name: "Claire Martin".into(),
            role: Role::Manager,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
    let mut refs = Vec::new();
    for name in ["Mme Alpha", "M. Bravo", "Mme Charlie"] {
        refs.push(
            s.record(&complaint(name, "2026-03-02"), "x")
                .unwrap()
                .reference,
        );
    }
    s.acknowledge(&refs[1], d("2026-03-04"), "x").unwrap();
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .issue_letter(
            &refs[0],
            &LetterRequest {
                kind: LetterKind::Acknowledgement,
                signatory: "Claire Martin".into(),
                holding: None,
            },
        )
        .unwrap();
    s.add_attachment(&refs[2], "courrier.txt", b"Courrier du client", "x")
        .unwrap();
    assert!(
        s.verify().unwrap().ok,
        "a register written by the app verifies"
    );
    db
}

/// Run raw SQL on the file as an attacker would, guard triggers dropped.
fn tamper(path: &Path, sql: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;
         DROP TRIGGER IF EXISTS letters_no_update; DROP TRIGGER IF EXISTS attachments_no_update;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
}

fn verify(db: &TestDb) -> VerifyReport {
    db.open(TODAY).verify().unwrap()
}

fn kinds(r: &VerifyReport) -> Vec<&str> {
    r.findings.iter().map(|f| f.kind.as_str()).collect()
}

#[test]
fn an_edited_field_is_reported_with_its_complaint() {
    let db = register();
    tamper(
        &db.path,
        "UPDATE complaints SET client_name = 'Mme Zulu' WHERE reference = 'REC-2026-0002'",
    );
    let r = verify(&db);
    assert!(!r.ok);
    assert_eq!(kinds(&r), ["stateHash"]);
    assert_eq!(r.findings[0].reference.as_deref(), Some("REC-2026-0002"));
    assert!(r.findings[0]
        .message
        .contains("modifiée hors de l'application"));
    // A date too: the acknowledgement moved back a day.
    let db = register();
    tamper(
        &db.path,
        "UPDATE complaints SET acknowledged_on = '2026-03-03' WHERE reference = 'REC-2026-0002'",
    );
    assert_eq!(kinds(&verify(&db)), ["stateHash"]);
}

#[test]
fn an_edited_event_is_reported_precisely() {
    let db = register();
    tamper(
        &db.path,
        "UPDATE events SET actor = 'Quelqu''un d''autre' WHERE id = 5",
    );
    let r = verify(&db);
    assert_eq!(kinds(&r), ["eventHash"]);
    assert_eq!(r.findings[0].event_id, Some(5));
    assert!(
        r.findings[0].message.starts_with("événement n° 5"),
        "{:?}",
        r.findings
    );
    // Recomputing its hash does not help: the next event's link breaks instead.
    let db = register();
    let s = db.open(TODAY);
    let conn = sql(&s);
    let mut e = conn
        .query_row(
            &format!("{} WHERE e.id = 5", reclam::store::journal::SELECT_EVENTS),
            [],
            reclam::store::journal::from_row,
        )
        .unwrap();
    e.actor = "Quelqu'un d'autre".into();
    let forged = e.recompute_hash();
    drop(conn);
    tamper(
        &db.path,
        &format!("UPDATE events SET actor = 'Quelqu''un d''autre', hash = '{forged}' WHERE id = 5"),
    );
    let r = verify(&db);
    assert_eq!(kinds(&r), ["eventLink"]);
    assert_eq!(r.findings[0].event_id, Some(6));
}

#[test]
fn a_deleted_event_is_reported() {
    let db = register();
    tamper(&db.path, "DELETE FROM events WHERE id = 4");
    let r = verify(&db);
    assert!(kinds(&r).contains(&"eventMissing"), "{:?}", r.findings);
    let missing = r
        .findings
        .iter()
        .find(|f| f.kind == "eventMissing")
        .unwrap();
    assert_eq!(missing.event_id, Some(5));
    assert!(missing.message.contains("n° 4 à 4"), "{}", missing.message);
    // The last event deleted: the head no longer matches what a printed extract showed.
    let db = register();
    let head_before = verify(&db).head.unwrap();
    tamper(
        &db.path,
        "DELETE FROM events WHERE id = (SELECT max(id) FROM events)",
    );
    let r = verify(&db);
    assert_ne!(r.head.unwrap(), head_before);
    assert!(!r.ok, "the attachment lost its journal event");
}

#[test]
fn reordered_events_are_reported() {
    let db = register();
    tamper(
        &db.path,
        "UPDATE events SET id = -1 WHERE id = 3;
         UPDATE events SET id = 3 WHERE id = 4;
         UPDATE events SET id = 4 WHERE id = -1;",
    );
    let r = verify(&db);
    assert_eq!(r.findings[0].kind, "eventLink");
    assert_eq!(r.findings[0].event_id, Some(3));
}

#[test]
fn a_replaced_letter_or_attachment_is_reported() {
    let db = register();
    let fake = b"%PDF-1.7 une autre lettre";
    let hash = reclam::store::journal::sha256_hex(fake);
    // Even with the table's own hash column rewritten, the journaled hash catches it.
    tamper(
        &db.path,
        &format!(
            "UPDATE letters SET pdf = CAST('%PDF-1.7 une autre lettre' AS BLOB), size = {},
             sha256 = '{hash}' WHERE id = 1",
            fake.len()
        ),
    );
    let r = verify(&db);
    assert_eq!(kinds(&r), ["letter"]);
    assert!(r.findings[0]
        .message
        .starts_with("lettre n° 1 de la réclamation REC-2026-0001"));

    let db = register();
    tamper(
        &db.path,
        "UPDATE attachments SET content = CAST('Autre courrier !!' AS BLOB), size = 17",
    );
    let r = verify(&db);
    assert_eq!(kinds(&r), ["attachment"]);
    assert_eq!(r.findings[0].reference.as_deref(), Some("REC-2026-0003"));
}

#[test]
fn a_complaint_inserted_by_hand_is_reported_and_the_cli_exits_3() {
    let db = register();
    tamper(
        &db.path,
        "INSERT INTO complaints (reference, client_name, client_kind, client_relation, channel,
            received_on, subject, description, status, recorded_at, ack_due, answer_due, basis,
            start_on)
         SELECT 'REC-2026-0099', 'Fantôme', client_kind, client_relation, channel, received_on,
            subject, description, status, recorded_at, ack_due, answer_due, basis, start_on
         FROM complaints WHERE id = 3",
    );
    let r = verify(&db);
    assert_eq!(kinds(&r), ["noEvent"]);
    let out = Command::new(env!("CARGO_BIN_EXE_reclam"))
        .args(["--db", db.path.to_str().unwrap(), "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ALTÉRATION DÉTECTÉE"), "{text}");
    assert!(text.contains("REC-2026-0099"));
    let ok = register();
    let out = Command::new(env!("CARGO_BIN_EXE_reclam"))
        .args(["--db", ok.path.to_str().unwrap(), "verify", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["letters"], 1);
    assert_eq!(report["attachments"], 1);
    let store: Store = ok.open(TODAY);
    let head: String = sql(&store)
        .query_row(
            "SELECT hash FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(report["head"], head);
}

/// The register above with an advisor, a request for approval accepted by the manager, a
/// proposal answered by the client and a legacy approval.
fn register_with_decisions() -> TestDb {
    use reclam::complaint::{EscalationDecision, EscalationSubject, NewEscalation, NewProposal};
    let db = register();
    let mut s = db.open(TODAY);
    s.add_user(
        &NewUser {
            name: "Paul Durand".into(),
            role: Role::Advisor,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
    let r: reclam::complaint::ComplaintRef = "REC-2026-0002".parse().unwrap();
    let e = Register::over(&mut s, "Paul Durand")
        .unwrap()
        .request_approval(
            &r,
            &NewEscalation {
                subject: EscalationSubject::Gesture,
                amount: "70".into(),
                refund_scope: None,
                reason: "Retard".into(),
                refused_proposal: "Avoir de 30 €".into(),
                analysis: "Retard imputable au cabinet".into(),
                document_id: None,
            },
        )
        .unwrap();
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .decide_approval(
            e.id,
            &EscalationDecision {
                accept: true,
                amount: Some("60".into()),
                reason: "Justifié".into(),
            },
        )
        .unwrap();
    let p = Register::over(&mut s, "Paul Durand")
        .unwrap()
        .add_proposal(
            &r,
            &NewProposal {
                kind: reclam::complaint::ProposalKind::Credit,
                description: "Avoir de 30 €".into(),
                amount: Some("30".into()),
                on: d("2026-03-04"),
            },
        )
        .unwrap();
    Register::over(&mut s, "Paul Durand")
        .unwrap()
        .respond_proposal(&r, p.id, false, d("2026-03-05"))
        .unwrap();
    s.approve_gesture(&r, "40".parse().unwrap(), "Claire Martin")
        .unwrap();
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .set_password("Claire Martin", "motdepasse-claire")
        .unwrap();
    assert!(s.verify().unwrap().ok, "{:?}", s.verify().unwrap().findings);
    db
}

#[test]
fn approvals_escalations_proposals_and_users_edited_by_hand_are_reported() {
    let drop_guards = "DROP TRIGGER IF EXISTS approvals_no_update;
        DROP TRIGGER IF EXISTS escalations_decided_once;
        DROP TRIGGER IF EXISTS proposals_answered_once;";
    for (sql, kind) in [
        // The approved amount raised after the decision.
        (
            "UPDATE escalations SET decided_amount = '70.00'",
            "escalation",
        ),
        // A refused request turned into an accepted one.
        (
            "UPDATE escalations SET decided_by = 'Paul Durand'",
            "escalation",
        ),
        // A request inserted by hand, already accepted.
        (
            "INSERT INTO escalations (complaint_id, subject, amount, level, reason,
                refused_proposal, analysis, requested_by, requested_at, due_at, status,
                decided_amount, decision_reason, decided_by, decided_at)
             VALUES (2, 'gesture', '500.00', 'document', 'x', 'x', 'x', 'Paul Durand',
                '2026-03-05T10:00:00Z', '2026-03-05T14:00:00Z', 'accepted', '500.00', 'x',
                'Claire Martin', '2026-03-05T10:05:00Z')",
            "escalation",
        ),
        // A legacy approval inserted or edited by hand.
        (
            "INSERT INTO approvals (complaint_id, amount, approved_by, approved_at)
             VALUES (2, '900.00', 'Claire Martin', '2026-03-05T10:00:00Z')",
            "approval",
        ),
        ("UPDATE approvals SET amount = '400.00'", "approval"),
        // The client's refusal turned into an acceptance.
        ("UPDATE proposals SET response = 'accepted'", "proposal"),
        // An advisor made a manager, or given a limit, behind the app's back.
        (
            "UPDATE users SET role = 'manager' WHERE name = 'Paul Durand'",
            "user",
        ),
        (
            "UPDATE users SET max_gesture = '5000.00' WHERE name = 'Paul Durand'",
            "user",
        ),
        // A password slipped in for someone.
        (
            "INSERT INTO credentials (user_id, phc, set_at)
             VALUES (2, '$argon2id$v=19$m=19456,t=2,p=1$abc$def', '2026-03-05T10:00:00Z')",
            "user",
        ),
    ] {
        let db = register_with_decisions();
        tamper(&db.path, &format!("{drop_guards} {sql}"));
        let r = verify(&db);
        assert!(!r.ok, "{sql}: not reported");
        assert_eq!(kinds(&r), [kind], "{sql}: {:?}", r.findings);
        assert!(
            r.findings[0].message.contains("hors de l'application"),
            "{:?}",
            r.findings[0].message
        );
    }
}

/// The register above with a logo, a signature, a corrective action and an import.
fn register_with_everything() -> TestDb {
    let db = register_with_decisions();
    let mut s = db.open(TODAY);
    let png =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/32x32.png"))
            .unwrap();
    s.set_logo(&png, "Claire Martin").unwrap();
    s.set_signature("Claire Martin", &png, "Claire Martin")
        .unwrap();
    s.add_action(
        &reclam::complaint::NewCorrectiveAction {
            kind: reclam::complaint::ActionKind::Corrective,
            description: "Relancer l'expert sous 8 jours".into(),
            owner: "Claire Martin".into(),
            due_on: d("2026-04-30"),
            complaints: vec!["REC-2026-0001".into()],
            dysfunctions: vec![],
        },
        "Claire Martin",
    )
    .unwrap();
    let csv = "Référence;Client;Date de réception;Description\r\n\
               R-1;M. Delta;02/03/2026;Retard\r\n";
    reclam::import::import(
        &mut s,
        csv.as_bytes(),
        "ancien.csv",
        &reclam::import::ImportOptions::default(),
        reclam::import::Policy::SkipRefused,
        false,
        "Claire Martin",
    )
    .unwrap();
    let report = s.verify().unwrap();
    assert!(report.ok, "{:?}", report.findings);
    db
}

#[test]
fn every_table_edited_or_deleted_by_hand_is_reported() {
    let guards = "DROP TRIGGER IF EXISTS letters_no_update;
        DROP TRIGGER IF EXISTS corrective_actions_no_delete;
        DROP TRIGGER IF EXISTS action_links_no_delete;
        DROP TRIGGER IF EXISTS imports_no_update; DROP TRIGGER IF EXISTS imports_no_delete;
        DROP TRIGGER IF EXISTS firm_logo_no_delete; DROP TRIGGER IF EXISTS imported_rows_no_update;";
    for (sql, kind) in [
        // The firm's settings: a value changed, a setting deleted, one added.
        (
            "UPDATE settings SET value = 'Cabinet Fantôme' WHERE key = 'firm.name'",
            "setting",
        ),
        ("DELETE FROM settings WHERE key = 'firm.orias'", "setting"),
        (
            "INSERT INTO settings (key, value) VALUES ('authority.advisor', '5000.00')",
            "setting",
        ),
        // The logo and a signature replaced.
        ("UPDATE firm_logo SET png = x'89504e47'", "logo"),
        ("UPDATE users SET signature_png = x'89504e47'", "signature"),
        // A letter's signatory changed.
        ("UPDATE letters SET signatory = 'Paul Durand'", "letter"),
        // A corrective action: its status, its description, its link.
        (
            "UPDATE corrective_actions SET status = 'done'",
            "correctiveAction",
        ),
        (
            "UPDATE corrective_actions SET description = 'Rien à faire'",
            "correctiveAction",
        ),
        ("DELETE FROM action_links", "correctiveAction"),
        // An import's counts, an imported row's line.
        ("UPDATE imports SET refused = 7", "import"),
        ("UPDATE imported_rows SET line = 40", "import"),
    ] {
        let db = register_with_everything();
        tamper(&db.path, &format!("{guards} {sql}"));
        let r = verify(&db);
        assert!(!r.ok, "{sql}: not reported");
        assert!(kinds(&r).contains(&kind), "{sql}: {:?}", r.findings);
        assert!(
            r.findings.iter().all(
                |f| f.message.contains("hors de l'application") || f.message.contains("absent")
            ),
            "{:?}",
            r.findings
        );
    }
}

#[test]
fn the_last_events_deleted_are_noticed_by_the_head_kept_beside_the_register() {
    let db = register();
    let head = reclam::store::head::read(&db.path).expect("written after each change");
    assert_eq!(Some(head.2.as_str()), db.open(TODAY).identity());
    let last: i64 = sql(&db.open(TODAY))
        .query_row("SELECT max(id) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(head.0, last);
    // The attachment's event, the last one, deleted: the chain that is left still links.
    tamper(
        &db.path,
        &format!(
            "DROP TRIGGER IF EXISTS attachments_no_delete; DELETE FROM events WHERE id = {last};"
        ),
    );
    let r = verify(&db);
    assert!(!r.ok);
    let truncated = r
        .findings
        .iter()
        .find(|f| f.kind == "journalTruncated")
        .expect("the truncation is reported");
    assert!(
        truncated.message.contains(&format!("au moins {last}")),
        "{}",
        truncated.message
    );
    // A later change does not erase the evidence: the head stays where it was.
    let mut s = db.open(TODAY);
    s.set_setting("firm.phone", "04 72 00 00 00", "Claire Martin")
        .unwrap();
    assert_eq!(reclam::store::head::read(&db.path).unwrap().0, last);
    drop(s);
    assert!(kinds(&verify(&db)).contains(&"journalTruncated"));
    // The head left by another register of the same name (deleted, started over) is ignored.
    std::fs::remove_file(&db.path).unwrap();
    let _ = std::fs::remove_file(db.path.with_extension("db-wal"));
    let _ = std::fs::remove_file(db.path.with_extension("db-shm"));
    let mut fresh = db.open(TODAY);
    fresh
        .record(&complaint("Mme Nouvelle", "2026-03-02"), "x")
        .unwrap();
    assert!(
        fresh.verify().unwrap().ok,
        "{:?}",
        fresh.verify().unwrap().findings
    );
    drop(fresh);
    // Without the file (a copy moved elsewhere), nothing is claimed about the length.
    let db = register();
    std::fs::remove_file(reclam::store::head::path_of(&db.path)).unwrap();
    assert!(verify(&db).ok);
}
