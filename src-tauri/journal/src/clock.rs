//! The one clock of the core.
//!
//! Every rule that depends on the date ("due this week", "a milestone cannot be done in the
//! future", the day a goal was set, when a note was written) asks the journal's clock, never the
//! system directly. Tests and the benchmarks fix it to a moment, so a rule can be checked on the
//! day it is about (a leap day, a month end, the day before a target) instead of on the day the
//! suite happens to run. The app uses the system clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    /// The system clock and the system's time zone.
    #[default]
    System,
    /// A fixed moment in a fixed time zone.
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// A fixed clock at a wall-clock time in UTC (`"2026-03-10T09:30:00"`): what tests use.
    pub fn at(local: NaiveDateTime) -> Clock {
        Clock::Fixed(local.and_utc().fixed_offset())
    }

    /// A fixed clock at 09:00 UTC on a day.
    pub fn on(day: NaiveDate) -> Clock {
        Clock::at(day.and_time(chrono::NaiveTime::MIN) + chrono::Duration::hours(9))
    }

    /// The instant, for timestamps.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at.to_utc(),
        }
    }

    /// The user's wall-clock time: what "when did we meet" means to them.
    pub fn local_now(&self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => at.naive_local(),
        }
    }

    /// Today on the user's wall clock: what "due today" and "met today" mean to them.
    pub fn today(&self) -> NaiveDate {
        self.local_now().date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_answers_the_same_moment_every_time() {
        let day = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let clock = Clock::on(day);
        assert_eq!(clock.today(), day);
        assert_eq!(clock.now(), clock.now());
        assert_eq!(clock.local_now().to_string(), "2028-02-29 09:00:00");
    }

    #[test]
    fn the_local_day_of_a_fixed_clock_follows_its_time_zone() {
        let late = DateTime::parse_from_rfc3339("2026-03-10T23:30:00-05:00").unwrap();
        let clock = Clock::Fixed(late);
        assert_eq!(
            clock.today().to_string(),
            "2026-03-10",
            "the user's day, not UTC's"
        );
        assert_eq!(clock.now().date_naive().to_string(), "2026-03-11");
    }
}
