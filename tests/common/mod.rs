//! Helpers shared by the integration tests: a real register file in a temp dir, a pinned day.

#![allow(dead_code)]

use chrono::NaiveDate;
use reclam::clock::FixedClock;
use reclam::complaint::{parse_new_complaint, NewComplaint};
use reclam::Store;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TestDb {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("registre.db");
        Self { dir, path }
    }

    pub fn open(&self, today: &str) -> Store {
        Store::open(&self.path, Arc::new(FixedClock::new(d(today)))).unwrap()
    }
}

/// A connection of the test's own to the register file behind `store`, as any other program
/// could open it: the store's SQL stays inside the store. The file is in WAL mode, so this
/// connection sees what the store has committed, and what it writes is a change made behind
/// the app's back. It never creates the file: a wrong path fails instead of reading an empty
/// database.
pub fn sql(store: &Store) -> rusqlite::Connection {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(store.path(), flags).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn
}

pub fn complaint(name: &str, received: &str) -> NewComplaint {
    parse_new_complaint(&format!(
        r#"{{"client":{{"name":"{name}","address":"3 rue Pasteur\n69003 Lyon","email":"client@exemple.fr"}},
            "channel":"letter","receivedOn":"{received}","subject":"claimSettlement",
            "description":"Indemnisation du dégât des eaux jugée insuffisante",
            "contract":{{"number":"MRH-4411","product":"Multirisque habitation","insurer":"AXA France"}},
            "otherParties":["Expert mandaté par l'assureur"],"personsConcerned":["Claire Martin"],
            "receivedBy":"Accueil","handler":"Claire Martin"}}"#
    ))
    .unwrap()
}

/// The words of a PDF in reading order (`pdftotext -layout`, from poppler-utils), every kind
/// of space made plain and runs of whitespace collapsed, for phrase searches.
pub fn pdf_words(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make test");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{A0}', '\u{202F}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
