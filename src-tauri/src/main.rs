//! Reclam's desktop shell: window, state and commands of a few lines over the `reclam` core.
//!
//! No SQL and no business rule here: each command parses its arguments (errors naming the
//! field, in French), makes one core call and maps its error to the `{ code, message, field }`
//! the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use reclam::calendar::{self, Deadlines};
use reclam::clock::SystemClock;
use reclam::complaint::input::{from_json_value, parse_date, parse_vocab};
use reclam::complaint::{Complaint, ComplaintRef, Money, NewComplaint, ValidationError};
use reclam::complaint::{CorrectiveAction, DysfunctionEntry, NewCorrectiveAction};
use reclam::complaint::{NewDisputeStep, NewExchange};
use reclam::extract::stats::Stats;
use reclam::extract::ExtractQuery;
use reclam::firm::{NewUser, User};
use reclam::import::{ImportReport, MappingInput, Policy};
use reclam::letters::Composed;
use reclam::letters::{LetterRequest, TemplateEntry};
use reclam::settings::Settings;
use reclam::store::backup::{self, BackupStatus, Maintenance, RestoreReport};
use reclam::store::client_export::ClientExportSummary;
use reclam::store::register::{RegisterPage, RegisterQuery};
use reclam::store::retention::{AnonymisationReport, Candidate};
use reclam::store::today::TodaySummary;
use reclam::store::verify::VerifyReport;
use reclam::store::{ComplaintView, NewRequest};
use reclam::wire::AppInfo;
use reclam::{Register, Store, WireError};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_plugin_opener::OpenerExt;

/// Complaints in a freshly created demo register.
const DEMO_COUNT: u32 = 1_000;

/// The open register (or why it could not be opened), and which file it is.
struct Open {
    store: Result<Store, WireError>,
    path: PathBuf,
    is_demo: bool,
}

/// The one managed state: the open register. Commands lock it for the length of one core call.
struct AppState {
    open: Mutex<Open>,
    /// The firm's register (the demo register lives beside it, in its own file).
    real_path: PathBuf,
    /// What the start-up maintenance (integrity check, daily backup) found.
    maintenance: Arc<Mutex<Maintenance>>,
}

fn run_maintenance(path: PathBuf, into: Arc<Mutex<Maintenance>>) {
    let mut m = Maintenance::default();
    match Store::open(&path, Arc::new(SystemClock)) {
        Err(e) => m.integrity_error = Some(e.to_string()),
        Ok(store) => match store.quick_check() {
            Ok(None) => match store.daily_backup() {
                Ok(written) => m.backup_written = written.map(|p| p.display().to_string()),
                Err(e) => m.backup_error = Some(e.to_string()),
            },
            Ok(Some(q)) => m.integrity_error = Some(q),
            Err(e) => m.integrity_error = Some(e.to_string()),
        },
    }
    m.done = true;
    if let Ok(mut slot) = into.lock() {
        *slot = m;
    }
}

type CmdResult<T> = Result<T, WireError>;

fn wire(e: impl Into<reclam::Error>) -> WireError {
    e.into().to_wire()
}

fn internal() -> WireError {
    WireError {
        code: "internal".into(),
        message: "état interne incohérent : redémarrez Reclam".into(),
        field: None,
    }
}

impl AppState {
    fn with<T>(&self, f: impl FnOnce(&mut Store) -> reclam::Result<T>) -> CmdResult<T> {
        let mut open = self.open.lock().map_err(|_| internal())?;
        let store = open.store.as_mut().map_err(|e| e.clone())?;
        f(store).map_err(|e| e.to_wire())
    }

    fn switch_to(&self, path: PathBuf, is_demo: bool) -> CmdResult<()> {
        let store = open_store(&path, is_demo)?;
        let mut open = self.open.lock().map_err(|_| internal())?;
        *open = Open {
            store: Ok(store),
            path,
            is_demo,
        };
        Ok(())
    }
}

fn open_store(path: &Path, is_demo: bool) -> CmdResult<Store> {
    let mut store = Store::open(path, Arc::new(SystemClock)).map_err(wire)?;
    if is_demo && store.list(&RegisterQuery::default()).map_err(wire)?.total == 0 {
        reclam::demo::fill(&mut store, DEMO_COUNT, 2026).map_err(wire)?;
    }
    Ok(store)
}

fn reference(r: &str) -> CmdResult<ComplaintRef> {
    r.parse::<ComplaintRef>()
        .map_err(|e| wire(ValidationError::new("reference", e.to_string())))
}

fn date(field: &str, value: &str) -> CmdResult<chrono::NaiveDate> {
    parse_date(field, value).map_err(wire)
}

fn input<T: serde::de::DeserializeOwned>(value: Value) -> CmdResult<T> {
    from_json_value(value).map_err(wire)
}

#[tauri::command]
fn app_info(state: tauri::State<'_, AppState>) -> CmdResult<AppInfo> {
    let open = state.open.lock().map_err(|_| internal())?;
    let today = reclam::clock::Clock::today(&SystemClock);
    let (region, open_error, empty) = match &open.store {
        Ok(s) => (
            s.region().as_str().to_owned(),
            None,
            s.list(&RegisterQuery {
                limit: 1,
                ..RegisterQuery::default()
            })
            .map_err(wire)?
            .total
                == 0,
        ),
        Err(e) => (String::new(), Some(e.clone()), true),
    };
    Ok(AppInfo {
        db_path: open.path.display().to_string(),
        is_demo: open.is_demo,
        today,
        region,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        open_error,
        empty,
    })
}

#[tauri::command]
async fn open_demo(state: tauri::State<'_, AppState>) -> CmdResult<AppInfo> {
    state.switch_to(demo_path(&state.real_path), true)?;
    app_info(state)
}

#[tauri::command]
fn open_default(state: tauri::State<'_, AppState>) -> CmdResult<AppInfo> {
    state.switch_to(state.real_path.clone(), false)?;
    app_info(state)
}

#[tauri::command]
fn list_complaints(
    state: tauri::State<'_, AppState>,
    query: RegisterQuery,
) -> CmdResult<RegisterPage> {
    state.with(|s| s.list(&query))
}

#[tauri::command]
fn today_summary(state: tauri::State<'_, AppState>) -> CmdResult<TodaySummary> {
    state.with(|s| s.today_summary())
}

#[tauri::command]
fn get_complaint(state: tauri::State<'_, AppState>, reference: &str) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    state.with(|s| s.view(&r))
}

#[tauri::command]
fn preview_deadlines(
    state: tauri::State<'_, AppState>,
    sent_on: Option<String>,
    received_on: &str,
) -> CmdResult<Deadlines> {
    let received = date("receivedOn", received_on)?;
    let sent = match sent_on.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => Some(date("sentOn", s)?),
        None => None,
    };
    let region = state.with(|s| Ok(s.region())).unwrap_or_default();
    for (field, d) in [("receivedOn", Some(received)), ("sentOn", sent)] {
        if let Some(d) = d {
            calendar::check_year(d)
                .map_err(|e| wire(ValidationError::new(field, e.to_string())))?;
        }
    }
    Ok(calendar::deadlines(sent, received, region))
}

#[tauri::command]
fn record_complaint(
    state: tauri::State<'_, AppState>,
    input: Value,
    actor: &str,
) -> CmdResult<Complaint> {
    let new: NewComplaint = self::input(input)?;
    state.with(|s| s.record(&new, actor))
}

#[tauri::command]
fn record_request(state: tauri::State<'_, AppState>, input: Value, actor: &str) -> CmdResult<i64> {
    let new: NewRequest = self::input(input)?;
    state.with(|s| s.record_request(&new, actor))
}

#[tauri::command]
fn update_complaint(
    state: tauri::State<'_, AppState>,
    reference: &str,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let new: NewComplaint = self::input(input)?;
    state.with(|s| {
        s.update(&r, &new, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn acknowledge(
    state: tauri::State<'_, AppState>,
    reference: &str,
    on: &str,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, on) = (self::reference(reference)?, date("on", on)?);
    state.with(|s| {
        s.acknowledge(&r, on, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn hold(
    state: tauri::State<'_, AppState>,
    reference: &str,
    on: &str,
    note: &str,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, on) = (self::reference(reference)?, date("on", on)?);
    state.with(|s| {
        s.hold(&r, on, note, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn answer(
    state: tauri::State<'_, AppState>,
    reference: &str,
    on: &str,
    outcome: &str,
    summary: &str,
    gesture: Option<String>,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, on) = (self::reference(reference)?, date("on", on)?);
    let outcome = parse_vocab("outcome", outcome).map_err(wire)?;
    let gesture = match gesture.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
        Some(g) => Some(parse_vocab::<Money>("gesture", g).map_err(wire)?),
        None => None,
    };
    state.with(|s| {
        s.answer(&r, on, outcome, summary, gesture, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn close(
    state: tauri::State<'_, AppState>,
    reference: &str,
    on: &str,
    feedback: &str,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, on) = (self::reference(reference)?, date("on", on)?);
    let feedback = parse_vocab("feedback", feedback).map_err(wire)?;
    state.with(|s| {
        s.close(&r, on, feedback, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn add_dysfunction(
    state: tauri::State<'_, AppState>,
    reference: &str,
    category: &str,
    description: &str,
    on: &str,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let (r, on) = (self::reference(reference)?, date("on", on)?);
    let category = parse_vocab("category", category).map_err(wire)?;
    state.with(|s| {
        s.add_dysfunction(&r, category, description, on, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn add_exchange(
    state: tauri::State<'_, AppState>,
    reference: &str,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let x: NewExchange = self::input(input)?;
    state.with(|s| {
        s.add_exchange(&r, &x, actor)?;
        s.view(&r)
    })
}

#[tauri::command]
fn add_dispute_step(
    state: tauri::State<'_, AppState>,
    reference: &str,
    input: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let step: NewDisputeStep = self::input(input)?;
    state.with(|s| {
        s.add_dispute_step(&r, &step, actor)?;
        s.view(&r)
    })
}

/// Attach the file the user picked in the native dialog (read here, stored in the database).
#[tauri::command]
fn add_attachment(
    state: tauri::State<'_, AppState>,
    reference: &str,
    path: PathBuf,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(&path).map_err(wire)?;
    state.with(|s| {
        s.add_attachment(&r, &name, &bytes, actor)?;
        s.view(&r)
    })
}

/// Copy an attachment (hash checked) to a private temporary folder and open it in the system
/// viewer.
#[tauri::command]
fn open_attachment(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    id: i64,
) -> CmdResult<()> {
    let (meta, bytes) = state.with(|s| s.attachment(id))?;
    open_in_viewer(&app, &format!("{id}-{}", meta.name), &bytes)
}

#[tauri::command]
fn get_settings(state: tauri::State<'_, AppState>) -> CmdResult<Settings> {
    state.with(|s| s.settings())
}

#[tauri::command]
fn set_setting(
    state: tauri::State<'_, AppState>,
    key: &str,
    value: &str,
    actor: &str,
) -> CmdResult<Settings> {
    state.with(|s| {
        s.set_setting(key, value, actor)?;
        s.settings()
    })
}

#[tauri::command]
fn list_users(state: tauri::State<'_, AppState>) -> CmdResult<Vec<User>> {
    state.with(|s| s.users())
}

#[tauri::command]
fn add_user(state: tauri::State<'_, AppState>, input: Value, actor: &str) -> CmdResult<Vec<User>> {
    let new: NewUser = self::input(input)?;
    state.with(|s| {
        s.add_user(&new, actor)?;
        s.users()
    })
}

#[tauri::command]
fn list_templates(state: tauri::State<'_, AppState>) -> CmdResult<Vec<TemplateEntry>> {
    state.with(|s| Register::over(s, "Lecture")?.templates())
}

/// The placeholders a template may use (the letters', or those of the template `key`), with
/// their French descriptions.
#[tauri::command]
fn template_placeholders(key: Option<String>) -> Vec<(&'static str, &'static str)> {
    reclam::letters::placeholders_for(key.as_deref().unwrap_or_default()).to_vec()
}

#[tauri::command]
fn set_template(
    state: tauri::State<'_, AppState>,
    key: &str,
    text: &str,
    actor: &str,
) -> CmdResult<Vec<TemplateEntry>> {
    state.with(|s| {
        let mut r = Register::over(s, actor)?;
        r.set_template(key, text)?;
        r.templates()
    })
}

/// What the letter would say (for the on-screen preview); nothing is stored.
#[tauri::command]
fn preview_letter(
    state: tauri::State<'_, AppState>,
    reference: &str,
    request: Value,
) -> CmdResult<Composed> {
    let r = self::reference(reference)?;
    let req: LetterRequest = self::input(request)?;
    state.with(|s| {
        Ok(Register::over(s, "Lecture")?
            .draft_letter(&r, &req)?
            .composed)
    })
}

/// Open the draft PDF in the system viewer (not stored in the register).
#[tauri::command]
fn open_draft_letter(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    reference: &str,
    request: Value,
) -> CmdResult<()> {
    let r = self::reference(reference)?;
    let req: LetterRequest = self::input(request)?;
    let pdf = state.with(|s| Ok(Register::over(s, "Lecture")?.draft_letter(&r, &req)?.pdf))?;
    open_in_viewer(
        &app,
        &format!("brouillon-{r}-{}.pdf", req.kind.as_str()),
        &pdf,
    )
}

#[tauri::command]
fn issue_letter(
    state: tauri::State<'_, AppState>,
    reference: &str,
    request: Value,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let req: LetterRequest = self::input(request)?;
    state.with(|s| {
        Register::over(s, actor)?.issue_letter(&r, &req)?;
        s.view(&r)
    })
}

/// Open an issued letter (hash checked) in the system viewer, for printing.
#[tauri::command]
fn open_letter(app: tauri::AppHandle, state: tauri::State<'_, AppState>, id: i64) -> CmdResult<()> {
    let (meta, pdf) = state.with(|s| s.letter_pdf(id))?;
    open_in_viewer(
        &app,
        &format!("lettre-{}-{}.pdf", meta.id, meta.kind.as_str()),
        &pdf,
    )
}

/// Save a copy of an issued letter where the user chose (native save dialog).
#[tauri::command]
fn save_letter(state: tauri::State<'_, AppState>, id: i64, path: PathBuf) -> CmdResult<()> {
    let (_, pdf) = state.with(|s| s.letter_pdf(id))?;
    std::fs::write(&path, pdf).map_err(wire)
}

#[tauri::command]
fn approve_gesture(
    state: tauri::State<'_, AppState>,
    reference: &str,
    amount: &str,
    actor: &str,
) -> CmdResult<ComplaintView> {
    let r = self::reference(reference)?;
    let amount = parse_vocab::<Money>("amount", amount).map_err(wire)?;
    state.with(|s| {
        s.approve_gesture(&r, amount, actor)?;
        s.view(&r)
    })
}

/// Store a user's signature image, read from the PNG the user picked.
#[tauri::command]
fn set_signature(
    state: tauri::State<'_, AppState>,
    user: &str,
    path: PathBuf,
    actor: &str,
) -> CmdResult<Vec<User>> {
    let png = std::fs::read(&path).map_err(wire)?;
    state.with(|s| {
        s.set_signature(user, &png, actor)?;
        s.users()
    })
}

/// Set the firm's logo from the PNG the user picked.
#[tauri::command]
fn set_logo(state: tauri::State<'_, AppState>, path: PathBuf, actor: &str) -> CmdResult<()> {
    let png = std::fs::read(&path).map_err(wire)?;
    state.with(|s| s.set_logo(&png, actor))
}

/// Statistics of the complaints received in a period (with the extract's filters).
#[tauri::command]
fn extract_stats(state: tauri::State<'_, AppState>, query: Value) -> CmdResult<Stats> {
    let q: ExtractQuery = self::input(query)?;
    state.with(|s| {
        let rows = reclam::extract::rows(s, &q)?;
        reclam::extract::stats::compute(s, &q, &rows)
    })
}

/// Write the register extract ("pdf", "csv" or "xlsx") where the user chose (save dialog).
#[tauri::command]
fn export_extract(
    state: tauri::State<'_, AppState>,
    query: Value,
    format: &str,
    path: PathBuf,
    actor: &str,
) -> CmdResult<()> {
    let q: ExtractQuery = self::input(query)?;
    let bytes = state.with(|s| reclam::extract::export(s, &q, format, actor))?;
    std::fs::write(&path, bytes).map_err(wire)
}

#[tauri::command]
fn list_actions(state: tauri::State<'_, AppState>) -> CmdResult<Vec<CorrectiveAction>> {
    state.with(|s| s.actions())
}

#[tauri::command]
fn list_dysfunctions(state: tauri::State<'_, AppState>) -> CmdResult<Vec<DysfunctionEntry>> {
    state.with(|s| s.dysfunction_log())
}

#[tauri::command]
fn add_action(
    state: tauri::State<'_, AppState>,
    action: Value,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let a: NewCorrectiveAction = self::input(action)?;
    state.with(|s| s.add_action(&a, actor))
}

#[tauri::command]
fn set_action_status(
    state: tauri::State<'_, AppState>,
    id: i64,
    status: &str,
    actor: &str,
) -> CmdResult<CorrectiveAction> {
    let status = parse_vocab("status", status).map_err(wire)?;
    state.with(|s| s.set_action_status(id, status, actor))
}

/// Preview (`dryRun`) or import a register file chosen by the user. `mapping` is one field
/// (or null) per column; null lets the core guess from the headers.
#[tauri::command]
fn import_register(
    state: tauri::State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Value>,
    dry_run: bool,
    all_or_nothing: bool,
    actor: &str,
) -> CmdResult<ImportReport> {
    let mapping: Option<MappingInput> = mapping.map(self::input).transpose()?;
    let bytes = std::fs::read(&path).map_err(wire)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let policy = if all_or_nothing {
        Policy::AllOrNothing
    } else {
        Policy::SkipRefused
    };
    state.with(|s| {
        reclam::import::import(s, &bytes, &name, mapping.as_ref(), policy, dry_run, actor)
    })
}

/// Write the inspection pack (one PDF and its parts) into the folder the user chose; returns
/// the paths written, the whole PDF first.
#[tauri::command]
fn export_pack(
    state: tauri::State<'_, AppState>,
    query: Value,
    dir: PathBuf,
    actor: &str,
) -> CmdResult<Vec<String>> {
    let q: ExtractQuery = self::input(query)?;
    let pack = state.with(|s| reclam::extract::pack::inspection_pack(s, &q, actor))?;
    let name = format!(
        "dossier-inspection_{}_{}.pdf",
        q.from.format("%Y-%m-%d"),
        q.to.format("%Y-%m-%d")
    );
    let mut written = Vec::new();
    for (file, bytes) in
        std::iter::once((&name, &pack.pdf)).chain(pack.parts.iter().map(|(f, b)| (f, b)))
    {
        let path = dir.join(file);
        std::fs::write(&path, bytes).map_err(wire)?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// Walk the register's proof (hash chain, states, letters, attachments).
#[tauri::command]
async fn verify_register(state: tauri::State<'_, AppState>) -> CmdResult<VerifyReport> {
    // On its own connection: the walk reads the whole register (about 1 s per 10,000
    // complaints) and the other screens keep working meanwhile (WAL: readers never block).
    let path = {
        let open = state.open.lock().map_err(|_| internal())?;
        open.store.as_ref().map_err(|e| e.clone())?;
        open.path.clone()
    };
    let store = Store::open(&path, Arc::new(SystemClock)).map_err(wire)?;
    store.verify().map_err(wire)
}

#[tauri::command]
fn backup_status(state: tauri::State<'_, AppState>) -> CmdResult<BackupStatus> {
    let maintenance = state.maintenance.lock().map_err(|_| internal())?.clone();
    let folder = state.with(|s| s.backup_folder())?;
    let identity = state.with(|s| Ok(s.identity().map(str::to_owned)))?;
    let files = backup::list(&folder, identity.as_deref()).map_err(wire)?;
    Ok(BackupStatus {
        folder: folder.display().to_string(),
        files,
        maintenance,
    })
}

/// A backup of the open register where the user chose (save dialog).
#[tauri::command]
fn backup_now(state: tauri::State<'_, AppState>, path: PathBuf) -> CmdResult<()> {
    state.with(|s| s.backup_to(&path))
}

/// Replace the open register by a backup, after checking it; the register is closed during
/// the swap and reopened after (the old one again if the backup is refused).
#[tauri::command]
fn restore_backup(
    state: tauri::State<'_, AppState>,
    path: PathBuf,
    accept_loss: Option<bool>,
) -> CmdResult<RestoreReport> {
    let mut open = state.open.lock().map_err(|_| internal())?;
    let target = open.path.clone();
    let is_demo = open.is_demo;
    // Close the register: nothing may hold it open while it is replaced.
    open.store = Err(internal());
    let result = backup::restore(
        &path,
        &target,
        Arc::new(SystemClock),
        accept_loss.unwrap_or(false),
    )
    .map_err(wire);
    open.store = open_store(&target, is_demo);
    let report = result?;
    open.store.as_ref().map_err(|e| e.clone())?;
    Ok(report)
}

/// Both registers side by side before a restore, and what it would lose.
#[tauri::command]
fn restore_preview(
    state: tauri::State<'_, AppState>,
    path: PathBuf,
) -> CmdResult<backup::RestorePreview> {
    let target = state.open.lock().map_err(|_| internal())?.path.clone();
    backup::preview(&path, &target).map_err(wire)
}

/// The complaints past the retention period: what an anonymisation would change.
#[tauri::command]
fn anonymisation_candidates(state: tauri::State<'_, AppState>) -> CmdResult<Vec<Candidate>> {
    state.with(|s| s.anonymisation_candidates())
}

/// Anonymise the listed complaints (after the user confirmed the list), in one transaction.
#[tauri::command]
async fn anonymise(
    state: tauri::State<'_, AppState>,
    references: Vec<String>,
    actor: String,
) -> CmdResult<AnonymisationReport> {
    let refs = references
        .iter()
        .map(|r| self::reference(r))
        .collect::<CmdResult<Vec<_>>>()?;
    state.with(|s| s.anonymise(&refs, &actor))
}

/// Everything held about one client (GDPR access request), written as JSON and PDF into the
/// folder the user chose; the export is journaled.
#[tauri::command]
fn client_export(
    state: tauri::State<'_, AppState>,
    query: &str,
    dir: PathBuf,
    actor: &str,
) -> CmdResult<ClientExportSummary> {
    let export = state.with(|s| s.client_export(query, actor))?;
    let stem: String = query
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let json_path = dir.join(format!("donnees-client_{stem}.json"));
    let pdf_path = dir.join(format!("donnees-client_{stem}.pdf"));
    let json = serde_json::to_vec_pretty(&export).map_err(|e| wire(std::io::Error::other(e)))?;
    std::fs::write(&json_path, json).map_err(wire)?;
    std::fs::write(&pdf_path, &export.pdf).map_err(wire)?;
    Ok(ClientExportSummary {
        query: export.query.clone(),
        references: export
            .complaints
            .iter()
            .map(|c| c.complaint.reference.to_string())
            .collect(),
        json_path: json_path.display().to_string(),
        pdf_path: pdf_path.display().to_string(),
    })
}

/// Write `bytes` to the per-user private folder and open the file in the system viewer.
fn open_in_viewer(app: &tauri::AppHandle, name: &str, bytes: &[u8]) -> CmdResult<()> {
    let file = reclam::register::files::viewer_copy(name, bytes).map_err(wire)?;
    app.opener()
        .open_path(file.to_string_lossy(), None::<&str>)
        .map_err(|e| WireError {
            code: "io".into(),
            message: format!("impossible d'ouvrir le fichier : {e}"),
            field: None,
        })
}

/// The register file: `RECLAM_DB` if set (tests, several firms), else the default data file
/// shared with the `reclam` CLI.
fn database_path() -> PathBuf {
    std::env::var_os("RECLAM_DB")
        .map(PathBuf::from)
        .unwrap_or_else(reclam::store::default_path)
}

/// The demo register: a separate file beside the real one, never mixed with it.
fn demo_path(real: &Path) -> PathBuf {
    let stem = real
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "registre".into());
    real.with_file_name(format!("{stem}-demo.db"))
}

fn main() {
    // Copies left for the viewer by an earlier run (draft letters, attachments): gone.
    reclam::register::files::purge_viewer_copies(
        &reclam::register::files::viewer_folder(),
        std::time::Duration::ZERO,
    );
    let real_path = database_path();
    let store = open_store(&real_path, false);
    let open_error = store.as_ref().err().cloned();
    let maintenance = Arc::new(Mutex::new(Maintenance::default()));
    if let Some(e) = &open_error {
        eprintln!("Reclam : {}", e.message);
    }
    // One window per register file: a second launch focuses the first one. Skipped when the
    // file is chosen explicitly (RECLAM_DB: tests, or a second firm opened on purpose).
    let single_instance = std::env::var_os("RECLAM_DB").is_none();
    let mut builder = tauri::Builder::default();
    if single_instance {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    }
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState {
            open: Mutex::new(Open {
                store,
                path: real_path.clone(),
                is_demo: false,
            }),
            real_path: real_path.clone(),
            maintenance: maintenance.clone(),
        })
        .setup(move |app| {
            if open_error.is_none() {
                // Beside the UI: the first screen does not wait for the check or the backup.
                let (path, into) = (real_path.clone(), maintenance.clone());
                std::thread::spawn(move || run_maintenance(path, into));
            }
            if let Some(e) = open_error {
                // The UI shows the same explanation; the native dialog makes sure it is seen
                // even if the window's content cannot load.
                app.dialog()
                    .message(format!(
                        "Le registre n'a pas pu être ouvert.\n\n{}\n\nRestaurez la dernière \
                         sauvegarde ou contactez votre support.",
                        e.message
                    ))
                    .title("Reclam : registre inaccessible")
                    .kind(MessageDialogKind::Error)
                    .show(|_| {});
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            open_demo,
            open_default,
            list_complaints,
            today_summary,
            get_complaint,
            preview_deadlines,
            record_complaint,
            record_request,
            update_complaint,
            acknowledge,
            hold,
            answer,
            close,
            add_dysfunction,
            add_exchange,
            add_dispute_step,
            add_attachment,
            open_attachment,
            get_settings,
            set_setting,
            list_users,
            add_user,
            list_templates,
            template_placeholders,
            set_template,
            preview_letter,
            open_draft_letter,
            issue_letter,
            open_letter,
            save_letter,
            approve_gesture,
            set_signature,
            set_logo,
            extract_stats,
            export_extract,
            list_actions,
            list_dysfunctions,
            add_action,
            set_action_status,
            import_register,
            export_pack,
            verify_register,
            backup_status,
            backup_now,
            restore_backup,
            restore_preview,
            anonymisation_candidates,
            anonymise,
            client_export,
        ])
        .run(tauri::generate_context!())
        .expect("la fenêtre de Reclam n'a pas pu s'ouvrir");
}
