//! Register benchmarks on demo databases of 1,000, 10,000 and 100,000 complaints:
//! record one complaint durably, a filtered sorted page of 50, full-text search, the overdue
//! list, and open + migrate.
//!
//! The demo databases are built once and kept under `$CARGO_TARGET_DIR/bench-data/`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use reclam::clock::FixedClock;
use reclam::complaint::{parse_new_complaint, Status};
use reclam::store::register::{RegisterQuery, RegisterSort};
use reclam::Store;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

const TODAY: (i32, u32, u32) = (2026, 6, 1);

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(
        chrono::NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap(),
    ))
}

fn data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    let dir = target.join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A demo database of `n` complaints (built once, then reused).
fn demo_db(n: u32) -> PathBuf {
    let path = data_dir().join(format!("demo-{n}-v{}.db", reclam::store::SCHEMA_VERSION));
    if !path.exists() {
        let tmp = path.with_extension("tmp");
        let _ = std::fs::remove_file(&tmp);
        let started = std::time::Instant::now();
        let mut store = Store::open(&tmp, clock()).unwrap();
        reclam::demo::fill(&mut store, n, 42).unwrap();
        drop(store);
        // Statistics for the query planner, written by a connection of the bench's own; the
        // last connection to close folds the WAL back into the file.
        rusqlite::Connection::open(&tmp)
            .unwrap()
            .execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        eprintln!(
            "demo database of {n} complaints built in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

const NEW: &str = r#"{"client":{"name":"Mme Dupont","address":"3 rue Pasteur\n69003 Lyon"},
  "channel":"email","sentOn":"2026-05-04","receivedOn":"2026-05-07","subject":"claimSettlement",
  "description":"Retard d'indemnisation après un dégât des eaux",
  "contract":{"number":"MRH-1","product":"Habitation","insurer":"AXA"},"handler":"Claire Martin"}"#;

fn record(c: &mut Criterion) {
    let copy = data_dir().join("record-copy.db");
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", copy.display()));
    }
    std::fs::copy(demo_db(100_000), &copy).unwrap();
    let mut store = Store::open(&copy, clock()).unwrap();
    let new = parse_new_complaint(NEW).unwrap();
    c.bench_function(
        "record one complaint (100k register, synchronous=FULL)",
        |b| b.iter(|| black_box(store.record(&new, "Bench").unwrap())),
    );
}

fn pages(c: &mut Criterion) {
    let mut g = c.benchmark_group("page of 50, status filter, received desc");
    for n in [1_000u32, 10_000, 100_000] {
        let store = Store::open(demo_db(n), clock()).unwrap();
        let q = RegisterQuery {
            status: Some(Status::Closed),
            sort: RegisterSort::ReceivedDesc,
            limit: 50,
            offset: 50,
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::from_parameter(n), &q, |b, q| {
            b.iter(|| black_box(store.list(q).unwrap()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("page of 50, no filter, received desc");
    for n in [1_000u32, 10_000, 100_000] {
        let store = Store::open(demo_db(n), clock()).unwrap();
        let q = RegisterQuery::default();
        g.bench_with_input(BenchmarkId::from_parameter(n), &q, |b, q| {
            b.iter(|| black_box(store.list(q).unwrap()))
        });
    }
    g.finish();
}

fn search_and_overdue(c: &mut Criterion) {
    let store = Store::open(demo_db(100_000), clock()).unwrap();
    let mut g = c.benchmark_group("100k register");
    for text in [
        "dupont",
        // A surname of the demo's: thousands of matches (the app's benchmark searches these).
        "bernard",
        "garage gare",
        "resiliation hamon",
        "REC-2025-0042",
    ] {
        let q = RegisterQuery {
            search: Some(text.into()),
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("search", text), &q, |b, q| {
            b.iter(|| black_box(store.list(q).unwrap()))
        });
    }
    let q = RegisterQuery {
        overdue: true,
        sort: RegisterSort::NextDue,
        ..Default::default()
    };
    g.bench_function("overdue list", |b| {
        b.iter(|| black_box(store.list(&q).unwrap()))
    });
    // "Statistiques": every complaint of the period read, its deadlines and outcome counted.
    let year = reclam::extract::ExtractQuery::period(
        chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
    );
    let received = reclam::extract::rows(&store, &year).unwrap().len();
    g.bench_function(
        format!("statistics of a year ({received} complaints)"),
        |b| b.iter(|| black_box(reclam::extract::stats::compute(&store, &year).unwrap())),
    );
    g.bench_function("statistics of a year again (nothing changed)", |b| {
        b.iter(|| {
            black_box(
                store
                    .kept_for_extract(&year, || reclam::extract::stats::compute(&store, &year))
                    .unwrap(),
            )
        })
    });
    g.bench_function("today summary (6 work lists + counts + rates)", |b| {
        b.iter(|| black_box(store.today_summary_computed().unwrap()))
    });
    g.bench_function("today summary again (nothing changed)", |b| {
        b.iter(|| black_box(store.today_summary().unwrap()))
    });
    let reference = store.list(&RegisterQuery::default()).unwrap().rows[0]
        .reference
        .parse()
        .unwrap();
    g.bench_function("complaint file view", |b| {
        b.iter(|| black_box(store.view(&reference).unwrap()))
    });
    g.finish();
}

fn open(c: &mut Criterion) {
    let path = demo_db(100_000);
    let mut g = c.benchmark_group("open");
    g.bench_function("open + migrate check, 100k register", |b| {
        b.iter(|| black_box(Store::open(&path, clock()).unwrap()))
    });
    let dir = tempfile::tempdir().unwrap();
    let mut i = 0u32;
    g.bench_function("create + migrate a new register", |b| {
        b.iter(|| {
            i += 1;
            black_box(Store::open(dir.path().join(format!("{i}.db")), clock()).unwrap())
        })
    });
    g.finish();
}

fn extract(c: &mut Criterion) {
    use reclam::extract::{export, ExtractQuery};
    let mut g = c.benchmark_group("register extract");
    g.sample_size(10);
    for n in [1_000u32, 10_000] {
        let store = Store::open(demo_db(n), clock()).unwrap();
        let q = ExtractQuery::period(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        );
        for format in ["pdf", "csv", "xlsx"] {
            g.bench_function(format!("{n} complaints, {format}"), |b| {
                b.iter(|| black_box(export(&store, &q, format, "bench").unwrap()))
            });
        }
        let pdf = export(&store, &q, "pdf", "bench").unwrap();
        eprintln!("extract of {n} complaints: PDF {} bytes", pdf.len());
    }
    g.finish();
}

/// Import (as a dry run: the same work, rolled back, so each iteration starts from the same
/// empty register), the proof's verification, a backup and the inspection pack.
fn import_and_proof(c: &mut Criterion) {
    use reclam::extract::{export, ExtractQuery};
    use reclam::import::{import, Policy};
    let mut g = c.benchmark_group("import, verify, backup, pack");
    g.sample_size(10);
    let q = ExtractQuery::period(
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    for n in [1_000u32, 10_000] {
        let source = Store::open(demo_db(n), clock()).unwrap();
        for format in ["xlsx", "csv"] {
            let bytes = export(&source, &q, format, "bench").unwrap();
            let mut empty =
                Store::open(dir.path().join(format!("empty-{n}-{format}.db")), clock()).unwrap();
            g.bench_function(format!("import {n} rows from {format} (dry run)"), |b| {
                b.iter(|| {
                    let r = import(
                        &mut empty,
                        &bytes,
                        &format!("registre.{format}"),
                        &reclam::import::ImportOptions::default(),
                        Policy::SkipRefused,
                        true,
                        "bench",
                    )
                    .unwrap();
                    assert_eq!(r.accepted, n);
                    black_box(r)
                })
            });
        }
        g.bench_function(format!("verify a {n}-complaint register"), |b| {
            b.iter(|| black_box(source.verify().unwrap()))
        });
        let out = dir.path().join(format!("backup-{n}.db"));
        g.bench_function(format!("back up a {n}-complaint register"), |b| {
            b.iter(|| source.backup_to(&out).unwrap())
        });
        if n == 1_000 {
            g.bench_function("inspection pack, 1,000 complaints", |b| {
                b.iter(|| {
                    black_box(reclam::extract::pack::inspection_pack(&source, &q, "bench").unwrap())
                })
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = record, pages, search_and_overdue, open, extract, import_and_proof
}
criterion_main!(benches);
