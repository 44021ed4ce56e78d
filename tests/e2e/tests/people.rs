//! The firm's people in the real app: on a fresh register the first account (the manager, with
//! a password) is created at start; the manager adds two colleagues with their first password in
//! Settings → Utilisateurs; the app is locked ("Verrouiller"); a wrong password is refused with
//! the core's message, the right one signs the advisor in, who then sees the users read-only.

mod common;

use common::{App, RegisterFile};
use std::time::Duration;

const MANAGER: &str = "Claire Martin";
const MANAGER_SECRET: &str = "motdepasse-claire";
const ADVISOR: &str = "Paul Durand";
const ADVISOR_SECRET: &str = "motdepasse-paul";
const SUPERVISOR: &str = "Julie Moreau";
const SUPERVISOR_SECRET: &str = "motdepasse-julie";

fn user_row(name: &str) -> String {
    format!("#users-table tr[data-user=\"{name}\"]")
}

/// Add a user who signs letters, with their first password, from Settings → Utilisateurs.
async fn add_user(app: &App, name: &str, role: &str, secret: &str) {
    app.type_text("#user-name", name).await;
    app.set_value("#user-role", role).await;
    // Unticked after each addition: tick it for this one.
    app.click("#user-can-sign").await;
    app.type_text("#new-user-secret", secret).await;
    app.click("#user-add").await;
    app.wait_text("#toast", &format!("Utilisateur {name} ajouté"))
        .await;
    // The form is emptied for the next user.
    app.wait_value("#user-name", "").await;
    app.wait_value("#new-user-secret", "").await;
    app.wait_for(&format!(
        "{} td[data-has-credentials=\"true\"]",
        user_row(name)
    ))
    .await;
}

#[tokio::test]
async fn the_first_account_adds_colleagues_then_the_app_locks_and_they_sign_in() {
    let app = App::launch("20-sign-in", RegisterFile::fresh()).await;

    // A register without users: its first user creates their account, as its manager.
    app.wait_for_within("#first-name", Duration::from_secs(60))
        .await;
    app.wait_text("#first-title", "Créer votre compte").await;
    app.type_text("#first-name", MANAGER).await;
    app.type_text("#first-secret", MANAGER_SECRET).await;
    app.type_text("#first-secret2", MANAGER_SECRET).await;
    app.click("#first-submit").await;
    app.wait_text("#current-user", MANAGER).await;
    app.wait_text("#content h1", "Aujourd'hui").await;
    // Everyone signs in from now on: the app can be locked.
    app.wait_for("#lock").await;

    // Settings → Utilisateurs: the manager, with a password, and the form to add colleagues.
    app.click("#nav-settings").await;
    app.wait_text("#content h1", "Paramètres").await;
    let manager = app.wait_text(&user_row(MANAGER), "Dirigeant").await;
    assert!(
        manager.contains("Actif"),
        "the first user should be an active manager: {manager:?}"
    );
    app.wait_for(&format!(
        "{} td[data-has-credentials=\"true\"]",
        user_row(MANAGER)
    ))
    .await;
    assert_eq!(
        app.count("#no-password-warning").await,
        0,
        "the manager has a password: no warning that anyone may act under any name"
    );

    add_user(&app, ADVISOR, "advisor", ADVISOR_SECRET).await;
    add_user(&app, SUPERVISOR, "supervisor", SUPERVISOR_SECRET).await;

    for (name, role) in [
        (MANAGER, "Dirigeant"),
        (ADVISOR, "Conseiller"),
        (SUPERVISOR, "Responsable"),
    ] {
        let text = app.wait_text(&user_row(name), role).await;
        assert!(
            text.contains("Oui") && text.contains("Actif"),
            "{name} should be listed as an active {role} who signs: {text:?}"
        );
    }
    let mut listed = app.attrs("#users-table tbody tr", "data-user").await;
    listed.sort();
    assert_eq!(
        listed,
        [MANAGER, SUPERVISOR, ADVISOR],
        "the users table lists the three users (sorted here by name)"
    );
    // A manager manages every other user.
    for name in [ADVISOR, SUPERVISOR] {
        for action in [
            "data-edit-user",
            "data-reset-password",
            "data-toggle-active",
        ] {
            assert_eq!(
                app.count(&format!("[{action}=\"{name}\"]")).await,
                1,
                "the manager should find [{action}] on {name}'s row"
            );
        }
    }
    app.scroll_into_view("#users-table").await;
    app.screenshot_named("21-users").await;

    // Locked: the sign-in screen covers the app, which stays underneath.
    app.click("#lock").await;
    app.wait_text("#signin-title", "verrouillé").await;
    app.wait_for("#signin-secret").await;
    assert_eq!(
        app.count(".app.locked").await,
        1,
        "the app should stay mounted, hidden, under the sign-in screen"
    );
    let advisor_button = format!("[data-signin-user=\"{ADVISOR}\"]");
    app.wait_for(&format!("#signin-user {advisor_button}"))
        .await;

    // Paul, with a wrong password: refused with the core's message; his name stays chosen and
    // the password field is emptied.
    app.click(&advisor_button).await;
    app.wait_attr(&advisor_button, "aria-pressed", "true").await;
    app.type_text("#signin-secret", "pas-le-bon-mot-de-passe")
        .await;
    app.click("#signin-submit").await;
    let error = app.wait_text("#signin-error", "incorrect").await;
    assert!(
        error.to_lowercase().contains("mot de passe"),
        "the refusal should name the password: {error:?}"
    );
    app.wait_value("#signin-secret", "").await;
    app.wait_attr(&advisor_button, "aria-pressed", "true").await;
    assert_eq!(
        app.count(&user_row(MANAGER)).await,
        1,
        "the settings screen should still be there, under the sign-in screen"
    );
    app.screenshot().await;

    // The right password: Paul works from "Aujourd'hui", under his own name.
    app.type_text("#signin-secret", ADVISOR_SECRET).await;
    app.click("#signin-submit").await;
    app.wait_gone("#signin-secret").await;
    app.wait_gone(".app.locked").await;
    app.wait_text("#current-user", ADVISOR).await;
    app.wait_text("#content h1", "Aujourd'hui").await;

    // An advisor sees the users read-only, and may change his own password.
    app.click("#nav-settings").await;
    app.wait_text("#content h1", "Paramètres").await;
    app.wait_text(
        "#users-manager-only",
        "Seul un dirigeant gère les utilisateurs",
    )
    .await;
    app.wait_text(&user_row(SUPERVISOR), "Responsable").await;
    assert_eq!(app.count("#user-add").await, 0, "no form to add a user");
    assert_eq!(
        app.count("[data-edit-user], [data-reset-password], [data-toggle-active]")
            .await,
        0,
        "an advisor manages nobody"
    );
    app.wait_for(&format!("{} #change-my-password", user_row(ADVISOR)))
        .await;

    app.quit().await;
}
