//! Where the commands run: on a thread of their own, not on the window's.
//!
//! Tauri runs a synchronous command on the thread that also runs the window: the webview's
//! requests and the paint of each of its frames. A core call there (15 ms for "Aujourd'hui" on
//! 100,000 complaints, 20 ms for a search) held everything else: the other answers the screen
//! waited for, and the frame that showed the result. Here every command is handed to one
//! thread, in the order it came, so that they still run one after another as before (the
//! register is one SQLite connection behind a lock anyway), while the window's thread goes
//! on painting.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::Mutex;
use tauri::ipc::Invoke;
use tauri::Wry;

/// What the page reads when a command failed in a way nobody foresaw (a panic).
const BROKEN: &str = "Reclam a rencontré une erreur interne en traitant cette demande : \
    redémarrez Reclam";

/// `handler`, run on the commands' thread: each command in turn, in the order the webview sent
/// them. An unknown command is refused as Tauri refuses it; a command that panics is refused
/// with [`BROKEN`] and the thread goes on (a panic while the register's lock was held poisons
/// it: every later command then answers that Reclam must be restarted). A command that
/// restarts the app (the update's) ends here: what came after it is never answered.
pub fn on_commands_thread(
    handler: impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static {
    let (to_thread, commands) = mpsc::channel::<Invoke<Wry>>();
    std::thread::Builder::new()
        .name("reclam-commands".into())
        .spawn(move || {
            for invoke in commands {
                let resolver = invoke.resolver.clone();
                let command = invoke.message.command().to_owned();
                match catch_unwind(AssertUnwindSafe(|| handler(invoke))) {
                    Ok(true) => {}
                    Ok(false) => resolver.reject(format!("Command {command} not found")),
                    Err(_) => resolver.reject(BROKEN),
                }
            }
        })
        .expect("the commands' thread starts");
    let to_thread = Mutex::new(to_thread);
    move |invoke| match to_thread.lock() {
        Ok(sender) => sender.send(invoke).is_ok(),
        Err(_) => false,
    }
}
