//! The one clock of the application, injected wherever a rule needs "today" or "now".
//!
//! Rules never read the wall clock themselves (clippy.toml bans `Utc::now`/`Local::now`
//! elsewhere): tests and the CLI's `RECLAM_TODAY` pin the date.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync {
    /// The current instant, for event timestamps.
    fn now(&self) -> DateTime<Utc>;
    /// The current date in the firm's local time zone, for deadlines.
    fn today(&self) -> NaiveDate;
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    #[allow(clippy::disallowed_methods)]
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock stopped on a given date (tests, demos, `RECLAM_TODAY`). `now()` keeps advancing in
/// real time so event timestamps stay ordered, but on the pinned day.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub today: NaiveDate,
}

impl FixedClock {
    pub fn new(today: NaiveDate) -> Self {
        Self { today }
    }
}

impl Clock for FixedClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> DateTime<Utc> {
        let time = Utc::now().time();
        self.today.and_time(time).and_utc()
    }
    fn today(&self) -> NaiveDate {
        self.today
    }
}

/// A clock stopped at one instant, on one day: a change of the firm's shared register is
/// applied on every workstation at the instant and on the day it was made, so that every
/// cache records the same thing.
#[derive(Debug, Clone, Copy)]
pub struct PinnedClock {
    pub at: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Clock for PinnedClock {
    fn now(&self) -> DateTime<Utc> {
        self.at
    }
    fn today(&self) -> NaiveDate {
        self.today
    }
}
