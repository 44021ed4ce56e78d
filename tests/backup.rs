//! Backups: the rotation (7 daily, 4 weekly, 12 monthly), the daily backup, a backup taken
//! while another connection writes, the copy before a migration, and restore (checked before
//! anything is replaced, the replaced register kept).

mod common;

use common::{complaint, d, TestDb};
use reclam::clock::FixedClock;
use reclam::store::backup::{self, to_keep};
use reclam::Store;
use rusqlite::Connection;
use std::path::Path;
use std::sync::Arc;

fn clock(today: &str) -> Arc<FixedClock> {
    Arc::new(FixedClock::new(d(today)))
}

fn complaints(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM complaints", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn rotation_keeps_7_days_4_weeks_12_months() {
    let days: Vec<_> = d("2025-06-01")
        .iter_days()
        .take_while(|x| *x <= d("2026-11-20"))
        .collect();
    let keep: Vec<String> = to_keep(&days).iter().map(|d| d.to_string()).collect();
    let expected = [
        // The latest of each of the last 12 months (December 2025 to November 2026)…
        "2025-12-31",
        "2026-01-31",
        "2026-02-28",
        "2026-03-31",
        "2026-04-30",
        "2026-05-31",
        "2026-06-30",
        "2026-07-31",
        "2026-08-31",
        "2026-09-30",
        "2026-10-31",
        // …of each of the last 4 ISO weeks (W44 ends on 1 November, W45 on the 8th)…
        "2026-11-01",
        "2026-11-08",
        // …and the last 7 days (W46 ends on the 15th, W47 is this week).
        "2026-11-14",
        "2026-11-15",
        "2026-11-16",
        "2026-11-17",
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
    ];
    assert_eq!(keep, expected);
    // Gaps (the laptop was off): the latest ones still count.
    let sparse = [d("2026-01-10"), d("2026-03-02"), d("2026-03-20")];
    assert_eq!(to_keep(&sparse).len(), 3);
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_rotated() {
    let db = TestDb::new();
    let mut s = db.open("2026-11-20");
    s.record(&complaint("Mme A", "2026-11-18"), "x").unwrap();
    let folder = db.dir.path().join("sauvegardes");
    std::fs::create_dir_all(&folder).unwrap();
    // Old automatic backups (copies of the file) and a file of the user's.
    for day in d("2026-08-01").iter_days().take(100) {
        std::fs::write(folder.join(format!("registre_{day}.db")), b"x").unwrap();
    }
    std::fs::write(folder.join("ma-copie.db"), b"x").unwrap();
    let written = s.daily_backup().unwrap().unwrap();
    assert_eq!(written, folder.join("registre_2026-11-20.db"));
    assert_eq!(complaints(&written), 1, "the backup is a readable register");
    assert_eq!(s.daily_backup().unwrap(), None, "once a day");
    let names: Vec<String> = backup::list(&folder)
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert!(
        names.contains(&"ma-copie.db".to_owned()),
        "other files are left alone"
    );
    assert!(
        names.contains(&"registre_2026-08-31.db".to_owned()),
        "a month end"
    );
    assert!(!names.contains(&"registre_2026-08-30.db".to_owned()));
    assert!(names.len() <= 7 + 4 + 12 + 1, "{names:?}");
    // The folder is a setting (a synced or external drive).
    let elsewhere = db.dir.path().join("cle-usb");
    s.set_setting("backup.folder", elsewhere.to_str().unwrap(), "x")
        .unwrap();
    assert_eq!(s.backup_folder().unwrap(), elsewhere);
    assert!(s.daily_backup().unwrap().unwrap().starts_with(&elsewhere));
}

#[test]
fn a_backup_taken_while_another_process_writes_is_consistent() {
    let db = TestDb::new();
    drop(db.open("2026-11-20"));
    let path = db.path.clone();
    let writer = std::thread::spawn(move || {
        let mut s = Store::open(&path, clock("2026-11-20")).unwrap();
        for i in 0..300 {
            s.record(&complaint(&format!("Client {i}"), "2026-11-18"), "x")
                .unwrap();
        }
    });
    let reader = db.open("2026-11-20");
    let mut sizes = Vec::new();
    for i in 0..8 {
        let out = db.dir.path().join(format!("copie-{i}.db"));
        reader.backup_to(&out).unwrap();
        let copy = Store::open(&out, clock("2026-11-20")).unwrap();
        let report = copy.verify().unwrap();
        assert!(report.ok, "backup {i}: {:?}", report.findings);
        sizes.push(report.complaints);
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    writer.join().unwrap();
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_register() {
    let db = TestDb::new();
    // A register left at schema 7 by an earlier version of Reclam.
    {
        let conn = Connection::open(&db.path).unwrap();
        for sql in [
            include_str!("../src/store/migrations/0001_register.sql"),
            include_str!("../src/store/migrations/0002_file.sql"),
            include_str!("../src/store/migrations/0003_letters.sql"),
            include_str!("../src/store/migrations/0004_logo.sql"),
            include_str!("../src/store/migrations/0005_indexes.sql"),
            include_str!("../src/store/migrations/0006_actions.sql"),
            include_str!("../src/store/migrations/0007_import.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 7).unwrap();
    }
    let s = db.open("2026-11-20");
    drop(s);
    let files = backup::list(&db.dir.path().join("sauvegardes")).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].name.starts_with("avant-mise-a-jour_schema-7_"));
    let version: i64 = Connection::open(&files[0].path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7, "the copy is the register before the migration");
}

#[test]
fn restore_checks_the_backup_first_and_keeps_the_replaced_register() {
    let db = TestDb::new();
    let mut s = db.open("2026-11-20");
    s.record(&complaint("Mme A", "2026-11-18"), "x").unwrap();
    let good = db.dir.path().join("bonne.db");
    s.backup_to(&good).unwrap();
    s.record(&complaint("M. B", "2026-11-19"), "x").unwrap();
    // A tampered copy is refused and nothing is replaced.
    let bad = db.dir.path().join("alteree.db");
    s.backup_to(&bad).unwrap();
    drop(s);
    {
        let c = Connection::open(&bad).unwrap();
        c.execute_batch(
            "DROP TRIGGER events_no_update; UPDATE events SET actor = 'Z' WHERE id = 1",
        )
        .unwrap();
    }
    let err = backup::restore(&bad, &db.path, clock("2026-11-20")).unwrap_err();
    assert!(matches!(err, reclam::Error::Tampered(_)), "{err}");
    assert_eq!(complaints(&db.path), 2);
    // Not a database, or from a newer Reclam: refused too.
    let junk = db.dir.path().join("notes.db");
    std::fs::write(&junk, "pas une base").unwrap();
    assert!(backup::restore(&junk, &db.path, clock("2026-11-20")).is_err());
    let newer = db.dir.path().join("future.db");
    std::fs::copy(&good, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", reclam::store::SCHEMA_VERSION + 1)
        .unwrap();
    let err = backup::restore(&newer, &db.path, clock("2026-11-20")).unwrap_err();
    assert!(err.to_string().contains("version plus récente"), "{err}");
    assert_eq!(complaints(&db.path), 2);

    let report = backup::restore(&good, &db.path, clock("2026-11-20")).unwrap();
    assert_eq!(report.complaints, 1);
    assert_eq!(complaints(&db.path), 1, "the backup's content is in place");
    let kept = report.replaced_kept_as.unwrap();
    assert_eq!(
        complaints(Path::new(&kept)),
        2,
        "the replaced register is kept"
    );
    assert!(db.open("2026-11-20").verify().unwrap().ok);
}
