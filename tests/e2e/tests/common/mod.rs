//! What the end-to-end tests share: the built binaries, a register file per test (seeded with
//! the `reclam` CLI), tauri-driver with the WebKitWebDriver behind it, and a WebDriver session
//! on the real app with waits that fail with a screenshot and the text of the page.
//!
//! Nothing here knows the backend: tests act and assert through the UI, as a user would, and
//! seed data only through the CLI.

#![allow(dead_code)]

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::fs::File;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::{Mutex, MutexGuard};

/// tauri-driver's port (sessions are opened there) and WebKitWebDriver's port behind it.
const DRIVER_PORT: u16 = 4444;
const NATIVE_PORT: u16 = 4445;
const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";

/// Repaint a one-pixel dot in the window's corner every 100 ms for the next 5 s (its colour
/// goes from one invisible shade to another).
const REPAINT_SOON: &str = "
const dot = document.getElementById('e2e-repaint')
  ?? Object.assign(document.body.appendChild(document.createElement('div')), { id: 'e2e-repaint' });
dot.style.cssText = 'position: fixed; left: 0; top: 0; width: 1px; height: 1px; pointer-events: none; z-index: 2147483647;';
for (let i = 1; i <= 50; i++) {
  setTimeout(() => { dot.style.background = i % 2 ? 'rgba(0, 0, 0, 0.002)' : 'rgba(0, 0, 0, 0.001)'; }, i * 100);
}
";

/// How long one UI step may take (a click answered, a screen shown).
pub const STEP: Duration = Duration::from_secs(10);
/// How long starting tauri-driver, WebKitWebDriver and the app may take.
const STARTUP: Duration = Duration::from_secs(60);

/// The password the end-to-end tests give the first account they create.
pub const E2E_SECRET: &str = "motdepasse-e2e";

/// The screens the app may open on: the first account, "Qui êtes-vous ?", the sign-in.
pub const START_SCREENS: &str = "#first-name, #user-select, #signin-secret";
const POLL: Duration = Duration::from_millis(100);

/// The ports are fixed, so one app at a time: every test holds this from launch to quit. A
/// tokio mutex (not a std one) because the guard lives across awaits; it is not poisoned by a
/// failing test, and it serialises the tests whatever `--test-threads` says.
static TURN: Mutex<()> = Mutex::const_new(());

/// `fail!(app, "format", ...)`: panic with the message and what the user saw (see
/// [`App::failure`]). Only usable in an async method of [`App`].
macro_rules! fail {
    ($app:expr, $($what:tt)+) => {
        panic!("{}", $app.failure(&format!($($what)+)).await)
    };
}

/// The workspace root (this crate is `tests/e2e/`).
fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/e2e sits two levels below the workspace root")
}

/// A binary of the workspace: `$<env>` if set, else the `debug/` directory of the target dir
/// this test runs from (the test executable is `<target>/debug/deps/e2e-*`), else
/// `$CARGO_TARGET_DIR/debug`, else the Makefile's default `~/.cache/reclam/target/debug`.
pub fn workspace_binary(env: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        let path = std::path::absolute(PathBuf::from(path))
            .unwrap_or_else(|e| panic!("{env}: unusable path: {e}"));
        assert!(path.is_file(), "{env}={}: no such file", path.display());
        return path;
    }
    let mut dirs = Vec::new();
    if let Some(debug) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().and_then(Path::parent).map(Path::to_path_buf))
    {
        dirs.push(debug);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        dirs.push(PathBuf::from(target).join("debug"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cache/reclam/target/debug"));
    }
    dirs.iter()
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{name} not found in {dirs:?}: build it first (`make ui && cargo build --workspace`) \
                 or set {env}"
            )
        })
}

/// `$TAURI_DRIVER`, else the copy the project installs in `.tools/bin/`, else the one on PATH.
fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let local = workspace_root().join(".tools/bin/tauri-driver");
    if local.is_file() {
        local
    } else {
        PathBuf::from("tauri-driver")
    }
}

/// Where screenshots go: `$RECLAM_E2E_SCREENSHOTS`, else `tests/e2e/screenshots/` (ignored by
/// git).
fn screenshot_dir() -> PathBuf {
    std::env::var_os("RECLAM_E2E_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots"))
}

fn save_screenshot(name: &str, png: &[u8]) -> PathBuf {
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// Text as compared by the tests: every run of white space, including the no-break spaces of
/// French typography (U+00A0, which WebDriver already turns into a plain space, and U+202F,
/// which it keeps), becomes one plain space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The date `days` days before today, as `YYYY-MM-DD`.
///
/// This is the UTC date, which can differ by one day from the app's local date around midnight.
/// With `days >= 1` the result is never after the local date, whatever the time zone, so the
/// app never sees it as a date in the future.
pub fn days_ago(days: u32) -> String {
    utc_date_from_today(-i64::from(days))
}

/// The date `days` days after today, as `YYYY-MM-DD` (a due date that is not past yet).
///
/// The UTC date, as for [`days_ago`]: with `days >= 2` the result is after the app's local
/// date, whatever the time zone.
pub fn days_ahead(days: u32) -> String {
    utc_date_from_today(i64::from(days))
}

/// Today's UTC date moved by `offset` days, as `YYYY-MM-DD`.
fn utc_date_from_today(offset: i64) -> String {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the system clock is after 1970");
    let today = i64::try_from(since_epoch.as_secs() / 86_400).expect("a realistic date");
    let (year, month, day) = civil_from_days(today + offset);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (Howard
/// Hinnant's `civil_from_days`), to avoid a date crate for one subtraction.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-11-19` -> `19/11/2026`, as the UI shows dates (and as a user types them).
pub fn fr_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    assert_eq!(parts.len(), 3, "not an ISO date: {iso:?}");
    format!("{}/{}/{}", parts[2], parts[1], parts[0])
}

/// `19/11/2026` -> `2026-11-19`: what a date field shows, as the backend's ISO date. Text
/// of another form comes back unchanged (so that an assertion on it shows what was there).
pub fn iso_date(french: &str) -> String {
    match french.split('/').collect::<Vec<_>>()[..] {
        [day, month, year] => format!("{year}-{month}-{day}"),
        _ => french.to_owned(),
    }
}

pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `REC-2026-0001`: the form of a register reference.
pub fn is_reference(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0] == "REC"
        && parts[1].len() == 4
        && parts[2].len() >= 4
        && parts[1..]
            .iter()
            .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
}

/// A register file of its own for one test, in a temporary directory that also holds the
/// tauri-driver log and the app's configuration and data directories.
pub struct RegisterFile {
    dir: tempfile::TempDir,
    path: PathBuf,
    /// More environment for the app (an update server of the test...).
    env: Vec<(String, String)>,
}

impl RegisterFile {
    /// A file that does not exist yet: the app creates it, empty, at start.
    pub fn fresh() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("registre.db");
        Self {
            dir,
            path,
            env: Vec::new(),
        }
    }

    /// The app will run with `key` set to `value` in its environment.
    #[allow(dead_code)]
    pub fn with_env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// The temporary folder of this register (files the test prepares beside it).
    #[allow(dead_code)]
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A copy of an existing register (e.g. a large demo register for timings).
    pub fn copy_of(source: &Path) -> Self {
        let register = Self::fresh();
        std::fs::copy(source, &register.path)
            .unwrap_or_else(|e| panic!("cannot copy {}: {e}", source.display()));
        register
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Run the `reclam` CLI on this file (as Claire Martin, with the tests' password once the
    /// register has credentials, on today's real date like the app); returns its standard
    /// output, panics with its standard error if it fails.
    pub fn cli(&self, args: &[&str], stdin: &str) -> String {
        self.cli_as("Claire Martin", E2E_SECRET, args, stdin)
    }

    /// [`RegisterFile::cli`] with more environment variables (secrets the CLI reads).
    #[allow(dead_code)]
    pub fn cli_env(&self, env: &[(&str, &str)], args: &[&str]) -> String {
        self.run_cli("Claire Martin", E2E_SECRET, env, args, "")
    }

    /// [`RegisterFile::cli`] as `name`, signing in with `password` when the register asks.
    pub fn cli_as(&self, name: &str, password: &str, args: &[&str], stdin: &str) -> String {
        self.run_cli(name, password, &[], args, stdin)
    }

    fn run_cli(
        &self,
        name: &str,
        password: &str,
        env: &[(&str, &str)],
        args: &[&str],
        stdin: &str,
    ) -> String {
        let cli = workspace_binary("RECLAM_CLI", "reclam");
        let mut child = Command::new(&cli)
            .args(args)
            .envs(env.iter().copied())
            .env("RECLAM_DB", &self.path)
            .env("RECLAM_USER", name)
            .env("RECLAM_PASSWORD", password)
            .env_remove("RECLAM_TODAY")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", cli.display()));
        let mut input = child.stdin.take().expect("piped stdin");
        input
            .write_all(stdin.as_bytes())
            .expect("the CLI reads its standard input");
        drop(input);
        let out = child.wait_with_output().expect("the CLI runs to its end");
        assert!(
            out.status.success(),
            "reclam {args:?} (as {name}) failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("the CLI prints UTF-8")
    }

    /// Attach a copy of what was sent (a letter written elsewhere) to the complaint; returns
    /// its SHA-256, which the steps name as their copy.
    pub fn attach_copy(&self, reference: &str, name: &str) -> String {
        let file = self.path.with_file_name(name);
        std::fs::write(&file, b"%PDF-1.4 copie du courrier envoye").unwrap();
        let out = self.cli(&["attach", reference, file.to_str().unwrap()], "");
        let meta: Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("`reclam attach` printed no JSON ({e}): {out}"));
        meta["sha256"]
            .as_str()
            .expect("an attachment's hash")
            .to_owned()
    }

    /// Acknowledge by a letter written elsewhere, its copy attached (the CLI).
    pub fn acknowledge(&self, reference: &str, on: &str) {
        let copy = self.attach_copy(reference, &format!("ar-{reference}.pdf"));
        self.cli(
            &[
                "ack",
                reference,
                "--on",
                on,
                "--via",
                "otherLetter",
                "--copy",
                &copy,
            ],
            "",
        );
    }

    /// Issue the register's acknowledgement letter (the CLI), which records the step; returns
    /// the file the CLI wrote beside the register: the letter's bytes as stored.
    #[allow(dead_code)]
    pub fn issue_acknowledgement_letter(&self, reference: &str) -> PathBuf {
        let out = self.path.with_file_name(format!("ar-emis-{reference}.pdf"));
        self.cli(
            &[
                "letter",
                reference,
                "--kind",
                "ack",
                "--issue",
                "--out",
                out.to_str().expect("a UTF-8 path"),
            ],
            "",
        );
        out
    }

    /// Record a complaint (the CLI's JSON input) and return its reference.
    pub fn record(&self, complaint: &Value) -> String {
        let out = self.cli(&["add"], &complaint.to_string());
        let stored: Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("`reclam add` printed no JSON ({e}): {out}"));
        let reference = stored["reference"]
            .as_str()
            .unwrap_or_else(|| panic!("`reclam add` printed no reference: {out}"))
            .to_owned();
        assert!(
            is_reference(&reference),
            "unexpected reference {reference:?}"
        );
        reference
    }
}

fn port_open(port: u16) -> bool {
    TcpStream::connect_timeout(
        &SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(200),
    )
    .is_ok()
}

/// Whether a process exists and is not a zombie.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| stat_fields(&stat).first() != Some(&"Z"))
        .unwrap_or(false)
}

/// The fields of `/proc/<pid>/stat` after the command name (which may hold spaces and
/// parentheses): state, parent pid, ...
fn stat_fields(stat: &str) -> Vec<&str> {
    stat.rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default()
}

/// Every process started, directly or not, by `root` (Linux: read from /proc).
fn descendants(root: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat_fields(&stat).get(1)?.parse::<u32>().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|&&(_, ppid)| ppid == parent)
                .map(|&(pid, _)| pid),
        );
        i += 1;
    }
    found.remove(0);
    found
}

fn send_signal(signal: &str, pid: u32) {
    // `kill` rather than a libc binding: the workspace forbids unsafe code.
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .stderr(Stdio::null())
        .status();
}

/// tauri-driver, its WebKitWebDriver and, through them, the app. Dropping it stops them all,
/// also when a test fails halfway.
struct Driver {
    child: Child,
    log: PathBuf,
}

impl Driver {
    fn start(register: &RegisterFile) -> Self {
        for port in [DRIVER_PORT, NATIVE_PORT] {
            // The previous test's driver may still be letting its ports go: wait a little
            // before calling it a leftover.
            let deadline = std::time::Instant::now() + Duration::from_secs(15);
            while port_open(port) && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(200));
            }
            assert!(
                !port_open(port),
                "port {port} is already taken: a tauri-driver or WebKitWebDriver left over by an \
                 earlier run? Stop it (by its pid) and run again"
            );
        }
        let log = register.dir.path().join("tauri-driver.log");
        let out = File::create(&log).expect("a log file in the temporary directory");
        let err = out.try_clone().expect("a second handle on the log file");
        // The app inherits this environment through WebKitWebDriver: its register file, and
        // configuration and data directories of its own (window size, WebView storage) so
        // that nothing from a developer's own use of Reclam leaks into the tests.
        let config = register.dir.path().join("config");
        let data = register.dir.path().join("data");
        for dir in [&config, &data] {
            std::fs::create_dir_all(dir).expect("a directory in the temporary directory");
        }
        let mut command = Command::new(tauri_driver());
        command
            .arg("--port")
            .arg(DRIVER_PORT.to_string())
            .arg("--native-port")
            .arg(NATIVE_PORT.to_string());
        if Path::new(WEBKIT_WEBDRIVER).is_file() {
            command.arg("--native-driver").arg(WEBKIT_WEBDRIVER);
        }
        let child = command
            .envs(register.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("RECLAM_DB", register.path())
            .env("XDG_CONFIG_HOME", config)
            .env("XDG_DATA_HOME", data)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start tauri-driver ({e}): install it with `cargo install tauri-driver \
                     --version 2.1.0 --locked --root .tools`, or set TAURI_DRIVER"
                )
            });
        Self { child, log }
    }

    /// tauri-driver accepts connections before WebKitWebDriver listens behind it: a session
    /// opened in between fails, so wait for both ports.
    async fn ready(&mut self) {
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("tauri-driver stopped ({status}):\n{}", self.log_text());
            }
            if port_open(DRIVER_PORT) && port_open(NATIVE_PORT) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "tauri-driver and WebKitWebDriver not listening on {DRIVER_PORT} and \
                 {NATIVE_PORT} after {STARTUP:?}:\n{}",
                self.log_text()
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// The end of what tauri-driver, WebKitWebDriver and the app printed.
    fn log_text(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let skip = text.chars().count().saturating_sub(4_000);
        text.chars().skip(skip).collect()
    }
}

impl Drop for Driver {
    /// SIGTERM, never SIGKILL first: tauri-driver then stops WebKitWebDriver, which a SIGKILL
    /// would leave running, holding its port, and the next run would hang. Anything of the tree
    /// still running after that (the app, if the session was not closed) is terminated too.
    fn drop(&mut self) {
        let pid = self.child.id();
        let tree = descendants(pid);
        send_signal("TERM", pid);
        let deadline = Instant::now() + Duration::from_secs(10);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        for &child in &tree {
            if alive(child) {
                send_signal("TERM", child);
            }
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while tree.iter().any(|&child| alive(child)) && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        if std::thread::panicking() {
            eprintln!(
                "--- tauri-driver, WebKitWebDriver and app output ---\n{}",
                self.log_text()
            );
        }
    }
}

/// Sets the value of a select as a user's choice would: WebDriver cannot pick an option
/// reliably, since `<select>` opens a native GTK popup. The events are those Svelte's
/// `bind:value` listens to (`change` for selects, `input` for inputs). Date fields are text
/// inputs (dd/mm/yyyy, whatever the system's locale): type them with [`App::type_date`].
const SET_VALUE_JS: &str = r#"
const [el, value] = arguments;
const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value").set;
setter.call(el, value);
el.dispatchEvent(new Event("input", { bubbles: true }));
el.dispatchEvent(new Event("change", { bubbles: true }));
return el.value;
"#;

/// The running app, for one test. Fields drop in order: the session, then the processes, then
/// the temporary directory, and last the turn of the next test.
pub struct App {
    client: Client,
    name: &'static str,
    application: PathBuf,
    driver: Driver,
    register: RegisterFile,
    turn: MutexGuard<'static, ()>,
}

impl App {
    /// Start the app on `register` and open a WebDriver session on its window. `name` names
    /// the test's screenshot.
    pub async fn launch(name: &'static str, register: RegisterFile) -> Self {
        let application = workspace_binary("RECLAM_APP", "reclam-desktop");
        Self::launch_binary(name, register, application).await
    }

    /// [`App::launch`] with the app binary at `application` (an installed package's).
    pub async fn launch_binary(
        name: &'static str,
        register: RegisterFile,
        application: PathBuf,
    ) -> Self {
        let turn = TURN.lock().await;
        let mut driver = Driver::start(&register);
        driver.ready().await;

        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": &application }),
        );
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let url = format!("http://127.0.0.1:{DRIVER_PORT}");
        // Opening the session starts the app and waits for its window: bounded, so that an app
        // that never shows up fails the test instead of hanging it.
        let client = match tokio::time::timeout(STARTUP, builder.connect(&url)).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!(
                "no WebDriver session on {}: {e}\n{}",
                application.display(),
                driver.log_text()
            ),
            Err(_) => panic!(
                "no WebDriver session on {} after {STARTUP:?}\n{}",
                application.display(),
                driver.log_text()
            ),
        };
        Self {
            client,
            name,
            application,
            driver,
            register,
            turn,
        }
    }

    /// Whether the drivers' log, where the app's standard error goes, holds `text`.
    pub fn logged(&self, text: &str) -> bool {
        std::fs::read_to_string(&self.driver.log).is_ok_and(|log| log.contains(text))
    }

    /// The app's own process (not WebKit's): the newest process running the app binary (the
    /// tests run one app at a time).
    pub fn pid(&self) -> Option<u32> {
        let out = std::process::Command::new("pgrep")
            .arg("-n")
            .arg("-f")
            .arg(&self.application)
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    }

    /// The WebDriver session, for what the helpers below do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The register file the app runs on, e.g. to read back through the CLI what the UI
    /// saved (the CLI opens it beside the app, as a second user of the firm would).
    pub fn register(&self) -> &RegisterFile {
        &self.register
    }

    /// Close the session (the app quits), stop the drivers and let the next test run.
    pub async fn quit(self) {
        let Self {
            client,
            driver,
            register,
            turn,
            ..
        } = self;
        match tokio::time::timeout(STEP, client.close()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("closing the WebDriver session: {e}"),
            // Dropping the driver below stops the app all the same.
            Err(_) => eprintln!("the WebDriver session did not close within {STEP:?}"),
        }
        drop(driver);
        drop(register);
        drop(turn);
    }

    /// Save the window as `<name>.png` in the screenshot directory.
    pub async fn screenshot(&self) {
        self.screenshot_named(self.name).await;
    }

    /// Save the window as `<name>.png` in the screenshot directory, for a test that records
    /// more than one screen (the first one can take the test's own name, [`App::screenshot`]).
    pub async fn screenshot_named(&self, name: &str) {
        // Under Xvfb painting lags behind the DOM the assertions have just read.
        tokio::time::sleep(Duration::from_secs(1)).await;
        let png = match self.take_screenshot().await {
            Ok(png) => png,
            Err(e) => panic!("screenshot failed: {e}"),
        };
        assert!(
            png.starts_with(b"\x89PNG"),
            "the screenshot is not a PNG image"
        );
        let path = save_screenshot(name, &png);
        eprintln!("screenshot: {}", path.display());
    }

    /// The window as a PNG image. WebKit takes it after the window's next paint; painting
    /// without compositing (a desk without a GPU, as under Xvfb: `src-tauri/src/display.rs`),
    /// a still page has no paint to come and the request would wait for ever: the page is
    /// given some first ([`REPAINT_SOON`]; a page that cannot run it is shot as it is).
    async fn take_screenshot(&self) -> Result<Vec<u8>, String> {
        if let Err(e) = self.client.execute(REPAINT_SOON, vec![]).await {
            eprintln!("no repaint before the screenshot: {e}");
        }
        match tokio::time::timeout(Duration::from_secs(30), self.client.screenshot()).await {
            Ok(shot) => shot.map_err(|e| e.to_string()),
            Err(_) => Err("no screenshot within 30 s".into()),
        }
    }

    /// A failure message with what the user saw: a `<name>-FAILED.png` screenshot and the
    /// text of the page.
    async fn failure(&self, what: &str) -> String {
        let shot = match self.take_screenshot().await {
            Ok(png) => save_screenshot(&format!("{}-FAILED", self.name), &png)
                .display()
                .to_string(),
            Err(e) => format!("none ({e})"),
        };
        let page = self
            .client
            .execute(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
            .ok()
            .and_then(|text| text.as_str().map(normalise))
            .unwrap_or_default();
        let page: String = page.chars().take(3_000).collect();
        format!("{what}\nscreenshot: {shot}\npage text: {page}")
    }

    /// The first element matching `css`, waiting up to [`STEP`] for it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_within(css, STEP).await
    }

    pub async fn wait_for_within(&self, css: &str, timeout: Duration) -> Element {
        match self
            .client
            .wait()
            .at_most(timeout)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                fail!(self, "« {css} » not shown within {timeout:?} ({e})")
            }
        }
    }

    /// Wait until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + STEP;
        while self.count(css).await > 0 {
            if Instant::now() >= deadline {
                fail!(self, "« {css} » still shown after {STEP:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Wait until the text of `css` contains `expected` (both normalised); returns that text.
    pub async fn wait_text(&self, css: &str, expected: &str) -> String {
        let expected = normalise(expected);
        let deadline = Instant::now() + STEP;
        let mut last = None;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    let text = normalise(&text);
                    if text.contains(&expected) {
                        return text;
                    }
                    last = Some(text);
                }
            }
            if Instant::now() >= deadline {
                let seen = match last {
                    Some(text) => format!("reads {text:?}"),
                    None => "is not shown".to_owned(),
                };
                fail!(
                    self,
                    "« {css} » {seen}, expected it to contain {expected:?}"
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Wait until attribute `attr` of `css` equals `expected`.
    pub async fn wait_attr(&self, css: &str, attr: &str, expected: &str) {
        let deadline = Instant::now() + STEP;
        let mut last = None;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(value) = element.attr(attr).await {
                    if value.as_deref() == Some(expected) {
                        return;
                    }
                    last = value;
                }
            }
            if Instant::now() >= deadline {
                fail!(self, "« {css} » has {attr}={last:?}, expected {expected:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The normalised text of `css` (waited for).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        match element.text().await {
            Ok(text) => normalise(&text),
            Err(e) => fail!(self, "cannot read « {css} »: {e}"),
        }
    }

    /// The current value of the input, textarea or select `css` (waited for).
    pub async fn value(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        match element.prop("value").await {
            Ok(value) => value.unwrap_or_default(),
            Err(e) => fail!(self, "cannot read the value of « {css} »: {e}"),
        }
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        match self.client.find_all(Locator::Css(css)).await {
            Ok(elements) => elements.len(),
            Err(e) => fail!(self, "cannot look for « {css} »: {e}"),
        }
    }

    /// Attribute `attr` of every element matching `css`, in document order.
    pub async fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let elements = match self.client.find_all(Locator::Css(css)).await {
            Ok(elements) => elements,
            Err(e) => fail!(self, "cannot look for « {css} »: {e}"),
        };
        let mut values = Vec::with_capacity(elements.len());
        for element in elements {
            match element.attr(attr).await {
                Ok(value) => values.push(value.unwrap_or_default()),
                Err(e) => fail!(self, "cannot read {attr} of « {css} »: {e}"),
            }
        }
        values
    }

    /// Click `css`, retrying for up to [`STEP`] while it is missing, covered (by the toast) or
    /// not yet interactable.
    pub async fn click(&self, css: &str) {
        let deadline = Instant::now() + STEP;
        loop {
            let outcome = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.click().await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            match outcome {
                Ok(()) => return,
                Err(e) if Instant::now() >= deadline => {
                    fail!(self, "cannot click « {css} »: {e}")
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// Type `text` into the text field `css` with real key events, replacing what it held.
    pub async fn type_text(&self, css: &str, text: &str) {
        let element = self.wait_for(css).await;
        let current = element.prop("value").await.ok().flatten();
        if current.is_some_and(|value| !value.is_empty()) {
            if let Err(e) = element.clear().await {
                fail!(self, "cannot clear « {css} »: {e}");
            }
        }
        if let Err(e) = element.send_keys(text).await {
            fail!(self, "cannot type into « {css} »: {e}");
        }
        self.wait_value(css, text).await;
    }

    /// Type `lines` into the textarea `css`, replacing what it held, with Enter between them
    /// (WebKitWebDriver does not type a "\n" in the text as a new line).
    pub async fn type_lines(&self, css: &str, lines: &[&str]) {
        let (first, rest) = lines.split_first().expect("at least one line");
        self.type_text(css, first).await;
        let element = self.wait_for(css).await;
        for line in rest {
            if let Err(e) = element.send_keys(&(Key::Enter + line)).await {
                fail!(self, "cannot type into « {css} »: {e}");
            }
        }
        self.wait_value(css, &lines.join("\n")).await;
    }

    /// Type the date `iso` (`YYYY-MM-DD`) into the date field `css` as a user would: cleared,
    /// typed in French (`dd/mm/yyyy`), then left with Tab, which is when the field reads it.
    pub async fn type_date(&self, css: &str, iso: &str) {
        let french = fr_date(iso);
        self.type_text(css, &french).await;
        let element = self.wait_for(css).await;
        if let Err(e) = element.send_keys(&Key::Tab).await {
            fail!(self, "cannot leave « {css} » with Tab: {e}");
        }
        // Leaving the field rewrites a date it read as dd/mm/yyyy: the same text here.
        self.wait_value(css, &french).await;
    }

    /// Set the value of a select (see [`SET_VALUE_JS`]).
    pub async fn set_value(&self, css: &str, value: &str) {
        let element = self.wait_for(css).await;
        let arg = serde_json::to_value(&element).expect("a WebDriver element serialises");
        match self
            .client
            .execute(SET_VALUE_JS, vec![arg, json!(value)])
            .await
        {
            Ok(Value::String(now)) if now == value => {}
            Ok(now) => {
                fail!(
                    self,
                    "« {css} » refused the value {value:?} (it holds {now})"
                )
            }
            Err(e) => fail!(self, "cannot set « {css} »: {e}"),
        }
    }

    /// Wait until the input `css` holds exactly `expected`.
    pub async fn wait_value(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + STEP;
        loop {
            let value = self.value(css).await;
            if value == expected {
                return;
            }
            if Instant::now() >= deadline {
                fail!(self, "« {css} » holds {value:?}, expected {expected:?}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The normalised text of every element matching `css` now, in document order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let elements = match self.client.find_all(Locator::Css(css)).await {
            Ok(elements) => elements,
            Err(e) => fail!(self, "cannot look for « {css} »: {e}"),
        };
        let mut texts = Vec::with_capacity(elements.len());
        for element in elements {
            match element.text().await {
                Ok(text) => texts.push(normalise(&text)),
                Err(e) => fail!(self, "cannot read « {css} »: {e}"),
            }
        }
        texts
    }

    /// Press `key` (a character, or a [`Key`] as `char`) with the modifiers held, as real
    /// key events (WebDriver actions: modifiers down, key down and up, modifiers up), sent to
    /// whatever has the focus, as a user's keyboard would.
    pub async fn press(&self, modifiers: &[Key], key: char) {
        let mut keys = KeyActions::new("keyboard".to_owned());
        for &modifier in modifiers {
            keys = keys.then(KeyAction::Down {
                value: modifier.into(),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for &modifier in modifiers.iter().rev() {
            keys = keys.then(KeyAction::Up {
                value: modifier.into(),
            });
        }
        if let Err(e) = self.client.perform_actions(keys).await {
            fail!(self, "cannot press {key:?} with {modifiers:?}: {e}");
        }
        if let Err(e) = self.client.release_actions().await {
            fail!(self, "cannot release the keys after {key:?}: {e}");
        }
    }

    /// The backend commands the page called since it started (`ui/src/lib/perf.ts` keeps the
    /// last 200), in order.
    pub async fn commands_called(&self) -> Vec<String> {
        match self
            .client
            .execute(
                "return window.__reclamPerf.calls.map((c) => c.cmd);",
                vec![],
            )
            .await
        {
            Ok(Value::Array(cmds)) => cmds
                .into_iter()
                .map(|c| c.as_str().unwrap_or_default().to_owned())
                .collect(),
            Ok(other) => fail!(self, "the commands called read {other}"),
            Err(e) => fail!(self, "cannot read the commands called: {e}"),
        }
    }

    /// The id of the element that has the keyboard focus ("" for none, or one without id).
    pub async fn focused_id(&self) -> String {
        match self
            .client
            .execute(
                "const el = document.activeElement; return el && el !== document.body ? el.id : '';",
                vec![],
            )
            .await
        {
            Ok(Value::String(id)) => id,
            Ok(other) => fail!(self, "the focused element's id reads {other}"),
            Err(e) => fail!(self, "cannot read the focused element: {e}"),
        }
    }

    /// Wait until the element with the keyboard focus is `#id`.
    pub async fn wait_focused(&self, id: &str) {
        let deadline = Instant::now() + STEP;
        loop {
            let focused = self.focused_id().await;
            if focused == id {
                return;
            }
            if Instant::now() >= deadline {
                fail!(self, "the focus is on {focused:?}, expected it on #{id}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Scroll the page until `css` is in view (for a screenshot of it).
    pub async fn scroll_into_view(&self, css: &str) {
        let element = self.wait_for(css).await;
        let arg = serde_json::to_value(&element).expect("a WebDriver element serialises");
        if let Err(e) = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![arg],
            )
            .await
        {
            fail!(self, "cannot scroll to « {css} »: {e}");
        }
    }

    /// Get past the start screen: on a register without users, create the first account
    /// (the manager) with this name and [`E2E_SECRET`]; on a register without passwords, pick
    /// the name in the list; once passwords exist, sign in with [`E2E_SECRET`].
    pub async fn sign_in(&self, name: &str) {
        self.sign_in_with(name, E2E_SECRET).await;
    }

    /// [`App::sign_in`] with this password.
    pub async fn sign_in_with(&self, name: &str, secret: &str) {
        let first = self.wait_for_within(START_SCREENS, STARTUP).await;
        let id = first.attr("id").await.ok().flatten().unwrap_or_default();
        match id.as_str() {
            "first-name" => {
                self.type_text("#first-name", name).await;
                self.type_text("#first-secret", secret).await;
                self.type_text("#first-secret2", secret).await;
                self.click("#first-submit").await;
            }
            "signin-secret" => {
                self.click(&format!("[data-signin-user=\"{name}\"]")).await;
                self.type_text("#signin-secret", secret).await;
                self.click("#signin-submit").await;
            }
            _ => {
                self.set_value("#user-select", name).await;
                self.click("#user-continue").await;
            }
        }
        self.wait_text("#current-user", name).await;
    }
}
