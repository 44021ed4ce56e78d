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

    // The extract and the inspection pack run off the window's thread (long operations): called
    // as the screen calls them once the save dialog has answered, with a progress channel, they
    // write their files and report their stages on the way.
    let dir = app.register().path().parent().unwrap().to_owned();
    let pdf = dir.join("extrait.pdf");
    let call = |cmd: &str, args: serde_json::Value| {
        format!(
            "const done = arguments[arguments.length - 1];
             const seen = [];
             const args = {args};
             args.onProgress = '__CHANNEL__:' + window.__TAURI_INTERNALS__.transformCallback((m) => seen.push(m));
             window.__TAURI_INTERNALS__.invoke('{cmd}', args)
               .then(r => setTimeout(() => done(JSON.stringify({{ ok: r, seen }})), 100),
                     e => done(JSON.stringify({{ err: e }})));"
        )
    };
    let query = json!({ "from": "2000-01-01", "to": "2030-12-31" });
    for (cmd, args) in [
        (
            "export_extract",
            json!({ "query": query, "format": "pdf", "path": pdf, "actor": "Claire Martin" }),
        ),
        (
            "export_pack",
            json!({ "query": query, "dir": dir, "actor": "Claire Martin" }),
        ),
    ] {
        let answer = app
            .client()
            .execute_async(&call(cmd, args), vec![])
            .await
            .unwrap();
        let answer: serde_json::Value =
            serde_json::from_str(answer.as_str().unwrap_or("{}")).unwrap();
        assert!(answer.get("err").is_none(), "{cmd}: {answer}");
        let seen = answer["seen"].to_string();
        for stage in ["Lecture du registre", "Mise en page de l'extrait"] {
            assert!(
                seen.contains(stage),
                "{cmd} never reported « {stage} »: {seen}"
            );
        }
    }
    assert!(std::fs::metadata(&pdf).unwrap().len() > 1000);
    app.quit().await;
}
