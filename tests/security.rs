//! Guards on the desktop app's attack surface: the window may only use the dialogs and listen
//! to events (files dropped on it), the CSP
//! allows no inline or evaluated script, no UI code injects text as HTML, and backups are as
//! private as the register.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_window_may_only_open_the_file_dialogs_and_listen() {
    let text = std::fs::read_to_string(root().join("src-tauri/capabilities/default.json")).unwrap();
    let caps: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        caps["permissions"],
        // Listening (not emitting): the webview is told of files dropped on the window.
        serde_json::json!([
            "dialog:allow-open",
            "dialog:allow-save",
            "core:event:allow-listen",
            "core:event:allow-unlisten"
        ])
    );
    let dir: Vec<_> = std::fs::read_dir(root().join("src-tauri/capabilities"))
        .unwrap()
        .collect();
    assert_eq!(dir.len(), 1, "one capability file");
}

#[test]
fn the_csp_allows_no_inline_or_evaluated_script() {
    let text = std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).unwrap();
    let conf: serde_json::Value = serde_json::from_str(&text).unwrap();
    let csp = conf["app"]["security"]["csp"].as_str().unwrap();
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "svelte" || e == "ts") {
            out.push(path);
        }
    }
}

#[test]
fn no_ui_code_injects_text_as_html() {
    let mut files = Vec::new();
    sources(&root().join("ui/src"), &mut files);
    assert!(files.len() > 20, "the UI sources are found");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        // The one exception: the user's guide (Aide), our own Markdown file bundled with the
        // app at build time and converted to HTML; no user text ever goes through it.
        let text = if f.ends_with("features/help/Help.svelte") {
            text.replacen("{@html guide.html}", "", 1)
        } else {
            text
        };
        for needle in [
            "{@html",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "eval(",
        ] {
            assert!(
                !text.contains(needle),
                "{} uses {needle}: user text must be rendered as text",
                f.display()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn backups_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("registre.db");
    let store = reclam::Store::open(
        &db,
        std::sync::Arc::new(reclam::clock::FixedClock::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        )),
    )
    .unwrap();
    let out = dir.path().join("copie.db");
    store.backup_to(&out).unwrap();
    let daily = store.daily_backup().unwrap().unwrap();
    for f in [&db, &out, &daily] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
}
