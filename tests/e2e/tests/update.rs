//! Signed updates in the real app: a release manifest served by the test (a local HTTP
//! server), its package signed with a test key made by the Tauri CLI (`tauri signer`). The
//! app (a debug build, which takes the test's public key from `RECLAM_UPDATE_PUBKEY`) offers
//! the version with its notes, downloads the package and verifies its signature with the
//! updater plugin; a package changed by one byte, or signed with another key, is refused in
//! French. Nothing is installed: the test stops before "Installer et redémarrer".

mod common;

use common::{App, RegisterFile};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

const USER: &str = "Claire Martin";

fn tauri_cli() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/.bin/tauri")
}

/// A minisign key pair made by the Tauri CLI in `dir`: (private key file, public key).
fn key_pair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new(tauri_cli())
        .args(["signer", "generate", "--ci", "-p", "", "-f", "-w"])
        .arg(&key)
        .output()
        .expect("the Tauri CLI is installed by make test (ui/node_modules)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(key.with_extension("pub"))
        .or_else(|_| std::fs::read_to_string(format!("{}.pub", key.display())))
        .unwrap();
    (key, public.trim().to_owned())
}

/// The signature of `file` with the private key `key` (what `latest.json` carries).
fn sign(key: &Path, file: &Path) -> String {
    let out = Command::new(tauri_cli())
        .args(["signer", "sign", "-p", "", "-f"])
        .arg(key)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(format!("{}.sig", file.display()))
        .unwrap()
        .trim()
        .to_owned()
}

/// What the test's server answers: the manifest and the package, both changeable.
struct Served {
    manifest: String,
    package: Vec<u8>,
}

/// An HTTP server on 127.0.0.1 answering `/latest.json` and `/reclam.deb`; its port.
fn serve(content: Arc<Mutex<Served>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // The rest of the headers.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let served = content.lock().unwrap();
            let (kind, body) = if request.contains("/latest.json") {
                ("application/json", served.manifest.as_bytes().to_vec())
            } else {
                ("application/octet-stream", served.package.clone())
            };
            drop(served);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    port
}

fn manifest(port: u16, signature: &str) -> String {
    serde_json::json!({
        "version": "9.9.9",
        "notes": "Correctifs : les relances de l'accusé de réception.",
        "pub_date": "2026-12-01T10:00:00Z",
        "platforms": {
            "linux-x86_64": {
                "signature": signature,
                "url": format!("http://127.0.0.1:{port}/reclam.deb"),
            }
        }
    })
    .to_string()
}

#[tokio::test]
async fn an_update_is_offered_its_signature_verified_and_a_tampered_one_refused() {
    let keys = tempfile::tempdir().unwrap();
    let (key, public) = key_pair(keys.path(), "test.key");
    let (other_key, _) = key_pair(keys.path(), "other.key");
    let package = keys.path().join("reclam.deb");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&package, &bytes).unwrap();
    let signature = sign(&key, &package);

    let content = Arc::new(Mutex::new(Served {
        manifest: String::new(),
        package: bytes.clone(),
    }));
    let port = serve(content.clone());
    content.lock().unwrap().manifest = manifest(port, &signature);

    let register = RegisterFile::fresh()
        .with_env(
            "RECLAM_UPDATE_ENDPOINT",
            &format!("http://127.0.0.1:{port}/latest.json"),
        )
        .with_env("RECLAM_UPDATE_PUBKEY", &public);
    let app = App::launch("41-update-verified", register).await;
    app.sign_in(USER).await;
    app.click("#nav-settings").await;
    app.scroll_into_view("#updates-section").await;
    app.click("#update-check").await;
    app.wait_attr("#update-state", "data-state", "available")
        .await;
    app.wait_text("#updates-section", "9.9.9").await;
    app.wait_text("#updates-section", "relances de l'accusé de réception")
        .await;
    app.click("#update-download").await;
    app.wait_attr("#update-state", "data-state", "ready").await;
    app.wait_for("#update-install").await;
    app.scroll_into_view("#updates-section").await;
    app.screenshot().await;

    // One byte changed on the server: the download is refused, nothing to install.
    let mut tampered = bytes.clone();
    tampered[1000] ^= 0x01;
    content.lock().unwrap().package = tampered;
    app.click("#update-check").await;
    app.wait_attr("#update-state", "data-state", "available")
        .await;
    app.click("#update-download").await;
    app.wait_attr("#update-state", "data-state", "error").await;
    app.wait_text("#update-error", "signature").await;
    assert_eq!(app.count("#update-install").await, 0);

    // The right bytes signed with another key: refused too.
    let other_signature = sign(&other_key, &package);
    {
        let mut served = content.lock().unwrap();
        served.package = bytes.clone();
        served.manifest = manifest(port, &other_signature);
    }
    app.click("#update-check").await;
    app.wait_attr("#update-state", "data-state", "available")
        .await;
    app.click("#update-download").await;
    app.wait_attr("#update-state", "data-state", "error").await;
    app.wait_text("#update-error", "signature").await;
    app.screenshot_named("41-update-refused").await;
    app.quit().await;
}
