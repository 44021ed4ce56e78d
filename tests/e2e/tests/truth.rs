//! A register that records what really happened, in the real app: Aujourd'hui lists the
//! dispute legs to watch and the written confirmations awaited; an oral complaint is withdrawn
//! by the client (it stays in the register, its deadlines stop); the file shows a lawyer's
//! letter and a late insurer, a public platform's complaint and the client's other complaints;
//! the requests for information are followed on Demandes. Seeded with the CLI.

mod common;

use common::{days_ago, days_ahead, App, RegisterFile};
use serde_json::{json, Value};

const USER: &str = "Claire Martin";

fn complaint(client: &str, channel: &str, received_on: &str, description: &str) -> Value {
    // Each client their own contract: the file's history finds a client by name or contract.
    let contract = format!("MRH-{}", client.len());
    json!({
        "client": { "name": client, "email": "client@exemple.fr",
                    "address": "3 rue Pasteur\n69003 Lyon" },
        "channel": channel,
        "receivedOn": received_on,
        "subject": "claimSettlement",
        "description": description,
        "contract": { "number": contract },
    })
}

fn open_file(reference: &str) -> String {
    format!("#register-table tr[data-ref=\"{reference}\"] td.client")
}

#[tokio::test]
async fn what_really_happened_is_recorded_and_shown() {
    let register = RegisterFile::fresh();
    // Phoned in three days ago: its written confirmation is awaited.
    let oral = register.record(&complaint(
        "M. Paul Girard",
        "phone",
        &days_ago(3),
        "Appel : sinistre non indemnise",
    ));
    // A dispute: forwarded to the insurer 30 days ago (its answer expected after 15 days),
    // then a formal notice from a lawyer.
    let disputed = register.record(&complaint(
        "Mme Anne Perrin",
        "letter",
        &days_ago(45),
        "Refus de prise en charge conteste",
    ));
    register.acknowledge(&disputed, &days_ago(44));
    register.cli(
        &[
            "dispute",
            &disputed,
            "--kind",
            "insurerForwarded",
            "--on",
            &days_ago(30),
            "--summary",
            "Dossier transmis a AXA",
        ],
        "",
    );
    register.cli(
        &[
            "dispute",
            &disputed,
            "--kind",
            "formalNotice",
            "--on",
            &days_ago(2),
            "--summary",
            "Mise en demeure du cabinet Leroux, avocats",
            "--lawyer",
        ],
        "",
    );
    // The same client again, through a public platform.
    let platform = register.record(&complaint(
        "Mme Anne Perrin",
        "platform",
        &days_ago(1),
        "Plainte publique sur le delai",
    ));
    register.cli(
        &[
            "platform",
            &platform,
            "--name",
            "Plainte en ligne",
            "--public",
            "--requested-on",
            &days_ago(1),
            "--respond-by",
            &days_ahead(7),
        ],
        "",
    );
    // Two requests for information, one of them answered.
    register.cli(
        &["request"],
        &json!({ "clientName": "M. Luc Bernard", "channel": "phone",
                 "receivedOn": days_ago(5), "description": "Demande d'attestation d'assurance" })
        .to_string(),
    );
    register.cli(
        &["request"],
        &json!({ "clientName": "Mme Julie Roux", "channel": "email",
                 "receivedOn": days_ago(2), "description": "Question sur l'echeancier" })
        .to_string(),
    );

    let app = App::launch("33-today-dispute-legs-and-confirmations", register).await;
    app.sign_in(USER).await;
    app.click("#nav-today").await;
    app.wait_for(&format!(
        "#today-dispute-alerts li[data-alert=\"late\"][data-reference=\"{disputed}\"]"
    ))
    .await;
    app.wait_for(&format!(
        "#today-dispute-alerts li[data-alert=\"lawyerLetter\"][data-reference=\"{disputed}\"]"
    ))
    .await;
    app.wait_text("#today-awaiting-confirmation", &oral).await;
    app.screenshot().await;

    // The disputed file: the late insurer and the lawyer's letter, the client's other file.
    app.click("#nav-register").await;
    app.click(&open_file(&disputed)).await;
    app.wait_text("#file-reference", &disputed).await;
    app.wait_text("#section-client-history", &platform).await;
    let alerts = app.attrs("#file-dispute-alerts li", "data-alert").await;
    assert!(
        alerts.contains(&"late".to_owned()) && alerts.contains(&"lawyerLetter".to_owned()),
        "{alerts:?}"
    );
    app.screenshot_named("34-file-dispute-alerts-and-history")
        .await;

    // The platform's complaint: public, its warning.
    app.click("#nav-register").await;
    app.click(&open_file(&platform)).await;
    app.wait_text("#file-reference", &platform).await;
    app.wait_text("#platform-visibility", "ublique").await;
    app.wait_for("#platform-public-warning").await;
    app.scroll_into_view("#section-platform").await;
    app.screenshot_named("35-file-public-platform").await;

    // The oral complaint is withdrawn by the client: it stays, marked, its deadlines stopped.
    app.click("#nav-register").await;
    app.click(&open_file(&oral)).await;
    app.wait_text("#file-reference", &oral).await;
    app.wait_for("#file-awaits-confirmation").await;
    app.click("#action-withdraw").await;
    app.wait_for("#action-form[data-action=\"withdraw\"]").await;
    app.type_text(
        "#action-reason",
        "Le client a obtenu satisfaction de l'assureur",
    )
    .await;
    app.scroll_into_view("#action-submit").await;
    app.click("#action-submit").await;
    app.wait_for("#action-ending-confirm").await;
    app.click("#action-ending-confirm").await;
    app.wait_attr("#file-ended", "data-ended", "withdrawn")
        .await;
    app.wait_text("#file-ended", "obtenu satisfaction").await;
    app.screenshot_named("36-file-withdrawn").await;
    // Still in the register, with its ending as its status.
    app.click("#nav-register").await;
    app.wait_text(
        &format!("#register-table tr[data-ref=\"{oral}\"]"),
        "Retirée par le client",
    )
    .await;

    // Demandes: both requests, one closed with what was answered.
    app.click("#nav-requests").await;
    app.wait_text("#requests-table", "Demande d'attestation")
        .await;
    app.wait_text("#requests-table", "echeancier").await;
    app.click("button[data-request-close=\"1\"]").await;
    app.type_text(
        "#request-close-note-1",
        "Attestation envoyee par e-mail le jour meme",
    )
    .await;
    app.click("#request-close-submit-1").await;
    app.wait_attr("tr[data-request-id=\"1\"]", "data-request-status", "closed")
        .await;
    app.wait_text("tr[data-request-id=\"1\"]", "Attestation envoyee")
        .await;
    app.screenshot_named("37-requests").await;
    app.quit().await;
}
