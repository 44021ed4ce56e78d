//! End-to-end tests: the real Reclam desktop app (the built `reclam-desktop`, its WebKitGTK
//! WebView and the Svelte UI on the real backend), driven through tauri-driver and
//! WebKitWebDriver as a user would drive it. Each test starts the app on a register file of its
//! own, seeded with the `reclam` CLI when it needs data, and saves a screenshot of the screen it
//! checks (in `tests/e2e/screenshots/`, or `$RECLAM_E2E_SCREENSHOTS`; a failing wait also saves
//! `<name>-FAILED.png`).
//!
//! They need the UI built, then the binaries, tauri-driver, WebKitWebDriver and a display:
//! `make e2e` provides all of that. By hand, from the workspace root:
//!
//! ```sh
//! make ui && cargo build --workspace --bins
//! cargo install tauri-driver --version 2.1.0 --locked --root .tools   # once
//! xvfb-run -a -s "-screen 0 1280x900x24" cargo test -p reclam-e2e --test e2e -- --test-threads=1
//! ```
//!
//! A plain `cargo test --workspace` would run them too: exclude this package there
//! (`--exclude reclam-e2e`) on a machine without a display. `RECLAM_APP`, `RECLAM_CLI` and
//! `TAURI_DRIVER` override where the app, the CLI and tauri-driver are found. The tests take
//! turns on tauri-driver's fixed ports whatever `--test-threads` says; `--test-threads=1` only
//! keeps their output in order.
//!
//! Typed text is plain ASCII: keys go through WebKitWebDriver's keyboard simulation, and what
//! these tests check does not depend on accents.

mod common;

use common::{days_ago, fr_date, is_iso_date, is_reference, iso_date, App, RegisterFile};
use serde_json::{json, Value};
use std::time::Duration;

/// Who signs in, and who the CLI records as the author of seeded complaints.
const USER: &str = "Claire Martin";

/// A complaint as the CLI's `add` takes it.
fn complaint(client: &str, received_on: &str, description: &str) -> Value {
    json!({
        "client": { "name": client, "email": "client@exemple.fr" },
        "channel": "letter",
        "receivedOn": received_on,
        "subject": "claimSettlement",
        "description": description,
    })
}

fn row(table: &str, reference: &str) -> String {
    format!("{table} tr[data-ref=\"{reference}\"]")
}

#[tokio::test]
async fn record_then_find_in_register() {
    let app = App::launch("01-register-after-record", RegisterFile::fresh()).await;
    app.sign_in(USER).await;

    app.click("#nav-new").await;
    app.click("#qualify-complaint").await;
    app.type_text("#client-name", "Mme Lefebvre").await;
    let received = days_ago(3);
    app.type_date("#received-on", &received).await;
    app.set_value("#channel", "email").await;
    app.set_value("#subject", "premiumBilling").await;
    app.type_text(
        "#description",
        "Cotisation d'octobre prelevee deux fois malgre un courrier du 2 novembre",
    )
    .await;
    // The deadlines panel is computed by the backend from the typed dates.
    app.wait_for("#deadline-ack").await;
    app.click("#save-complaint").await;

    // Saved: the app opens the new complaint file.
    let reference = app.wait_text("#file-reference", "REC-").await;
    assert!(
        is_reference(&reference),
        "the file shows {reference:?}, not a register reference like REC-2026-0001"
    );
    app.wait_text("#toast", &format!("Réclamation {reference} enregistrée"))
        .await;
    app.wait_attr("#file-status", "data-status", "received")
        .await;
    assert_eq!(app.text("#file-status").await, "Reçue");
    app.wait_text(
        ".file-header .meta",
        &format!("reçue le {}", fr_date(&received)),
    )
    .await;

    // The register lists it.
    app.click("#nav-register").await;
    let line = row("#register-table", &reference);
    let text = app.wait_text(&line, "Mme Lefebvre").await;
    assert!(
        text.contains(&fr_date(&received)) && text.contains("Reçue"),
        "the register row should show the reception date and the status: {text:?}"
    );
    let total = app.wait_text("#register-total", "réclamation").await;
    assert_eq!(total, "1 réclamation", "the register counts one complaint");

    // The search filters on the client's name: another name finds nothing, hers finds it.
    app.type_text("#search", "Durand").await;
    app.wait_for("#no-results").await;
    assert_eq!(
        app.count(&line).await,
        0,
        "a search for Durand still lists {reference}"
    );
    app.type_text("#search", "Lefebvre").await;
    app.wait_text(&line, "Mme Lefebvre").await;
    app.wait_gone("#no-results").await;

    app.screenshot().await;
    app.quit().await;
}

#[tokio::test]
async fn refused_input_keeps_the_form() {
    let app = App::launch("02-refused-input-keeps-the-form", RegisterFile::fresh()).await;
    app.sign_in(USER).await;
    app.click("#nav-new").await;
    app.click("#qualify-complaint").await;

    let name = "M. Girard";
    app.type_text("#client-name", name).await;

    // Checked by the form itself: the description is required.
    app.click("#save-complaint").await;
    app.wait_text(
        ".field-error[data-field=\"description\"]",
        "Décrivez le mécontentement exprimé.",
    )
    .await;

    // Checked by the core: the complaint cannot have been sent after it was received.
    let description = "Refus de prise en charge du bris de glace sans explication";
    app.type_text("#description", description).await;
    app.wait_gone(".field-error[data-field=\"description\"]")
        .await;
    let received = days_ago(5);
    let sent = days_ago(2);
    app.type_date("#received-on", &received).await;
    app.type_date("#sent-on", &sent).await;
    app.click("#save-complaint").await;
    app.wait_text(
        ".field-error[data-field=\"sentOn\"]",
        "postérieure à la date de réception",
    )
    .await;

    // Still on the form, with everything that was typed.
    assert_eq!(
        app.count("#file-reference").await,
        0,
        "nothing was recorded"
    );
    assert_eq!(app.value("#client-name").await, name);
    assert_eq!(app.value("#description").await, description);
    assert_eq!(app.value("#sent-on").await, fr_date(&sent));
    assert_eq!(app.value("#received-on").await, fr_date(&received));
    app.screenshot().await;

    // And the register is still empty.
    app.click("#nav-register").await;
    app.wait_for("#empty-register").await;
    app.quit().await;
}

#[tokio::test]
async fn acknowledge_and_answer_from_the_file() {
    let register = RegisterFile::fresh();
    let received = days_ago(5);
    let reference = register.record(&complaint(
        "Mme Rousseau",
        &received,
        "Indemnisation du degat des eaux jugee insuffisante",
    ));
    let app = App::launch("03-file-acknowledged-and-answered", register).await;
    app.sign_in(USER).await;

    // Open the file from the register.
    app.click("#nav-register").await;
    // Click a cell: WebKitWebDriver refuses a click on the <tr> itself.
    app.click(&format!("{} td.client", row("#register-table", &reference)))
        .await;
    app.wait_text("#file-reference", &reference).await;
    app.wait_attr("#file-status", "data-status", "received")
        .await;

    // Acknowledge, on the date the form proposes: today (shown dd/mm/yyyy).
    app.click("#action-acknowledge").await;
    app.wait_for("#action-form[data-action=\"acknowledge\"]")
        .await;
    let today = iso_date(&app.value("#action-date").await);
    assert!(
        is_iso_date(&today) && today > received,
        "the acknowledgement date should default to today, after {received}: {today:?}"
    );
    app.click("#action-submit").await;
    app.wait_attr("#file-status", "data-status", "acknowledged")
        .await;
    assert_eq!(app.text("#file-status").await, "Accusée");
    app.wait_text("#toast", "Accusé de réception enregistré")
        .await;

    // Answer: partly upheld, which reminds the user to state the recourse routes.
    app.click("#action-answer").await;
    app.wait_for("#action-form[data-action=\"answer\"]").await;
    app.set_value("#action-outcome", "partial").await;
    app.wait_text("#recourse-reminder", "voies de recours")
        .await;
    app.type_text(
        "#action-summary",
        "Indemnite complementaire de 300 euros. Voies de recours : La Mediation de l'Assurance, \
         TSA 50110, 75441 Paris Cedex 09, www.mediation-assurance.org",
    )
    .await;
    app.click("#action-submit").await;
    app.wait_attr("#file-status", "data-status", "answered")
        .await;
    assert_eq!(app.text("#file-status").await, "Répondue");
    app.wait_gone("#action-form").await;

    // The history lists every step, newest first, each with its date and author.
    let kinds = app.attrs("#timeline > li", "data-kind").await;
    assert_eq!(
        kinds,
        ["answered", "acknowledged", "recorded"],
        "timeline events, newest first"
    );
    let answered = app.text("#timeline > li[data-kind=\"answered\"]").await;
    for expected in [
        "Réponse".to_owned(),
        format!("le {}", fr_date(&today)),
        "Partiellement fondée".to_owned(),
        format!("par {USER}"),
    ] {
        assert!(
            answered.contains(&expected),
            "the answer event should show {expected:?}: {answered:?}"
        );
    }
    let acknowledged = app.text("#timeline > li[data-kind=\"acknowledged\"]").await;
    assert!(
        acknowledged.contains("Accusé de réception")
            && acknowledged.contains(&format!("le {}", fr_date(&today))),
        "the acknowledgement event should show its date: {acknowledged:?}"
    );

    app.screenshot().await;
    app.quit().await;
}

#[tokio::test]
async fn today_shows_overdue_from_seeded_db() {
    let register = RegisterFile::fresh();
    // Forty days without an acknowledgement: the 10 jours ouvrables are long past.
    let late = register.record(&complaint(
        "M. Petit",
        &days_ago(40),
        "Aucune nouvelle de la resiliation demandee en septembre",
    ));
    // Received yesterday: its acknowledgement is not due yet.
    let recent = register.record(&complaint(
        "Mme Garnier",
        &days_ago(1),
        "Erreur sur l'echeancier de la cotisation automobile",
    ));
    let app = App::launch("04-today-overdue", register).await;
    app.sign_in(USER).await;

    // "Aujourd'hui" is the first screen after signing in.
    let late_row = row("#today-overdue", &late);
    let text = app.wait_text(&late_row, "M. Petit").await;
    assert!(
        text.contains("en retard de"),
        "the overdue row should say by how many days: {text:?}"
    );
    app.wait_for(&format!("{late_row} .deadline[data-tone=\"overdue\"]"))
        .await;
    assert_eq!(
        app.text("#today-count-overdue").await,
        "1",
        "one complaint is overdue"
    );
    assert_eq!(
        app.text("#today-count-open").await,
        "2",
        "two complaints are open"
    );
    assert_eq!(
        app.count(&row("#today-overdue", &recent)).await,
        0,
        "{recent}, received yesterday, is not overdue"
    );
    assert_eq!(app.count("#welcome-empty").await, 0);

    app.screenshot().await;
    app.quit().await;
}

#[tokio::test]
async fn empty_register_offers_demo() {
    let app = App::launch("05-demo-register", RegisterFile::fresh()).await;
    app.sign_in(USER).await;

    app.wait_text("#welcome-empty", "Le registre est vide")
        .await;
    app.click("#open-demo").await;
    // The demo register is filled on first opening, which takes a few seconds.
    app.wait_for_within("#demo-banner", Duration::from_secs(60))
        .await;
    app.wait_text("#demo-banner", "REGISTRE DE DÉMONSTRATION")
        .await;
    app.wait_gone("#welcome-empty").await;

    app.click("#nav-register").await;
    app.wait_for("#register-table tr[data-ref]").await;
    let rows = app.count("#register-table tr[data-ref]").await;
    assert!(rows > 1, "the demo register lists {rows} complaint(s)");
    app.wait_text("#register-total", "réclamations").await;

    app.screenshot().await;
    app.quit().await;
}
