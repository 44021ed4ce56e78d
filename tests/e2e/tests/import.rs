//! "Importer un registre" in the real app: the register an office kept in Excel (a CSV in
//! Windows-1252 with `;`), analysed, previewed row by row (a dry run through the register's
//! rules), then imported; the register lists what was imported and the CLI reads it back. Then a
//! messy workbook (`registre-cabinet.xlsx`, written by `messy.py`): the register's sheet and the
//! header line below a title block are found, a decision the file does not give is chosen in
//! the preview, the total line under the table is left aside.
//!
//! The fixtures' dates are all in 2025 and early 2026, before the day the tests run: their
//! counts do not depend on today's date.

mod common;

use common::{App, RegisterFile};
use serde_json::Value;
use std::path::{Path, PathBuf};

const USER: &str = "Claire Martin";

/// `tests/import_fixtures/<name>` of the workspace (this crate is `tests/e2e/`).
fn import_fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/e2e has a parent directory")
        .join("import_fixtures")
        .join(name);
    assert!(path.is_file(), "no import fixture at {}", path.display());
    path
}

/// `tests/import_fixtures/registre-excel-fr.csv`.
fn excel_fixture() -> PathBuf {
    import_fixture("registre-excel-fr.csv")
}

/// Type the path of the file to import (keys are simulated: only ASCII is typed, anything else
/// is set) and analyse it.
async fn analyse(app: &App, path: &str) {
    if path.is_ascii() {
        app.type_text("#import-path", path).await;
    } else {
        app.set_value("#import-path", path).await;
    }
    app.click("#import-analyse").await;
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

    // The path, typed.
    analyse(&app, &fixture).await;

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

#[tokio::test]
async fn a_messy_workbook_is_read_below_its_titles_and_decided_in_the_preview() {
    // The workbook is copied beside the register, as a file the user would pick: the test reads
    // nothing from the workspace once the app runs.
    let register = RegisterFile::fresh();
    let workbook = register
        .path()
        .parent()
        .expect("the register sits in a temporary directory")
        .join("registre-cabinet.xlsx");
    let fixture = import_fixture("registre-cabinet.xlsx");
    std::fs::copy(&fixture, &workbook)
        .unwrap_or_else(|e| panic!("cannot copy {}: {e}", fixture.display()));
    let workbook = workbook
        .to_str()
        .expect("the temporary directory's path is UTF-8")
        .to_owned();
    let app = App::launch("24-import-messy", register).await;
    app.sign_in(USER).await;

    app.click("#nav-register").await;
    app.wait_text("#content h1", "Registre des réclamations")
        .await;
    app.wait_for("#empty-register").await;
    app.click("#open-import").await;
    app.wait_text("#content h1", "Importer un registre").await;
    analyse(&app, &workbook).await;
    app.wait_text("#import-file", "registre-cabinet.xlsx").await;

    // The register's sheet, of the two, and the column titles on line 5, under the firm's
    // name, the register's title and the "updated on" line.
    app.wait_value("#import-sheet", "Réclamations 2025").await;
    assert_eq!(
        app.count("#import-sheet option").await,
        2,
        "the workbook's sheets offered"
    );
    app.wait_value("#import-header-line", "5").await;
    for line in ["1", "2", "3", "5", "6"] {
        assert_eq!(
            app.count(&format!("#import-header-line option[value=\"{line}\"]"))
                .await,
            1,
            "line {line} of the file should be offered as the header line"
        );
    }
    app.wait_text(
        "#import-step-mapping",
        "ligne 5 prise comme ligne de titres",
    )
    .await;
    app.wait_text("#import-source", "Réclamations 2025").await;

    // The preview: line 9 answers "Voir courrier du 28/11", which says no decision; the total
    // under the table (line 11) is not a complaint.
    let counts = app.wait_text("#import-counts", "3 à importer").await;
    for expected in ["1 refusée", "1 ignorée"] {
        assert!(
            counts.contains(expected),
            "the preview's counts should say {expected:?}: {counts:?}"
        );
    }
    app.wait_attr("#import-rows tr[data-line=\"9\"]", "data-status", "refused")
        .await;
    app.wait_text("#import-rows tr[data-line=\"9\"]", "Voir courrier du 28/11")
        .await;
    app.wait_attr(
        "#import-rows tr[data-line=\"11\"]",
        "data-status",
        "ignored",
    )
    .await;
    app.wait_text("#import-rows tr[data-line=\"11\"]", "Ignorée")
        .await;
    app.wait_text("#import-rows tr[data-line=\"11\"]", "ligne de total")
        .await;
    app.wait_for("#import-default-outcome").await;
    app.wait_value("#import-default-outcome", "").await;
    // The decisions the file writes itself ("Fondée - indemnisation versée") ask nothing.
    assert_eq!(
        app.count("[data-decision-line]").await,
        1,
        "rows asking for a decision"
    );

    // The user decides line 9: the preview runs again with that decision.
    app.set_value("[data-decision-line=\"9\"]", "rejected")
        .await;
    let counts = app.wait_text("#import-counts", "4 à importer").await;
    for expected in ["0 refusée", "1 ignorée"] {
        assert!(
            counts.contains(expected),
            "the preview's counts should say {expected:?}: {counts:?}"
        );
    }
    app.wait_attr(
        "#import-rows tr[data-line=\"9\"]",
        "data-status",
        "accepted",
    )
    .await;
    // The choice stays shown, to be changed.
    app.wait_value("[data-decision-line=\"9\"]", "rejected")
        .await;
    // The sheet and the header line chosen stay as they were.
    app.wait_value("#import-sheet", "Réclamations 2025").await;
    app.wait_value("#import-header-line", "5").await;
    // Nothing recorded before "Importer".
    let out = app.register().cli(&["list", "--json"], "");
    let rows: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam list --json` printed no JSON ({e}): {out}"));
    assert_eq!(
        rows.as_array().map(Vec::len),
        Some(0),
        "the preview recorded something: {out}"
    );
    app.scroll_into_view("#import-decisions").await;
    app.screenshot().await;

    // The import sends the same choices: four complaints, the total line left aside.
    app.wait_text("#import-run", "Importer 4 réclamations")
        .await;
    app.wait_for("#import-run:not([disabled])").await;
    app.click("#import-run").await;
    app.wait_text("#toast", "4 réclamations importées").await;
    app.wait_text("#import-result", "4 réclamations importées")
        .await;
    app.wait_text("#import-result-skipped", "1 ligne ignorée")
        .await;
    app.wait_text("#import-rows tr[data-line=\"9\"]", "Importée")
        .await;
    app.wait_text(
        "#import-rows tr[data-line=\"9\"]",
        "Décision choisie : Rejetée",
    )
    .await;

    // The register holds them, line 9 with the decision chosen.
    let out = app.register().cli(&["list", "--json"], "");
    let rows: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam list --json` printed no JSON ({e}): {out}"));
    let rows = rows
        .as_array()
        .unwrap_or_else(|| panic!("`reclam list --json` printed no list: {out}"));
    assert_eq!(rows.len(), 4, "complaints stored: {out}");
    let noel = rows
        .iter()
        .find(|r| r["clientName"] == "Mme Sophie Noël")
        .unwrap_or_else(|| panic!("no complaint of Mme Sophie Noël: {out}"));
    let reference = noel["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("a row without reference: {out}"));
    let out = app.register().cli(&["show", reference, "--json"], "");
    let shown: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam show --json` printed no JSON ({e}): {out}"));
    assert_eq!(shown["answer"]["outcome"], "rejected", "{out}");
    assert_eq!(shown["answer"]["on"], "2025-11-28", "{out}");

    app.quit().await;
}

#[tokio::test]
async fn a_long_import_shows_its_progress_and_can_be_cancelled() {
    let register = RegisterFile::fresh();
    // A register of 60,000 rows kept in a spreadsheet, beside the register (large enough for
    // the import to be under way when "Annuler" is clicked).
    let file = register.dir().join("grand-registre.csv");
    let mut csv = String::from("Nom du client;Date de réception;Canal;Motif;Description\n");
    for i in 0..60_000 {
        csv.push_str(&format!(
            "Client {i};{:02}/10/2026;Courrier;Sinistre;Indemnisation jugée insuffisante\n",
            1 + i % 28
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let app = App::launch("43-import-progress", register).await;
    app.sign_in(USER).await;
    app.click("#nav-register").await;
    app.click("#open-import").await;
    analyse(&app, file.to_str().unwrap()).await;
    app.wait_for_within("#import-counts", std::time::Duration::from_secs(120))
        .await;
    app.wait_text("#import-counts", "60").await;

    // Under way: the rows gone through, and the way to stop.
    app.scroll_into_view("#import-run").await;
    app.click("#import-run").await;
    app.wait_for_within("#import-progress", std::time::Duration::from_secs(60))
        .await;
    // (Read at once: cancelled, the import ends within moments and the bar goes.)
    app.wait_text("#import-progress", "lignes sur 60").await;
    app.click("#import-cancel").await;
    app.wait_for_within("#import-run-error", std::time::Duration::from_secs(60))
        .await;
    app.wait_text("#import-run-error", "Import annulé").await;
    app.wait_attr("#import-run-error", "data-field", "cancelled")
        .await;
    app.screenshot().await;
    // Nothing imported.
    let out = app.register().cli(&["list", "--json"], "");
    let rows: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().map(Vec::len), Some(0), "{out}");
    app.quit().await;
}
