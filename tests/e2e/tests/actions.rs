//! "Actions correctives" in the real app: a dysfunction recorded on a complaint (through the
//! CLI) is followed by a corrective action decided on the screen, then started; the register
//! holds the action, linked to the dysfunction and its complaint (read back through the CLI).

mod common;

use common::{days_ago, days_ahead, fr_date, App, RegisterFile};
use serde_json::{json, Value};

const USER: &str = "Claire Martin";

/// A register with one complaint carrying one dysfunction: its reference and the
/// dysfunction's id.
fn seeded() -> (RegisterFile, String, i64) {
    let register = RegisterFile::fresh();
    let reference = register.record(&json!({
        "client": { "name": "M. Garnier", "email": "client@exemple.fr" },
        "channel": "email",
        "receivedOn": days_ago(4),
        "subject": "termination",
        "description": "Resiliation demandee en septembre toujours pas prise en compte",
    }));
    // Found today (the CLI's default date), on that complaint.
    let out = register.cli(
        &[
            "dysfunction",
            &reference,
            "--category",
            "process",
            "--description",
            "Demande de resiliation restee sans suite dans la boite commune",
        ],
        "",
    );
    let complaint: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam dysfunction` printed no JSON ({e}): {out}"));
    let dysfunctions = complaint["dysfunctions"]
        .as_array()
        .unwrap_or_else(|| panic!("`reclam dysfunction` printed no dysfunctions: {out}"));
    assert_eq!(dysfunctions.len(), 1, "one dysfunction recorded: {out}");
    let id = dysfunctions[0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("the dysfunction has no id: {out}"));
    assert_eq!(id, 1, "the first dysfunction of a fresh register: {out}");
    (register, reference, id)
}

#[tokio::test]
async fn an_action_is_decided_from_a_dysfunction_then_started() {
    let (register, reference, dysfunction) = seeded();
    let app = App::launch("11-actions", register).await;
    app.sign_in(USER).await;

    app.click("#nav-actions").await;
    app.wait_text("#content h1", "Actions correctives").await;
    app.wait_attr(".nav-btn[aria-current=\"page\"]", "id", "nav-actions")
        .await;
    // No action yet; the dysfunction is offered as an origin once the lists are loaded.
    app.wait_for("#actions-empty").await;
    let checkbox = format!("input[data-dysfunction-id=\"{dysfunction}\"]");
    app.wait_for(&checkbox).await;
    app.wait_text("#action-dysfunctions", &reference).await;
    // The search finds it by its complaint, and says when nothing matches.
    app.type_text("#dysfunction-search", "zzz").await;
    app.wait_gone(&checkbox).await;
    app.wait_text(
        "#dysfunctions-found",
        "Aucun dysfonctionnement ne correspond",
    )
    .await;
    app.set_value("#dysfunction-search", &reference).await;
    app.wait_for(&checkbox).await;
    app.wait_text("#dysfunctions-found", "1 dysfonctionnement trouvé")
        .await;

    // Refused: the description is required. What was typed and ticked stays.
    let owner = "Julien Bernard";
    app.type_text("#action-owner", owner).await;
    app.click(&checkbox).await;
    // Ticking the dysfunction links its complaint.
    app.wait_for(&format!(
        "#action-linked-complaints .chip[data-linked-ref=\"{reference}\"]"
    ))
    .await;
    app.click("#action-save").await;
    app.wait_text(
        ".field-error[data-field=\"description\"]",
        "Décrivez l'action à mener.",
    )
    .await;
    app.wait_attr("#action-description", "aria-invalid", "true")
        .await;
    app.wait_text(".field-error[data-field=\"dueOn\"]", "Indiquez l'échéance")
        .await;
    assert_eq!(
        app.value("#action-owner").await,
        owner,
        "the owner typed before the refusal"
    );
    assert_eq!(
        app.count(".field-error[data-field=\"owner\"]").await,
        0,
        "the owner was given: no error on it"
    );
    assert_eq!(
        app.count(&format!("{checkbox}:checked")).await,
        1,
        "the dysfunction ticked before the refusal"
    );
    assert_eq!(
        app.count("#actions-table tr[data-action-id]").await,
        0,
        "nothing was recorded"
    );
    app.wait_for("#actions-empty").await;

    // Completed: description and due date, then saved.
    let description = "Relever la boite commune chaque matin et enregistrer les demandes";
    app.type_text("#action-description", description).await;
    app.wait_gone(".field-error[data-field=\"description\"]")
        .await;
    let due = days_ahead(30);
    app.type_date("#action-due", &due).await;
    app.wait_gone(".field-error[data-field=\"dueOn\"]").await;
    app.click("#action-save").await;

    let row = "#actions-table tr[data-action-id=\"1\"]";
    let text = app.wait_text(row, description).await;
    app.wait_text("#toast", "Action corrective n° 1 enregistrée")
        .await;
    let due_fr = fr_date(&due);
    for expected in [reference.as_str(), owner, due_fr.as_str(), "Prévue"] {
        assert!(
            text.contains(expected),
            "the new action's row should show {expected:?}: {text:?}"
        );
    }
    app.wait_for(&format!("{row} button[data-complaint-ref=\"{reference}\"]"))
        .await;
    app.wait_attr(&format!("{row} .dys-count"), "data-dysfunction-count", "1")
        .await;
    app.wait_attr(row, "data-status", "planned").await;
    // The form is emptied for the next action.
    app.wait_value("#action-description", "").await;
    app.wait_value("#action-owner", "").await;
    // The dysfunction now says which action follows it.
    app.wait_attr("#action-dysfunctions .followed", "data-followed-by", "1")
        .await;

    // Started: "Démarrer" applies at once (not a final status, no confirmation).
    app.click(&format!("{row} button[data-action-status=\"inProgress\"]"))
        .await;
    app.wait_attr(row, "data-status", "inProgress").await;
    app.wait_text(&format!("{row} td.col-status"), "En cours")
        .await;
    app.wait_gone(&format!("{row} button[data-action-status=\"inProgress\"]"))
        .await;
    app.wait_for(&format!("{row} button[data-action-status=\"done\"]"))
        .await;

    // The register holds it: in progress, linked to the dysfunction and its complaint.
    let out = app.register().cli(&["action", "list", "--json"], "");
    let actions: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("`reclam action list --json` printed no JSON ({e}): {out}"));
    let actions = actions
        .as_array()
        .unwrap_or_else(|| panic!("`reclam action list --json` printed no list: {out}"));
    assert_eq!(actions.len(), 1, "one action stored: {out}");
    let action = &actions[0];
    assert_eq!(action["id"].as_i64(), Some(1), "{out}");
    assert_eq!(action["status"], "inProgress", "{out}");
    assert_eq!(action["description"], description, "{out}");
    assert_eq!(action["owner"], owner, "{out}");
    assert_eq!(action["dueOn"], due.as_str(), "{out}");
    assert_eq!(action["late"], false, "{out}");
    assert_eq!(action["dysfunctions"], json!([dysfunction]), "{out}");
    assert_eq!(action["complaints"], json!([reference]), "{out}");

    app.scroll_into_view(row).await;
    app.screenshot().await;
    app.quit().await;
}
