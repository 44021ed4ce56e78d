//! The Linux package as a user installs it: the `.deb` that `make package` builds (its path in
//! `RECLAM_DEB`) unpacked into a scratch root as dpkg would lay it out, its control fields and
//! files checked, and the installed binary started under Xvfb on a fresh register, driven to
//! its first screen. Run by `make package-test` (part of `make test`), ignored otherwise.

mod common;

use common::{App, RegisterFile};
use std::path::PathBuf;
use std::process::Command;

fn dpkg_deb(args: &[&str]) -> String {
    let out = Command::new("dpkg-deb").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
#[ignore = "needs the .deb of make package (make package-test)"]
async fn the_installed_package_starts_on_a_fresh_register() {
    let deb = PathBuf::from(std::env::var("RECLAM_DEB").expect("RECLAM_DEB: the .deb to install"));
    let deb = deb.to_str().unwrap();
    let fields = dpkg_deb(&["--field", deb]);
    assert!(fields.contains("Package: reclam"), "{fields}");
    assert!(fields.contains("Version: 0.1.0"), "{fields}");
    assert!(fields.contains("libwebkit2gtk-4.1"), "{fields}");

    let root = tempfile::tempdir().unwrap();
    dpkg_deb(&["-x", deb, root.path().to_str().unwrap()]);
    let binary = root.path().join("usr/bin/reclam-desktop");
    assert!(binary.is_file(), "{}", dpkg_deb(&["-c", deb]));
    let listing = dpkg_deb(&["-c", deb]);
    assert!(
        listing.contains("usr/share/applications/Reclam.desktop"),
        "{listing}"
    );
    assert!(listing.contains("usr/share/icons/hicolor/"), "{listing}");
    let desktop =
        std::fs::read_to_string(root.path().join("usr/share/applications/Reclam.desktop")).unwrap();
    assert!(desktop.contains("Exec=reclam-desktop"), "{desktop}");

    // The installed binary, on a register it creates: the first screen asks for the first
    // account; once created, the day's screen.
    let app = App::launch_binary("42-installed-package", RegisterFile::fresh(), binary).await;
    app.wait_text("#first-title", "Créer votre compte").await;
    app.sign_in("Claire Martin").await;
    app.wait_text("#content h1", "Aujourd'hui").await;
    let version = app.text(".version").await;
    assert!(version.contains("0.1.0"), "{version}");
    app.screenshot().await;

    // On a desk without a GPU render node, as under Xvfb here, the app says so on its standard
    // error and paints without OpenGL: its process loads neither Mesa's software driver nor the
    // LLVM library that driver links (about 57 MiB resident). Only the page's own process
    // (WebKit's) starts OpenGL.
    let gpu = std::fs::read_dir("/dev/dri").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    });
    let said = app.logged("ni OpenGL dans la fenêtre");
    assert!(
        gpu || said,
        "no GPU render node here, yet the app did not say it paints without one"
    );
    if said {
        let pid = app.pid().expect("the app's process");
        let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
        for library in ["swrast_dri", "libLLVM"] {
            assert!(
                !maps.contains(library),
                "{library} loaded by the app's process without a GPU"
            );
        }
    }
    app.quit().await;
}
