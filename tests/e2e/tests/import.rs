//! "Importer un registre" in the real app: the register an office kept in Excel (a CSV in
//! Windows-1252 with `;`), analysed, previewed row by row (a dry run through the register's
//! rules), then imported; the register lists what was imported and the CLI reads it back.
//!
//! The fixture's dates are all in early 2026, before the day the tests run: its counts (4 to
//! import, 3 refused, 1 already there) do not depend on today's date.

mod common;

use common::{App, RegisterFile};
use serde_json::Value;
use std::path::{Path, PathBuf};

const USER: &str = "Claire Martin";

/// `tests/import_fixtures/registre-excel-fr.csv` of the workspace (this crate is `tests/e2e/`).
fn excel_fixture() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/e2e has a parent directory")
        .join("import_fixtures/registre-excel-fr.csv");
    assert!(path.is_file(), "no import fixture at {}", path.display());
    path
}

#[tokio::test]
async fn a_register_kept_in_excel_is_previewed_then_imported() {
    let fixture = excel_fixture();
    let fixture = fixture
        .to_str()
        .expect("the fixture's path is UTF-8")
        .to_owned();
    let app = App::launch("12-import-preview", RegisterFile::fresh()).await;
    app.sign_in(USER).await;

    // From the register, on an empty register.
    app.click("#nav-register").await;
    app.wait_text("#content h1", "Registre des réclamations")
        .await;
    app.wait_for("#empty-register").await;
    app.click("#open-import").await;
    app.wait_text("#content h1", "Importer un registre").await;

    // The path, typed (keys are simulated: only ASCII is typed, anything else is set).
    if fixture.is_ascii() {
        app.type_text("#import-path", &fixture).await;
    } else {
        app.set_value("#import-path", &fixture).await;
    }
    app.click("#import-analyse").await;

    // The preview: a dry run of the real import.
    let counts = app.wait_text("#import-counts", "4 à importer").await;
    for expected in ["8 lignes", "3 refusées", "1 déjà présente"] {
        assert!(
            counts.contains(expected),
            "the preview's counts should say {expected:?}: {counts:?}"
        );
    }
    app.wait_text("#import-file", "registre-excel-fr.csv").await;
    app.wait_text("#import-source", "Windows-1252").await;
    // The columns guessed from their French titles: "Nom du client" is the client's name.
    app.wait_value("#map-col-1", "receivedOn").await;
    app.wait_value("#map-col-2", "clientName").await;
    // Refused rows say why; the repeated row is already there.
    app.wait_attr("#import-rows tr[data-line=\"5\"]", "data-status", "refused")
        .await;
    app.wait_text("#import-rows tr[data-line=\"5\"]", "32/01/2026")
        .await;
    app.wait_attr("#import-rows tr[data-line=\"7\"]", "data-status", "refused")
        .await;
    app.wait_text(
        "#import-rows tr[data-line=\"7\"]",
        "antérieur à la réception",
    )
    .await;
    // (The repeated row: R-2026-007 again, under the one whose description spans two lines.)
    let duplicate = app
        .wait_text("#import-rows tr[data-status=\"duplicate\"]", "R-2026-007")
        .await;
    assert!(
        duplicate.contains("Déjà présente"),
        "the repeated row should be marked as already there: {duplicate:?}"
    );
    app.wait_text("#import-rows tr[data-line=\"3\"]", "SARL Dupré & Fils")
        .await;
    assert_eq!(
        app.count("#import-rows tr[data-status=\"accepted\"]").await,
        4,
        "rows to import in the preview"
    );
    // Nothing recorded before "Importer".
    let out = app.register().cli(&["list", "--json"], "");
    let rows: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam list --json` printed no JSON ({e}): {out}"));
    assert_eq!(
        rows.as_array().map(Vec::len),
        Some(0),
        "the preview recorded something: {out}"
    );
    app.screenshot().await;

    // The import, once the preview is up to date.
    app.wait_text("#import-run", "Importer 4 réclamations")
        .await;
    app.wait_for("#import-run:not([disabled])").await;
    app.click("#import-run").await;
    app.wait_text("#import-result", "4 réclamations importées")
        .await;
    app.wait_text(
        "#import-result-skipped",
        "3 lignes refusées, 1 déjà présente",
    )
    .await;
    app.wait_attr(
        "#import-rows tr[data-line=\"3\"]",
        "data-status",
        "accepted",
    )
    .await;
    app.wait_text("#import-rows tr[data-line=\"3\"]", "Importée")
        .await;
    app.screenshot_named("13-import-done").await;

    // The register lists the four complaints.
    app.click("#import-go-register").await;
    app.wait_text("#content h1", "Registre des réclamations")
        .await;
    let total = app.wait_text("#register-total", "4 réclamations").await;
    assert_eq!(total, "4 réclamations", "the register's total");
    app.wait_gone("#empty-register").await;
    assert_eq!(
        app.count("#register-table tr[data-ref]").await,
        4,
        "complaints listed by the register"
    );

    // And the register holds them, with the dates of the file: read back through the CLI.
    let out = app.register().cli(&["list", "--json"], "");
    let rows: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam list --json` printed no JSON ({e}): {out}"));
    let rows = rows
        .as_array()
        .unwrap_or_else(|| panic!("`reclam list --json` printed no list: {out}"));
    assert_eq!(rows.len(), 4, "complaints stored: {out}");
    let dupre = rows
        .iter()
        .find(|r| r["clientName"] == "SARL Dupré & Fils")
        .unwrap_or_else(|| panic!("no complaint of SARL Dupré & Fils: {out}"));
    let reference = dupre["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("a row without reference: {out}"));
    assert_eq!(dupre["receivedOn"], "2026-01-12", "{out}");
    let out = app.register().cli(&["show", reference, "--json"], "");
    let shown: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam show --json` printed no JSON ({e}): {out}"));
    assert_eq!(shown["client"]["name"], "SARL Dupré & Fils", "{out}");
    assert_eq!(shown["acknowledgedOn"], "2026-01-13", "{out}");
    assert_eq!(shown["status"], "answered", "{out}");
    assert_eq!(shown["answer"]["on"], "2026-01-30", "{out}");

    app.quit().await;
}
