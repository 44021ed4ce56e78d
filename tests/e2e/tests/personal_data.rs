//! Settings → "Données personnelles" in the real app: a complaint closed in 2019 is listed past
//! the 5-year retention period, anonymised after the explicit confirmation, and the register
//! still verifies.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::json;

#[tokio::test]
async fn a_complaint_past_the_retention_period_is_anonymised_after_confirmation() {
    let register = RegisterFile::fresh();
    let old = register.record(&json!({
        "client": { "name": "Mme Ancienne", "email": "ancienne@exemple.fr" },
        "channel": "letter",
        "receivedOn": "2019-03-04",
        "subject": "claimSettlement",
        "description": "Indemnisation jugée tardive",
    }));
    register.acknowledge(&old, "2019-03-06");
    let answer_copy = register.attach_copy(&old, "reponse.pdf");
    register.cli(
        &[
            "answer",
            &old,
            "--on",
            "2019-04-01",
            "--outcome",
            "upheld",
            "--summary",
            "Indemnisation versée",
            "--via",
            "otherLetter",
            "--copy",
            &answer_copy,
        ],
        "",
    );
    register.cli(
        &[
            "close",
            &old,
            "--on",
            "2019-04-10",
            "--feedback",
            "resolved",
        ],
        "",
    );
    let recent = register.record(&json!({
        "client": { "name": "M. Récent" },
        "channel": "email",
        "receivedOn": days_ago(3),
        "subject": "termination",
        "description": "Résiliation non prise en compte",
    }));

    let app = App::launch("15-personal-data", register).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-settings").await;
    app.scroll_into_view("#personal-data").await;
    app.wait_text(&format!("tr[data-candidate='{old}']"), "Mme Ancienne")
        .await;
    assert_eq!(app.count("#anonymise-candidates tbody tr").await, 1);
    app.scroll_into_view("#anonymise-candidates").await;
    app.screenshot().await;
    // Nothing happens before the list is confirmed.
    app.wait_attr("#anonymise-run", "disabled", "true").await;
    app.click("#anonymise-reviewed").await;
    app.click("#anonymise-run").await;
    app.wait_for("#anonymise-none").await;

    let shown = app.register().cli(&["show", &old, "--json"], "");
    assert!(!shown.contains("Mme Ancienne"), "{shown}");
    assert!(shown.contains("Client anonymisé"), "{shown}");
    let kept = app.register().cli(&["show", &recent, "--json"], "");
    assert!(kept.contains("M. Récent"));
    let verify = app.register().cli(&["verify"], "");
    assert!(verify.contains("Registre intègre"), "{verify}");
    app.quit().await;
}
