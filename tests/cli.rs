//! The `reclam` command line, run as a user would: output, exit codes, refusals.

mod common;

use common::TestDb;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

struct Cli<'a> {
    db: &'a TestDb,
    today: &'a str,
}

impl Cli<'_> {
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        self.run_as(args, stdin, None)
    }

    /// Run with `RECLAM_PASSWORD` set to `password` (or unset).
    fn run_as(&self, args: &[&str], stdin: Option<&str>, password: Option<&str>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_reclam"));
        command.env_remove("RECLAM_PASSWORD");
        if let Some(p) = password {
            command.env("RECLAM_PASSWORD", p);
        }
        let mut child = command
            .args(args)
            .env("RECLAM_DB", &self.db.path)
            .env("RECLAM_TODAY", self.today)
            .env("RECLAM_USER", "Claire Martin")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
        drop(input);
        child.wait_with_output().unwrap()
    }

    fn ok(&self, args: &[&str], stdin: Option<&str>) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn refused(&self, args: &[&str], stdin: Option<&str>) -> String {
        let out = self.run(args, stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "nothing on stdout on failure");
        String::from_utf8(out.stderr).unwrap()
    }
}

const COMPLAINT: &str = r#"{"client":{"name":"Mme Dupont","address":"3 rue Pasteur\n69003 Lyon",
  "email":"dupont@exemple.fr","kind":"person","relation":"client"},"channel":"email",
  "sentOn":"2026-05-04","receivedOn":"2026-05-07","subject":"claimSettlement",
  "description":"Retard d'indemnisation","contract":{"number":"MRH-1","product":"Habitation",
  "insurer":"AXA"},"otherParties":["Expert"],"personsConcerned":["Julien Bernard"],
  "handler":"Claire Martin"}"#;

#[test]
fn deadlines_one_json_object_per_line() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    let out = cli.ok(&["deadlines", "2026-05-07", "2026-12-31"], None);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"start":"2026-05-07","region":"metropole","ackDue":"2026-05-21",
            "answerDue":"2026-07-07","mediatorFrom":"2026-07-07","mediatorUntil":"2027-05-07"})
    );
    assert_eq!(lines[1]["answerDue"], "2027-02-28");
    assert_eq!(lines[1]["ackDue"], "2027-01-13");

    // From stdin, with a region.
    let out = cli.ok(
        &["deadlines", "--region", "alsace-moselle"],
        Some("2025-04-16\n2026-12-21\n"),
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["ackDue"], "2025-04-30");
    assert_eq!(lines[1]["ackDue"], "2027-01-05");
    assert_eq!(lines[1]["region"], "alsace-moselle");

    let err = cli.refused(&["deadlines"], Some("2026-05-07\n2026-02-30\n"));
    assert!(
        err.contains("ligne 2") && err.contains("2026-02-30"),
        "{err}"
    );
    let err = cli.refused(&["deadlines", "--region", "corse", "2026-05-07"], None);
    assert!(err.contains("région inconnue"), "{err}");
}

#[test]
fn deadlines_handles_forty_thousand_dates() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    let start = common::d("2000-01-01");
    let input: String = (0..40_000)
        .map(|i| format!("{}\n", start + chrono::Duration::days(i)))
        .collect();
    let out = cli.ok(&["deadlines"], Some(&input));
    assert_eq!(out.lines().count(), 40_000);
    let last: Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(last["start"], "2109-07-07");
    assert_eq!(last["answerDue"], "2109-09-07");
}

#[test]
fn add_then_walk_the_lifecycle() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    cli.ok(&["init"], None);
    let c: Value = serde_json::from_str(&cli.ok(&["add"], Some(COMPLAINT))).unwrap();
    assert_eq!(c["reference"], "REC-2026-0001");
    assert_eq!(c["status"], "received");
    assert_eq!(c["deadlines"]["basis"], "sent");
    assert_eq!(c["deadlines"]["start"], "2026-05-04");
    assert_eq!(c["deadlines"]["ackDue"], "2026-05-18");
    assert_eq!(c["deadlines"]["answerDue"], "2026-07-04");

    // From a file too.
    let file = db.dir.path().join("c.json");
    std::fs::write(&file, COMPLAINT).unwrap();
    let c2: Value =
        serde_json::from_str(&cli.ok(&["add", "--json", file.to_str().unwrap()], None)).unwrap();
    assert_eq!(c2["reference"], "REC-2026-0002");

    let err = cli.refused(&["ack", "REC-2026-0001", "--on", "2026-05-06"], None);
    assert!(err.contains("antérieur"), "{err}");
    // Sent by e-mail: the message is attached to the file, and the step names it.
    let mail = db.dir.path().join("ar-dupont.eml");
    std::fs::write(&mail, "Subject: Accusé de réception\r\n\r\nBonjour,").unwrap();
    let attached: Value =
        serde_json::from_str(&cli.ok(&["attach", "REC-2026-0001", mail.to_str().unwrap()], None))
            .unwrap();
    let sha = attached["sha256"].as_str().unwrap().to_owned();
    let err = cli.refused(&["ack", "REC-2026-0001", "--on", "2026-05-12"], None);
    assert!(err.contains("via : indiquez comment"), "{err}");
    let acked: Value = serde_json::from_str(&cli.ok(
        &[
            "ack",
            "REC-2026-0001",
            "--on",
            "2026-05-12",
            "--via",
            "email",
            "--copy",
            &sha,
        ],
        None,
    ))
    .unwrap();
    assert_eq!(acked["ackSent"]["via"], "email");
    assert_eq!(acked["ackSent"]["copy"], sha.as_str());
    cli.ok(
        &[
            "hold",
            "REC-2026-0001",
            "--on",
            "2026-05-25",
            "--note",
            "Attente de l'assureur",
        ],
        None,
    );
    let err = cli.refused(
        &[
            "answer",
            "REC-2026-0001",
            "--on",
            "2026-05-28",
            "--outcome",
            "partial",
            "--summary",
            "x",
            "--gesture",
            "-5",
        ],
        None,
    );
    assert!(err.contains("gesture") && err.contains("négatif"), "{err}");
    let a: Value = serde_json::from_str(&cli.ok(
        &[
            "answer",
            "REC-2026-0001",
            "--on",
            "2026-05-28",
            "--outcome",
            "partial",
            "--summary",
            "Geste accordé",
            "--gesture",
            "95,50",
            "--gesture-kind",
            "credit",
            "--gesture-reason",
            "Retard imputable au cabinet",
            "--via",
            "email",
            "--copy",
            &sha,
        ],
        None,
    ))
    .unwrap();
    assert_eq!(a["answer"]["sent"]["via"], "email");
    assert_eq!(a["answer"]["gesture"], "95.50");
    assert_eq!(a["answer"]["gestureKind"], "credit");
    let err = cli.refused(
        &[
            "answer",
            "REC-2026-0001",
            "--on",
            "2026-05-29",
            "--outcome",
            "upheld",
            "--summary",
            "x",
        ],
        None,
    );
    assert!(err.contains("déjà"), "{err}");
    let err = cli.refused(
        &[
            "close",
            "REC-2026-0001",
            "--on",
            "2026-05-30",
            "--feedback",
            "happy",
        ],
        None,
    );
    assert!(
        err.contains("feedback") && err.contains("resolved"),
        "{err}"
    );
    cli.ok(
        &[
            "close",
            "REC-2026-0001",
            "--on",
            "2026-05-30",
            "--feedback",
            "resolved",
            "--recourse",
            "Réponse par e-mail du 28/05 avec les voies de recours, jointe",
        ],
        None,
    );
    let err = cli.refused(
        &[
            "answer",
            "REC-2026-0001",
            "--on",
            "2026-05-30",
            "--outcome",
            "upheld",
            "--summary",
            "x",
        ],
        None,
    );
    assert!(err.contains("Clôturée"), "{err}");

    let show: Value =
        serde_json::from_str(&cli.ok(&["show", "REC-2026-0001", "--json"], None)).unwrap();
    let kinds: Vec<&str> = show["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "recorded",
            "attachment",
            "acknowledged",
            "holding",
            "answered",
            "closed"
        ]
    );
    assert_eq!(show["events"][1]["actor"], "Claire Martin");
    assert_eq!(show["status"], "closed");
    assert_eq!(show["mediation"]["until"], "2027-05-04");

    let text = cli.ok(&["show", "REC-2026-0001"], None);
    assert!(
        text.contains("Clôturée") && text.contains("04/07/2026"),
        "{text}"
    );

    let list: Value =
        serde_json::from_str(&cli.ok(&["list", "--json", "--status", "received"], None)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["reference"], "REC-2026-0002");
    assert_eq!(list[0]["next"]["overdue"], true);
    let list: Value =
        serde_json::from_str(&cli.ok(&["list", "--json", "--overdue"], None)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let list: Value =
        serde_json::from_str(&cli.ok(&["list", "--json", "--search", "dupont"], None)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let text = cli.ok(&["list"], None);
    assert!(
        text.contains("REC-2026-0002") && text.contains("en retard"),
        "{text}"
    );
}

#[test]
fn add_refusals_name_the_field() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    let cases: &[(&str, &str, &str)] = &[
        ("\"2026-05-07\"", "\"2026-02-30\"", "receivedOn"),
        ("\"sentOn\"", "\"colour\":\"bleu\",\"sentOn\"", "colour"),
        ("\"2026-05-07\"", "\"2026-06-15\"", "receivedOn"),
        ("\"2026-05-04\"", "\"2026-05-09\"", "sentOn"),
        ("\"Mme Dupont\"", "\"  \"", "client.name"),
        (
            "\"email\",\n  \"sentOn\"",
            "\"pigeon\",\n  \"sentOn\"",
            "channel",
        ),
        ("dupont@exemple.fr", "dupont-exemple", "client.email"),
        ("\"claimSettlement\"", "\"weather\"", "subject"),
    ];
    for (from, to, field) in cases {
        let input = COMPLAINT.replacen(from, to, 1);
        assert_ne!(input, COMPLAINT, "case {field} did not change the input");
        let err = cli.refused(&["add"], Some(&input));
        assert!(err.contains(field), "expected field {field} in: {err}");
        assert!(err.starts_with("erreur : "), "{err}");
    }
    let err = cli.refused(&["add"], Some("{not json"));
    assert!(err.contains("JSON"), "{err}");
    // Nothing was recorded.
    let list: Value = serde_json::from_str(&cli.ok(&["list", "--json"], None)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 0);
    let err = cli.refused(&["show", "REC-2026-0042"], None);
    assert!(err.contains("introuvable"), "{err}");
    let err = cli.refused(&["show", "n'importe quoi"], None);
    assert!(err.contains("référence invalide"), "{err}");
}

#[test]
fn settings_and_demo() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    cli.ok(
        &["settings", "set", "firm.name", "Cabinet Durand Courtage"],
        None,
    );
    let err = cli.refused(&["settings", "set", "firm.orias", "12"], None);
    assert!(err.contains("ORIAS"), "{err}");
    let s: Value = serde_json::from_str(&cli.ok(&["settings", "show", "--json"], None)).unwrap();
    assert_eq!(s["firm.name"], "Cabinet Durand Courtage");
    assert_eq!(s["region"], "metropole");

    let out = cli.run(&["demo", "--count", "300"], None);
    assert!(out.status.success());
    let list: Value =
        serde_json::from_str(&cli.ok(&["list", "--json", "--limit", "1000"], None)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 300);
}

#[test]
fn a_database_from_a_newer_version_is_refused_by_the_cli() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-01",
    };
    cli.ok(&["init"], None);
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .pragma_update(None, "user_version", reclam::store::SCHEMA_VERSION + 1)
        .unwrap();
    let err = cli.refused(&["list"], None);
    assert!(err.contains("version plus récente"), "{err}");
}

#[test]
fn users_and_letters_from_the_command_line() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-20",
    };
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
    ] {
        cli.ok(&["settings", "set", k, v], None);
    }
    cli.ok(
        &[
            "user",
            "add",
            "--name",
            "Claire Martin",
            "--role",
            "manager",
            "--can-sign",
        ],
        None,
    );
    let err = cli.refused(
        &["user", "add", "--name", "Paul", "--role", "stagiaire"],
        None,
    );
    assert!(err.contains("valeur inconnue « stagiaire »"), "{err}");
    let err = cli.refused(
        &[
            "user",
            "add",
            "--name",
            "Paul",
            "--role",
            "advisor",
            "--max-gesture",
            "-3",
        ],
        None,
    );
    assert!(err.contains("montant négatif"), "{err}");
    cli.ok(
        &[
            "user",
            "add",
            "--name",
            "Sophie Leroy",
            "--role",
            "advisor",
            "--can-sign",
        ],
        None,
    );
    let users: Value = serde_json::from_str(&cli.ok(&["user", "list", "--json"], None)).unwrap();
    assert_eq!(users.as_array().unwrap().len(), 2);
    let listing = cli.ok(&["user", "list"], None);
    assert!(
        listing.contains("Conseiller") && listing.contains("50,00"),
        "{listing}"
    );

    cli.ok(&["add"], Some(COMPLAINT));
    // Acknowledged by a letter written elsewhere: its copy is attached first.
    let copy = db.dir.path().join("accuse-reception.pdf");
    std::fs::write(&copy, b"%PDF-1.4 copie").unwrap();
    let attached: Value =
        serde_json::from_str(&cli.ok(&["attach", "REC-2026-0001", copy.to_str().unwrap()], None))
            .unwrap();
    cli.ok(
        &[
            "ack",
            "REC-2026-0001",
            "--on",
            "2026-05-11",
            "--via",
            "otherLetter",
            "--copy",
            attached["sha256"].as_str().unwrap(),
        ],
        None,
    );
    let answer = |by: &str| -> Vec<String> {
        [
            "answer",
            "REC-2026-0001",
            "--on",
            "2026-06-19",
            "--outcome",
            "rejected",
            "--summary",
            "Le retard est imputable à l'expert.",
            "--gesture",
            "60",
            "--gesture-kind",
            "credit",
            "--gesture-reason",
            "Geste pour le désagrément",
            "--via",
            "registerLetter",
            "--by",
            by,
        ]
        .map(str::to_owned)
        .to_vec()
    };
    // 60 € is above the advisor's 50 €: the answer waits for an approval.
    let err = cli.refused(&args(&answer("Sophie Leroy")), None);
    assert!(err.contains("dépasse votre habilitation"), "{err}");
    let esc: Value = serde_json::from_str(&cli.ok(
        &[
            "approval",
            "request",
            "REC-2026-0001",
            "--subject",
            "gesture",
            "--amount",
            "60",
            "--reason",
            "Client ancien, retard de l'expert",
            "--refused-proposal",
            "Avoir de 30 € refusé",
            "--analysis",
            "Le retard de six semaines justifie 60 €",
            "--by",
            "Sophie Leroy",
        ],
        None,
    ))
    .unwrap();
    assert_eq!(esc["status"], "pending");
    assert_eq!(esc["level"], "supervisor");
    let id = esc["id"].as_i64().unwrap().to_string();
    // Nobody approves their own request.
    let err = cli.refused(
        &[
            "approval",
            "accept",
            &id,
            "--reason",
            "ok",
            "--by",
            "Sophie Leroy",
        ],
        None,
    );
    assert!(err.contains("propre demande"), "{err}");
    let pending = cli.ok(&["approval", "pending"], None);
    assert!(
        pending.contains("REC-2026-0001") && pending.contains("60,00"),
        "{pending}"
    );
    let decided: Value = serde_json::from_str(&cli.ok(
        &[
            "approval",
            "accept",
            &id,
            "--reason",
            "Justifié par l'analyse",
        ],
        None,
    ))
    .unwrap();
    assert_eq!(decided["status"], "accepted");
    assert_eq!(decided["decidedBy"], "Claire Martin");
    cli.ok(&args(&answer("Sophie Leroy")), None);
    let out = db.dir.path().join("reponse.pdf");
    let out_s = out.to_str().unwrap();
    // No mediator configured: a rejection cannot go out.
    let err = cli.refused(
        &[
            "letter",
            "REC-2026-0001",
            "--kind",
            "answer",
            "--out",
            out_s,
        ],
        None,
    );
    assert!(err.contains("médiateur"), "{err}");
    assert!(!out.exists());
    // A mediator without its postal address is refused when saved, every gap named.
    let err = cli.refused(
        &[
            "settings",
            "set",
            "mediator.name",
            "La Médiation de l'Assurance",
        ],
        None,
    );
    assert!(
        err.contains("mediator.address") && err.contains("mediator.website"),
        "{err}"
    );
    cli.ok(
        &[
            "settings",
            "set",
            "mediator.name",
            "La Médiation de l'Assurance",
            "mediator.address",
            "TSA 50110\n75441 Paris Cedex 09",
            "mediator.website",
            "www.mediation-assurance.org",
        ],
        None,
    );
    // The approval covers the gesture: the advisor may sign the answer.
    let run = cli.run(
        &[
            "letter",
            "REC-2026-0001",
            "--kind",
            "answer",
            "--out",
            out_s,
            "--issue",
            "--by",
            "Sophie Leroy",
        ],
        None,
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("lettre n° 1 émise"));
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .replace(['\u{A0}', '\u{202F}'], " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("La Médiation de l'Assurance"), "{text}");
    assert!(text.contains("www.mediation-assurance.org"), "{text}");
    assert!(text.contains("somme de 60,00 €"), "{text}");
    let shown: Value =
        serde_json::from_str(&cli.ok(&["show", "REC-2026-0001", "--json"], None)).unwrap();
    let kinds: Vec<&str> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.ends_with(&["escalated", "escalationDecided", "answered", "letterIssued"]),
        "{kinds:?}"
    );

    // Templates: an unknown placeholder is refused with the list of the known ones.
    let err = cli.refused(
        &["template", "set", "template.ack", "-"],
        Some("Bonjour {client.prenom}"),
    );
    assert!(err.contains("champ inconnu « {client.prenom} »"), "{err}");
}

#[test]
fn the_command_line_signs_in_once_the_register_has_credentials() {
    let db = TestDb::new();
    let cli = Cli {
        db: &db,
        today: "2026-06-20",
    };
    let ok = |args: &[&str], stdin: Option<&str>, password: Option<&str>| -> String {
        let out = cli.run_as(args, stdin, password);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let refused = |args: &[&str], stdin: Option<&str>, password: Option<&str>| -> String {
        let out = cli.run_as(args, stdin, password);
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    };
    // The first user: the manager, with her password (read on stdin, never echoed).
    ok(
        &[
            "user",
            "add",
            "--name",
            "Claire Martin",
            "--role",
            "manager",
            "--can-sign",
            "--password-stdin",
        ],
        Some("motdepasse-claire\n"),
        None,
    );
    // From now on every command signs in.
    let err = refused(&["list"], None, None);
    assert!(err.contains("RECLAM_PASSWORD"), "{err}");
    let err = refused(&["list"], None, Some("mauvais-mot"));
    assert!(err.contains("mot de passe incorrect"), "{err}");
    ok(&["list"], None, Some("motdepasse-claire"));
    ok(
        &[
            "user",
            "add",
            "--name",
            "Paul Durand",
            "--role",
            "advisor",
            "--can-sign",
            "--password-stdin",
        ],
        Some("motdepasse-paul\n"),
        Some("motdepasse-claire"),
    );
    let paul = |args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        v.extend(["--by".to_owned(), "Paul Durand".to_owned()]);
        v
    };
    // An advisor manages nobody, but changes his own password.
    let err = refused(
        &args(&paul(&[
            "user", "add", "--name", "Eve", "--role", "manager",
        ])),
        None,
        Some("motdepasse-paul"),
    );
    assert!(err.contains("seul un dirigeant"), "{err}");
    let err = refused(
        &args(&paul(&[
            "user",
            "edit",
            "Paul Durand",
            "--max-gesture",
            "500",
        ])),
        None,
        Some("motdepasse-paul"),
    );
    assert!(err.contains("seul un dirigeant"), "{err}");
    ok(
        &args(&paul(&["user", "password", "Paul Durand"])),
        Some("nouveau-paul\n"),
        Some("motdepasse-paul"),
    );
    let err = refused(&args(&paul(&["list"])), None, Some("motdepasse-paul"));
    assert!(err.contains("incorrect"), "{err}");
    ok(&args(&paul(&["list"])), None, Some("nouveau-paul"));
    // The manager edits and deactivates; the last manager stays.
    let edited: Value = serde_json::from_str(&ok(
        &["user", "edit", "Paul Durand", "--max-gesture", "80"],
        None,
        Some("motdepasse-claire"),
    ))
    .unwrap();
    assert_eq!(edited["maxGesture"], "80.00");
    let err = refused(
        &["user", "edit", "Claire Martin", "--role", "advisor"],
        None,
        Some("motdepasse-claire"),
    );
    assert!(err.contains("seul dirigeant actif"), "{err}");
    ok(
        &["user", "deactivate", "Paul Durand"],
        None,
        Some("motdepasse-claire"),
    );
    let err = refused(&args(&paul(&["list"])), None, Some("nouveau-paul"));
    assert!(err.contains("désactivé"), "{err}");
    // Five failures in a row: the next attempt waits, even with the right password.
    for _ in 0..5 {
        refused(&["list"], None, Some("faux"));
    }
    let err = refused(&["list"], None, Some("motdepasse-claire"));
    assert!(err.contains("réessayez dans"), "{err}");
    // The journal says who set whose secret, never the secret nor its hash.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let data: Vec<String> = conn
        .prepare(
            "SELECT data FROM events WHERE kind IN ('credentialsSet', 'userChanged', 'userAdded')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(data.len(), 7, "{data:?}");
    for d in &data {
        assert!(
            !d.contains("argon2") && !d.contains("motdepasse") && !d.contains("nouveau-paul"),
            "{d}"
        );
    }
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}
