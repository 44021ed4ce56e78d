//! Long operations (an import of thousands of rows…) say how far they are, and may be asked to
//! stop: stopping happens inside their transaction, so nothing is left half-done.

use std::sync::atomic::{AtomicBool, Ordering};

/// What a long operation reports to, and asks whether to go on.
pub trait Progress {
    /// `done` of `total` units (rows…) are through.
    fn step(&self, done: u64, total: u64);

    /// The user asked to stop.
    fn cancelled(&self) -> bool {
        false
    }
}

/// Nobody is watching (the CLI, the tests).
pub struct Silent;

impl Progress for Silent {
    fn step(&self, _: u64, _: u64) {}
}

/// Progress told to a function, with a flag another thread sets to cancel.
pub struct Reporter<'a, F: Fn(u64, u64)> {
    pub report: F,
    pub cancel: &'a AtomicBool,
}

impl<F: Fn(u64, u64)> Progress for Reporter<'_, F> {
    fn step(&self, done: u64, total: u64) {
        (self.report)(done, total);
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Whether to report after `done` of `total`: about every hundredth, and at the end.
pub fn worth_reporting(done: u64, total: u64) -> bool {
    let every = (total / 100).max(1);
    done == total || done.is_multiple_of(every)
}
