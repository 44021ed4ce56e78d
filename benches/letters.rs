//! Letter benchmarks: one answer letter composed and laid out as a PDF in-process (the target
//! is under 5 ms), the same through the store (loading the complaint, the settings and the
//! signatory), its PAdES signature (under 20 ms), and 1,000 letters in a row.

use criterion::{criterion_group, criterion_main, Criterion};
use reclam::clock::FixedClock;
use reclam::complaint::{parse_new_complaint, Money, Outcome, Role};
use reclam::firm::NewUser;
use reclam::letters::LetterKind;
use reclam::letters::LetterRequest;
use reclam::Register;
use reclam::Store;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

const NEW: &str = r#"{"client":{"name":"Mme Élodie Durand","address":"3 rue Pasteur\n69003 Lyon"},
  "channel":"letter","receivedOn":"2026-03-02","subject":"claimSettlement",
  "description":"Indemnisation du dégât des eaux jugée insuffisante",
  "contract":{"number":"MRH-4411","product":"Multirisque habitation","insurer":"AXA France"},
  "handler":"Sophie Leroy"}"#;

const SUMMARY: &str = "Après examen du rapport d'expertise du 28 mars, il apparaît que les \
dommages au parquet résultent pour partie d'une infiltration ancienne, exclue par l'article 4.2 \
des conditions générales de votre contrat « Multirisque habitation ». En revanche, les dommages \
aux peintures de la chambre sont bien consécutifs au dégât des eaux du 12 février et seront \
indemnisés par votre assureur.";

fn store(dir: &tempfile::TempDir, letters: usize) -> (Store, Vec<reclam::complaint::ComplaintRef>) {
    let clock = Arc::new(FixedClock::new(
        chrono::NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
    ));
    let mut s = Store::open(dir.path().join("letters.db"), clock).unwrap();
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
        ("firm.email", "reclamations@durand-courtage.fr"),
        ("firm.phone", "04 72 00 00 00"),
        ("mediator.name", "La Médiation de l'Assurance"),
        ("mediator.address", "TSA 50110\n75441 Paris Cedex 09"),
        ("mediator.website", "www.mediation-assurance.org"),
    ] {
        s.set_setting(k, v, "bench").unwrap();
    }
    s.add_user(
        &NewUser {
            name: "Claire Martin".into(),
            role: Role::Manager,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "bench",
    )
    .unwrap();
    let new = parse_new_complaint(NEW).unwrap();
    let gesture: Money = "150".parse().unwrap();
    let mut refs = Vec::new();
    for _ in 0..letters {
        let r = s.record(&new, "bench").unwrap().reference;
        s.acknowledge(
            &r,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
            "bench",
        )
        .unwrap();
        s.answer(
            &r,
            chrono::NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
            Outcome::Partial,
            SUMMARY,
            Some(gesture),
            "bench",
        )
        .unwrap();
        refs.push(r);
    }
    (s, refs)
}

fn letters(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (s, refs) = store(&dir, 1_000);
    let reg = Register::from_store(s);
    let req = LetterRequest {
        kind: LetterKind::Answer,
        signatory: "Claire Martin".into(),
        holding: None,
    };
    // The layout alone, from an already composed letter.
    let draft = reg.draft_letter(&refs[0], &req).unwrap();
    let firm = reclam::letters::Firm {
        name: "Cabinet Durand Courtage".into(),
        address: "12 rue de la République\n69002 Lyon".into(),
        orias: "07000001".into(),
        ..Default::default()
    };
    let signatory = reclam::letters::Signatory {
        name: "Claire Martin".into(),
        title: "Dirigeant".into(),
        signature_png: None,
    };
    let at = chrono::DateTime::parse_from_rfc3339("2026-04-10T09:00:00Z")
        .unwrap()
        .to_utc();
    let mut g = c.benchmark_group("letters");
    g.bench_function("answer letter: layout to PDF", |b| {
        b.iter(|| {
            black_box(reclam::letters::render(&draft.composed, &firm, &signatory, at).unwrap())
        })
    });
    g.bench_function("answer letter: load, compose and render (store)", |b| {
        b.iter(|| black_box(reg.draft_letter(&refs[0], &req).unwrap()))
    });
    // What signing adds to issuing (PAdES: an incremental update and an ECDSA P-256 CMS
    // signature over the whole file); the target is under 20 ms.
    let (cert, key) = reclam::sign::create_self_signed(
        "Cabinet Durand Courtage",
        "07000001",
        at,
        3,
        "phrase secrète du banc d'essai",
    )
    .unwrap();
    let signer = reclam::sign::unlock(&cert, &key, "phrase secrète du banc d'essai").unwrap();
    g.bench_function("answer letter: PAdES signature of the PDF", |b| {
        b.iter(|| {
            black_box(
                signer
                    .sign_pdf(&draft.pdf, at, "Lettre de réponse")
                    .unwrap(),
            )
        })
    });
    // The same with an authority's RSA 2048 key, imported from a .p12 made by openssl (the
    // case is skipped where openssl is missing).
    if let Some(p12) = rsa_p12() {
        let now = chrono::DateTime::parse_from_rfc3339(&p12.1)
            .unwrap()
            .to_utc();
        let (cert, key) =
            reclam::sign::import_p12(&p12.0, "banc", "phrase secrète du banc d'essai", now)
                .unwrap();
        let rsa = reclam::sign::unlock(&cert, &key, "phrase secrète du banc d'essai").unwrap();
        g.bench_function("answer letter: PAdES signature, RSA 2048 (.p12)", |b| {
            b.iter(|| black_box(rsa.sign_pdf(&draft.pdf, now, "Lettre de réponse").unwrap()))
        });
    }
    g.sample_size(10);
    g.bench_function("1,000 answer letters (store)", |b| {
        b.iter(|| {
            for r in &refs {
                black_box(reg.draft_letter(r, &req).unwrap());
            }
        })
    });
    g.finish();
    eprintln!("one answer letter: {} bytes", draft.pdf.len());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = letters
}
criterion_main!(benches);

/// A self-signed RSA 2048 certificate and key in a .p12 (password "banc") made by openssl, with
/// an instant inside its validity; None without openssl.
fn rsa_p12() -> Option<(Vec<u8>, String)> {
    let dir = tempfile::tempdir().ok()?;
    let ok = |args: &[&str]| {
        std::process::Command::new("openssl")
            .current_dir(dir.path())
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let made = ok(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "k.pem",
        "-out",
        "c.pem",
        "-days",
        "30",
        "-subj",
        "/CN=Cabinet Durand Courtage/C=FR",
    ]) && ok(&[
        "pkcs12",
        "-export",
        "-inkey",
        "k.pem",
        "-in",
        "c.pem",
        "-out",
        "c.p12",
        "-passout",
        "pass:banc",
    ]);
    if !made {
        return None;
    }
    let out = std::process::Command::new("openssl")
        .current_dir(dir.path())
        .args([
            "x509",
            "-in",
            "c.pem",
            "-noout",
            "-startdate",
            "-dateopt",
            "iso_8601",
        ])
        .output()
        .ok()?;
    // "notBefore=2026-12-04 09:00:00Z": a minute later is inside the validity.
    let start = String::from_utf8_lossy(&out.stdout)
        .trim()
        .trim_start_matches("notBefore=")
        .replace(' ', "T");
    let at = chrono::DateTime::parse_from_rfc3339(&start).ok()? + chrono::Duration::minutes(1);
    Some((
        std::fs::read(dir.path().join("c.p12")).ok()?,
        at.to_rfc3339(),
    ))
}
