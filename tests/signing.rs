//! Letters signed cryptographically (PAdES B-B): the firm's self-signed certificate created
//! from its settings, its key encrypted beside the register, letters signed as they are
//! issued; `pdfsig` (poppler) validates the signature and notices a changed byte.

mod common;

use common::{complaint, TestDb};
use reclam::complaint::LetterKind;
use reclam::firm::{NewUser, Role};
use reclam::letters::LetterRequest;
use reclam::Register;
use std::process::Command;

const PASSPHRASE: &str = "phrase secrète du cabinet 2026";

fn pdfsig(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lettre.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfsig")
        .arg(&path)
        .output()
        .expect("pdfsig (poppler-utils) is installed by make test");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// pyHanko's validation (tests/tools/validate_pades.py), trusting `cert_pem`: its exit
/// status and report.
fn pyhanko(cert_pem: &std::path::Path, pdf: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lettre.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/validate_pades.py"
        ))
        .arg(cert_pem)
        .arg(&path)
        .output()
        .expect("python3 with pyHanko is installed by make test");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn firm(reg: &mut Register<&mut reclam::Store>) {
    reg.set_settings(&[
        ("firm.name".into(), "Cabinet Durand Courtage".into()),
        (
            "firm.address".into(),
            "12 rue de la République\n69002 Lyon".into(),
        ),
        ("firm.orias".into(), "07000001".into()),
    ])
    .unwrap();
}

#[test]
fn a_letter_issued_with_the_firm_s_certificate_is_signed_and_verifiable() {
    let db = TestDb::new();
    let mut s = db.open("2026-12-03");
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
    let r = s
        .record(&complaint("Mme Élodie Durand", "2026-12-01"), "Accueil")
        .unwrap()
        .reference;
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    // The firm's name and ORIAS number go into the certificate: both are asked first.
    let err = reg.create_certificate(PASSPHRASE).unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["firm.name", "firm.orias"], "{err}");
    firm(&mut reg);
    let err = reg.create_certificate("court").unwrap_err();
    assert!(err.to_string().contains("10 caractères"), "{err}");
    let info = reg.create_certificate(PASSPHRASE).unwrap();
    assert!(info.self_signed);
    assert!(
        info.subject.contains("Cabinet Durand Courtage") && info.subject.contains("ORIAS 07000001"),
        "{}",
        info.subject
    );
    // The key is kept encrypted beside the register, never in it.
    let (cert_path, key_path) = reg.certificate_paths();
    let key = std::fs::read_to_string(&key_path).unwrap();
    assert!(key.contains("BEGIN ENCRYPTED PRIVATE KEY"), "{key}");
    assert!(cert_path.exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let err = reg.create_certificate(PASSPHRASE).unwrap_err();
    assert!(err.to_string().contains("déjà un certificat"), "{err}");
    drop(reg);

    // A new session: the key is locked until its passphrase is given.
    let mut reg = Register::over(&mut s, "Claire Martin").unwrap();
    let ack = LetterRequest {
        kind: LetterKind::Acknowledgement,
        signatory: "Claire Martin".into(),
        holding: None,
    };
    let err = reg.issue_letter(&r, &ack).unwrap_err();
    assert_eq!(err.field(), Some("certificate"), "{err}");
    let err = reg.unlock_certificate("pas la bonne phrase").unwrap_err();
    assert_eq!(err.field(), Some("passphrase"), "{err}");
    reg.unlock_certificate(PASSPHRASE).unwrap();
    // An expired certificate would be refused.
    let meta = reg.issue_letter(&r, &ack).unwrap();
    let (_, pdf) = reg.letter_pdf(meta.id).unwrap();
    let report = pdfsig(&pdf);
    for expected in [
        "Signature Type: ETSI.CAdES.detached",
        "Total document signed",
        "Signature is Valid.",
        "Cabinet Durand Courtage",
    ] {
        assert!(report.contains(expected), "{expected:?} in {report}");
    }
    // pyHanko, trusting the firm's certificate, judges it valid and covering the whole file.
    let (ok, report) = pyhanko(&cert_path, &pdf);
    assert!(ok, "{report}");
    assert!(
        report.contains("The signature is judged VALID")
            && report.contains("The signature covers the entire file")
            && report.contains("/ETSI.CAdES.detached"),
        "{report}"
    );
    // The letter still reads as before, the journal names the certificate.
    let words = common::pdf_words(&pdf);
    assert!(
        words.contains("Accusé de réception de votre réclamation"),
        "{words}"
    );
    let issued = reg
        .history(&r)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "letterIssued")
        .unwrap();
    assert_eq!(issued.data["certificate"], info.fingerprint.as_str());
    drop(reg);
    assert!(s.verify().unwrap().ok);

    // One byte changed in the signed bytes: the signature no longer holds.
    let mut altered = pdf.clone();
    let at = altered
        .windows(6)
        .position(|w| w == b"/Title")
        .expect("the letter's metadata");
    altered[at + 8] ^= 0x01;
    let report = pdfsig(&altered);
    assert!(!report.contains("Signature is Valid."), "{report}");
    let (ok, report) = pyhanko(&cert_path, &altered);
    assert!(!ok, "{report}");
}

#[test]
fn an_expired_certificate_is_refused() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let (cert, key) =
        reclam::sign::create_self_signed("Cabinet Test", "07000002", now, 1, PASSPHRASE).unwrap();
    let signer = reclam::sign::unlock(&cert, &key, PASSPHRASE).unwrap();
    let later = now + chrono::Duration::days(2 * 365);
    let err = signer.sign_pdf(b"%PDF-1.4", later, "test").unwrap_err();
    assert!(err.to_string().contains("a expiré"), "{err}");
    let before = now - chrono::Duration::days(1);
    let err = signer.sign_pdf(b"%PDF-1.4", before, "test").unwrap_err();
    assert!(err.to_string().contains("qu'à partir du"), "{err}");
    // A key from another certificate does not unlock this one.
    let (_, other_key) =
        reclam::sign::create_self_signed("Autre Cabinet", "07000003", now, 1, PASSPHRASE).unwrap();
    assert!(reclam::sign::unlock(&cert, &other_key, PASSPHRASE).is_err());
}

#[test]
fn the_command_line_creates_the_certificate_and_issues_signed_letters() {
    let db = TestDb::new();
    drop(db.open("2026-12-03"));
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_reclam"));
        cmd.args(["--db", db.path.to_str().unwrap(), "--by", "Claire Martin"])
            .args(args)
            .env("RECLAM_CERT_PASSPHRASE", PASSPHRASE)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        if let Some(input) = stdin {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        } else {
            drop(child.stdin.take());
        }
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(
        &[
            "settings",
            "set",
            "firm.name",
            "Cabinet Durand Courtage",
            "firm.address",
            "12 rue de la République\n69002 Lyon",
            "firm.orias",
            "07000001",
        ],
        None,
    );
    run(
        &[
            "user",
            "add",
            "--name",
            "Claire Martin",
            "--role",
            "manager",
            "--can-sign",
        ],
        None,
    );
    let created = run(&["cert", "create"], None);
    assert!(created.contains("fingerprint"), "{created}");
    let shown = run(&["cert", "show"], None);
    assert!(shown.contains("auto-signé"), "{shown}");
    run(
        &["add"],
        Some(
            r#"{"client":{"name":"M. Paul Girard","address":"8 avenue Foch\n69006 Lyon"},
               "channel":"letter","receivedOn":"2026-12-01","subject":"claimSettlement",
               "description":"Indemnisation jugée insuffisante"}"#,
        ),
    );
    let out = db.dir.path().join("ar.pdf");
    run(
        &[
            "letter",
            "REC-2026-0001",
            "--kind",
            "ack",
            "--issue",
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    let report = pdfsig(&std::fs::read(&out).unwrap());
    assert!(report.contains("Signature is Valid."), "{report}");
}

#[test]
fn an_extract_and_the_inspection_pack_are_signed_on_request() {
    let db = TestDb::new();
    drop(db.open("2026-12-03"));
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_reclam"))
            .args(["--db", db.path.to_str().unwrap(), "--by", "Claire Martin"])
            .args(args)
            .env("RECLAM_CERT_PASSPHRASE", PASSPHRASE)
            .output()
            .unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    let extract = db.dir.path().join("extrait.pdf");
    let args = [
        "extract",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "pdf",
        "--out",
        extract.to_str().unwrap(),
        "--sign",
    ];
    // No certificate yet: refused, in French.
    let (ok, err) = run(&args);
    assert!(!ok && err.contains("pas encore de certificat"), "{err}");
    assert!(
        run(&[
            "settings",
            "set",
            "firm.name",
            "Cabinet Durand Courtage",
            "firm.orias",
            "07000001"
        ])
        .0
    );
    assert!(run(&["cert", "create"]).0);
    let (ok, err) = run(&args);
    assert!(ok, "{err}");
    let report = pdfsig(&std::fs::read(&extract).unwrap());
    assert!(report.contains("Signature is Valid."), "{report}");
    let pack = db.dir.path().join("dossier");
    std::fs::create_dir(&pack).unwrap();
    let (ok, printed) = run(&[
        "pack",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--out",
        pack.to_str().unwrap(),
        "--sign",
    ]);
    assert!(ok, "{printed}");
    // The pack's PDF is the first line printed ("… .pdf (N pages)").
    let joined = printed
        .lines()
        .next()
        .and_then(|l| l.split(" (").next())
        .expect("the pack's PDF")
        .to_owned();
    let report = pdfsig(&std::fs::read(joined).unwrap());
    assert!(report.contains("Signature is Valid."), "{report}");
}
