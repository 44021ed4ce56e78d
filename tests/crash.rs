//! The crash harness: a writer process is killed with SIGKILL at random moments, then the
//! register must be intact (`PRAGMA integrity_check`), its proof must verify, and every
//! complaint the writer reported committed must be there. The same for an import and a schema
//! migration killed half-way: all or nothing.
//!
//! `make test` runs 20 kills of the writer; `make crash` runs 100 (`RECLAM_CRASH_RUNS=100`).
//! The seed is printed so that a failing run can be replayed (`RECLAM_CRASH_SEED`).

#![cfg(unix)]

mod common;

use common::{d, sql, TestDb};
use reclam::clock::FixedClock;
use reclam::complaint::ComplaintRef;
use reclam::Store;
use rusqlite::Connection;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-20";

fn runs(default: usize) -> usize {
    std::env::var("RECLAM_CRASH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn rng() -> fastrand::Rng {
    let seed = std::env::var("RECLAM_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    println!("crash harness seed: RECLAM_CRASH_SEED={seed}");
    fastrand::Rng::with_seed(seed)
}

fn reclam(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_reclam"));
    c.args(["--db", db.to_str().unwrap(), "--by", "Banc d'essai"])
        .env("RECLAM_TODAY", TODAY);
    c
}

fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn open(db: &Path) -> Store {
    Store::open(
        db,
        Arc::new(FixedClock::new(
            chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap(),
        )),
    )
    .unwrap()
}

/// Start `cmd`, collect its stdout lines, kill it with SIGKILL after `after`; returns the
/// lines printed before the kill.
fn kill_after(mut cmd: Command, after: Duration) -> Vec<String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().unwrap();
    let sink = lines.clone();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    std::thread::sleep(after);
    // Child::kill is SIGKILL on Unix: no destructor, no flush, no rollback by the process.
    let _ = child.kill();
    child.wait().unwrap();
    reader.join().unwrap();
    let out = lines.lock().unwrap().clone();
    out
}

#[test]
fn a_writer_killed_at_random_moments_loses_nothing_it_reported() {
    let db = TestDb::new();
    let mut rng = rng();
    let n = runs(20);
    let started = Instant::now();
    let mut committed: Vec<String> = Vec::new();
    for run in 0..n {
        let after = Duration::from_millis(rng.u64(15..400));
        let lines = kill_after(
            {
                let mut c = reclam(&db.path);
                c.arg("soak");
                c
            },
            after,
        );
        committed.extend(
            lines
                .iter()
                .filter_map(|l| l.strip_prefix("committed ").map(str::to_owned)),
        );
        assert_eq!(
            integrity(&db.path),
            "ok",
            "run {run}, killed after {after:?}"
        );
        let store = open(&db.path);
        let report = store.verify().unwrap();
        assert!(report.ok, "run {run}: {:?}", report.findings);
        for r in &committed {
            let r: ComplaintRef = r.parse().unwrap();
            store
                .get(&r)
                .unwrap_or_else(|e| panic!("run {run}: {r} reported committed but {e}"));
        }
    }
    println!(
        "{n} kills, {} complaints reported committed and found, {:.1} s",
        committed.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(!committed.is_empty());
}

#[test]
fn an_import_killed_half_way_is_all_or_nothing() {
    let files = TestDb::new();
    let mut rng = rng();
    let file = files.dir.path().join("registre.csv");
    let mut csv = String::from("Référence;Client;Reçue le;Objet\r\n");
    for i in 0..3000 {
        csv.push_str(&format!("A-{i};Client {i};03/02/2026;Sinistre\r\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for run in 0..runs(20).div_ceil(4) {
        // A fresh register each time, so that the import is a first one.
        let db = TestDb::new();
        let after = Duration::from_millis(rng.u64(10..4000));
        let mut cmd = reclam(&db.path);
        cmd.args(["import", file.to_str().unwrap()]);
        kill_after(cmd, after);
        assert_eq!(integrity(&db.path), "ok");
        let store = open(&db.path);
        let count: i64 = sql(&store)
            .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
            .unwrap();
        assert!(
            count == 0 || count == 3000,
            "run {run}: {count} rows half-imported"
        );
        assert!(store.verify().unwrap().ok);
        seen.insert(count);
    }
    println!("import outcomes seen: {seen:?}");
}

#[test]
fn a_migration_killed_half_way_leaves_the_old_or_the_new_schema() {
    let mut rng = rng();
    for run in 0..runs(20).div_ceil(4) {
        let db = TestDb::new();
        // A register at schema 7 with data, as an earlier Reclam left it: complaints, some
        // acknowledged and answered, nothing a later schema added (gesture kinds, reasons,
        // satisfaction), so its journal stays the proof of what it holds once downgraded.
        {
            let mut s = open(&db.path);
            for i in 0..300 {
                let r = s
                    .record(
                        &common::complaint(&format!("Client {i}"), "2026-05-04"),
                        "Accueil",
                    )
                    .unwrap()
                    .reference;
                if i % 2 == 0 {
                    s.acknowledge(&r, d("2026-05-05"), "Accueil").unwrap();
                }
                if i % 4 == 0 {
                    s.answer(
                        &r,
                        d("2026-05-20"),
                        reclam::complaint::Outcome::Upheld,
                        "Accord",
                        None,
                        "Accueil",
                    )
                    .unwrap();
                }
            }
        }
        {
            let conn = Connection::open(&db.path).unwrap();
            conn.execute_batch(
                "DROP INDEX complaints_open; DROP INDEX complaints_to_confirm;
                 DROP INDEX complaints_letter_answers; DROP INDEX complaints_refunds;
                 DROP INDEX complaints_rates;
                 CREATE INDEX complaints_rates ON complaints
                     (received_on, acknowledged_on, answered_on, ack_due, answer_due);
                 DROP TRIGGER events_no_update; DROP TRIGGER letters_no_update;
                 DROP TRIGGER attachments_no_update;
                 ALTER TABLE events DROP COLUMN redacted_by;
                 ALTER TABLE letters DROP COLUMN redacted_by;
                 ALTER TABLE attachments DROP COLUMN redacted_by;
                 CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                 BEGIN SELECT RAISE(ABORT, 'le journal ne modifie jamais un événement'); END;
                 CREATE TRIGGER letters_no_update BEFORE UPDATE ON letters
                 BEGIN SELECT RAISE(ABORT, 'une lettre émise ne se modifie pas'); END;
                 CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
                 BEGIN SELECT RAISE(ABORT, 'une pièce jointe ne se modifie pas'); END;
                 DROP TABLE register_identity;
                 DROP TABLE credentials; DROP TABLE escalations; DROP TABLE proposals;
                 DROP TABLE refund_payments;
                 DROP TABLE sync_state; DROP TABLE sync_outbox; DROP TABLE sync_conflicts;
                 DROP TABLE sync_touches; DROP TABLE sync_leases; DROP TABLE sync_identity;
                 ALTER TABLE complaints DROP COLUMN amount_claimed;
                 ALTER TABLE complaints DROP COLUMN gesture_kind;
                 ALTER TABLE complaints DROP COLUMN gesture_reason;
                 ALTER TABLE complaints DROP COLUMN refund_amount;
                 ALTER TABLE complaints DROP COLUMN refund_basis;
                 ALTER TABLE complaints DROP COLUMN refund_scope;
                 ALTER TABLE complaints DROP COLUMN answer_document_id;
                 ALTER TABLE complaints DROP COLUMN satisfaction;
                 ALTER TABLE complaints DROP COLUMN recourse_note;
                 ALTER TABLE complaints DROP COLUMN ended_kind;
                 ALTER TABLE complaints DROP COLUMN ended_on;
                 ALTER TABLE complaints DROP COLUMN ended_reason;
                 ALTER TABLE complaints DROP COLUMN ended_request;
                 ALTER TABLE complaints DROP COLUMN ack_via;
                 ALTER TABLE complaints DROP COLUMN ack_copy;
                 ALTER TABLE complaints DROP COLUMN answer_via;
                 ALTER TABLE complaints DROP COLUMN answer_copy;
                 ALTER TABLE complaints DROP COLUMN confirmed_on;
                 ALTER TABLE complaints DROP COLUMN confirmation_copy;
                 DROP INDEX requests_received;
                 DROP INDEX complaints_client; DROP INDEX complaints_contract;
                 ALTER TABLE complaints DROP COLUMN platform_name;
                 ALTER TABLE complaints DROP COLUMN platform_public;
                 ALTER TABLE complaints DROP COLUMN platform_requested_on;
                 ALTER TABLE complaints DROP COLUMN platform_respond_by;
                 ALTER TABLE complaints DROP COLUMN platform_rating;
                 ALTER TABLE complaints DROP COLUMN platform_escalated_on;
                 ALTER TABLE requests DROP COLUMN closed_on;
                 ALTER TABLE requests DROP COLUMN closing_note;
                 ALTER TABLE requests DROP COLUMN from_complaint;
                 ALTER TABLE requests DROP COLUMN to_complaint;
                 ALTER TABLE requests DROP COLUMN redacted_by;
                 ALTER TABLE dispute_steps DROP COLUMN expected_on;
                 ALTER TABLE dispute_steps DROP COLUMN from_lawyer;
                 ALTER TABLE corrective_actions DROP COLUMN kind;
                 PRAGMA user_version = 7;",
            )
            .unwrap();
        }
        let after = Duration::from_millis(rng.u64(0..60));
        let mut cmd = reclam(&db.path);
        cmd.arg("init");
        kill_after(cmd, after);
        assert_eq!(integrity(&db.path), "ok", "run {run}");
        let version: i64 = Connection::open(&db.path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert!(
            version == 7 || version == reclam::store::SCHEMA_VERSION,
            "{version}"
        );
        let store = open(&db.path);
        let report = store.verify().unwrap();
        assert!(report.ok, "run {run}: {:?}", report.findings);
        assert_eq!(report.complaints, 300);
    }
}
