//! Letters in the real app: preview an acknowledgement from the complaint file, issue it, and
//! find it stored in the register (through the CLI) with the complaint acknowledged; the
//! firm's certificate created in Settings, and the next letter issued signed (pdfsig).

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
