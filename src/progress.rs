//! Long operations (an import of thousands of rows, an extract of thousands of pages, the
//! inspection pack, the proof's walk, an anonymisation, a backup) say how far they are, and
//! may be asked to stop: stopping leaves nothing half-done (inside their transaction, or with
//! their partial file removed).

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// What a long operation reports to, and asks whether to go on.
pub trait Progress {
    /// `done` of `total` units (rows, pages…) of the current stage are through.
    fn step(&self, done: u64, total: u64);

    /// A new stage begins (a French label: "Extrait du registre"…); its units start at 0.
    fn stage(&self, _label: &str) {}

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

/// Progress told with its stage to a function (`report(stage, done, total)`), with a flag
/// another thread sets to cancel. A new stage is reported at once, at 0.
pub struct StagedReporter<'a, F: Fn(&str, u64, u64)> {
    report: F,
    cancel: &'a AtomicBool,
    stage: Mutex<String>,
}

impl<'a, F: Fn(&str, u64, u64)> StagedReporter<'a, F> {
    pub fn new(report: F, cancel: &'a AtomicBool) -> Self {
        StagedReporter {
            report,
            cancel,
            stage: Mutex::new(String::new()),
        }
    }
}

impl<F: Fn(&str, u64, u64)> Progress for StagedReporter<'_, F> {
    fn step(&self, done: u64, total: u64) {
        let stage = self.stage.lock().map(|s| s.clone()).unwrap_or_default();
        (self.report)(&stage, done, total);
    }

    fn stage(&self, label: &str) {
        if let Ok(mut s) = self.stage.lock() {
            label.clone_into(&mut s);
        }
        (self.report)(label, 0, 0);
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

/// Report `done` of `total` when [`worth_reporting`], then stop with [`Error::Cancelled`]
/// (`what`: the French sentence saying what was not done) if the user asked.
pub fn tick(progress: &dyn Progress, done: u64, total: u64, what: &str) -> Result<()> {
    if worth_reporting(done, total) {
        progress.step(done, total);
    }
    stop_if_asked(progress, what)
}

/// [`Error::Cancelled`] with `what` if the user asked to stop.
pub fn stop_if_asked(progress: &dyn Progress, what: &str) -> Result<()> {
    if progress.cancelled() {
        return Err(Error::Cancelled(what.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn a_staged_reporter_says_each_stage_at_zero_then_its_steps() {
        let seen = RefCell::new(Vec::new());
        let cancel = AtomicBool::new(false);
        let r = StagedReporter::new(
            |s: &str, d, t| seen.borrow_mut().push((s.to_owned(), d, t)),
            &cancel,
        );
        r.stage("Copie");
        tick(&r, 1, 2, "x").unwrap();
        tick(&r, 2, 2, "x").unwrap();
        r.stage("Contrôle");
        assert_eq!(
            *seen.borrow(),
            vec![
                ("Copie".to_owned(), 0, 0),
                ("Copie".to_owned(), 1, 2),
                ("Copie".to_owned(), 2, 2),
                ("Contrôle".to_owned(), 0, 0),
            ]
        );
        cancel.store(true, Ordering::Relaxed);
        let e = tick(&r, 1, 2, "Copie annulée").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::Cancelled);
        assert_eq!(e.to_string(), "Copie annulée");
    }
}
