//! Settings → "Sauvegardes et intégrité": restoring another register's backup kept in the same
//! folder (another firm's, or the demo's). The listing marks it as another register's; the
//! confirmation shows both registers side by side and what would be lost, and asks for a second,
//! explicit confirmation; after the restore everyone is signed out and the app says where the
//! replaced register was kept.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::json;

#[tokio::test]
async fn another_registers_backup_is_shown_side_by_side_and_needs_an_explicit_confirmation() {
    let register = RegisterFile::fresh();
    register.cli(&["settings", "set", "firm.name", "Cabinet Durand"], "");
    for name in ["Mme Lefebvre", "M. Garnier", "Mme Roux"] {
        register.record(&json!({
            "client": { "name": name },
            "channel": "email",
            "receivedOn": days_ago(2),
            "subject": "termination",
            "description": "Résiliation non prise en compte",
        }));
    }
    // Another firm's empty register, backed up into this register's backup folder.
    let other = RegisterFile::fresh();
    other.cli(&["settings", "set", "firm.name", "Cabinet Martin"], "");
    let folder = register.path().with_file_name("sauvegardes");
    std::fs::create_dir_all(&folder).unwrap();
    let foreign = folder.join("autre-cabinet.db");
    other.cli(&["backup", "--out", foreign.to_str().unwrap()], "");

    let app = App::launch("16-restore-other-register", register).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-settings").await;
    app.scroll_into_view("#backups").await;
    let row = "#backup-files [data-backup-name='autre-cabinet.db']";
    app.wait_text(row, "autre registre").await;
    app.click("[data-restore='autre-cabinet.db']").await;

    // Both registers side by side, and what would be lost.
    app.wait_for("#restore-side-by-side").await;
    app.wait_text("#restore-relation", "AUTRE registre").await;
    let table = app.text("#restore-side-by-side").await;
    for expected in [
        "Cabinet Martin",
        "Cabinet Durand",
        "3 réclamations",
        "0 réclamation",
    ] {
        assert!(table.contains(expected), "{expected:?} in {table:?}");
    }
    app.wait_text("#restore-consequence", "sera remplacé").await;
    app.wait_attr("#restore-confirm-run", "disabled", "true")
        .await;
    app.screenshot_named("restore-side-by-side").await;

    // The explicit confirmation, then the restore: everyone signs in again.
    app.click("#restore-accept-loss").await;
    app.click("#restore-confirm-run").await;
    app.wait_for_within(common::START_SCREENS, std::time::Duration::from_secs(20))
        .await;
    let toast = app.text(".toast").await;
    assert!(toast.contains("conservé dans"), "{toast:?}");
    assert!(toast.contains("registre.remplace-"), "{toast:?}");
    app.screenshot_named("restore-signed-out").await;
    app.quit().await;
}
