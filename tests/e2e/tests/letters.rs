//! Letters in the real app: preview an acknowledgement from the complaint file, issue it, and
//! find it stored in the register (through the CLI) with the complaint acknowledged; the
//! firm's certificate created in Settings, and the next letter issued signed (pdfsig); a
//! certificate bought from an authority, imported from its .p12, shown and declared revoked.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::{json, Value};

const USER: &str = "Claire Martin";

fn seeded() -> (RegisterFile, String) {
    let register = RegisterFile::fresh();
    for (key, value) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
        ("firm.email", "reclamations@durand-courtage.fr"),
        ("firm.phone", "04 72 00 00 00"),
    ] {
        register.cli(&["settings", "set", key, value], "");
    }
    register.cli(
        &[
            "user",
            "add",
            "--name",
            USER,
            "--role",
            "manager",
            "--can-sign",
        ],
        "",
    );
    let reference = register.record(&json!({
        "client": { "name": "Mme Lefebvre", "address": "8 avenue Foch\n69006 Lyon" },
        "channel": "letter",
        "receivedOn": days_ago(2),
        "subject": "premiumBilling",
        "description": "Cotisation prélevée deux fois",
        "handler": USER,
    }));
    (register, reference)
}

#[tokio::test]
async fn an_acknowledgement_is_previewed_then_issued_from_the_file() {
    let (register, reference) = seeded();
    let app = App::launch("09-letter-preview", register).await;
    app.sign_in(USER).await;
    app.click("#nav-register").await;
    app.click(&format!(
        "#register-table tr[data-ref=\"{reference}\"] td.client"
    ))
    .await;
    app.wait_text("#file-reference", &reference).await;

    // A received complaint is offered the acknowledgement, signed by the current user.
    app.click("#letter-kind-ack").await;
    app.click("#letter-preview").await;
    app.wait_text(
        "#letter-preview-sheet",
        "Accusé de réception de votre réclamation",
    )
    .await;
    for expected in ["Cabinet Durand Courtage", "Mme Lefebvre", &reference, USER] {
        app.wait_text("#letter-preview-sheet", expected).await;
    }
    app.screenshot().await;

    app.click("#letter-preview-issue").await;
    app.click("#letter-issue-confirm").await;
    app.wait_for("#letters-list tr[data-letter-id]").await;
    app.wait_attr("#file-status", "data-status", "acknowledged")
        .await;

    // The register holds the letter, journaled with its hash, and the acknowledgement.
    let shown: Value =
        serde_json::from_str(&app.register().cli(&["show", &reference, "--json"], ""))
            .expect("show --json prints JSON");
    let letters = shown["letters"].as_array().expect("letters");
    assert_eq!(letters.len(), 1, "{shown}");
    assert_eq!(letters[0]["kind"], "ack");
    assert_eq!(letters[0]["signatory"], USER);
    assert_eq!(letters[0]["sha256"].as_str().map(str::len), Some(64));
    let kinds: Vec<&str> = shown["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["recorded", "acknowledged", "letterIssued"]);
    app.quit().await;
}

/// A desk with no PDF viewer: every launcher the system offers fails. The user is told so in
/// French (never the launcher's words), with the place of the register's temporary copy,
/// which holds the letter.
#[tokio::test]
async fn a_letter_with_no_pdf_viewer_is_said_in_french_with_its_place() {
    let (register, reference) = seeded();
    let out = register.issue_acknowledgement_letter(&reference);
    let launchers = register.dir().join("lanceurs");
    std::fs::create_dir(&launchers).unwrap();
    for name in [
        "xdg-open",
        "gio",
        "gnome-open",
        "kde-open6",
        "kde-open5",
        "kde-open",
    ] {
        let script = launchers.join(name);
        std::fs::write(
            &script,
            "#!/bin/sh\necho \"no handler for $*\" >&2\nexit 3\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        launchers.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let register = register.with_env("PATH", &path);
    let app = App::launch("09-letter-no-viewer", register).await;
    app.sign_in(USER).await;
    app.click("#nav-register").await;
    app.click(&format!(
        "#register-table tr[data-ref=\"{reference}\"] td.client"
    ))
    .await;
    app.wait_for("#letters-list tr[data-letter-id]").await;
    app.click("#letters-list tr[data-letter-id] button[id^=\"letter-open-\"]")
        .await;
    let said = app
        .wait_text(
            "#letters-list-error",
            "Aucun lecteur de PDF ne s'est ouvert sur ce poste",
        )
        .await;
    for system in ["Launcher", "ExitStatus", "os error", "no handler"] {
        assert!(!said.contains(system), "the system's words shown: {said}");
    }
    let place = said
        .split_once("une copie provisoire est ici, « ")
        .and_then(|(_, rest)| rest.split_once(" »"))
        .map(|(place, _)| place.to_owned())
        .unwrap_or_else(|| panic!("no place in {said:?}"));
    let copy = std::fs::read(&place).unwrap_or_else(|e| panic!("{place}: {e}"));
    assert_eq!(
        copy,
        std::fs::read(&out).unwrap(),
        "the file named is the letter issued"
    );
    app.screenshot().await;
    app.quit().await;
}

#[tokio::test]
async fn the_firm_s_certificate_is_created_in_settings_and_letters_are_signed() {
    let (register, reference) = seeded();
    let app = App::launch("38-settings-certificate", register).await;
    app.sign_in(USER).await;
    app.click("#nav-settings").await;
    app.wait_for("#certificate-none").await;
    // Two different passphrases: refused on screen first.
    app.type_text("#certificate-passphrase", "phrase du cabinet 2026")
        .await;
    app.type_text("#certificate-confirmation", "phrase du cabinet 2027")
        .await;
    app.scroll_into_view("#certificate-create").await;
    app.click("#certificate-create").await;
    app.wait_for("#certificate-section [aria-invalid=\"true\"]")
        .await;
    app.type_text("#certificate-confirmation", "phrase du cabinet 2026")
        .await;
    app.click("#certificate-create").await;
    app.wait_text("#certificate-details", "ORIAS 07000001")
        .await;
    app.wait_for("#certificate-self-signed").await;
    app.scroll_into_view("#certificate-section").await;
    app.screenshot().await;

    // The certificate is unlocked for this session: the letter issued is signed.
    app.click("#nav-register").await;
    app.click(&format!(
        "#register-table tr[data-ref=\"{reference}\"] td.client"
    ))
    .await;
    app.wait_text("#file-reference", &reference).await;
    app.click("#letter-kind-ack").await;
    app.click("#letter-issue").await;
    app.click("#letter-issue-confirm").await;
    app.wait_for("#letters-list tr[data-letter-id]").await;
    let pdf: Vec<u8> = rusqlite::Connection::open(app.register().path())
        .unwrap()
        .query_row(
            "SELECT pdf FROM letters ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ar.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let out = std::process::Command::new("pdfsig")
        .arg(&file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("Signature is Valid.") && report.contains("ORIAS 07000001"),
        "{report}"
    );
    app.quit().await;
}

/// `openssl` in `dir`, which must succeed.
fn openssl(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl is installed by make test");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn a_certificate_from_an_authority_is_shown_then_declared_revoked() {
    let (register, reference) = seeded();
    // A test authority issues the firm an RSA certificate, exported to a .p12 and imported
    // through the CLI (the file dialog of the app is the system's).
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "3650",
            "-subj",
            "/CN=Autorite de test/O=Test/C=FR",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "firm.key",
            "-out",
            "firm.csr",
            "-subj",
            "/CN=Cabinet Durand Courtage/OU=ORIAS 07000001/C=FR",
        ],
    );
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "firm.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "firm.pem",
            "-days",
            "365",
        ],
    );
    openssl(
        d,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            "firm.key",
            "-in",
            "firm.pem",
            "-certfile",
            "ca.pem",
            "-out",
            "cabinet.p12",
            "-passout",
            "pass:secret-p12",
        ],
    );
    register.cli_env(
        &[
            ("RECLAM_P12_PASSWORD", "secret-p12"),
            ("RECLAM_CERT_PASSPHRASE", "phrase du cabinet 2026"),
        ],
        &["cert", "import", d.join("cabinet.p12").to_str().unwrap()],
    );

    let app = App::launch("39-settings-certificate-revoked", register).await;
    app.sign_in(USER).await;
    app.click("#nav-settings").await;
    app.wait_text("#certificate-holder", "Cabinet Durand Courtage")
        .await;
    app.wait_text("#certificate-details", "Autorite de test")
        .await;
    app.wait_text("#certificate-key", "RSA 2048").await;
    app.wait_attr("#certificate-unlock-form", "data-state", "locked")
        .await;

    // Declared revoked: a reason is asked first.
    app.scroll_into_view("#certificate-revoke-open").await;
    app.click("#certificate-revoke-open").await;
    app.click("#certificate-revoke").await;
    app.wait_for("#certificate-revoke-reason[aria-invalid=\"true\"]")
        .await;
    app.type_text("#certificate-revoke-reason", "ordinateur volé")
        .await;
    app.click("#certificate-revoke").await;
    app.wait_for("#certificate-revoked").await;
    app.wait_attr("#certificate-state", "data-state", "retired")
        .await;
    // A new certificate can be created or imported in its place.
    app.wait_for("#certificate-create-form").await;
    app.wait_for("#certificate-import-open").await;
    app.scroll_into_view("#certificate-section").await;
    app.screenshot().await;

    // The letter is refused with the reason, nothing issued.
    app.click("#nav-register").await;
    app.click(&format!(
        "#register-table tr[data-ref=\"{reference}\"] td.client"
    ))
    .await;
    app.wait_text("#file-reference", &reference).await;
    app.click("#letter-kind-ack").await;
    app.click("#letter-issue").await;
    app.click("#letter-issue-confirm").await;
    app.wait_text("body", "ordinateur volé").await;
    let issued: i64 = rusqlite::Connection::open(app.register().path())
        .unwrap()
        .query_row("SELECT count(*) FROM letters", [], |r| r.get(0))
        .unwrap();
    assert_eq!(issued, 0);
    app.quit().await;
}
