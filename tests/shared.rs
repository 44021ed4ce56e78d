//! The firm's register shared on a real PostgreSQL server (started by the test itself):
//! several workstations, each with its SQLite cache, online and offline.

mod common;
mod pg;

use common::d;
use pg::{Pg, ADMIN_PASSWORD};
use reclam::api::complaints::RecordComplaintReq;
use reclam::api::lifecycle::{AcknowledgeReq, AnswerReq};
use reclam::clock::{Clock, FixedClock};
use reclam::firm::{NewUser, Role};
use reclam::store::register::RegisterQuery;
use reclam::sync::server::{self, Target};
use reclam::sync::{Op, Workstation};
use reclam::Error;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

const MANAGER_PW: &str = "dirigeant-2026!";
const ADVISOR_PW: &str = "conseiller-2026!";

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::new(d("2026-03-10")))
}

fn complaint(name: &str) -> Value {
    json!({
        "client": {"name": name, "address": "3 rue Pasteur\n69003 Lyon", "email": "client@exemple.fr"},
        "channel": "letter", "receivedOn": "2026-03-02", "subject": "claimSettlement",
        "description": "Indemnisation du dégât des eaux jugée insuffisante",
        "receivedBy": "Accueil"
    })
}

fn record(name: &str) -> Op {
    Op::Record {
        reference: String::new(),
        req: RecordComplaintReq {
            input: complaint(name),
        },
    }
}

fn answer(reference: &str, summary: &str) -> Op {
    Op::Answer(AnswerReq {
        reference: reference.into(),
        on: "2026-03-10".into(),
        outcome: "upheld".into(),
        summary: summary.into(),
        via: Some("registerLetter".into()),
        ..Default::default()
    })
}

/// The copy of the acknowledgement letter written elsewhere for `reference` (`acknowledge`).
fn ack_copy(reference: &str) -> (String, Vec<u8>) {
    let bytes = format!("%PDF-1.4 accusé de réception {reference}").into_bytes();
    (reclam::store::journal::sha256_hex(&bytes), bytes)
}

/// Acknowledge as a member does: the letter written elsewhere attached, then named as the copy.
fn acknowledge(ws: &mut Workstation, reference: &str, on: &str) {
    let (sha, bytes) = ack_copy(reference);
    ws.execute(Op::AddAttachment {
        reference: reference.to_owned(),
        name: format!("ar-{reference}.pdf"),
        bytes,
    })
    .unwrap();
    ws.execute(Op::Acknowledge(AcknowledgeReq {
        reference: reference.to_owned(),
        on: on.to_owned(),
        via: Some("otherLetter".into()),
        copy: Some(sha),
    }))
    .unwrap();
}

/// A firm on its own database: Claire Martin (manager) and Paul Petit (advisor).
struct Firm {
    pg: Pg,
    db: String,
    caches: tempfile::TempDir,
}

impl Firm {
    fn new(db: &str) -> Firm {
        let pg = Pg::start();
        pg.create_db(db);
        let admin = Target::parse(&pg.admin_url(db)).unwrap();
        server::create_firm(
            &admin,
            ADMIN_PASSWORD,
            "Claire Martin",
            "claire.martin",
            MANAGER_PW,
            clock().as_ref(),
        )
        .unwrap();
        let firm = Firm {
            pg,
            db: db.to_owned(),
            caches: tempfile::tempdir().unwrap(),
        };
        let mut manager = firm.open("claire.martin", "claire.db");
        manager
            .add_member(
                "paul.petit",
                &NewUser {
                    name: "Paul Petit".into(),
                    role: Role::Advisor,
                    can_sign: true,
                    max_gesture: None,
                    secret: None,
                },
                ADVISOR_PW,
            )
            .unwrap();
        firm
    }

    fn target(&self, login: &str) -> Target {
        Target::parse(&self.pg.url(login, &self.db)).unwrap()
    }

    fn cache(&self, file: &str) -> std::path::PathBuf {
        self.caches.path().join(file)
    }

    fn open(&self, login: &str, file: &str) -> Workstation {
        let pw = if login == "claire.martin" {
            MANAGER_PW
        } else {
            ADVISOR_PW
        };
        let mut ws = Workstation::open(&self.cache(file), clock(), self.target(login), pw).unwrap();
        ws.sync().unwrap();
        ws
    }

    /// The same member, but the server unreachable (a port nothing listens on).
    fn open_offline(&self, login: &str, file: &str) -> Workstation {
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("postgres://{login}@127.0.0.1:{closed}/{}", self.db);
        let ws = Workstation::open(
            &self.cache(file),
            clock(),
            Target::parse(&url).unwrap(),
            ADVISOR_PW,
        )
        .unwrap();
        assert!(!ws.is_online());
        ws
    }
}

fn references(ws: &mut Workstation) -> Vec<String> {
    let q = RegisterQuery {
        limit: 10_000,
        ..Default::default()
    };
    let page = ws.register().unwrap().list(&q).unwrap();
    let mut refs: Vec<String> = page.rows.iter().map(|r| r.reference.to_string()).collect();
    refs.sort();
    refs
}

fn reference_of(v: &Value) -> String {
    v["reference"].as_str().unwrap().to_owned()
}

#[test]
fn two_workstations_writing_at_once_share_one_chain_and_converge() {
    let firm = Firm::new("cabinet_a");
    let cache_a = firm.cache("claire.db");
    let cache_b = firm.cache("paul.db");
    let (ta, tb) = (firm.target("claire.martin"), firm.target("paul.petit"));
    let writer =
        |cache: std::path::PathBuf, target: Target, pw: &'static str, who: &'static str| {
            std::thread::spawn(move || {
                let mut ws = Workstation::open(&cache, clock(), target, pw).unwrap();
                let mut refs = Vec::new();
                for i in 0..12 {
                    let v = ws.execute(record(&format!("{who} client {i}"))).unwrap();
                    let r = reference_of(&v);
                    if i % 2 == 0 {
                        acknowledge(&mut ws, &r.clone(), "2026-03-04");
                    }
                    refs.push(r);
                }
                refs
            })
        };
    let a = writer(cache_a, ta, MANAGER_PW, "Claire");
    let b = writer(cache_b, tb, ADVISOR_PW, "Paul");
    let mut given: Vec<String> = a.join().unwrap();
    given.extend(b.join().unwrap());

    let mut wa = firm.open("claire.martin", "claire.db");
    let mut wb = firm.open("paul.petit", "paul.db");
    wa.sync().unwrap();
    wb.sync().unwrap();
    let (sa, sb) = (wa.status_checked().unwrap(), wb.status_checked().unwrap());
    // One chain: 2 users + 24 complaints + 12 acknowledgements (each with its copy attached),
    // both caches at its head.
    assert_eq!(sa.chain_length, 2 + 24 + 12 * 2);
    assert_eq!(sa.server_length, Some(sa.chain_length));
    assert_eq!(
        (sb.chain_length, &sb.chain_head),
        (sa.chain_length, &sa.chain_head)
    );
    assert_eq!(
        (sa.pending, sa.conflicts, sb.pending, sb.conflicts),
        (0, 0, 0, 0)
    );
    // Every complaint once, under the reference its workstation gave it.
    let unique: BTreeSet<&String> = given.iter().collect();
    assert_eq!(unique.len(), 24, "references handed out twice: {given:?}");
    let mut given_sorted = given.clone();
    given_sorted.sort();
    assert_eq!(references(&mut wa), given_sorted);
    assert_eq!(references(&mut wb), given_sorted);
    // The same complaint in both caches, acknowledged by whoever did it.
    let r = &given[0];
    let ca = wa.register().unwrap().view(&r.parse().unwrap()).unwrap();
    let cb = wb.register().unwrap().view(&r.parse().unwrap()).unwrap();
    assert_eq!(
        serde_json::to_value(&ca.complaint).unwrap(),
        serde_json::to_value(&cb.complaint).unwrap()
    );
    assert_eq!(ca.complaint.acknowledged_on, Some(d("2026-03-04")));
    // The server's chain verifies link by link, and each cache sits on it.
    assert_eq!(wa.verify_server().unwrap(), sa.chain_length);
    assert_eq!(wb.verify_server().unwrap(), sa.chain_length);
    // Authors are the server's: the connection's member.
    let history = wb
        .register()
        .unwrap()
        .history(&given[12].parse().unwrap())
        .unwrap();
    assert!(
        history.iter().all(|e| e.actor == "Paul Petit"),
        "{history:?}"
    );
}

/// Four desks writing as fast as they can, started together: a change that comes second
/// (another desk's arrived first) is applied again on top and sent again, and no user's
/// change is refused for it. Two desks in step used to come second eight times running.
#[test]
fn four_workstations_racing_each_get_every_change_in() {
    let firm = Firm::new("cabinet_race");
    let start = std::sync::Arc::new(std::sync::Barrier::new(4));
    let desks = [
        ("claire.martin", MANAGER_PW, "claire-1.db", "Claire un"),
        ("claire.martin", MANAGER_PW, "claire-2.db", "Claire deux"),
        ("paul.petit", ADVISOR_PW, "paul-1.db", "Paul un"),
        ("paul.petit", ADVISOR_PW, "paul-2.db", "Paul deux"),
    ];
    let writers: Vec<_> = desks
        .into_iter()
        .map(|(login, pw, file, who)| {
            let (cache, target, start) = (firm.cache(file), firm.target(login), start.clone());
            std::thread::spawn(move || {
                let mut ws = Workstation::open(&cache, clock(), target, pw).unwrap();
                start.wait();
                (0..15)
                    .map(|i| {
                        let v = ws
                            .execute(record(&format!("{who} client {i}")))
                            .unwrap_or_else(|e| panic!("{who}, change {i}: {e}"));
                        reference_of(&v)
                    })
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    let mut given: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    given.sort();
    given.dedup();
    assert_eq!(
        given.len(),
        60,
        "every change in, each under its own reference"
    );
    let mut ws = firm.open("paul.petit", "paul-1.db");
    let status = ws.status_checked().unwrap();
    assert_eq!(status.chain_length, 2 + 60);
    assert_eq!((status.pending, status.conflicts), (0, 0));
    assert_eq!(references(&mut ws), given);
}

#[test]
fn offline_work_comes_back_and_a_double_answer_is_flagged_not_lost() {
    let firm = Firm::new("cabinet_b");
    let mut claire = firm.open("claire.martin", "claire.db");
    let shared = reference_of(&claire.execute(record("Client commun")).unwrap());
    // Paul's laptop knows the complaint, then leaves the office.
    let mut paul = firm.open("paul.petit", "paul.db");
    assert_eq!(references(&mut paul), vec![shared.clone()]);
    drop(paul);
    let mut paul = firm.open_offline("paul.petit", "paul.db");
    let mut offline_refs = Vec::new();
    for i in 0..3 {
        let v = paul
            .execute(record(&format!("Client du train {i}")))
            .unwrap();
        offline_refs.push(reference_of(&v));
    }
    acknowledge(&mut paul, &offline_refs[0].clone(), "2026-03-05");
    paul.execute(answer(&shared, "Réponse de Paul, rédigée dans le train"))
        .unwrap();
    let st = paul.status().unwrap();
    assert!(!st.online);
    assert!(st.offline_since.is_some());
    // Three complaints, the acknowledgement's copy and the acknowledgement, the answer.
    assert_eq!(st.pending, 6);
    // Meanwhile, at the office, Claire answers the same complaint.
    claire
        .execute(answer(&shared, "Réponse de Claire, envoyée du bureau"))
        .unwrap();
    drop(paul);

    // Back online: Paul's work is pushed, the cache rebuilt in the server's order.
    let mut paul = firm.open("paul.petit", "paul.db");
    let st = paul.status_checked().unwrap();
    assert_eq!((st.online, st.pending), (true, 0));
    assert_eq!(st.server_length, Some(st.chain_length));
    // The references given offline did not change.
    for r in &offline_refs {
        assert!(references(&mut paul).contains(r), "{r} lost");
    }
    let view = paul
        .register()
        .unwrap()
        .view(&offline_refs[0].parse().unwrap())
        .unwrap();
    assert_eq!(view.complaint.acknowledged_on, Some(d("2026-03-05")));
    // Claire's answer stands (first in the server's order); Paul's is flagged, with its text.
    let c = paul
        .register()
        .unwrap()
        .complaint(&shared.parse().unwrap())
        .unwrap();
    assert_eq!(
        c.answer.unwrap().summary,
        "Réponse de Claire, envoyée du bureau"
    );
    let conflicts = paul.conflicts(true).unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].reason, "refused");
    assert_eq!(conflicts[0].author, "Paul Petit");
    assert_eq!(conflicts[0].reference.as_deref(), Some(shared.as_str()));
    assert!(conflicts[0].payload.to_string().contains("Réponse de Paul"));
    // Claire sees the same flag and resolves it; the resolution reaches Paul.
    claire.sync().unwrap();
    let seen = claire.conflicts(true).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].seq, conflicts[0].seq);
    claire
        .execute(Op::ResolveConflict {
            seq: seen[0].seq,
            note: "Réponse de Claire maintenue, Paul prévenu".into(),
        })
        .unwrap();
    paul.sync().unwrap();
    assert!(paul.conflicts(true).unwrap().is_empty());
    let all = paul.conflicts(false).unwrap();
    assert_eq!(all[0].resolved_by.as_deref(), Some("Claire Martin"));
    let (sa, sb) = (
        claire.status_checked().unwrap(),
        paul.status_checked().unwrap(),
    );
    assert_eq!(
        (sa.chain_length, sa.chain_head),
        (sb.chain_length, sb.chain_head)
    );
    assert_eq!(references(&mut claire), references(&mut paul));
}

#[test]
fn a_concurrent_change_to_the_same_complaint_is_flagged_for_review() {
    let firm = Firm::new("cabinet_c");
    let mut claire = firm.open("claire.martin", "claire.db");
    let r = reference_of(&claire.execute(record("Client suivi")).unwrap());
    firm.open("paul.petit", "paul.db");
    let mut paul = firm.open_offline("paul.petit", "paul.db");
    acknowledge(&mut paul, &r.clone(), "2026-03-06");
    claire
        .execute(Op::AddDysfunction(
            reclam::api::lifecycle::AddDysfunctionReq {
                reference: r.clone(),
                category: "delay".into(),
                description: "Dossier resté sans suite une semaine".into(),
                on: "2026-03-09".into(),
            },
        ))
        .unwrap();
    drop(paul);
    let mut paul = firm.open("paul.petit", "paul.db");
    // Both changes applied (they do not contradict), Paul's flagged: he did not see Claire's.
    let c = paul
        .register()
        .unwrap()
        .complaint(&r.parse().unwrap())
        .unwrap();
    assert_eq!(c.acknowledged_on, Some(d("2026-03-06")));
    assert_eq!(c.dysfunctions.len(), 1);
    let conflicts = paul.conflicts(true).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].reason, "concurrent");
    assert!(
        conflicts[0].message.contains("Claire Martin"),
        "{}",
        conflicts[0].message
    );
}

#[test]
fn a_modified_client_cannot_write_as_someone_else_nor_beyond_its_role() {
    let firm = Firm::new("cabinet_d");
    let advisor = firm.target("paul.petit");
    let mut raw = advisor.connect(ADVISOR_PW).unwrap();
    // No table is writable, not even readable, by a member.
    for sql in [
        "UPDATE reclam.events SET author = 'Claire Martin'",
        "DELETE FROM reclam.events",
        "INSERT INTO reclam.members VALUES ('x', 'X', 'manager', true)",
        "UPDATE reclam.members SET role = 'manager' WHERE login = 'paul.petit'",
        "SELECT count(*) FROM reclam.events",
        "TRUNCATE reclam.events",
        "GRANT reclam_cabinet_d_manager TO \"paul.petit\"",
    ] {
        let e = raw.raw_execute(sql).unwrap_err();
        assert!(
            matches!(e, Error::Forbidden(_) | Error::Server(_)),
            "{sql} was accepted or failed oddly: {e:?}"
        );
    }
    // The functions refuse a manager's change to an advisor.
    let entry = |kind: &str, payload: &str, n: i64| reclam::store::sync::OutboxEntry {
        device_seq: n,
        op_id: format!("forged-{n}"),
        login: "paul.petit".into(),
        acted_at: "2026-03-10T09:00:00.000Z".into(),
        acted_on: "2026-03-10".into(),
        based_on: 0,
        kind: kind.into(),
        reference: None,
        payload: payload.into(),
    };
    for (n, kind) in [
        "setSetting",
        "addUser",
        "resolveConflict",
        "decideApproval",
        "passwordSet",
    ]
    .iter()
    .enumerate()
    {
        let payload = format!(r#"{{"op":"{kind}"}}"#);
        let e = raw
            .append("forged", &entry(kind, &payload, n as i64 + 1), None)
            .unwrap_err();
        assert!(matches!(e, Error::Forbidden(_)), "{kind}: {e:?}");
    }
    // A change announced as one kind and carrying another is refused by the server.
    let e = raw
        .append(
            "forged",
            &entry(
                "acknowledge",
                r#"{"op":"setSetting","key":"region","value":"guadeloupe"}"#,
                10,
            ),
            None,
        )
        .unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    let e = raw
        .add_member(
            "forged",
            "pirate",
            "Pirate",
            "manager",
            "x-123456789",
            &entry("addUser", "{}", 9),
        )
        .unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    // Malformed dates are refused before they reach any workstation.
    let mut bad = entry(
        "acknowledge",
        r#"{"op":"acknowledge","reference":"REC-2026-0001","on":"x"}"#,
        11,
    );
    bad.acted_at = "hier".into();
    assert!(raw.append("forged", &bad, None).is_err());
    // What the advisor may append is recorded under the advisor's name, whatever the payload
    // claims; the register refuses it (no such complaint) on every workstation.
    let forged = r#"{"op":"acknowledge","reference":"REC-2026-9999","on":"2026-03-10","actor":"Claire Martin"}"#;
    let (appended, ev) = raw
        .append("forged", &entry("acknowledge", forged, 20), None)
        .unwrap();
    assert!(matches!(appended, server::Appended::At { .. }));
    assert_eq!(ev.unwrap().author, "Paul Petit");
    // A retry of the same change is not appended twice.
    let (again, _) = raw
        .append("forged", &entry("acknowledge", forged, 20), None)
        .unwrap();
    assert_eq!(again, appended);
    // Even the server's owner cannot rewrite the journal.
    let refused = std::panic::catch_unwind(|| {
        firm.pg.psql(
            "cabinet_d",
            "UPDATE reclam.events SET author = 'X' WHERE seq = 1",
        )
    });
    assert!(refused.is_err(), "the owner rewrote the journal");
    // A forged change the register refuses is flagged on every workstation, not applied.
    let claire = firm.open("claire.martin", "claire.db");
    let conflicts = claire.conflicts(true).unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].author, "Paul Petit");
    assert_eq!(conflicts[0].reason, "refused");
}

#[test]
fn wrong_password_unreachable_server_and_other_schemas_are_told_in_french() {
    let firm = Firm::new("cabinet_e");
    let cache = firm.cache("paul.db");
    // A first connection, with a complaint in the cache.
    let mut paul = firm.open("paul.petit", "paul.db");
    let r = reference_of(&paul.execute(record("Client fidèle")).unwrap());
    drop(paul);

    let e = Workstation::open(&cache, clock(), firm.target("paul.petit"), "mauvais")
        .err()
        .unwrap();
    assert!(matches!(e, Error::SignIn(_)), "{e:?}");
    assert!(
        e.to_string()
            .contains("refuse l'identifiant « paul.petit »"),
        "{e}"
    );

    // Unreachable, on a workstation that never connected: refused, in French.
    let closed = format!(
        "postgres://paul.petit@127.0.0.1:{}/cabinet_e",
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    );
    let fresh = firm.cache("neuf.db");
    let e = Workstation::open(&fresh, clock(), Target::parse(&closed).unwrap(), ADVISOR_PW)
        .err()
        .unwrap();
    assert!(matches!(e, Error::Offline(_)), "{e:?}");
    assert!(e.to_string().contains("injoignable"), "{e}");
    assert!(e.to_string().contains("connexion refusée"), "{e}");
    // Offline with a wrong password: refused too.
    let e = Workstation::open(&cache, clock(), Target::parse(&closed).unwrap(), "mauvais")
        .err()
        .unwrap();
    assert!(matches!(e, Error::SignIn(_)), "{e:?}");

    // A server with a newer, then an older schema.
    for (schema, says) in [("2", "plus récent"), ("0", "plus ancien")] {
        firm.pg.psql(
            "cabinet_e",
            &format!("UPDATE reclam.meta SET value = '{schema}' WHERE key = 'schema'"),
        );
        let e = Workstation::open(&cache, clock(), firm.target("paul.petit"), ADVISOR_PW)
            .err()
            .unwrap();
        assert!(e.to_string().contains(says), "{e}");
    }
    firm.pg.psql(
        "cabinet_e",
        "UPDATE reclam.meta SET value = '1' WHERE key = 'schema'",
    );
    // A database without a register.
    firm.pg.create_db("vide");
    let e = Workstation::open(
        &firm.cache("autre.db"),
        clock(),
        Target::parse(&firm.pg.url("paul.petit", "vide")).unwrap(),
        ADVISOR_PW,
    )
    .err()
    .unwrap();
    assert!(e.to_string().contains("n'a pas de registre Reclam"), "{e}");

    // Through all of it the cache kept working, and still does offline.
    let mut paul =
        Workstation::open(&cache, clock(), Target::parse(&closed).unwrap(), ADVISOR_PW).unwrap();
    assert_eq!(references(&mut paul), vec![r]);
    // A solo register with its own complaints never becomes a cache.
    let solo = firm.cache("solo.db");
    {
        let mut store = reclam::Store::open(&solo, clock()).unwrap();
        store
            .record(
                &common::complaint("Client solo", "2026-03-02"),
                "Claire Martin",
            )
            .unwrap();
    }
    let e = Workstation::open(&solo, clock(), firm.target("paul.petit"), ADVISOR_PW)
        .err()
        .unwrap();
    assert!(
        e.to_string().contains("déjà ses propres réclamations"),
        "{e}"
    );
}

#[test]
fn the_command_line_works_against_the_firm_s_register() {
    let pg = Pg::start();
    pg.create_db("cabinet_cli");
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_reclam");
    let run = |args: &[&str], env: &[(&str, &str)], stdin: &str| {
        use std::io::Write;
        let mut cmd = std::process::Command::new(bin);
        cmd.args(args)
            .env("RECLAM_TODAY", "2026-03-10")
            .env_remove("RECLAM_SERVER")
            .env_remove("RECLAM_PASSWORD")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let admin = pg.admin_url("cabinet_cli");
    let (code, out, err) = run(
        &[
            "server",
            "init",
            "--url",
            &admin,
            "--manager",
            "Claire Martin",
        ],
        &[("RECLAM_ADMIN_PASSWORD", ADMIN_PASSWORD)],
        "dirigeant-2026!\n",
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("identifiant claire.martin"), "{out}");
    let server_url = pg.url("claire.martin", "cabinet_cli");
    let cache = dir.path().join("poste.db");
    let cache = cache.to_str().unwrap();
    let env = [
        ("RECLAM_SERVER", server_url.as_str()),
        ("RECLAM_PASSWORD", MANAGER_PW),
        ("RECLAM_DB", cache),
    ];
    let (code, out, err) = run(
        &[
            "server",
            "user",
            "add",
            "Paul Petit",
            "--role",
            "advisor",
            "--can-sign",
        ],
        &env,
        "conseiller-2026!\n",
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, err) = run(&["add"], &env, &complaint("Client du terminal").to_string());
    assert_eq!(code, Some(0), "{out}{err}");
    let added: Value = serde_json::from_str(&out).unwrap();
    let reference = added["reference"].as_str().unwrap().to_owned();
    let (code, out, err) = run(&["status", "--json"], &env, "");
    assert_eq!(code, Some(0), "{err}");
    let st: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(st["online"], true);
    assert_eq!(st["pending"], 0);
    assert_eq!(st["conflicts"], 0);
    assert_eq!(st["chainLength"], 3);
    assert_eq!(st["chainHead"].as_str().unwrap().len(), 64);
    // Paul, on his own cache, sees Claire's complaint.
    let paul_cache = dir.path().join("paul.db");
    let paul_url = pg.url("paul.petit", "cabinet_cli");
    let paul_env = [
        ("RECLAM_SERVER", paul_url.as_str()),
        ("RECLAM_PASSWORD", ADVISOR_PW),
        ("RECLAM_DB", paul_cache.to_str().unwrap()),
    ];
    let (code, out, err) = run(&["list", "--json"], &paul_env, "");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&reference), "{out}");
    // An advisor cannot change the firm's settings.
    let (code, _, err) = run(&["settings", "set", "firm.name", "Pirate"], &paul_env, "");
    assert_eq!(code, Some(1));
    assert!(err.contains("seul un dirigeant"), "{err}");
    // The manager's extract, printed on Paul's desk, carries the firm's chain head.
    let pdf = dir.path().join("extrait.pdf");
    let (code, _, err) = run(
        &[
            "extract",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
        &paul_env,
        "",
    );
    assert_eq!(code, Some(0), "{err}");
    let text = common::pdf_words(&std::fs::read(&pdf).unwrap());
    let head = st["chainHead"].as_str().unwrap();
    assert!(text.contains(&head[..16]), "{text}");
    assert!(text.contains(&reference), "{text}");
    // Verify walks the server's chain too.
    let (code, _, err) = run(&["verify"], &paul_env, "");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("chaîne intacte sur le serveur"), "{err}");
    let _ = Path::new(cache);
}

/// The firm's journal as the server holds it: (device, device_seq) of each change.
fn server_changes(firm: &Firm) -> Vec<String> {
    firm.pg
        .psql(
            &firm.db,
            "SELECT kind || ' ' || coalesce(reference, '-') FROM reclam.events ORDER BY seq",
        )
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Paul records `n` complaints offline; returns their references.
fn offline_work(firm: &Firm, n: usize) -> Vec<String> {
    firm.open("paul.petit", "paul.db");
    let mut paul = firm.open_offline("paul.petit", "paul.db");
    // More than one lease block: the offline desk asks for none, it had one in reserve.
    (0..n)
        .map(|i| {
            paul.execute(record(&format!("Client hors ligne {i}")))
                .map(|v| reference_of(&v))
                .unwrap_or_else(|e| panic!("complaint {i}: {e}"))
        })
        .collect()
}

fn assert_each_once(firm: &Firm, refs: &[String]) {
    let changes = server_changes(firm);
    for r in refs {
        let n = changes
            .iter()
            .filter(|c| *c == &format!("record {r}"))
            .count();
        assert_eq!(n, 1, "{r} recorded {n} times on the server");
    }
}

#[test]
fn a_workstation_killed_in_the_middle_of_a_push_loses_and_duplicates_nothing() {
    let firm = Firm::new("cabinet_f");
    let refs = offline_work(&firm, 18);
    let bin = env!("CARGO_BIN_EXE_reclam");
    let url = firm.pg.url("paul.petit", &firm.db);
    let cache = firm.cache("paul.db");
    // Killed after the 3rd, then the 9th change pushed, then let finish.
    for kill_after in [3usize, 9] {
        use std::io::BufRead;
        let mut child = std::process::Command::new(bin)
            .arg("sync")
            .env("RECLAM_SERVER", &url)
            .env("RECLAM_PASSWORD", ADVISOR_PW)
            .env("RECLAM_DB", &cache)
            .env("RECLAM_TODAY", "2026-03-10")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut seen = 0;
        for line in stderr.lines().map_while(Result::ok) {
            if line.starts_with("envoyé ") {
                seen += 1;
                if seen == kill_after {
                    // SIGKILL: no destructor, no rollback by the process.
                    child.kill().unwrap();
                    break;
                }
            }
        }
        child.wait().unwrap();
        assert_eq!(seen, kill_after, "the sync ended before it could be killed");
        // What the server holds so far is each change once.
        let changes = server_changes(&firm);
        let recorded: Vec<&String> = changes
            .iter()
            .filter(|c| c.starts_with("record "))
            .collect();
        let unique: BTreeSet<&&String> = recorded.iter().collect();
        assert_eq!(recorded.len(), unique.len(), "{changes:?}");
        assert!(recorded.len() >= kill_after, "{changes:?}");
    }
    let mut paul = firm.open("paul.petit", "paul.db");
    let st = paul.status_checked().unwrap();
    assert_eq!((st.pending, st.conflicts), (0, 0), "{st:?}");
    assert_eq!(st.server_length, Some(st.chain_length));
    assert_each_once(&firm, &refs);
    for r in &refs {
        assert!(
            references(&mut paul).contains(r),
            "{r} missing from the cache"
        );
    }
    assert_eq!(paul.verify_server().unwrap(), st.chain_length);
    let mut claire = firm.open("claire.martin", "claire.db");
    assert_eq!(references(&mut claire), references(&mut paul));
}

#[test]
fn a_server_restarted_in_the_middle_of_a_sync_loses_and_duplicates_nothing() {
    let firm = Firm::new("cabinet_g");
    let refs = offline_work(&firm, 18);
    let cache = firm.cache("paul.db");
    let target = firm.target("paul.petit");
    let (pushed_tx, pushed_rx) = std::sync::mpsc::channel::<()>();
    let (restarted_tx, restarted_rx) = std::sync::mpsc::channel::<()>();
    let syncing = std::thread::spawn(move || {
        let mut paul = Workstation::open(&cache, clock(), target, ADVISOR_PW).unwrap();
        paul.on_push(move |done, _| {
            if done == 5 {
                // The server restarts now, between two pushes of this sync.
                pushed_tx.send(()).unwrap();
                restarted_rx.recv().unwrap();
            }
        });
        // The server went away under this sync: it ends offline, never half-applied.
        let report = paul.sync().unwrap();
        assert!(!report.status.online, "{report:?}");
        assert!(report.status.pending > 0, "{report:?}");
    });
    pushed_rx.recv().unwrap();
    firm.pg.ctl_stop();
    firm.pg.ctl_start();
    restarted_tx.send(()).unwrap();
    syncing.join().unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    paul.sync().unwrap();
    let st = paul.status_checked().unwrap();
    assert_eq!(
        (st.online, st.pending, st.conflicts),
        (true, 0, 0),
        "{st:?}"
    );
    assert_eq!(st.server_length, Some(st.chain_length));
    assert_each_once(&firm, &refs);
    assert_eq!(paul.verify_server().unwrap(), st.chain_length);
    for r in &refs {
        assert!(
            references(&mut paul).contains(r),
            "{r} missing from the cache"
        );
    }
}

#[test]
fn a_letter_issued_on_one_workstation_is_the_same_letter_on_every_other() {
    let firm = Firm::new("cabinet_h");
    let mut claire = firm.open("claire.martin", "claire.db");
    for (key, value) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
        ("firm.email", "reclamations@durand-courtage.fr"),
        ("firm.phone", "04 72 00 00 00"),
    ] {
        claire
            .execute(Op::SetSetting {
                key: key.into(),
                value: value.into(),
            })
            .unwrap();
    }
    // A signature image set on Claire's desk is printed on Paul's copy too.
    let png = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/32x32.png")).unwrap();
    claire
        .execute(Op::SetSignature {
            user: "Claire Martin".into(),
            png,
        })
        .unwrap();
    let r = reference_of(&claire.execute(record("Client courrier")).unwrap());
    let meta = claire
        .execute(Op::IssueLetter(reclam::api::letters::LetterReq {
            reference: r.clone(),
            request: json!({"kind": "ack", "signatory": "Claire Martin"}),
        }))
        .unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    let here = claire
        .register()
        .unwrap()
        .letters(&r.parse().unwrap())
        .unwrap();
    let there = paul
        .register()
        .unwrap()
        .letters(&r.parse().unwrap())
        .unwrap();
    assert_eq!(here.len(), 1);
    assert_eq!(here[0].sha256, meta["sha256"].as_str().unwrap());
    assert_eq!(
        there[0].sha256, here[0].sha256,
        "the letter differs between desks"
    );
    // Issuing the acknowledgement moved the step on both.
    let c = paul
        .register()
        .unwrap()
        .complaint(&r.parse().unwrap())
        .unwrap();
    assert!(c.acknowledged_on.is_some());
    // Each cache's own proof holds (letters against their journaled hashes).
    let report = paul.register().unwrap().verify().unwrap();
    assert!(report.ok, "{:?}", report.findings);
    // The letter's text, read back from Paul's copy.
    let (_, pdf) = paul.register().unwrap().letter_pdf(there[0].id).unwrap();
    let text = common::pdf_words(&pdf);
    assert!(text.contains("Cabinet Durand Courtage"), "{text}");
    assert!(text.contains(&r), "{text}");
}

#[test]
fn the_connection_is_encrypted_when_the_server_offers_tls() {
    let pg = Pg::start_with_tls();
    pg.create_db("cabinet_tls");
    let admin = Target::parse(&format!("{}?sslmode=require", pg.admin_url("cabinet_tls"))).unwrap();
    server::create_firm(
        &admin,
        ADMIN_PASSWORD,
        "Claire Martin",
        "claire.martin",
        MANAGER_PW,
        clock().as_ref(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for url in [
        pg.url("claire.martin", "cabinet_tls"),
        format!("{}?sslmode=require", pg.url("claire.martin", "cabinet_tls")),
    ] {
        let mut ws = Workstation::open(
            &dir.path().join("claire.db"),
            clock(),
            Target::parse(&url).unwrap(),
            MANAGER_PW,
        )
        .unwrap();
        ws.sync().unwrap();
        let st = ws.status().unwrap();
        assert!(st.online && st.encrypted, "{url}: {st:?}");
        ws.execute(record("Client chiffré")).unwrap();
    }
    // A server without TLS: plain when allowed, refused when the address requires it.
    let plain = Firm::new("cabinet_clair");
    let mut ws = plain.open("paul.petit", "paul.db");
    assert!(!ws.status().unwrap().encrypted);
    ws.execute(record("Client en clair")).unwrap();
    let url = format!(
        "{}?sslmode=require",
        plain.pg.url("paul.petit", "cabinet_clair")
    );
    let e = Workstation::open(
        &plain.cache("paul.db"),
        clock(),
        Target::parse(&url).unwrap(),
        ADVISOR_PW,
    )
    .err()
    .unwrap();
    assert!(
        e.to_string()
            .contains("n'accepte pas de connexion chiffrée"),
        "{e}"
    );
}

#[test]
fn a_solo_register_moves_to_the_server_with_its_journal_and_its_letters() {
    // The register Claire kept alone on her desk until now, with a password.
    let solo_dir = tempfile::tempdir().unwrap();
    let solo = solo_dir.path().join("registre.db");
    let (refs, letter_hash) = {
        let mut reg = reclam::Register::open(&solo, clock()).unwrap();
        reg.create_first_user("Claire Martin", "ancien-mot-de-passe")
            .unwrap();
        for (key, value) in [
            ("firm.name", "Cabinet Durand Courtage"),
            ("firm.address", "12 rue de la République\n69002 Lyon"),
            ("firm.orias", "07000001"),
            ("firm.email", "reclamations@durand-courtage.fr"),
            ("firm.phone", "04 72 00 00 00"),
        ] {
            reg.set_setting(key, value).unwrap();
        }
        let mut refs = Vec::new();
        for i in 0..5 {
            let c = reg
                .record(&common::complaint(
                    &format!("Client historique {i}"),
                    "2026-02-02",
                ))
                .unwrap();
            refs.push(c.reference.to_string());
        }
        let r0 = refs[0].parse().unwrap();
        reg.acknowledge_unstated(&r0, d("2026-02-03")).unwrap();
        let meta = reg
            .issue_letter(
                &r0,
                &serde_json::from_value(json!({"kind": "holding", "signatory": "Claire Martin",
                    "holding": {"expectedOn": "2026-03-30", "note": "Expertise en cours"}}))
                .unwrap(),
            )
            .unwrap();
        (refs, meta.sha256)
    };

    let pg = Pg::start();
    pg.create_db("cabinet_m");
    let admin = Target::parse(&pg.admin_url("cabinet_m")).unwrap();
    let manager = server::create_firm(
        &admin,
        ADMIN_PASSWORD,
        "Claire Martin",
        "claire.martin",
        MANAGER_PW,
        clock().as_ref(),
    )
    .unwrap();
    let caches = tempfile::tempdir().unwrap();
    let mut claire = Workstation::open(
        &caches.path().join("claire.db"),
        clock(),
        manager,
        MANAGER_PW,
    )
    .unwrap();
    claire.sync().unwrap();
    let report = claire.adopt(&solo).unwrap();
    assert_eq!(report.complaints, 5);
    assert!(report.journal_events > 8, "{report:?}");
    claire
        .add_member(
            "paul.petit",
            &NewUser {
                name: "Paul Petit".into(),
                role: Role::Advisor,
                can_sign: true,
                max_gesture: None,
                secret: None,
            },
            ADVISOR_PW,
        )
        .unwrap();

    // Paul's new desk: the whole register, its journal and its letter, verified.
    let paul_target = Target::parse(&pg.url("paul.petit", "cabinet_m")).unwrap();
    let mut paul = Workstation::open(
        &caches.path().join("paul.db"),
        clock(),
        paul_target,
        ADVISOR_PW,
    )
    .unwrap();
    paul.sync().unwrap();
    assert_eq!(references(&mut paul), refs);
    let r0: reclam::complaint::ComplaintRef = refs[0].parse().unwrap();
    let reg = paul.register().unwrap();
    let letters = reg.letters(&r0).unwrap();
    assert_eq!(letters[0].sha256, letter_hash);
    let history = reg.history(&r0).unwrap();
    assert_eq!(history[0].actor, "Claire Martin");
    assert!(
        history.iter().any(|e| e.kind == "acknowledged"),
        "{history:?}"
    );
    let check = reg.verify().unwrap();
    assert!(check.ok, "{:?}", check.findings);
    // Its passwords stayed behind: members sign in with their server login.
    assert!(!reg.sign_in_required().unwrap());
    // New complaints are numbered after the register's own.
    let new = reference_of(&paul.execute(record("Client nouveau")).unwrap());
    assert!(
        new.as_str() > refs[4].as_str(),
        "{new} not after {}",
        refs[4]
    );
    claire.sync().unwrap();
    assert_eq!(references(&mut claire), references(&mut paul));
    // Only once, on a server without complaints.
    let e = claire.adopt(&solo).unwrap_err();
    assert!(e.to_string().contains("se reprend"), "{e}");
}

#[test]
fn a_manager_changes_a_member_s_role_and_deactivates_them_on_the_server() {
    let firm = Firm::new("cabinet_p");
    let mut claire = firm.open("claire.martin", "claire.db");
    // Paul becomes a supervisor: the server grants him the right to review conflicts.
    claire
        .edit_member(
            "Paul Petit",
            &reclam::firm::UserEdit {
                role: Some(Role::Supervisor),
                ..Default::default()
            },
        )
        .unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    assert_eq!(paul.member().1, "supervisor");
    assert_eq!(
        paul.register().unwrap().user("Paul Petit").unwrap().role,
        Role::Supervisor
    );
    // An advisor may not change anyone, the server says so whatever the client.
    let e = paul.set_member_active("Claire Martin", false).unwrap_err();
    assert!(e.to_string().contains("seul un dirigeant"), "{e}");
    // The firm keeps an active manager.
    let e = claire
        .set_member_active("Claire Martin", false)
        .unwrap_err();
    assert!(e.to_string().contains("dirigeant actif"), "{e}");
    // Paul leaves the firm: his login is refused from now on, his history stays.
    paul.execute(record("Client de Paul")).unwrap();
    drop(paul);
    claire.set_member_active("Paul Petit", false).unwrap();
    let e = Workstation::open(
        &firm.cache("paul.db"),
        clock(),
        firm.target("paul.petit"),
        ADVISOR_PW,
    )
    .err()
    .unwrap();
    assert!(matches!(e, Error::SignIn(_)), "{e:?}");
    let reg = claire.register().unwrap();
    assert!(!reg.user("Paul Petit").unwrap().active);
    assert_eq!(references(&mut claire).len(), 1);
}

#[test]
fn an_anonymisation_decided_on_one_workstation_reaches_every_cache() {
    let firm = Firm::new("cabinet_r");
    let mut claire = firm.open("claire.martin", "claire.db");
    let mut old = complaint("Client de 2019");
    old["receivedOn"] = json!("2019-03-04");
    let r = reference_of(
        &claire
            .execute(Op::Record {
                reference: String::new(),
                req: RecordComplaintReq { input: old },
            })
            .unwrap(),
    );
    acknowledge(&mut claire, &r.clone(), "2019-03-05");
    let mut answered = answer(&r, "Indemnisation complétée");
    if let Op::Answer(a) = &mut answered {
        a.on = "2019-03-20".into();
        // Answered by a letter written elsewhere (the same file's copy): closing needs no
        // letter from the register.
        a.via = Some("otherLetter".into());
        a.copy = Some(ack_copy(&r).0);
    }
    claire.execute(answered).unwrap();
    claire
        .execute(Op::Close(reclam::api::lifecycle::CloseReq {
            reference: r.clone(),
            on: "2019-03-25".into(),
            feedback: "resolved".into(),
            satisfaction: None,
            recourse: None,
        }))
        .unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    assert_eq!(
        paul.register()
            .unwrap()
            .complaint(&r.parse().unwrap())
            .unwrap()
            .client
            .name,
        "Client de 2019"
    );
    claire
        .execute(Op::Anonymise {
            references: vec![r.clone()],
        })
        .unwrap();
    paul.sync().unwrap();
    for ws in [&mut claire, &mut paul] {
        let reg = ws.register().unwrap();
        let c = reg.complaint(&r.parse().unwrap()).unwrap();
        assert_ne!(c.client.name, "Client de 2019");
        let report = reg.verify().unwrap();
        assert!(report.ok, "{:?}", report.findings);
    }
    assert_eq!(paul.status().unwrap().conflicts, 0);
}

#[test]
fn members_change_their_password_on_the_server_and_a_manager_resets_one() {
    let firm = Firm::new("cabinet_s");
    let mut paul = firm.open("paul.petit", "paul.db");
    // An advisor cannot reset the manager's password.
    let e = paul
        .set_member_password("Claire Martin", "piratage-2026!")
        .unwrap_err();
    assert!(e.to_string().contains("seul un dirigeant"), "{e}");
    // His own: the old one is refused from now on, online and on this desk offline.
    paul.set_member_password("Paul Petit", "nouveau-secret-2026")
        .unwrap();
    drop(paul);
    let e = Workstation::open(
        &firm.cache("paul.db"),
        clock(),
        firm.target("paul.petit"),
        ADVISOR_PW,
    )
    .err()
    .unwrap();
    assert!(matches!(e, Error::SignIn(_)), "{e:?}");
    let mut paul = Workstation::open(
        &firm.cache("paul.db"),
        clock(),
        firm.target("paul.petit"),
        "nouveau-secret-2026",
    )
    .unwrap();
    paul.sync().unwrap();
    drop(paul);
    // The manager resets it; the journal says who set whose, never the password.
    let mut claire = firm.open("claire.martin", "claire.db");
    claire
        .set_member_password("Paul Petit", "remis-par-claire-26")
        .unwrap();
    let changes = server_changes(&firm);
    assert_eq!(
        changes
            .iter()
            .filter(|c| c.starts_with("passwordSet"))
            .count(),
        2,
        "{changes:?}"
    );
    let journal = firm.pg.psql(
        &firm.db,
        "SELECT string_agg(payload, ' ') FROM reclam.events",
    );
    assert!(!journal.contains("nouveau-secret") && !journal.contains("remis-par"));
    let mut paul = Workstation::open(
        &firm.cache("paul.db"),
        clock(),
        firm.target("paul.petit"),
        "remis-par-claire-26",
    )
    .unwrap();
    paul.sync().unwrap();
    assert_eq!(paul.status().unwrap().conflicts, 0);
}

#[test]
fn two_members_on_one_laptop_offline_then_online_in_turn_lose_nothing() {
    let firm = Firm::new("cabinet_l");
    // The shared laptop knows both members (each signed in there once, online).
    firm.open("paul.petit", "portable.db");
    firm.open("claire.martin", "portable.db");
    let mut paul = firm.open_offline("paul.petit", "portable.db");
    let x = reference_of(&paul.execute(record("Client vu par Paul")).unwrap());
    drop(paul);
    // Claire on the same laptop, online: Paul's change waits for him, hers waits behind it.
    let mut claire = firm.open("claire.martin", "portable.db");
    let y = reference_of(&claire.execute(record("Client vu par Claire")).unwrap());
    let st = claire.status_checked().unwrap();
    assert_eq!((st.pending, st.pending_others), (2, 1), "{st:?}");
    drop(claire);
    // Meanwhile the office records a third complaint.
    let mut office = firm.open("claire.martin", "bureau.db");
    let z = reference_of(&office.execute(record("Client du bureau")).unwrap());
    // Paul signs in: his change goes; Claire's still waits for her.
    let paul = firm.open("paul.petit", "portable.db");
    assert_eq!(paul.status().unwrap().pending, 1);
    drop(paul);
    // Claire signs in: hers goes, the laptop is put back in the server's order.
    let mut claire = firm.open("claire.martin", "portable.db");
    let st = claire.status_checked().unwrap();
    assert_eq!((st.pending, st.conflicts), (0, 0), "{st:?}");
    assert_eq!(st.server_length, Some(st.chain_length));
    let mut expected = vec![x, y, z];
    expected.sort();
    assert_eq!(references(&mut claire), expected);
    office.sync().unwrap();
    assert_eq!(references(&mut office), expected);
    assert_eq!(
        office.status().unwrap().chain_head,
        claire.status().unwrap().chain_head
    );
    assert_each_once(&firm, &expected);
}

#[test]
fn a_corrective_action_followed_from_two_desks_is_named_by_its_text_too() {
    let firm = Firm::new("cabinet_a2");
    let mut claire = firm.open("claire.martin", "claire.db");
    let action = claire
        .execute(Op::AddAction(reclam::api::others::AddActionReq {
            action: json!({"description": "Former l'accueil aux délais", "owner": "Claire Martin",
                           "dueOn": "2026-06-30"}),
        }))
        .unwrap();
    let id = action["id"].as_i64().unwrap();
    let status = |description: &str| Op::SetActionStatus {
        req: reclam::api::others::SetActionStatusReq {
            id,
            status: "inProgress".into(),
        },
        description: description.into(),
    };
    // Another action's text: refused here, nothing sent.
    let e = claire.execute(status("Autre action")).unwrap_err();
    assert!(e.to_string().contains("n'est pas"), "{e}");
    claire
        .execute(status("Former l'accueil aux délais"))
        .unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    let seen = paul.register().unwrap().corrective_action(id).unwrap();
    assert_eq!(seen.status, reclam::complaint::ActionStatus::InProgress);
    assert_eq!(paul.status().unwrap().conflicts, 0);
}

#[test]
fn what_really_happened_travels_to_every_cache() {
    use reclam::api::ending::{CloseRequestReq, EndReq, RequestToComplaintReq, SetPlatformReq};
    let firm = Firm::new("cabinet_t");
    let mut claire = firm.open("claire.martin", "claire.db");
    // A web form's complaint: its dated copy is made on each workstation, byte for byte.
    let mut by_form = complaint("Client du formulaire");
    by_form["channel"] = json!("webForm");
    let form = reference_of(
        &claire
            .execute(Op::Record {
                reference: String::new(),
                req: RecordComplaintReq { input: by_form },
            })
            .unwrap(),
    );
    let copy = claire
        .register()
        .unwrap()
        .view(&form.parse().unwrap())
        .unwrap()
        .attachments[0]
        .sha256
        .clone();
    // Made here without saying how it was sent: refused before it takes a place.
    let err = claire
        .execute(Op::Acknowledge(AcknowledgeReq {
            reference: form.clone(),
            on: "2026-03-04".into(),
            via: None,
            copy: None,
        }))
        .unwrap_err();
    assert_eq!(err.field(), Some("via"), "{err}");
    claire
        .execute(Op::Acknowledge(AcknowledgeReq {
            reference: form.clone(),
            on: "2026-03-04".into(),
            via: Some("email".into()),
            copy: Some(copy.clone()),
        }))
        .unwrap();
    let withdrawn = reference_of(&claire.execute(record("Client qui renonce")).unwrap());
    let mistaken = reference_of(&claire.execute(record("Client qui demandait")).unwrap());
    let mut on_platform = complaint("Client de la plateforme");
    on_platform["channel"] = json!("platform");
    let platform = reference_of(
        &claire
            .execute(Op::Record {
                reference: String::new(),
                req: RecordComplaintReq { input: on_platform },
            })
            .unwrap(),
    );
    let mut paul = firm.open("paul.petit", "paul.db");
    paul.execute(Op::Withdraw(EndReq {
        reference: withdrawn.clone(),
        on: "2026-03-05".into(),
        reason: "Le client renonce".into(),
    }))
    .unwrap();
    paul.execute(Op::Requalify(EndReq {
        reference: mistaken.clone(),
        on: "2026-03-05".into(),
        reason: "Demande d'attestation".into(),
    }))
    .unwrap();
    paul.execute(Op::SetPlatform(SetPlatformReq {
        reference: platform.clone(),
        input: json!({ "name": "Plainte en ligne", "public": true }),
    }))
    .unwrap();
    let request = paul
        .register()
        .unwrap()
        .complaint(&mistaken.parse().unwrap())
        .unwrap()
        .ended
        .unwrap()
        .request_id
        .unwrap();
    paul.execute(Op::CloseRequest {
        req: CloseRequestReq {
            id: request,
            on: "2026-03-06".into(),
            note: "Attestation envoyée".into(),
        },
        client_name: "Client qui demandait".into(),
    })
    .unwrap();
    // A request typed at Claire's desk turns out to be a complaint: numbered from her lease.
    claire.sync().unwrap();
    claire
        .execute(Op::RecordRequest(
            reclam::api::complaints::RecordRequestReq {
                input: json!({ "clientName": "Client au téléphone", "channel": "phone",
                               "receivedOn": "2026-03-03", "description": "Mécontent du délai" }),
            },
        ))
        .unwrap();
    let typed = claire
        .register()
        .unwrap()
        .requests(&Default::default())
        .unwrap()
        .rows
        .into_iter()
        .find(|q| q.client_name == "Client au téléphone")
        .unwrap()
        .id;
    let mut phoned = complaint("Client au téléphone");
    phoned["channel"] = json!("phone");
    let became = reference_of(
        &claire
            .execute(Op::RequestToComplaint {
                reference: String::new(),
                req: RequestToComplaintReq {
                    id: typed,
                    reason: "Un mécontentement".into(),
                    input: phoned,
                },
                client_name: "Client au téléphone".into(),
            })
            .unwrap(),
    );
    paul.sync().unwrap();
    claire.sync().unwrap();
    // Both caches hold the same register, verified, with nothing to review.
    for r in [&form, &withdrawn, &mistaken, &platform, &became] {
        let a = claire
            .register()
            .unwrap()
            .complaint(&r.parse().unwrap())
            .unwrap();
        let b = paul
            .register()
            .unwrap()
            .complaint(&r.parse().unwrap())
            .unwrap();
        assert_eq!(a, b, "{r}");
    }
    let c = paul
        .register()
        .unwrap()
        .complaint(&form.parse().unwrap())
        .unwrap();
    assert_eq!(c.ack_sent.unwrap().copy.as_deref(), Some(copy.as_str()));
    let became_c = paul
        .register()
        .unwrap()
        .complaint(&became.parse().unwrap())
        .unwrap();
    assert_eq!(became_c.received_on, d("2026-03-03"));
    for ws in [&mut claire, &mut paul] {
        let q = ws.register().unwrap().request(request).unwrap();
        assert_eq!(q.closing_note.as_deref(), Some("Attestation envoyée"));
        let report = ws.register().unwrap().verify().unwrap();
        assert!(report.ok, "{:?}", report.findings);
        assert_eq!(ws.status().unwrap().conflicts, 0);
    }
}

#[test]
fn a_complaint_taken_in_from_an_email_reaches_every_cache_with_its_files() {
    let firm = Firm::new("cabinet_m");
    let mut claire = firm.open("claire.martin", "claire.db");
    let bytes = std::fs::read(format!(
        "{}/tests/mail_fixtures/thunderbird-utf8-qp.eml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let proposal = claire
        .register()
        .unwrap()
        .propose_from_email("reclamation.eml", &bytes)
        .unwrap();
    let recorded = claire
        .record_from_email(&proposal.complaint, "reclamation.eml", &bytes)
        .unwrap();
    let r = reference_of(&recorded);
    claire
        .add_email_exchange(&r, "reclamation.eml", &bytes)
        .unwrap();
    let mut paul = firm.open("paul.petit", "paul.db");
    let view = paul.register().unwrap().view(&r.parse().unwrap()).unwrap();
    let names: Vec<&str> = view.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "reclamation.eml",
            "constat amiable.pdf",
            "reclamation.eml",
            "constat amiable.pdf"
        ]
    );
    assert_eq!(view.exchanges.len(), 1);
    assert_eq!(view.complaint.client.name, "Hélène Dupré");
    assert!(paul.register().unwrap().verify().unwrap().ok);
}
