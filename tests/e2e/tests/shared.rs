//! The firm's register shared on a real PostgreSQL (started by the test), in the real app:
//! the manager joins it from Settings → Registre du cabinet (connection tested first); a
//! complaint recorded on an advisor's workstation (the `reclam` CLI on its own cache) appears
//! in the app after a sync; the same complaint answered on two workstations, one of them
//! offline, becomes a conflict on *Aujourd'hui*, which the manager reviews with a note.

#[path = "../../pg/mod.rs"]
mod pg;

mod common;

use common::{days_ago, App, RegisterFile};
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Stdio};

const MANAGER_PW: &str = "dirigeant-2026!";
const ADVISOR_PW: &str = "conseiller-2026!";

/// The `reclam` CLI against the firm's server, on the cache `cache`.
fn cli(server: &str, password: &str, cache: &Path, args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    let bin = common::workspace_binary("RECLAM_CLI", "reclam");
    let mut child = Command::new(&bin)
        .args(args)
        .env("RECLAM_SERVER", server)
        .env("RECLAM_PASSWORD", password)
        .env("RECLAM_ADMIN_PASSWORD", pg::ADMIN_PASSWORD)
        .env("RECLAM_DB", cache)
        .env_remove("RECLAM_TODAY")
        .env_remove("RECLAM_USER")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "reclam {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn complaint(name: &str) -> String {
    json!({
        "client": {"name": name, "address": "3 rue Pasteur\n69003 Lyon", "email": "client@exemple.fr"},
        "channel": "letter", "receivedOn": days_ago(3), "subject": "claimSettlement",
        "description": "Indemnisation du degat des eaux jugee insuffisante",
        "receivedBy": "Accueil"
    })
    .to_string()
}

#[tokio::test]
async fn a_desk_joins_the_firm_s_register_sees_a_colleague_s_complaint_and_reviews_a_conflict() {
    let pg = pg::Pg::start();
    pg.create_db("cabinet");
    let work = tempfile::tempdir().unwrap();
    let (claire_url, paul_url) = (
        pg.url("claire.martin", "cabinet"),
        pg.url("paul.petit", "cabinet"),
    );
    let claire_cli = work.path().join("claire-poste2.db");
    let paul_cache = work.path().join("paul.db");
    cli(
        &claire_url,
        "",
        &claire_cli,
        &[
            "server",
            "init",
            "--url",
            &pg.admin_url("cabinet"),
            "--manager",
            "Claire Martin",
        ],
        &format!("{MANAGER_PW}\n"),
    );
    cli(
        &claire_url,
        MANAGER_PW,
        &claire_cli,
        &[
            "server",
            "user",
            "add",
            "Paul Petit",
            "--role",
            "advisor",
            "--can-sign",
        ],
        &format!("{ADVISOR_PW}\n"),
    );

    // Claire's desk: its own register first, then Settings → Registre du cabinet.
    let app = App::launch("30-shared-joined", RegisterFile::fresh()).await;
    app.sign_in("Claire Martin").await;
    app.click("#nav-settings").await;
    app.wait_for("[data-testid=server-url]").await;
    app.scroll_into_view("[data-testid=server-url]").await;
    app.type_text("[data-testid=server-url]", &claire_url).await;
    app.type_text("[data-testid=server-join-password]", "mauvais")
        .await;
    app.click("[data-testid=server-test]").await;
    // A wrong password: the server's refusal, in French, and what was typed stays.
    app.wait_text("#shared-register [role=alert]", "refuse")
        .await;
    assert_eq!(app.value("[data-testid=server-url]").await, claire_url);
    app.set_value("[data-testid=server-join-password]", "")
        .await;
    app.type_text("[data-testid=server-join-password]", MANAGER_PW)
        .await;
    app.click("[data-testid=server-test]").await;
    app.wait_text("#server-test-result", "Claire Martin").await;
    app.click("[data-testid=server-join]").await;
    app.click("[data-testid=server-join-confirm]").await;
    // The firm's register is open, signed in as its member: online.
    app.wait_attr("[data-testid=sync-badge]", "data-online", "true")
        .await;
    app.wait_text("#current-user", "Claire Martin").await;

    // Paul records a complaint on his laptop; Claire's desk receives it at the next sync.
    let added: Value = serde_json::from_str(&cli(
        &paul_url,
        ADVISOR_PW,
        &paul_cache,
        &["add"],
        &complaint("Client de Paul"),
    ))
    .unwrap();
    let reference = added["reference"].as_str().unwrap().to_owned();
    app.click("[data-testid=sync-badge]").await;
    app.click("[data-testid=sync-now]").await;
    app.wait_text("#sync-journal", "3 changements").await;
    app.screenshot_named("30-shared-sync-panel").await;
    app.click("#nav-register").await;
    app.wait_text("#content", &reference).await;
    app.wait_text("#content", "Client de Paul").await;

    // The same complaint answered twice: Paul offline on his laptop, Claire on her second desk.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let paul_offline = format!("postgres://paul.petit@127.0.0.1:{closed}/cabinet");
    let answer = |who: &str| {
        vec![
            "answer".to_owned(),
            reference.clone(),
            "--on".into(),
            days_ago(0),
            "--outcome".into(),
            "upheld".into(),
            "--summary".into(),
            format!("Reponse de {who}"),
            "--via".into(),
            "registerLetter".into(),
        ]
    };
    let args: Vec<String> = answer("Paul, ecrite hors ligne");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cli(&paul_offline, ADVISOR_PW, &paul_cache, &args, "");
    let args: Vec<String> = answer("Claire, envoyee du bureau");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cli(&claire_url, MANAGER_PW, &claire_cli, &args, "");
    // Paul is back online: his answer reaches the firm's journal, refused and flagged.
    cli(&paul_url, ADVISOR_PW, &paul_cache, &["sync"], "");

    app.click("[data-testid=sync-badge]").await;
    app.click("[data-testid=sync-now]").await;
    app.wait_for("[data-testid=sync-conflicts]").await;
    app.click("#nav-today").await;
    let row = app
        .wait_text("[data-testid=conflict-row]", &reference)
        .await;
    assert!(row.contains("Paul Petit"), "{row}");
    assert_eq!(
        app.attrs("[data-testid=conflict-row]", "data-reason").await,
        vec!["refused".to_owned()]
    );
    app.scroll_into_view("[data-testid=conflicts]").await;
    app.screenshot_named("31-shared-conflict").await;
    app.click("[data-testid=conflict-resolve]").await;
    app.type_text(
        "[data-testid=conflict-note]",
        "Reponse de Claire maintenue, Paul prevenu",
    )
    .await;
    app.click("[data-testid=conflict-confirm]").await;
    app.wait_gone("[data-testid=conflict-row]").await;
    app.wait_gone("[data-testid=sync-conflicts]").await;
    // Paul's workstation learns the review too.
    let listed = cli(
        &paul_url,
        ADVISOR_PW,
        &paul_cache,
        &["conflicts", "--all", "--json"],
        "",
    );
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed[0]["resolvedBy"], "Claire Martin");
    app.screenshot().await;
    app.quit().await;
}

#[tokio::test]
async fn a_desk_moves_its_own_register_to_the_firm_s_new_server() {
    let pg = pg::Pg::start();
    pg.create_db("nouveau");
    let work = tempfile::tempdir().unwrap();
    let claire_url = pg.url("claire.martin", "nouveau");
    let scratch = work.path().join("init.db");
    cli(
        &claire_url,
        "",
        &scratch,
        &[
            "server",
            "init",
            "--url",
            &pg.admin_url("nouveau"),
            "--manager",
            "Claire Martin",
        ],
        &format!("{MANAGER_PW}\n"),
    );

    // Claire's desk kept its register alone until now.
    let app = App::launch("32-shared-moved", RegisterFile::fresh()).await;
    app.sign_in("Claire Martin").await;
    let reference = app
        .register()
        .record(&serde_json::from_str(&complaint("Client d'avant")).unwrap());
    app.click("#nav-settings").await;
    app.wait_for("[data-testid=server-url]").await;
    app.scroll_into_view("[data-testid=server-url]").await;
    app.type_text("[data-testid=server-url]", &claire_url).await;
    app.type_text("[data-testid=server-join-password]", MANAGER_PW)
        .await;
    app.click("[data-testid=server-move]").await;
    app.wait_text("#server-move-question", "une seule fois")
        .await;
    app.click("[data-testid=server-move-confirm]").await;
    app.wait_attr("[data-testid=sync-badge]", "data-online", "true")
        .await;
    app.wait_text("#toast", "1 réclamation").await;
    // The firm's register is this desk's, with its complaint under the same reference.
    app.click("#nav-register").await;
    app.wait_text("#content", &reference).await;
    app.screenshot().await;
    // Another desk of the firm sees it too.
    let listed = cli(
        &claire_url,
        MANAGER_PW,
        &work.path().join("poste2.db"),
        &["list", "--json"],
        "",
    );
    assert!(listed.contains(&reference), "{listed}");
    app.quit().await;
}
