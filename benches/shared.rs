//! The firm's shared register over loopback, against a real PostgreSQL started here
//! (`make bench-shared`): a complaint recorded and ordered by the server (median, p99), a
//! 10,000-event journal pulled into an empty cache, 1,000 offline changes pushed, and the
//! register's first page on the cache. Whole-operation wall times; run it on a quiet machine
//! and compare medians.

#[path = "../tests/pg/mod.rs"]
mod pg;

use reclam::api::complaints::RecordComplaintReq;
use reclam::api::lifecycle::AddDysfunctionReq;
use reclam::clock::{Clock, FixedClock};
use reclam::store::register::RegisterQuery;
use reclam::store::sync::OutboxEntry;
use reclam::sync::server::{self, Target};
use reclam::sync::{Op, Workstation};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PW: &str = "dirigeant-2026!";

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::new(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
    ))
}

fn complaint(i: usize) -> serde_json::Value {
    json!({
        "client": {"name": format!("Client {i}"), "address": "3 rue Pasteur\n69003 Lyon"},
        "channel": "letter", "receivedOn": "2026-03-02", "subject": "claimSettlement",
        "description": "Indemnisation jugée insuffisante", "receivedBy": "Accueil"
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let pg = pg::Pg::start();
    pg.create_db("bench");
    let admin = Target::parse(&pg.admin_url("bench")).unwrap();
    let manager = server::create_firm(
        &admin,
        pg::ADMIN_PASSWORD,
        "Claire Martin",
        "claire.martin",
        PW,
        clock().as_ref(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();

    // 1. One complaint recorded online: applied to the cache and ordered by the server.
    let mut ws = Workstation::open(&dir.path().join("a.db"), clock(), manager.clone(), PW).unwrap();
    ws.sync().unwrap();
    let mut times = Vec::new();
    for i in 0..300 {
        let t = Instant::now();
        ws.execute(Op::Record {
            reference: String::new(),
            req: RecordComplaintReq {
                input: complaint(i),
            },
        })
        .unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "complaint recorded online (300 runs): median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms",
        ms(quantile(&times, 0.5)),
        ms(quantile(&times, 0.9)),
        ms(quantile(&times, 0.99))
    );

    // 2. A 10,000-event journal: appended straight to the server (as another desk would),
    // then pulled into an empty cache.
    let mut raw = manager.connect(PW).unwrap();
    let head = raw.hello().unwrap().head_seq;
    let t = Instant::now();
    for i in 0..(10_000 - head as usize) {
        let op = Op::Record {
            reference: format!("REC-2026-{:05}", 10_000 + i),
            req: RecordComplaintReq {
                input: complaint(i),
            },
        };
        let e = OutboxEntry {
            device_seq: i as i64 + 1,
            op_id: format!("bench-{i}"),
            login: "claire.martin".into(),
            acted_at: "2026-03-10T09:00:00.000Z".into(),
            acted_on: "2026-03-10".into(),
            based_on: 0,
            kind: op.kind().into(),
            reference: op.reference().map(str::to_owned),
            payload: op.payload(),
        };
        raw.append("bench-device", &e, None).unwrap();
    }
    println!(
        "server: {} changes appended one by one in {:.0} ms",
        10_000 - head,
        ms(t.elapsed())
    );
    let mut pulls = Vec::new();
    for run in 0..3 {
        let cache = dir.path().join(format!("pull-{run}.db"));
        let t = Instant::now();
        let mut ws = Workstation::open(&cache, clock(), manager.clone(), PW).unwrap();
        ws.sync().unwrap();
        pulls.push(t.elapsed());
        assert_eq!(ws.status().unwrap().chain_length, 10_000);
    }
    pulls.sort();
    println!(
        "10,000-event journal pulled into an empty cache (3 runs): median {:.0} ms ({:.2} ms per event)",
        ms(pulls[1]),
        ms(pulls[1]) / 10_000.0
    );

    // 3. 1,000 changes made offline, pushed when the server is back.
    let cache = dir.path().join("pull-0.db");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let offline = Target::parse(&format!(
        "postgres://claire.martin@127.0.0.1:{closed}/bench"
    ))
    .unwrap();
    let mut ws = Workstation::open(&cache, clock(), offline, PW).unwrap();
    let t = Instant::now();
    for i in 0..1000 {
        ws.execute(Op::AddDysfunction(AddDysfunctionReq {
            reference: format!("REC-2026-{:05}", 10_000 + i),
            category: "delay".into(),
            description: "Dossier resté sans suite une semaine".into(),
            on: "2026-03-04".into(),
        }))
        .unwrap();
    }
    println!("1,000 changes made offline: {:.0} ms", ms(t.elapsed()));
    drop(ws);
    let mut ws = Workstation::open(&cache, clock(), manager.clone(), PW).unwrap();
    let t = Instant::now();
    let report = ws.sync().unwrap();
    println!(
        "1,000 offline changes pushed: {:.0} ms ({} pushed, {:.2} ms per change)",
        ms(t.elapsed()),
        report.pushed,
        ms(t.elapsed()) / report.pushed.max(1) as f64
    );

    // 4. The register's first page and a search, on the 10,000-complaint cache.
    let reg = ws.register().unwrap();
    page_and_search(reg, 10_000, "Client 4242");

    // 5. A 100,000-complaint register moved to a new server, then a workstation's cache of it.
    pg.create_db("bench100k");
    let admin = Target::parse(&pg.admin_url("bench100k")).unwrap();
    let manager = server::create_firm(
        &admin,
        pg::ADMIN_PASSWORD,
        "Claire Martin",
        "claire.martin100k",
        PW,
        clock().as_ref(),
    )
    .unwrap();
    let solo = dir.path().join("solo-100k.db");
    let t = Instant::now();
    reclam::Register::open(&solo, clock())
        .unwrap()
        .fill_demo(100_000, 2026)
        .unwrap();
    println!(
        "demo register of 100,000 complaints made in {:.0} ms",
        ms(t.elapsed())
    );
    let mut ws = Workstation::open(&dir.path().join("m.db"), clock(), manager.clone(), PW).unwrap();
    ws.sync().unwrap();
    let t = Instant::now();
    let report = ws.adopt(&solo).unwrap();
    println!(
        "a 100,000-complaint register moved to the server: {:.0} ms ({} MB, {} journal events, verified before sending and after)",
        ms(t.elapsed()),
        report.bytes / 1_000_000,
        report.journal_events
    );
    drop(ws);
    let t = Instant::now();
    let mut ws = Workstation::open(&dir.path().join("m2.db"), clock(), manager, PW).unwrap();
    ws.sync().unwrap();
    println!(
        "a new workstation's cache of it (pulled and verified): {:.0} ms",
        ms(t.elapsed())
    );
    let reg = ws.register().unwrap();
    page_and_search(reg, 100_000, "Martin");
}

/// The register's first page (with its total) and a search on a cache, medians of 20.
fn page_and_search(reg: &mut reclam::Register, total: u64, query: &str) {
    let mut page = Vec::new();
    let mut search = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let first = reg
            .list(&RegisterQuery {
                limit: 50,
                ..Default::default()
            })
            .unwrap();
        page.push(t.elapsed());
        assert_eq!(first.total, total);
        let t = Instant::now();
        reg.list(&RegisterQuery {
            limit: 50,
            search: Some(query.into()),
            ..Default::default()
        })
        .unwrap();
        search.push(t.elapsed());
    }
    page.sort();
    search.sort();
    println!(
        "cache of {total} complaints: first page with its total {:.2} ms, search {:.2} ms (medians of 20)",
        ms(page[10]),
        ms(search[10])
    );
}
