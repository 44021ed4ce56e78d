//! How the window paints on a Linux desk without a GPU.
//!
//! Where the system offers no GPU render node that the app may open (a virtual machine or a
//! server without a GPU, a desk without graphics drivers), Mesa's software rasteriser stands
//! in for OpenGL, and WebKitGTK's
//! accelerated compositing sends every frame through it: its painters, then the window's
//! compositor. Measured with the screen's pixels watched (`make e2e-bench-release`, 100,000
//! complaints, medians of 2 × 10 runs), from the action to the result on the screen: a status
//! filter 226 ms with compositing, 52 ms without; the next page 192 and 45 ms; a complaint file
//! 234 and 108 ms; *Aujourd'hui* 265 and 181 ms. On such a desk the app asks WebKit to paint
//! without compositing (`WEBKIT_DISABLE_COMPOSITING_MODE`): the page has no 3D, video or WebGL
//! that needs it.
//!
//! Nothing changes where there is a GPU, nor where the person already chose one of WebKit's
//! rendering settings: theirs stands.

use std::ffi::OsString;
use std::path::Path;

/// WebKit's switch, read when the first web view is created.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// WebKit's and Mesa's rendering settings: one of them set, the app leaves rendering alone.
const CHOSEN: [&str; 5] = [
    NO_COMPOSITING,
    "WEBKIT_FORCE_COMPOSITING_MODE",
    "WEBKIT_DISABLE_DMABUF_RENDERER",
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
    "LIBGL_ALWAYS_SOFTWARE",
];

/// Whether this desk paints without compositing: no GPU render node, and no rendering setting
/// of the person's own (`var` reads the environment).
fn without_compositing(has_render_node: bool, var: impl Fn(&str) -> Option<OsString>) -> bool {
    !has_render_node && CHOSEN.iter().all(|name| var(name).is_none())
}

/// A GPU's render node (`renderD128`…) that this user may open, in `dri`, the folder the
/// kernel lists them in (one the user may not open is no GPU for the app).
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name().to_string_lossy().starts_with("renderD")
                && std::fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(e.path())
                    .is_ok()
        })
    })
}

/// Called first in `main`, before any thread and before the window exists.
pub fn choose_painting() {
    if without_compositing(has_render_node(Path::new("/dev/dri")), |name| {
        std::env::var_os(name)
    }) {
        eprintln!("Reclam : pas de carte graphique utilisable (aucun /dev/dri/renderD* ouvrable) : affichage sans composition accélérée");
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_desk_without_a_gpu_and_without_its_own_setting_paints_without_compositing() {
        let none = |_: &str| None;
        assert!(without_compositing(false, none));
        assert!(!without_compositing(true, none));
        for chosen in CHOSEN {
            let set = |name: &str| (name == chosen).then(|| OsString::from("0"));
            assert!(!without_compositing(false, set), "{chosen} set");
        }
    }

    #[test]
    fn a_render_node_is_found_among_the_dri_devices() {
        let dri = tempfile::tempdir().expect("a temporary folder");
        assert!(!has_render_node(dri.path()));
        assert!(!has_render_node(&dri.path().join("absent")));
        std::fs::write(dri.path().join("card0"), "").expect("a card");
        assert!(
            !has_render_node(dri.path()),
            "a display card alone renders nothing"
        );
        std::fs::write(dri.path().join("renderD128"), "").expect("a render node");
        assert!(has_render_node(dri.path()));
    }
}
