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
    let short = &s.identity().unwrap()[..8];
    let folder = db.dir.path().join("sauvegardes");
    std::fs::create_dir_all(&folder).unwrap();
    // Old automatic backups of this register, backups named by the day alone (earlier
    // versions: whose register they hold is unknown) and a file of the user's.
    for day in d("2026-08-01").iter_days().take(100) {
        std::fs::write(folder.join(format!("registre_{short}_{day}.db")), b"x").unwrap();
        std::fs::write(folder.join(format!("registre_{day}.db")), b"x").unwrap();
    }
    std::fs::write(folder.join("ma-copie.db"), b"x").unwrap();
    let written = s.daily_backup().unwrap().unwrap();
    assert_eq!(
        written,
        folder.join(format!("registre_{short}_2026-11-20.db"))
    );
    assert_eq!(complaints(&written), 1, "the backup is a readable register");
    assert_eq!(s.daily_backup().unwrap(), None, "once a day");
    let files = backup::list(&folder, s.identity()).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"ma-copie.db"), "other files are left alone");
    assert!(
        names.contains(&format!("registre_{short}_2026-08-31.db").as_str()),
        "a month end"
    );
    assert!(!names.contains(&format!("registre_{short}_2026-08-30.db").as_str()));
    let ours = names.iter().filter(|n| n.contains(short)).count();
    assert!(ours <= 7 + 4 + 12, "{names:?}");
    assert_eq!(
        names
            .iter()
            .filter(|n| n.len() == "registre_2026-08-30.db".len())
            .count(),
        100,
        "backups of unknown registers are never rotated away"
    );
    // The listing says what each file holds.
    let today = files
        .iter()
        .find(|f| f.path == written.display().to_string())
        .unwrap();
    assert!(today.this_register);
    let content = today.content.as_ref().unwrap();
    assert_eq!(content.register_id.as_deref(), s.identity());
    assert_eq!(content.complaints, 1);
    assert!(files
        .iter()
        .find(|f| f.name == "ma-copie.db")
        .unwrap()
        .content
        .is_none());
    // The folder is a setting (a synced or external drive).
    let elsewhere = db.dir.path().join("cle-usb");
    s.set_setting("backup.folder", elsewhere.to_str().unwrap(), "x")
        .unwrap();
    assert_eq!(s.backup_folder().unwrap(), elsewhere);
    assert!(s.daily_backup().unwrap().unwrap().starts_with(&elsewhere));
}

#[test]
fn two_registers_in_one_folder_each_get_their_daily_backup() {
    // The firm's register and the demo beside it, backing up into the same folder.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sauvegardes");
    let mut firm = Store::open(dir.path().join("registre.db"), clock("2026-11-20")).unwrap();
    for i in 0..30 {
        firm.record(&complaint(&format!("Client {i}"), "2026-11-18"), "x")
            .unwrap();
    }
    let demo = Store::open(dir.path().join("registre-demo.db"), clock("2026-11-20")).unwrap();
    assert_ne!(
        firm.identity(),
        demo.identity(),
        "each register has its own identity"
    );
    let a = demo.daily_backup().unwrap().expect("the demo's backup");
    let b = firm
        .daily_backup()
        .unwrap()
        .expect("the firm's backup is not skipped");
    assert_ne!(a, b);
    assert_eq!(
        complaints(&b),
        30,
        "the firm's backup holds the firm's register"
    );
    assert_eq!(complaints(&a), 0);
    // Days later, each rotation only touches its own register's backups.
    for (i, day) in ["2026-11-21", "2026-11-22"].iter().enumerate() {
        let s = Store::open(dir.path().join("registre-demo.db"), clock(day)).unwrap();
        assert!(s.daily_backup().unwrap().is_some(), "day {i}");
    }
    let listing = backup::list(&folder, firm.identity()).unwrap();
    let ours: Vec<_> = listing.iter().filter(|f| f.this_register).collect();
    assert_eq!(ours.len(), 1, "{listing:?}");
    assert_eq!(ours[0].content.as_ref().unwrap().complaints, 30);
    assert_eq!(listing.len(), 4, "three of the demo's, one of the firm's");
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
    let files = backup::list(&db.dir.path().join("sauvegardes"), None).unwrap();
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
    let err = backup::restore(&bad, &db.path, clock("2026-11-20"), false).unwrap_err();
    assert!(matches!(err, reclam::Error::Tampered(_)), "{err}");
    assert_eq!(complaints(&db.path), 2);
    // Not a database, or from a newer Reclam: refused too.
    let junk = db.dir.path().join("notes.db");
    std::fs::write(&junk, "pas une base").unwrap();
    assert!(backup::restore(&junk, &db.path, clock("2026-11-20"), false).is_err());
    let newer = db.dir.path().join("future.db");
    std::fs::copy(&good, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", reclam::store::SCHEMA_VERSION + 1)
        .unwrap();
    let err = backup::restore(&newer, &db.path, clock("2026-11-20"), false).unwrap_err();
    assert!(err.to_string().contains("version plus récente"), "{err}");
    assert_eq!(complaints(&db.path), 2);

    let preview = backup::preview(&good, &db.path).unwrap();
    assert_eq!(preview.relation, backup::Relation::Older);
    assert!(!preview.needs_explicit_confirmation);
    assert_eq!(preview.backup.complaints, 1);
    assert_eq!(preview.current.as_ref().unwrap().complaints, 2);
    assert!(
        preview
            .consequence
            .starts_with("Les 1 événement(s) enregistrés depuis cette sauvegarde"),
        "{}",
        preview.consequence
    );
    let report = backup::restore(&good, &db.path, clock("2026-11-20"), false).unwrap();
    assert_eq!(report.complaints, 1);
    assert_eq!(complaints(&db.path), 1, "the backup's content is in place");
    let kept = report.replaced_kept_as.unwrap();
    assert_eq!(
        complaints(Path::new(&kept)),
        2,
        "the replaced register is kept"
    );
    assert!(report.how_to_undo.unwrap().contains(&kept));
    assert!(db.open("2026-11-20").verify().unwrap().ok);
    // The replaced register comes back the same way: it is a later state of this one.
    let back = backup::preview(Path::new(&kept), &db.path).unwrap();
    assert_eq!(back.relation, backup::Relation::Newer);
    assert!(!back.needs_explicit_confirmation);
    backup::restore(Path::new(&kept), &db.path, clock("2026-11-20"), false).unwrap();
    assert_eq!(complaints(&db.path), 2);
}

#[test]
fn another_registers_backup_needs_an_explicit_confirmation() {
    let db = TestDb::new();
    let mut s = db.open("2026-11-20");
    s.set_setting("firm.name", "Cabinet Durand", "x").unwrap();
    for i in 0..3 {
        s.record(&complaint(&format!("Client {i}"), "2026-11-18"), "x")
            .unwrap();
    }
    let current_id = s.identity().unwrap().to_owned();
    drop(s);
    // An empty register of another firm, backed up.
    let other_db = db.dir.path().join("autre.db");
    let mut other = Store::open(&other_db, clock("2026-11-20")).unwrap();
    other
        .set_setting("firm.name", "Cabinet Martin", "x")
        .unwrap();
    let other_backup = db.dir.path().join("autre-sauvegarde.db");
    other.backup_to(&other_backup).unwrap();

    let p = backup::preview(&other_backup, &db.path).unwrap();
    assert_eq!(p.relation, backup::Relation::OtherRegister);
    assert!(p.needs_explicit_confirmation);
    assert_eq!(p.backup.firm, "Cabinet Martin");
    assert_eq!(p.current.as_ref().unwrap().firm, "Cabinet Durand");
    assert_eq!(
        p.current.as_ref().unwrap().register_id.as_deref(),
        Some(current_id.as_str())
    );
    assert!(
        p.consequence.contains("AUTRE registre"),
        "{}",
        p.consequence
    );
    assert!(
        p.consequence.contains("3 réclamation(s)"),
        "{}",
        p.consequence
    );
    assert!(p.written_at.is_some());

    let err = backup::restore(&other_backup, &db.path, clock("2026-11-20"), false).unwrap_err();
    assert_eq!(err.field(), Some("confirm"), "{err}");
    assert!(err.to_string().contains("Confirmez explicitement"), "{err}");
    assert_eq!(
        complaints(&db.path),
        3,
        "nothing replaced without the confirmation"
    );

    let report = backup::restore(&other_backup, &db.path, clock("2026-11-20"), true).unwrap();
    assert_eq!(complaints(&db.path), 0);
    assert_eq!(complaints(Path::new(&report.replaced_kept_as.unwrap())), 3);
    let reopened = db.open("2026-11-20");
    assert_ne!(reopened.identity(), Some(current_id.as_str()));
}

#[test]
fn a_backup_whose_journal_went_another_way_needs_an_explicit_confirmation() {
    let db = TestDb::new();
    let mut s = db.open("2026-11-20");
    s.record(&complaint("Mme A", "2026-11-18"), "x").unwrap();
    let fork = db.dir.path().join("fourche.db");
    s.backup_to(&fork).unwrap();
    s.record(&complaint("M. B", "2026-11-19"), "x").unwrap();
    drop(s);
    // The same register, continued elsewhere from the backup.
    let mut elsewhere = Store::open(&fork, clock("2026-11-20")).unwrap();
    elsewhere
        .record(&complaint("M. C", "2026-11-19"), "y")
        .unwrap();
    elsewhere
        .record(&complaint("M. D", "2026-11-19"), "y")
        .unwrap();
    drop(elsewhere);
    let p = backup::preview(&fork, &db.path).unwrap();
    assert_eq!(
        p.backup.register_id,
        p.current.as_ref().unwrap().register_id
    );
    assert_eq!(p.relation, backup::Relation::Diverged);
    assert!(p.needs_explicit_confirmation);
    assert!(backup::restore(&fork, &db.path, clock("2026-11-20"), false).is_err());
    assert_eq!(complaints(&db.path), 2);
}

#[test]
fn identity_is_journaled_and_verified() {
    let db = TestDb::new();
    let s = db.open("2026-11-20");
    let id = s.identity().unwrap().to_owned();
    assert_eq!(id.len(), 32);
    assert!(s.verify().unwrap().ok);
    drop(s);
    assert_eq!(
        db.open("2026-11-21").identity(),
        Some(id.as_str()),
        "stable"
    );
    // Changed behind the app's back: the schema refuses, and a forged file is reported.
    let c = Connection::open(&db.path).unwrap();
    assert!(c
        .execute("UPDATE register_identity SET id = ?1", [&"0".repeat(32)])
        .is_err());
    c.execute_batch(&format!(
        "DROP TRIGGER register_identity_no_update; UPDATE register_identity SET id = '{}'",
        "0".repeat(32)
    ))
    .unwrap();
    drop(c);
    let report = db.open("2026-11-21").verify().unwrap();
    assert!(!report.ok);
    assert_eq!(report.findings[0].kind, "identity");
}
