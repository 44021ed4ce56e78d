//! The statistics screen of the real app on a seeded register: the figures of the year.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::json;

#[tokio::test]
async fn statistics_of_the_year_are_shown() {
    let register = RegisterFile::fresh();
    for (name, subject) in [
        ("Mme Lefebvre", "premiumBilling"),
        ("M. Garnier", "termination"),
        ("Mme Roux", "termination"),
    ] {
        register.record(&json!({
            "client": { "name": name },
            "channel": "email",
            "receivedOn": days_ago(2),
            "subject": subject,
            "description": "Réclamation de démonstration",
        }));
    }
    let app = App::launch("10-statistics", register).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-stats").await;
    app.wait_text("#stats-received", "3").await;
    app.wait_text("#stats-by-subject", "Résiliation").await;
    app.wait_text("#stats-open-now", "3").await;
    app.screenshot().await;
    app.quit().await;
}
