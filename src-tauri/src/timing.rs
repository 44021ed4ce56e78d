//! Where a command's time goes: the core's work (the `Register` call) and the shell's around
//! it (decoding the arguments, serialising the answer for the webview). The release build's
//! benchmark reads the log through `perf_log` beside the page's own timestamps (the IPC round
//! trip, the UI's work and its paint: `ui/src/lib/perf.ts`).
//!
//! Always on: two clock reads and a short lock per command, a few hundred entries kept.

use reclam::wire::CommandTiming;
use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::ipc::Invoke;
use tauri::Wry;

/// How many commands the log keeps (the oldest go first).
const KEPT: usize = 256;

static LOG: Mutex<VecDeque<CommandTiming>> = Mutex::new(VecDeque::new());

thread_local! {
    /// Time spent in the core by the command running on this thread.
    static CORE: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Run `f`, the core's part of a command, counting its time.
pub fn core<T>(f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let spent = start.elapsed();
    CORE.with(|c| c.set(c.get() + spent));
    out
}

/// The commands' handler, timed. A synchronous command runs inside `handler` (its arguments
/// decoded, the core called, the answer serialised and handed to the webview): all of it is
/// counted. An async one only starts there; its entry says so (`spawned`).
pub fn timed(
    handler: impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let command = invoke.message.command().to_owned();
        if command == "perf_log" {
            return handler(invoke);
        }
        CORE.with(|c| c.set(Duration::ZERO));
        let start = Instant::now();
        let handled = handler(invoke);
        let shell = start.elapsed();
        let core = CORE.with(|c| c.replace(Duration::ZERO));
        if let Ok(mut log) = LOG.lock() {
            if log.len() == KEPT {
                log.pop_front();
            }
            log.push_back(CommandTiming {
                command,
                shell_us: micros(shell),
                core_us: micros(core),
            });
        }
        handled
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// The commands timed since the last call, oldest first; the log is emptied.
#[tauri::command]
pub fn perf_log() -> Vec<CommandTiming> {
    LOG.lock()
        .map(|mut l| l.drain(..).collect())
        .unwrap_or_default()
}
