//! Timings of the real app on a 100,000-complaint register: start to the first screen, sign-in
//! to "Aujourd'hui", the register's first page, a full-text search, a status filter, the next
//! page, a complaint file, back to "Aujourd'hui", the statistics, the statistics again, and the
//! register again from "Aujourd'hui".
//!
//! Each step is seen from two sides:
//! - WebDriver's (what the benchmark sees: the action sent, then polled until the result is in
//!   the DOM), beside the benchmark's own floor (a WebDriver round trip that changes nothing);
//! - the page's own clock (`ui/src/lib/perf.ts`): from the action in the page to the frame
//!   painted, split into the UI's work before the backend call (the search's debounce is
//!   there), the IPC round trip, the shell's part (arguments, serialisation), the core's part
//!   (the shell's log, `perf_log`), the DOM update, its style and layout, and the paint;
//! - the screen's (when `RECLAM_BENCH_FBDIR` names the folder of Xvfb's framebuffer, `Xvfb
//!   -fbdir`, as `make e2e-bench` does): from the action in the page to the last change of the
//!   X screen's pixels before they stay still, what a user sees. The page's clock ends when the
//!   frame is handed over, not when WebKit's painters and compositor have put it on the screen.
//!   A change is the difference between two still screens (a sample read while the X server
//!   draws is half old, half new), and one nobody could see is left aside: 16 px wide or less
//!   (a caret, a scrollbar), or colours moved by a few levels (an antialiased edge laid out a
//!   fraction of a pixel aside).
//!
//! With `RECLAM_BENCH_TRACE=1`, each step's calls (start and end), paint marks and screen
//! changes (when and where) are printed too, in ms from the action: which call waited for
//! which, and what changed last.
//!
//! Not part of `make test` (it needs a large register and is about speed, not correctness):
//! `make e2e-bench` (debug build) or `make e2e-bench-release` (what users install). The
//! register comes from `RECLAM_BENCH_DB` if set, else from the criterion benchmarks' cache,
//! else it is generated once with `reclam demo --count 100000`.

mod common;

use common::{App, RegisterFile};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const COUNT: u32 = 100_000;
/// Runs of the whole sequence (each a fresh start of the app): 5, or `RECLAM_BENCH_RUNS`.
fn runs() -> usize {
    std::env::var("RECLAM_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(5)
}

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

/// The median and the 90th percentile (nearest rank) of `v`.
fn median_p90(v: &[f64]) -> (f64, f64) {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    let p90 = ((v.len() as f64 * 0.9).ceil() as usize).clamp(1, v.len()) - 1;
    (v[v.len() / 2], v[p90])
}

/// One step's figures, in ms: WebDriver's side, the page's side and its parts.
#[derive(Default)]
struct Step {
    webdriver: Vec<f64>,
    page: Vec<f64>,
    before_call: Vec<f64>,
    ipc: Vec<f64>,
    shell: Vec<f64>,
    core: Vec<f64>,
    dom: Vec<f64>,
    /// Style and layout of the updated DOM (forced by the page right after the update).
    layout: Vec<f64>,
    /// The rest of the frame: painting, compositing and the wait for the frame's turn.
    paint: Vec<f64>,
    /// From the action in the page to the screen's last change (when the screen is watched).
    screen: Vec<f64>,
    command: String,
    /// The other commands the step ran (name → shell time, ms), beside the one timed.
    others: BTreeMap<String, Vec<f64>>,
}

/// When a step's action ran, on the page's clock, with the screen watched from before it.
struct Started {
    page: f64,
    /// The page's clock to ms since the Unix epoch (`Date.now()` at the action), to compare
    /// with the screen's changes.
    to_epoch: f64,
    watch: Option<Watch>,
}

/// Run `action` (a script acting in the page) as the start of a step, stamped with the page's
/// clock; the benchmark's probe and the shell's log are emptied first, and the screen (when it
/// is watched) is sampled before the action.
async fn act(app: &App, screen: Option<&Screen>, action: &str, args: Vec<Value>) -> Started {
    drain_shell_log(app).await;
    let watch = screen.map(Screen::watch);
    let script = format!(
        "const probe = window.__reclamPerf; probe.reset(); const t0 = probe.now(); const wall = Date.now();\n{action}\nreturn [t0, wall];"
    );
    let t0 = app
        .client()
        .execute(&script, args)
        .await
        .expect("the step's action runs in the page");
    let at = |i: usize| t0[i].as_f64().expect("the page's clock");
    Started {
        page: at(0),
        to_epoch: at(1) - at(0),
        watch,
    }
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs_f64()
        * 1000.0
}

/// The X screen's pixels, read from Xvfb's framebuffer file (`Xvfb -fbdir DIR`:
/// `DIR/Xvfb_screen0`, an XWD image that the server draws into).
#[derive(Clone)]
struct Screen {
    file: Arc<File>,
    /// Where the pixels start (after the header and the colour map), the bytes of a row, the
    /// bytes of a pixel and the number of rows.
    pixels: u64,
    row: usize,
    pixel: usize,
    rows: usize,
}

impl Screen {
    fn from_env() -> Option<Screen> {
        let path = PathBuf::from(std::env::var_os("RECLAM_BENCH_FBDIR")?).join("Xvfb_screen0");
        let file = File::open(&path)
            .unwrap_or_else(|e| panic!("Xvfb's framebuffer {}: {e}", path.display()));
        // The XWD header: 25 big-endian 32-bit fields.
        let mut header = [0u8; 100];
        file.read_exact_at(&mut header, 0)
            .expect("the framebuffer's header");
        let field = |i: usize| {
            u32::from_be_bytes(header[4 * i..4 * i + 4].try_into().expect("4 bytes")) as usize
        };
        let (header_size, height, bits_per_pixel, row, colours) =
            (field(0), field(5), field(11), field(12), field(19));
        Some(Screen {
            file: Arc::new(file),
            pixels: (header_size + 12 * colours) as u64,
            row,
            pixel: bits_per_pixel / 8,
            rows: height,
        })
    }

    /// Every other row (a glyph is taller than two rows, so no text changes unseen, and the
    /// watcher's reads cost half as much).
    fn sample(&self, into: &mut Vec<u8>) {
        into.resize(self.rows.div_ceil(2) * self.row, 0);
        for (i, row) in into.chunks_mut(self.row).enumerate() {
            self.file
                .read_exact_at(row, self.pixels + (2 * i * self.row) as u64)
                .expect("read the framebuffer");
        }
    }

    /// Where two samples differ (the columns' left and right, the rows' top and bottom, px),
    /// noted as a change at `at`.
    fn changed(&self, before: &[u8], now: &[u8], at: f64) -> Change {
        let (mut left, mut right) = (usize::MAX, 0);
        let (mut top, mut bottom) = (usize::MAX, 0);
        for (i, (a, b)) in before
            .chunks(self.row)
            .zip(now.chunks(self.row))
            .enumerate()
        {
            if a == b {
                continue;
            }
            // A pixel whose colour moved by a few levels (the antialiased edge of a text or a
            // border laid out again a fraction of a pixel aside) is not a change one can see.
            let differs =
                |(x, y): (&[u8], &[u8])| x.iter().zip(y).any(|(p, q)| p.abs_diff(*q) > FAINT);
            let pixels = || a.chunks(self.pixel).zip(b.chunks(self.pixel));
            let Some(first) = pixels().position(differs) else {
                continue;
            };
            left = left.min(first);
            if let Some(last) = pixels().rposition(differs) {
                right = right.max(last);
            }
            top = top.min(2 * i);
            bottom = 2 * i;
        }
        Change {
            at,
            left,
            right,
            top,
            bottom,
        }
    }

    /// Start noting the instants (ms since the epoch) at which the screen changes, from a
    /// first sample taken now.
    fn watch(&self) -> Watch {
        let stop = Arc::new(AtomicBool::new(false));
        let changes = Arc::new(Mutex::new(Vec::new()));
        let (screen, flag, noted) = (self.clone(), stop.clone(), changes.clone());
        let (mut stable, mut before, mut now) = (Vec::new(), Vec::new(), Vec::new());
        screen.sample(&mut stable);
        before.clone_from(&stable);
        let thread = std::thread::spawn(move || {
            // The instant of the last sample that differed from the one before it, while the
            // screen is changing. A change is noted once a sample finds the screen as it was
            // 2 ms before, as the difference between the still screens before and after it:
            // a sample read while the X server was drawing (part old, part new) is not one.
            let mut changing: Option<f64> = None;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(2));
                screen.sample(&mut now);
                if now != before {
                    changing = Some(epoch_ms());
                    std::mem::swap(&mut now, &mut before);
                    continue;
                }
                if let Some(at) = changing.take() {
                    let change = screen.changed(&stable, &before, at);
                    if change.right.saturating_sub(change.left) + 1 > NARROW {
                        noted.lock().expect("the changes").push(change);
                    }
                    stable.clone_from(&before);
                }
            }
        });
        Watch {
            stop,
            changes,
            thread: Some(thread),
        }
    }
}

/// A change no wider than this (px) is a blinking caret or a scrollbar fading out after a
/// scroll, not a screen's content: it is not counted.
const NARROW: usize = 16;
/// A colour channel moving by this much or less (of 255) is not a change one can see.
const FAINT: u8 = 8;

/// A change of the screen: when (ms since the epoch) and where (px).
#[derive(Debug, Clone, Copy)]
struct Change {
    at: f64,
    left: usize,
    right: usize,
    top: usize,
    bottom: usize,
}

struct Watch {
    stop: Arc<AtomicBool>,
    changes: Arc<Mutex<Vec<Change>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Watch {
    /// Once the screen has changed after `shown` (the page's DOM showing the result: what
    /// the screen showed before, such as a search's typed text, is not the result) and then
    /// stayed still for 300 ms (5 s at most): the time from `since` to its last change, or
    /// `None` when it did not change.
    async fn settled(mut self, since: f64, shown: f64) -> Option<f64> {
        let deadline = Instant::now() + Duration::from_secs(5);
        let last = loop {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let last = self
                .changes
                .lock()
                .expect("the changes")
                .last()
                .map(|c| c.at);
            match last {
                Some(last) if last > shown && epoch_ms() - last >= 300.0 => break Some(last),
                _ if Instant::now() > deadline => break last.filter(|&l| l > shown),
                _ => {}
            }
        };
        self.stop();
        if std::env::var_os("RECLAM_BENCH_TRACE").is_some() {
            let changes = self.changes.lock().expect("the changes");
            let line: Vec<String> = changes
                .iter()
                .map(|c| {
                    format!(
                        "{:.0} ({}–{} × {}–{})",
                        c.at - since,
                        c.left,
                        c.right,
                        c.top,
                        c.bottom
                    )
                })
                .collect();
            eprintln!("  screen changes, ms (x × y): {}", line.join(", "));
        }
        last.map(|last| last - since)
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the screen watcher");
        }
    }
}

/// A step that fails still stops its watcher.
impl Drop for Watch {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn drain_shell_log(app: &App) -> Vec<Value> {
    let out = app
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__reclamPerf.shell().then(done, (e) => done({ error: String(e) }));",
            vec![],
        )
        .await
        .expect("the shell's timing log");
    match out {
        Value::Array(v) => v,
        other => panic!("the shell's timing log reads {other}"),
    }
}

/// Split the step started at `t0` whose screen paints `label`: waits for that paint in the
/// page, then matches the backend call that brought its data with the shell's log.
/// With the screen watched from before the action, the time to its last change is noted too.
async fn split(app: &App, started: Started, label: &str, step: &mut Step) -> f64 {
    let t0 = started.page;
    let deadline = Instant::now() + Duration::from_secs(10);
    let (calls, paint) = loop {
        let probe = app
            .client()
            .execute(
                "const p = window.__reclamPerf; return { calls: p.calls, paints: p.paints };",
                vec![],
            )
            .await
            .expect("the page's timings");
        let paint = probe["paints"].as_array().and_then(|p| {
            // A paint noted before the step may land after its reset (it is kept once its
            // frame is painted): only the step's own count.
            p.iter()
                .rev()
                .find(|p| p["label"] == label && p["data"].as_f64().unwrap_or(0.0) >= t0)
                .cloned()
        });
        if let Some(paint) = paint {
            break (
                probe["calls"].as_array().cloned().unwrap_or_default(),
                paint,
            );
        }
        assert!(
            Instant::now() < deadline,
            "no paint of « {label} » in the page"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let f = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let data = f(&paint, "data");
    // The call that brought the data: the last one answered before the data was handed over.
    let call = calls
        .iter()
        .filter(|c| f(c, "end") <= data + 0.5 && f(c, "start") >= t0 - 0.5)
        .max_by(|a, b| f(a, "end").total_cmp(&f(b, "end")))
        .cloned()
        .unwrap_or_else(|| {
            panic!(
                "no backend call before the paint of « {label} » ({paint}) since {t0}: {calls:?}"
            )
        });
    let command = call["cmd"].as_str().unwrap_or_default().to_owned();
    if std::env::var_os("RECLAM_BENCH_TRACE").is_some() {
        // Every call of the step and the paint's marks, in ms from the action.
        let since = |v: f64| v - t0;
        let mut line = format!("trace « {label} »:");
        for c in &calls {
            line += &format!(
                " {} {:.0}–{:.0},",
                c["cmd"].as_str().unwrap_or_default(),
                since(f(c, "start")),
                since(f(c, "end"))
            );
        }
        line += &format!(
            " data {:.0}, DOM {:.0}, layout {:.0}, painted {:.0}",
            since(data),
            since(f(&paint, "dom")),
            since(f(&paint, "layout")),
            since(f(&paint, "painted"))
        );
        eprintln!("{line}");
    }
    let log = drain_shell_log(app).await;
    let shell = log
        .iter()
        .rev()
        .find(|e| e["command"] == command.as_str())
        .cloned()
        .unwrap_or_else(|| json!({ "shellUs": 0, "coreUs": 0 }));
    let us = |k: &str| shell[k].as_f64().unwrap_or(0.0) / 1000.0;
    let round_trip = f(&call, "end") - f(&call, "start");
    for e in &log {
        let name = e["command"].as_str().unwrap_or_default();
        if name != command {
            step.others
                .entry(name.to_owned())
                .or_default()
                .push(e["shellUs"].as_f64().unwrap_or(0.0) / 1000.0);
        }
    }
    step.command = command;
    step.before_call.push(f(&call, "start") - t0);
    step.ipc.push(round_trip - us("shellUs"));
    step.shell.push(us("shellUs") - us("coreUs"));
    step.core.push(us("coreUs"));
    step.dom.push(f(&paint, "dom") - data);
    step.layout.push(f(&paint, "layout") - f(&paint, "dom"));
    step.paint.push(f(&paint, "painted") - f(&paint, "layout"));
    let page = f(&paint, "painted") - t0;
    step.page.push(page);
    if let Some(watch) = started.watch {
        let epoch = |page: f64| page + started.to_epoch;
        match watch.settled(epoch(t0), epoch(f(&paint, "dom"))).await {
            Some(screen) => step.screen.push(screen),
            None => eprintln!("« {label} »: the screen did not change"),
        }
    }
    page
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

/// The reference of the register's first row ("" while there is none), read in the page (the
/// rows are replaced as they are read).
async fn first_row(app: &App) -> String {
    app.client()
        .execute(
            "return document.querySelector('#register-table tr[data-ref]')?.dataset.ref ?? '';",
            vec![],
        )
        .await
        .expect("the first row")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A WebDriver round trip that changes nothing: what each poll of the benchmark costs.
async fn floor(app: &App) -> f64 {
    let mut v = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        app.client()
            .execute("return 0;", vec![])
            .await
            .expect("a no-op script");
        v.push(ms(t.elapsed()));
    }
    median_p90(&v).0
}

const CLICK: &str = "document.querySelector(arguments[0]).click();";
const SET: &str = "const el = document.querySelector(arguments[0]);
const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set;
setter.call(el, arguments[1]);
el.dispatchEvent(new Event('input', { bubbles: true }));
el.dispatchEvent(new Event('change', { bubbles: true }));";

#[tokio::test]
#[ignore = "timings on 100,000 complaints: make e2e-bench"]
async fn start_and_search_with_100k_complaints() {
    let mut start = Vec::new();
    let mut floors = Vec::new();
    let mut resident = Vec::new();
    let mut resident_start = Vec::new();
    let mut steps: BTreeMap<&str, Step> = BTreeMap::new();
    let runs = runs();
    let screen = Screen::from_env();
    for run in 0..runs {
        let file = large_register();
        let t0 = Instant::now();
        let app = App::launch("timing-100k", file).await;
        app.wait_for(common::START_SCREENS).await;
        start.push(ms(t0.elapsed()));
        if let Some(m) = app_memory(&app) {
            resident_start.push(m);
        }
        floors.push(floor(&app).await);

        // Sign in, a moment after the screen came, as a person finds their name: the fields
        // are filled first; the step starts at the submit.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let first = app.wait_for(common::START_SCREENS).await;
        let submit = match first.attr("id").await.ok().flatten().as_deref() {
            Some("first-name") => {
                app.type_text("#first-name", "Claire Martin").await;
                app.type_text("#first-secret", common::E2E_SECRET).await;
                app.type_text("#first-secret2", common::E2E_SECRET).await;
                "#first-submit"
            }
            Some("signin-secret") => {
                app.click("[data-signin-user=\"Claire Martin\"]").await;
                app.type_text("#signin-secret", common::E2E_SECRET).await;
                "#signin-submit"
            }
            _ => {
                app.set_value("#user-select", "Claire Martin").await;
                "#user-continue"
            }
        };
        let step = steps.entry("1 sign-in → « Aujourd'hui »").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!(submit)]).await;
        app.wait_for("#today-count-overdue").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "today", step).await;

        // A moment on "Aujourd'hui", as a user reads it: the register's first page is asked
        // when it is opened, not handed over from a read of the moment before (shared.ts).
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let step = steps.entry("2 register: first page and total").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#nav-register")]).await;
        app.wait_for("#register-table tr[data-ref]").await;
        let total = total_changes(&app, "").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "register", step).await;
        assert!(total.contains("100"), "the register shows {total:?}");

        // Full-text search on a client name: from the input to the new total (includes the
        // search box's deliberate 250 ms debounce).
        let term = ["Bernard", "Lefebvre", "Garnier", "Roux", "Petit"][run % 5];
        let step = steps
            .entry("3 search (250 ms debounce included)")
            .or_default();
        let w = Instant::now();
        let t = act(
            &app,
            screen.as_ref(),
            SET,
            vec![json!("#search"), json!(term)],
        )
        .await;
        let found = total_changes(&app, &total).await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "register", step).await;

        // Status filter, the search cleared first.
        act(&app, None, SET, vec![json!("#search"), json!("")]).await;
        total_changes(&app, &found).await;
        let before = app.text("#register-total").await;
        let step = steps.entry("4 status filter").or_default();
        let w = Instant::now();
        let t = act(
            &app,
            screen.as_ref(),
            SET,
            vec![json!("#status-filter"), json!("closed")],
        )
        .await;
        total_changes(&app, &before).await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "register", step).await;

        // The next page of the filtered register.
        let before = first_row(&app).await;
        let step = steps.entry("5 next page").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#next-page")]).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while first_row(&app).await == before {
            assert!(Instant::now() < deadline, "the next page never came");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "register", step).await;

        // A complaint file, from its row.
        let reference = first_row(&app).await;
        let step = steps.entry("6 complaint file").or_default();
        let w = Instant::now();
        let t = act(
            &app,
            screen.as_ref(),
            CLICK,
            vec![json!(format!(
                "#register-table tr[data-ref=\"{reference}\"]"
            ))],
        )
        .await;
        app.wait_text("#file-reference", &reference).await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "file", step).await;

        // Back to "Aujourd'hui" from the file, as a user does all day: its code, styles and
        // fonts are warm now, and the register has not changed since the sign-in.
        let step = steps.entry("7 back to « Aujourd'hui »").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#nav-today")]).await;
        app.wait_for("#today-count-overdue").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "today", step).await;

        // The statistics of this year so far (about 29,000 complaints of the 100,000): every
        // complaint of the period is read and its deadlines and outcome counted.
        let step = steps.entry("8 statistics").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#nav-stats")]).await;
        app.wait_for("#stats-received").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "stats", step).await;

        // Back to the statistics from "Aujourd'hui", the register unchanged meanwhile: the core
        // gives them again without reading the register. A moment on "Aujourd'hui" first, as
        // a user reads it: within a second of an answer, the page hands it over again itself
        // (`ui/src/lib/backend/shared.ts`) and the core is not asked.
        app.click("#nav-today").await;
        app.wait_for("#today-count-overdue").await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let step = steps.entry("9 statistics again").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#nav-stats")]).await;
        app.wait_for("#stats-received").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "stats", step).await;

        // Back to the register from "Aujourd'hui", as a user goes back and forth all day: its
        // code and styles are warm now (the filters chosen above are kept).
        app.click("#nav-today").await;
        app.wait_for("#today-count-overdue").await;
        let step = steps.entry("10 register again").or_default();
        let w = Instant::now();
        let t = act(&app, screen.as_ref(), CLICK, vec![json!("#nav-register")]).await;
        app.wait_for("#register-table tr[data-ref]").await;
        step.webdriver.push(ms(w.elapsed()));
        split(&app, t, "register", step).await;

        if let Some(m) = app_memory(&app) {
            resident.push(m);
        }
        if run + 1 == runs {
            app.screenshot().await;
        }
        app.quit().await;
    }
    let (start_median, start_p90) = median_p90(&start);
    let (floor_median, _) = median_p90(&floors);
    println!("app on {COUNT} complaints, {runs} runs; medians and p90 (ms)");
    println!("start → first screen (WebDriver): {start_median:.0} (p90 {start_p90:.0})");
    println!("WebDriver floor (a round trip that changes nothing): {floor_median:.1}");
    println!(
        "{:<40} {:>15} {:>15} {:>15} | {:>7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  command",
        "step",
        "WebDriver",
        "screen",
        "in the page",
        "before",
        "IPC",
        "shell",
        "core",
        "DOM",
        "layout",
        "paint"
    );
    // In the order of the steps (their number), not of their names.
    let mut ordered: Vec<_> = steps.iter().collect();
    ordered.sort_by_key(|(name, _)| name.split(' ').next().and_then(|n| n.parse::<u32>().ok()));
    for (name, s) in &ordered {
        let (wd, wd90) = median_p90(&s.webdriver);
        let (pg, pg90) = median_p90(&s.page);
        let m = |v: &[f64]| median_p90(v).0;
        let screen = if s.screen.is_empty() {
            format!("{:>15}", "–")
        } else {
            let (sc, sc90) = median_p90(&s.screen);
            format!("{sc:>7.0} ({sc90:>5.0})")
        };
        println!(
            "{:<40} {:>7.0} ({:>5.0}) {} {:>7.1} ({:>5.1}) | {:>7.1} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {:>6.1} {:>6.1}  {}",
            name,
            wd,
            wd90,
            screen,
            pg,
            pg90,
            m(&s.before_call),
            m(&s.ipc),
            m(&s.shell),
            m(&s.core),
            m(&s.dom),
            m(&s.layout),
            m(&s.paint),
            s.command
        );
    }
    println!("other commands of each step (median shell time, ms; the core's part is in it):");
    for (name, s) in &ordered {
        let others: Vec<String> = s
            .others
            .iter()
            .map(|(c, v)| format!("{c} {:.1}", median_p90(v).0))
            .collect();
        if !others.is_empty() {
            println!("  {name}: {}", others.join(", "));
        }
    }
    for (when, m) in [
        ("at the first screen", &resident_start),
        ("after the steps", &resident),
    ] {
        if m.is_empty() {
            continue;
        }
        let median = |f: fn(&Memory) -> f64| median_p90(&m.iter().map(f).collect::<Vec<_>>()).0;
        println!(
            "app process {when} (MiB): resident {:.0}, of which private {:.0} and shared {:.0}",
            median(|m| m.resident),
            median(|m| m.private),
            median(|m| m.shared)
        );
    }
}

/// The memory of the app's own process (not WebKit's), from /proc, once the register is shown:
/// the newest process running the app binary.
#[derive(Clone, Copy)]
struct Memory {
    /// Resident: every page in memory, the shared libraries' included.
    resident: f64,
    /// The pages no other process maps (the heap, the app's own data): what the app costs.
    private: f64,
    /// The pages other processes map too: mostly the shared libraries' (WebKit, GTK, the
    /// graphics stack), in memory once for every process that maps them.
    shared: f64,
}

fn app_memory(app: &App) -> Option<Memory> {
    let pid = app.pid()?;
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
    let field = |name: &str| -> Option<f64> {
        let kib: f64 = rollup
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kib / 1024.0)
    };
    Some(Memory {
        resident: field("Rss:")?,
        private: field("Private_Clean:")? + field("Private_Dirty:")?,
        shared: field("Shared_Clean:")? + field("Shared_Dirty:")?,
    })
}
