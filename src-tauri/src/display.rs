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
//! links (about 57 MiB resident: 166 MiB for the app process at its first screen, 109 without):
//! - GTK opens GLX when it opens the display (`GDK_GL=disable` keeps it from doing so);
//! - WebKit's check for its DMA-BUF renderer opens an EGL display
//!   (`WEBKIT_DISABLE_DMABUF_RENDERER`; without compositing that renderer is not used);
//! - WebKit asks that EGL display for the GPU's render node to hand to the page's process; the
//!   app names the render node itself (`WEBKIT_WEB_RENDER_DEVICE_FILE`), with a path that is
//!   none, since there is none: with neither compositing nor the DMA-BUF renderer, the page's
//!   process opens it only for WebGL, which the app does not use.
//!
//! The page's own process still starts its software OpenGL, which WebKit requires there. These
//! settings are in the app's environment, so the programs it starts inherit them too: a PDF
//! viewer opened from the app paints without GL as well, on a desk that has no GPU anyway.
//!
//! Nothing changes where there is a GPU, nor where the person already chose one of WebKit's or
//! Mesa's rendering settings: theirs stand. A GTK setting or a render node of their own stands
//! too, and the rest is set around it.

use std::ffi::OsString;
use std::path::Path;

/// WebKit's switch, read when the first web view is created.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// A render node that is none: no device has this path.
const NO_RENDER_NODE: &str = "/dev/dri/none";

/// What the app sets on a desk without a GPU, before GTK and WebKit start (each one the
/// person has not set already).
const WITHOUT_GPU: [(&str, &str); 4] = [
    (NO_COMPOSITING, "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("WEBKIT_WEB_RENDER_DEVICE_FILE", NO_RENDER_NODE),
    ("GDK_GL", "disable"),
];

/// WebKit's and Mesa's rendering settings: one of them set, the app leaves rendering alone.
const CHOSEN: [&str; 5] = [
    NO_COMPOSITING,
    "WEBKIT_FORCE_COMPOSITING_MODE",
    "WEBKIT_DISABLE_DMABUF_RENDERER",
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
    "LIBGL_ALWAYS_SOFTWARE",
];

/// What to set for this desk: without a GPU render node and without a rendering setting of the
/// person's own, [`WITHOUT_GPU`] but what they set already; otherwise nothing (`var` reads the
/// environment).
fn settings_for(
    has_render_node: bool,
    var: impl Fn(&str) -> Option<OsString>,
) -> Vec<(&'static str, &'static str)> {
    if has_render_node || CHOSEN.iter().any(|name| var(name).is_some()) {
        return Vec::new();
    }
    WITHOUT_GPU
        .into_iter()
        .filter(|(name, _)| var(name).is_none())
        .collect()
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
    let settings = settings_for(has_render_node(Path::new("/dev/dri")), |name| {
        std::env::var_os(name)
    });
    if settings.is_empty() {
        return;
    }
    eprintln!("Reclam : pas de carte graphique utilisable (aucun /dev/dri/renderD* ouvrable) : affichage sans composition accélérée ni OpenGL dans la fenêtre");
    for (name, value) in settings {
        std::env::set_var(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_desk_without_a_gpu_and_without_its_own_setting_paints_without_compositing() {
        let none = |_: &str| None;
        assert_eq!(settings_for(false, none), WITHOUT_GPU.to_vec());
        assert!(settings_for(true, none).is_empty());
        for chosen in CHOSEN {
            let set = |name: &str| (name == chosen).then(|| OsString::from("0"));
            assert!(settings_for(false, set).is_empty(), "{chosen} set");
        }
        assert!(!Path::new(NO_RENDER_NODE).exists());
    }

    #[test]
    fn a_gtk_setting_or_a_render_node_of_the_person_s_own_stands_and_the_rest_is_set() {
        for own in ["GDK_GL", "WEBKIT_WEB_RENDER_DEVICE_FILE"] {
            let set = |name: &str| (name == own).then(|| OsString::from("theirs"));
            let settings = settings_for(false, set);
            assert!(settings.iter().all(|(name, _)| *name != own), "{own}");
            assert_eq!(settings.len(), WITHOUT_GPU.len() - 1, "{own}");
            assert!(settings.contains(&(NO_COMPOSITING, "1")), "{own}");
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
