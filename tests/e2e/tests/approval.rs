//! "Demande de validation" in the real app: an advisor's 60 EUR gesture is beyond his
//! authority (50 EUR by default). The answer form says so as he types, refuses the answer,
//! and lets him ask a supervisor; the supervisor accepts from "Aujourd'hui"; the advisor then
//! records the answer. Three users with passwords, seeded through the CLI before the app
//! starts; each one signs in on the app's sign-in screen, and "Verrouiller" hands over.

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::{json, Value};
use std::time::Duration;

/// (name, password) of each user.
const CLAIRE: (&str, &str) = ("Claire Martin", "motdepasse-claire");
const PAUL: (&str, &str) = ("Paul Durand", "motdepasse-paul");
const JULIE: (&str, &str) = ("Julie Moreau", "motdepasse-julie");

/// How long the app may take to show its first screen (the harness's start-up allowance).
const FIRST_SCREEN: Duration = Duration::from_secs(60);

/// Run the CLI on `register` as `user`, signed in with their password (once the register has
/// credentials every command signs in); returns its standard output.
fn cli_as(register: &RegisterFile, user: (&str, &str), args: &[&str], stdin: &str) -> String {
    register.cli_as(user.0, user.1, args, stdin)
}

/// A register with an acknowledged complaint and three users with passwords: Claire Martin
/// (manager), Paul Durand (advisor: gestures up to 50 EUR alone) and Julie Moreau
/// (supervisor). Returns the complaint's reference.
fn seeded() -> (RegisterFile, String) {
    let register = RegisterFile::fresh();
    // Before anyone has a password, the harness's CLI (as Claire Martin) needs none.
    let reference = register.record(&json!({
        "client": { "name": "M. Lambert", "email": "client@exemple.fr" },
        "channel": "email",
        "receivedOn": days_ago(6),
        "subject": "claimSettlement",
        "description": "Indemnisation du sinistre versee avec trois semaines de retard",
    }));
    register.acknowledge(&reference, &days_ago(5));
    // The first user, the manager, with the register's first password: from now on every
    // command signs in.
    register.cli(
        &[
            "user",
            "add",
            "--name",
            CLAIRE.0,
            "--role",
            "manager",
            "--can-sign",
            "--password-stdin",
        ],
        &format!("{}\n", CLAIRE.1),
    );
    for ((name, password), role) in [(PAUL, "advisor"), (JULIE, "supervisor")] {
        cli_as(
            &register,
            CLAIRE,
            &[
                "user",
                "add",
                "--name",
                name,
                "--role",
                role,
                "--can-sign",
                "--password-stdin",
            ],
            &format!("{password}\n"),
        );
    }
    (register, reference)
}

/// Sign in on the sign-in screen (at start, or over the locked app): pick the name, type the
/// password, and wait for the top bar to name the user.
async fn sign_in_as(app: &App, user: (&str, &str)) {
    let (name, password) = user;
    let button = format!("[data-signin-user=\"{name}\"]");
    app.wait_for_within(&button, FIRST_SCREEN).await;
    app.click(&button).await;
    app.wait_attr(&button, "aria-pressed", "true").await;
    app.type_text("#signin-secret", password).await;
    app.click("#signin-submit").await;
    app.wait_text("#current-user", name).await;
    app.wait_gone("#signin-submit").await;
}

/// Lock the app ("Verrouiller"): the sign-in screen comes over it.
async fn lock(app: &App) {
    app.click("#lock").await;
    app.wait_for("#signin-submit").await;
}

async fn open_file(app: &App, reference: &str) {
    app.click("#nav-register").await;
    app.click(&format!(
        "#register-table tr[data-ref=\"{reference}\"] td.client"
    ))
    .await;
    app.wait_text("#file-reference", reference).await;
}

const SUMMARY: &str = "Nous reconnaissons le retard de versement et vous accordons un avoir";
const REASON: &str = "Retard de gestion de trois semaines reconnu par le service sinistres";

/// Open the answer form and type an answer with a 60 EUR credit and its reason.
async fn type_answer(app: &App) {
    app.click("#action-answer").await;
    app.wait_for("#action-form[data-action=\"answer\"]").await;
    app.type_text("#action-summary", SUMMARY).await;
    app.type_text("#answer-gesture", "60").await;
    // The gesture's kind and reason are asked once an amount is typed.
    app.set_value("#answer-gesture-kind", "credit").await;
    app.type_text("#answer-gesture-reason", REASON).await;
}

/// The complaint as the register holds it (read through the CLI).
fn stored(register: &RegisterFile, reference: &str) -> Value {
    let out = cli_as(register, CLAIRE, &["show", reference, "--json"], "");
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam show --json` printed no JSON ({e}): {out}"))
}

#[tokio::test]
async fn a_gesture_beyond_authority_is_requested_approved_then_answered() {
    let (register, reference) = seeded();
    let app = App::launch("22-escalation", register).await;

    // Paul, an advisor, types a 60 EUR gesture: the panel asks for a supervisor's approval.
    sign_in_as(&app, PAUL).await;
    open_file(&app, &reference).await;
    app.wait_attr("#file-status", "data-status", "acknowledged")
        .await;
    type_answer(&app).await;
    app.wait_text("#authority-panel", "Validation d'un responsable requise")
        .await;
    app.wait_attr(
        "#authority-panel [data-line=\"gestureApproval\"]",
        "data-tone",
        "todo",
    )
    .await;
    app.wait_text("#authority-panel", "geste seul jusqu'à 50,00 €")
        .await;

    // Recording it now is refused beside the gesture; everything typed stays.
    app.click("#action-submit").await;
    app.wait_text(
        ".field-error[data-field=\"gesture\"]",
        "dépasse votre habilitation",
    )
    .await;
    app.wait_attr("#file-status", "data-status", "acknowledged")
        .await;
    assert_eq!(app.value("#action-summary").await, SUMMARY);
    assert_eq!(app.value("#answer-gesture").await, "60");
    assert_eq!(app.value("#answer-gesture-kind").await, "credit");
    assert_eq!(app.value("#answer-gesture-reason").await, REASON);

    // He asks for the approval: the form comes prefilled with the gesture's reason.
    app.click("#request-approval").await;
    app.wait_for("#escalation-form").await;
    assert_eq!(
        app.value("#esc-reason").await,
        REASON,
        "the request takes the reason noted for the gesture"
    );
    app.type_text(
        "#esc-refused",
        "Avoir de 20 euros propose par telephone, refuse par le client",
    )
    .await;
    app.type_text(
        "#esc-analysis",
        "Retard imputable au cabinet, client fidele depuis 12 ans, risque de resiliation",
    )
    .await;
    app.click("#esc-submit").await;
    app.wait_text("#toast", "Demande de validation envoyée")
        .await;

    // Pending: the panel says so, and the file lists the request with its target time.
    app.wait_text("#authority-panel", "Demande en attente")
        .await;
    app.wait_gone("#request-approval").await;
    let ids = app
        .attrs("#escalations li[data-escalation-id]", "data-escalation-id")
        .await;
    assert_eq!(ids.len(), 1, "one request in the file: {ids:?}");
    let id = ids[0].clone();
    let item = format!("#escalations li[data-escalation-id=\"{id}\"]");
    app.wait_attr(&item, "data-status", "pending").await;
    let text = app.wait_text(&item, "En attente de validation").await;
    for expected in ["60,00 €", "Paul Durand", "à valider avant"] {
        assert!(
            text.contains(expected),
            "the request should show {expected:?}: {text:?}"
        );
    }
    // His own request: no decision offered to him.
    assert_eq!(app.count(&format!("[data-approve=\"{id}\"]")).await, 0);
    app.scroll_into_view("#authority-panel").await;
    app.screenshot().await;

    // Julie, a supervisor, finds it on "Aujourd'hui" and accepts it.
    lock(&app).await;
    sign_in_as(&app, JULIE).await;
    app.click("#nav-today").await;
    let row = format!("#today-approvals [data-pending-approval=\"{id}\"]");
    let text = app.wait_text(&row, &reference).await;
    for expected in ["M. Lambert", "60,00 €", "Paul Durand"] {
        assert!(
            text.contains(expected),
            "the request to decide should show {expected:?}: {text:?}"
        );
    }
    app.click(&format!("{row} [data-approve=\"{id}\"]")).await;
    app.wait_for("#decision-reason").await;
    app.type_text(
        "#decision-reason",
        "Geste proportionne au retard de gestion constate",
    )
    .await;
    app.screenshot_named("23-approval").await;
    app.click("#decision-submit").await;
    app.wait_text("#toast", "Demande de validation acceptée")
        .await;
    app.wait_gone(&row).await;

    // The register holds the decision.
    let complaint = stored(app.register(), &reference);
    let escalation = &complaint["escalations"][0];
    assert_eq!(escalation["status"], "accepted", "{complaint}");
    assert_eq!(escalation["decidedBy"], JULIE.0, "{complaint}");
    assert_eq!(escalation["requestedBy"], PAUL.0, "{complaint}");

    // Paul records the answer: the approval covers it now.
    lock(&app).await;
    sign_in_as(&app, PAUL).await;
    open_file(&app, &reference).await;
    app.wait_attr(&item, "data-status", "accepted").await;
    app.wait_text(&item, "Julie Moreau").await;
    type_answer(&app).await;
    app.wait_text("#authority-panel", "Validé jusqu'à 60,00 €")
        .await;
    app.wait_text("#authority-panel", "La réponse peut être enregistrée")
        .await;
    app.click("#action-submit").await;
    app.wait_attr("#file-status", "data-status", "answered")
        .await;
    assert_eq!(app.text("#file-status").await, "Répondue");
    app.wait_text("#toast", "Réponse enregistrée").await;
    let decided = app.wait_text("#money-decided", "60,00 €").await;
    assert!(
        decided.contains("Avoir / crédit") && decided.contains(REASON),
        "the file should show the gesture decided, its kind and reason: {decided:?}"
    );

    let complaint = stored(app.register(), &reference);
    assert_eq!(complaint["status"], "answered", "{complaint}");
    let answer = &complaint["answer"];
    assert_eq!(answer["gestureKind"], "credit", "{complaint}");
    assert_eq!(answer["gestureReason"], REASON, "{complaint}");
    let gesture = answer["gesture"].as_str().unwrap_or_default();
    assert!(
        gesture == "60" || gesture == "60.00",
        "the answer's gesture should be 60 EUR: {complaint}"
    );

    app.quit().await;
}
