//! Settings → "Sauvegardes et intégrité" in the real app: the start-up backup is listed, the
//! register verifies, then a change made behind the app's back is reported with its complaint.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::json;

#[tokio::test]
async fn the_app_backs_up_at_start_and_reports_a_change_made_behind_its_back() {
    let register = RegisterFile::fresh();
    let reference = register.record(&json!({
        "client": { "name": "Mme Lefebvre" },
        "channel": "email",
        "receivedOn": days_ago(2),
        "subject": "termination",
        "description": "Résiliation non prise en compte",
    }));
    let path = register.path().to_owned();
    let app = App::launch("14-integrity", register).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-settings").await;
    app.scroll_into_view("#backups").await;
    // The start-up maintenance wrote today's automatic backup beside the register.
    app.wait_for("#backup-files [data-backup-name^='registre_']")
        .await;
    app.click("#verify-register").await;
    app.wait_attr("#verify-result", "data-ok", "true").await;
    app.wait_text("#verify-result", "Registre intègre").await;

    // Someone edits the client's name with a SQLite tool while the app is open.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE complaints SET client_name = 'M. Personne' WHERE reference = ?1",
            [&reference],
        )
        .unwrap();
    }
    app.click("#verify-register").await;
    app.wait_attr("#verify-result", "data-ok", "false").await;
    app.wait_text("#verify-result", &reference).await;
    app.wait_text("#verify-result", "modifiée hors de l'application")
        .await;
    app.screenshot().await;
    app.quit().await;
}

/// The verification of a large register shows its stage and share done, keeps the rest of the
/// screen usable, and stops when asked: "Vérification annulée", no verdict given.
#[tokio::test]
async fn a_long_verification_shows_its_progress_and_can_be_cancelled() {
    let register = RegisterFile::fresh();
    register.cli(&["demo", "--count", "20000"], "");
    let app = App::launch("44-verify-progress", register).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-settings").await;
    app.scroll_into_view("#backups").await;
    app.click("#verify-register").await;
    // A stage with a share known: the walk is under way.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let stage = app.attrs("#verify-progress", "data-stage").await;
        let total = app.attrs("#verify-progress", "data-total").await;
        if stage.first().is_some_and(|s| !s.is_empty()) && total.first().is_some_and(|t| t != "0") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no progress shown: stage {stage:?}, total {total:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    app.screenshot().await;
    app.click("#verify-cancel").await;
    app.wait_text("#verify-cancelled", "Vérification annulée")
        .await;
    assert_eq!(
        app.count("#verify-result").await,
        0,
        "no verdict after a cancellation"
    );
    // Asked again, it goes to its end.
    app.click("#verify-register").await;
    app.wait_attr("#verify-result", "data-ok", "true").await;
    app.quit().await;
}
