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
//! Painting without compositing, the app's own process has no use for OpenGL either, yet three
//! things would still open it there, and with it Mesa's software driver and the LLVM library it
//! links (about 50 MiB resident: 166 MiB for the app process at its first screen, 109 without):
//! - GTK opens GLX when it opens the display (`GDK_GL=disable` keeps it from doing so);
//! - WebKit's check for its DMA-BUF renderer opens an EGL display
//!   (`WEBKIT_DISABLE_DMABUF_RENDERER`; without compositing that renderer is not used);
//! - WebKit asks that EGL display for the GPU's render node to hand to the page's process; the
//!   app names the render node itself (`WEBKIT_WEB_RENDER_DEVICE_FILE`), with a path that is
//!   none, since there is none: with neither compositing nor the DMA-BUF renderer, the page's
//!   process opens it only for WebGL, which the app does not use.
//!
//! The page's own process still starts its software OpenGL, which WebKit requires there.
//!
//! Nothing changes where there is a GPU, nor where the person already chose one of WebKit's,
//! GTK's or Mesa's rendering settings: theirs stand.

use std::ffi::OsString;
use std::path::Path;

/// WebKit's switch, read when the first web view is created.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// A render node that is none: no device has this path.
const NO_RENDER_NODE: &str = "/dev/dri/none";

/// What the app sets on a desk without a GPU, before GTK and WebKit start.
const WITHOUT_GPU: [(&str, &str); 4] = [
    (NO_COMPOSITING, "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", NO_RENDER_NODE),
    ("GDK_GL", "disable"),
];

/// WebKit's, GTK's and Mesa's rendering settings: one of them set, the app leaves rendering
/// alone.
const CHOSEN: [&str; 7] = [
    NO_COMPOSITING,
    "WEBKIT_FORCE_COMPOSITING_MODE",
    "WEBKIT_DISABLE_DMABUF_RENDERER",
    "WEBKIT_WEB_RENDER_DEVICE_FILE",
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
    "GDK_GL",
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
        eprintln!("Reclam : pas de carte graphique utilisable (aucun /dev/dri/renderD* ouvrable) : affichage sans composition accélérée ni OpenGL dans la fenêtre");
        for (name, value) in WITHOUT_GPU {
            std::env::set_var(name, value);
        }
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
    fn what_the_app_sets_without_a_gpu_is_among_the_settings_it_respects() {
        for (name, _) in WITHOUT_GPU {
            assert!(CHOSEN.contains(&name), "{name}");
        }
        assert!(!Path::new(NO_RENDER_NODE).exists());
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
