//! Files the user picks or receives: read with a French reason when it fails, written
//! owner-only (0600 on Unix; the user may widen it afterwards), so a client's data never lands
//! world-readable. One place for the shell and the CLI.

use crate::complaint::ValidationError;
use std::io::Write;
use std::path::Path;

pub use crate::error::io_reason;

/// Read a file the user chose; a refusal names the field and the file.
pub fn read(field: &str, path: &Path) -> Result<Vec<u8>, ValidationError> {
    std::fs::read(path).map_err(|e| {
        ValidationError::new(
            field,
            format!(
                "impossible de lire « {} » : {}",
                path.display(),
                io_reason(&e, false)
            ),
        )
    })
}

/// Write `bytes` to `path`, readable by its owner only when the file is created.
pub fn write_private(field: &str, path: &Path, bytes: &[u8]) -> Result<(), ValidationError> {
    let mut file = create_private(field, path)?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| {
            ValidationError::new(
                field,
                format!(
                    "impossible d'écrire « {} » : {}",
                    path.display(),
                    io_reason(&e, true)
                ),
            )
        })
}

/// Write `path` through `write`, given a temporary path beside it (`.NAME.partiel`) that is
/// renamed to `path` once `write` succeeds; on failure (or cancellation) the temporary file is
/// removed and `path` is left as it was.
pub fn whole_or_nothing<T>(
    path: &Path,
    write: impl FnOnce(&Path) -> crate::error::Result<T>,
) -> crate::error::Result<T> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fichier".to_owned());
    let tmp = path.with_file_name(format!(".{name}.partiel"));
    match write(&tmp) {
        Ok(out) => match std::fs::rename(&tmp, path) {
            Ok(()) => Ok(out),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(ValidationError::new(
                    "out",
                    format!(
                        "impossible d'écrire « {} » : {}",
                        path.display(),
                        io_reason(&e, true)
                    ),
                )
                .into())
            }
        },
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Create (or truncate) `path` for writing, readable by its owner only when it is created.
pub fn create_private(field: &str, path: &Path) -> Result<std::fs::File, ValidationError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| {
        ValidationError::new(
            field,
            format!(
                "impossible d'écrire « {} » : {}",
                path.display(),
                io_reason(&e, true)
            ),
        )
    })
}

/// Create a folder (and its parents) readable by its owner only when it is created.
pub fn create_private_dir(field: &str, dir: &Path) -> Result<(), ValidationError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| {
        ValidationError::new(
            field,
            format!(
                "impossible de créer le dossier « {} » : {}",
                dir.display(),
                io_reason(&e, true)
            ),
        )
    })
}

/// Files handed to the system viewer (draft letters, attachments) live this long at most.
const VIEWER_COPY_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// The per-user private folder for copies handed to the system viewer: the session's runtime
/// folder on Linux (`$XDG_RUNTIME_DIR`), the user's cache folder on macOS, the user's own
/// temporary folder on Windows. Never the shared `/tmp`: drafts carry clients' names.
pub fn viewer_folder() -> std::path::PathBuf {
    #[cfg(windows)]
    let base = std::env::temp_dir();
    #[cfg(not(windows))]
    let base = dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .or_else(|| dirs::home_dir().map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join(crate::store::APP_IDENTIFIER).join("pieces")
}

/// Write a copy of `bytes` for the system viewer in [`viewer_folder`] (owner-only), after
/// removing the copies older than an hour; returns its path.
pub fn viewer_copy(name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, ValidationError> {
    let dir = viewer_folder();
    create_private_dir("file", &dir)?;
    #[cfg(unix)]
    {
        // A folder made by an earlier version may be wider: close it.
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
    }
    purge_viewer_copies(&dir, VIEWER_COPY_MAX_AGE);
    // Keep only a safe file name: names may come from the user's file system.
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let file = dir.join(safe);
    write_private("file", &file, bytes)?;
    Ok(file)
}

/// Remove the viewer copies older than `max_age` (all of them with a zero age, at start-up and
/// on quitting). A copy still open in a viewer on Windows stays until the next time.
pub fn purge_viewer_copies(dir: &Path, max_age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age >= max_age);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
