//! Files with clients' data are readable by their owner only: exports, the inspection pack
//! (in its own sub-folder), the client access export, and the copies handed to the viewer,
//! which never go to the shared temporary folder.

#![cfg(unix)]

mod common;

use common::{complaint, d, TestDb};
use reclam::clock::FixedClock;
use reclam::extract::ExtractQuery;
use reclam::register::files;
use reclam::Register;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn register(db: &TestDb) -> Register {
    let mut r = Register::open(&db.path, Arc::new(FixedClock::new(d("2026-11-20")))).unwrap();
    r.act_as("Claire Martin").unwrap();
    r.record(&complaint("Mme Dupont", "2026-11-18")).unwrap();
    r
}

#[test]
fn exports_are_owner_only() {
    let db = TestDb::new();
    let mut r = register(&db);
    let out = db.dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    let q = ExtractQuery::period(d("2026-01-01"), d("2026-12-31"));
    for format in ["csv", "xlsx", "pdf"] {
        let path = out.join(format!("registre.{format}"));
        assert_eq!(r.export_extract_to(&q, format, &path).unwrap(), 1);
        assert_eq!(mode(&path), 0o600, "{format}");
    }
    let pack = r.write_pack(&q, &out).unwrap();
    let folder = pack.pdf.parent().unwrap();
    assert_eq!(
        folder.parent().unwrap(),
        out,
        "the pack has its own sub-folder"
    );
    assert_eq!(
        folder.file_name().unwrap().to_str().unwrap(),
        "dossier-inspection_2026-01-01_2026-12-31"
    );
    assert_eq!(mode(folder), 0o700);
    assert_eq!(mode(&pack.pdf), 0o600);
    assert!(!pack.parts.is_empty());
    for part in &pack.parts {
        assert_eq!(part.parent().unwrap(), folder);
        assert_eq!(mode(part), 0o600, "{}", part.display());
    }
    let summary = r.write_client_export("Mme Dupont", &out).unwrap();
    assert_eq!(summary.references.len(), 1);
    assert_eq!(mode(Path::new(&summary.json_path)), 0o600);
    assert_eq!(mode(Path::new(&summary.pdf_path)), 0o600);
}

#[test]
fn viewer_copies_stay_private_and_are_removed() {
    let folder = files::viewer_folder();
    assert!(
        !folder.starts_with(std::env::temp_dir()) || std::env::var_os("XDG_RUNTIME_DIR").is_some(),
        "never the shared temporary folder: {}",
        folder.display()
    );
    let file = files::viewer_copy("brouillon-REC-2026-0001 (réponse).pdf", b"%PDF-1.7").unwrap();
    assert_eq!(file.parent().unwrap(), folder);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&file), 0o600);
    // A name from the user's file system cannot climb out of the folder.
    let sneaky = files::viewer_copy("../../etc/passwd", b"x").unwrap();
    assert_eq!(sneaky.parent().unwrap(), folder);
    files::purge_viewer_copies(&folder, std::time::Duration::ZERO);
    assert!(!file.exists() && !sneaky.exists());
}
