//! The long operations (an extract, the inspection pack, a backup, the proof's walk, an
//! anonymisation) tell their stages and how far they are, and a cancellation leaves nothing
//! half-done: no file (not even a partial one), nothing changed in the register.

mod common;

use common::TestDb;
use reclam::complaint::{ComplaintRef, Role};
use reclam::extract::ExtractQuery;
use reclam::firm::NewUser;
use reclam::progress::StagedReporter;
use reclam::{ErrorCode, Register, Store};
use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

const TODAY: &str = "2026-11-20";

/// A register of `count` demo complaints spread over past years, with its manager.
fn register(count: u32) -> (TestDb, Store) {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
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
    reclam::demo::fill(&mut s, count, 7).unwrap();
    (db, s)
}

/// What a staged reporter saw: (stage, done, total), in order.
type Seen = RefCell<Vec<(String, u64, u64)>>;

/// A reporter that records what it is told and asks to stop once `stop_at` says so.
fn watching<'a>(
    seen: &'a Seen,
    cancel: &'a AtomicBool,
    stop_at: impl Fn(&str, u64) -> bool + 'a,
) -> StagedReporter<'a, impl Fn(&str, u64, u64) + 'a> {
    StagedReporter::new(
        move |stage: &str, done, total| {
            seen.borrow_mut().push((stage.to_owned(), done, total));
            if stop_at(stage, done) {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        cancel,
    )
}

fn stages(seen: &Seen) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (s, _, _) in seen.borrow().iter() {
        if out.last() != Some(s) {
            out.push(s.clone());
        }
    }
    out
}

/// The names in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn period() -> ExtractQuery {
    ExtractQuery::period(common::d("2000-01-01"), common::d(TODAY))
}

#[test]
fn an_extract_reports_its_complaints_laid_out_and_a_cancelled_one_leaves_no_file() {
    let (db, mut s) = register(400);
    let out = tempfile::tempdir().unwrap();
    let reg = Register::over(&mut s, "Claire Martin").unwrap();
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let pdf = out.path().join("extrait.pdf");
    let n = reg
        .export_extract_to_with(
            &period(),
            "pdf",
            &pdf,
            &watching(&seen, &cancel, |_, _| false),
        )
        .unwrap();
    assert_eq!(n, 400);
    assert_eq!(
        stages(&seen),
        ["Lecture du registre", "Mise en page de l'extrait"]
    );
    let laid_out: Vec<(u64, u64)> = seen
        .borrow()
        .iter()
        .filter(|(s, d, _)| s == "Mise en page de l'extrait" && *d > 0)
        .map(|(_, d, t)| (*d, *t))
        .collect();
    assert!(laid_out.windows(2).all(|w| w[0].0 < w[1].0), "{laid_out:?}");
    assert_eq!(laid_out.last(), Some(&(400, 400)));
    assert!(common::pdf_words(&std::fs::read(&pdf).unwrap()).contains("Registre des réclamations"));
    assert_eq!(files_in(out.path()), ["extrait.pdf"]);

    // The app makes it on a second connection, so that its other screens keep working: the
    // same extract, made by the same person.
    let reader = reg.second_reader().unwrap();
    let again = out.path().join("extrait-2.pdf");
    let n = reader
        .export_extract_to_with(&period(), "pdf", &again, &reclam::progress::Silent)
        .unwrap();
    assert_eq!(n, 400);
    assert!(common::pdf_words(&std::fs::read(&again).unwrap()).contains("par Claire Martin"));
    std::fs::remove_file(&again).unwrap();

    // Cancelled half-way through the layout: refused as cancelled, no file of either name.
    for format in ["pdf", "csv", "xlsx"] {
        let seen = Seen::default();
        let cancel = AtomicBool::new(false);
        let path = out.path().join(format!("annule.{format}"));
        let err = reg
            .export_extract_to_with(
                &period(),
                format,
                &path,
                &watching(&seen, &cancel, |stage, done| {
                    stage == "Mise en page de l'extrait" && done >= 200
                        || stage == "Lecture du registre"
                }),
            )
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Cancelled, "{format}: {err}");
        assert_eq!(
            err.to_string(),
            "extrait annulé : aucun fichier n'a été écrit"
        );
        assert_eq!(files_in(out.path()), ["extrait.pdf"], "{format}");
    }
    drop(db);
}

#[test]
fn a_cancelled_inspection_pack_writes_nothing() {
    let (db, s) = register(200);
    drop(s);
    let out = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(reclam::clock::FixedClock::new(common::d(TODAY)));
    let mut reg = Register::open(&db.path, clock).unwrap();
    let reg = reg.act_as("Claire Martin").unwrap();
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let pack = reg
        .write_pack_with(
            &period(),
            out.path(),
            &watching(&seen, &cancel, |_, _| false),
        )
        .unwrap();
    assert!(pack.pdf.is_file());
    assert_eq!(
        stages(&seen),
        [
            "Procédure de traitement",
            "Lecture du registre",
            "Mise en page de l'extrait",
            "Extrait du registre (Excel)",
            "Assemblage du dossier",
            "Écriture des fichiers"
        ]
    );

    let elsewhere = tempfile::tempdir().unwrap();
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let err = reg
        .write_pack_with(
            &period(),
            elsewhere.path(),
            &watching(&seen, &cancel, |stage, _| {
                stage == "Extrait du registre (Excel)"
            }),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert!(
        err.to_string().contains("dossier d'inspection annulé"),
        "{err}"
    );
    assert!(files_in(elsewhere.path()).is_empty());
}

#[test]
fn a_backup_reports_its_pages_and_a_cancelled_one_leaves_no_file() {
    let (_db, s) = register(600);
    let out = tempfile::tempdir().unwrap();
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let copy = out.path().join("copie.db");
    s.backup_to_with(&copy, &watching(&seen, &cancel, |_, _| false))
        .unwrap();
    assert_eq!(
        stages(&seen),
        ["Copie du registre", "Relecture de la copie"]
    );
    let pages: Vec<(u64, u64)> = seen
        .borrow()
        .iter()
        .filter(|(s, d, _)| s == "Copie du registre" && *d > 0)
        .map(|(_, d, t)| (*d, *t))
        .collect();
    let (done, total) = *pages.last().unwrap();
    assert_eq!(done, total, "{pages:?}");
    let steps = total.div_ceil(reclam::store::backup::PAGES_PER_STEP as u64);
    assert!(steps >= 2, "a register of {total} pages");
    assert_eq!(pages.len() as u64, steps, "one report per step: {pages:?}");
    assert!(
        Store::open(
            &copy,
            std::sync::Arc::new(reclam::clock::FixedClock::new(common::d(TODAY)))
        )
        .unwrap()
        .verify()
        .unwrap()
        .ok
    );

    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let err = s
        .backup_to_with(
            &out.path().join("annulee.db"),
            &watching(&seen, &cancel, |stage, done| {
                stage == "Copie du registre" && done > 0
            }),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(files_in(out.path()), ["copie.db"]);
}

#[test]
fn the_proof_walk_reports_its_parts_and_can_be_cancelled() {
    let (_db, s) = register(300);
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    assert!(
        s.verify_with(&watching(&seen, &cancel, |_, _| false))
            .unwrap()
            .ok
    );
    assert_eq!(
        stages(&seen),
        [
            "Contrôle du fichier",
            "Chaînage du journal",
            "États des réclamations",
            "Courriers et pièces jointes"
        ]
    );
    let states = seen
        .borrow()
        .iter()
        .filter(|(s, _, _)| s == "États des réclamations")
        .map(|(_, d, t)| (*d, *t))
        .next_back();
    assert_eq!(states, Some((300, 300)));

    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let err = s
        .verify_with(&watching(&seen, &cancel, |stage, _| {
            stage == "Chaînage du journal"
        }))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(err.to_string(), "vérification annulée");
}

#[test]
fn a_cancelled_anonymisation_changes_nothing() {
    let (_db, mut s) = register(400);
    s.set_setting("retention.years", "1", "Claire Martin")
        .unwrap();
    let refs: Vec<ComplaintRef> = s
        .anonymisation_candidates()
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect();
    assert!(refs.len() >= 10, "{} candidates", refs.len());
    let events = s.verify().unwrap().events;
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let half = refs.len() as u64 / 2;
    let err = s
        .anonymise_with(
            &refs,
            "Claire Martin",
            &watching(&seen, &cancel, move |stage, done| {
                stage == "Anonymisation des réclamations" && done >= half
            }),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert_eq!(
        err.to_string(),
        "anonymisation annulée : aucune réclamation n'a été modifiée"
    );
    for r in &refs {
        assert_ne!(s.get(r).unwrap().client.name, "Client anonymisé", "{r}");
    }
    let after = s.verify().unwrap();
    assert!(after.ok);
    assert_eq!(after.events, events, "no event journaled");
    assert_eq!(s.anonymisation_candidates().unwrap().len(), refs.len());

    // Not cancelled: all of them, the progress ending on the whole list.
    let seen = Seen::default();
    let cancel = AtomicBool::new(false);
    let report = s
        .anonymise_with(
            &refs,
            "Claire Martin",
            &watching(&seen, &cancel, |_, _| false),
        )
        .unwrap();
    assert_eq!(report.complaints.len(), refs.len());
    let last = seen
        .borrow()
        .iter()
        .filter(|(s, _, _)| s == "Anonymisation des réclamations")
        .map(|(_, d, t)| (*d, *t))
        .next_back();
    assert_eq!(last, Some((refs.len() as u64, refs.len() as u64)));
    assert_eq!(
        stages(&seen).last().map(String::as_str),
        Some("Compactage du fichier")
    );
}
