//! `demo` (fictitious complaints) and `soak` (the writer of the crash harness).

use reclam::complaint::parse_new_complaint;
use reclam::{Error, Register};
use std::io::Write;

pub fn fill(reg: &mut Register, count: u32, seed: u64) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let n = reg.fill_demo(count, seed)?;
    eprintln!(
        "{n} réclamations fictives enregistrées dans {} en {:.1} s",
        reg.path().display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Record complaints one transaction at a time, acknowledging every other one, and print
/// "committed <reference>" after each commit, until killed or `count` is reached.
pub fn soak(reg: &mut Register, count: u32) -> Result<(), Error> {
    let today = reg.today();
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let new = parse_new_complaint(&format!(
            r#"{{"client":{{"name":"Client {i}"}},"channel":"email",
                "receivedOn":"{today}","subject":"serviceQuality",
                "description":"Réclamation n° {i} du banc d'essai des coupures"}}"#
        ))?;
        let c = reg.record(&new)?;
        if i % 2 == 1 {
            reg.acknowledge_unstated(&c.reference, today)?;
        }
        writeln!(out, "committed {}", c.reference)?;
        out.flush()?;
    }
    Ok(())
}
