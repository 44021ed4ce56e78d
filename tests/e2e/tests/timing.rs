//! Timings of the real app on a 100,000-complaint register: start to the first screen, sign-in
//! to "Aujourd'hui", the register's first page, a full-text search and a status filter, each
//! measured from the WebDriver side (what a user waits for, painting aside).
//!
//! Not part of `make test` (it needs a large register and is about speed, not correctness):
//! run `make e2e-bench`. The register comes from `RECLAM_BENCH_DB` if set, else from the
//! criterion benchmarks' cache, else it is generated once with `reclam demo --count 100000`.

mod common;

use common::{App, RegisterFile};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const COUNT: u32 = 100_000;
const RUNS: usize = 5;

fn large_register() -> RegisterFile {
    if let Some(path) = std::env::var_os("RECLAM_BENCH_DB") {
        return RegisterFile::copy_of(&PathBuf::from(path));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/reclam/target")))
        .expect("CARGO_TARGET_DIR or HOME");
    let cache = target.join("bench-data");
    for name in [
        format!("demo-{COUNT}-v2.db"),
        format!("demo-{COUNT}-v1.db"),
        format!("ui-{COUNT}.db"),
    ] {
        let path = cache.join(name);
        if path.is_file() {
            return RegisterFile::copy_of(&path);
        }
    }
    eprintln!("generating a register of {COUNT} complaints (once)…");
    let fresh = RegisterFile::fresh();
    fresh.cli(&["demo", "--count", &COUNT.to_string()], "");
    std::fs::create_dir_all(&cache).expect("cache directory");
    std::fs::copy(fresh.path(), cache.join(format!("ui-{COUNT}.db"))).expect("cache the register");
    fresh
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Wait until the register's total no longer reads `before`; returns the new text.
async fn total_changes(app: &App, before: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = app.text("#register-total").await;
        if !now.is_empty() && now != before {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "the register total stayed at {before:?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
#[ignore = "timings on 100,000 complaints: make e2e-bench"]
async fn start_and_search_with_100k_complaints() {
    let mut start = Vec::new();
    let mut today = Vec::new();
    let mut register = Vec::new();
    let mut search = Vec::new();
    let mut filter = Vec::new();
    let mut resident = Vec::new();
    for run in 0..RUNS {
        let file = large_register();
        let t0 = Instant::now();
        let app = App::launch("timing-100k", file).await;
        app.wait_for(common::START_SCREENS).await;
        start.push(ms(t0.elapsed()));

        // Sign in (first run creates the user; the copy is fresh each time) and wait for the
        // headline figures of "Aujourd'hui".
        let t1 = Instant::now();
        app.sign_in("Claire Martin").await;
        app.wait_for("#today-count-overdue").await;
        today.push(ms(t1.elapsed()));

        let t2 = Instant::now();
        app.click("#nav-register").await;
        app.wait_for("#register-table tr[data-ref]").await;
        let total = total_changes(&app, "").await;
        register.push(ms(t2.elapsed()));
        assert!(total.contains("100"), "the register shows {total:?}");

        // Full-text search on a client name: from the last keystroke to the new total
        // (includes the search box's deliberate 250 ms debounce).
        let term = ["Bernard", "Lefebvre", "Garnier", "Roux", "Petit"][run % 5];
        app.type_text("#search", term).await;
        let t3 = Instant::now();
        let found = total_changes(&app, &total).await;
        search.push(ms(t3.elapsed()));

        // Status filter on top of the search cleared: from the change to the new total.
        app.client()
            .execute(
                "const s = document.querySelector('#search'); s.value = '';
                 s.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![],
            )
            .await
            .expect("clear the search box");
        total_changes(&app, &found).await;
        let before = app.text("#register-total").await;
        let t4 = Instant::now();
        app.set_value("#status-filter", "closed").await;
        total_changes(&app, &before).await;
        filter.push(ms(t4.elapsed()));
        if let Some(kib) = app_resident_kib() {
            resident.push(kib as f64 / 1024.0);
        }
        if run + 1 == RUNS {
            app.screenshot().await;
        }
        app.quit().await;
    }
    println!("app on {COUNT} complaints, {RUNS} runs, medians (ms):");
    println!("  start → first screen (who am I):   {:8.0}", median(start));
    println!("  sign in → « Aujourd'hui » figures: {:8.0}", median(today));
    println!(
        "  → register first page and total:   {:8.0}",
        median(register)
    );
    println!(
        "  search (incl. 250 ms debounce):    {:8.0}",
        median(search)
    );
    println!(
        "  status filter:                     {:8.0}",
        median(filter)
    );
    if !resident.is_empty() {
        println!(
            "  app process resident (MiB):        {:8.0}",
            median(resident)
        );
    }
}

/// The resident memory of the app's own process (not WebKit's), from /proc, once the register
/// is shown: the newest process running the app binary.
fn app_resident_kib() -> Option<u64> {
    let binary = std::env::var("RECLAM_APP").unwrap_or_else(|_| "reclam-desktop".into());
    let out = std::process::Command::new("pgrep")
        .args(["-n", "-f", &binary])
        .output()
        .ok()?;
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
