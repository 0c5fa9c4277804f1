//! The relationship check: from time to time (every so many weeks, the user's choice per mentor)
//! the mentor page asks three private questions, answered 1 to 5: is this helping me? do we meet
//! as agreed? do I want to continue? The answers are kept as a trend, and a mentor whose answers
//! fall gets a gentle prompt to talk about it, or to end the relationship (ending keeps everything).
//!
//! Both rules are pure functions of dates and answers, tested with a fixed "today":
//! - when a check is due (`check_due`): only for an active mentor with a schedule; the first one
//!   `every` weeks after the mentor became active, each next one `every` weeks after the last
//!   answer. A check answered early simply restarts the wait.
//! - whether the answers are falling (`check_trend`): the total of the three answers (3 to 15) of
//!   the latest check against the one before. Two points lower, or lower twice running, is
//!   falling; two points higher is rising; anything else is steady. One check is no trend. A single
//!   dip of one point is the noise of a bad week, not a reason to prompt.
//!
//! The answers are the user's own and stay in the journal: no report for someone else reads them.

mod records;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kinds::MentorStatus;
use crate::mentors::MentorId;

pub use records::RelationshipChecks;

/// The longest schedule: once a year.
pub const MAX_CHECK_WEEKS: u32 = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct RelationshipCheckId(pub i64);

/// One answered check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipCheck {
    pub id: RelationshipCheckId,
    pub mentor_id: MentorId,
    pub answered_on: NaiveDate,
    /// "Is this helping me?", 1 (not at all) to 5 (very much).
    pub helping: u8,
    /// "Do we meet as agreed?", 1 to 5.
    pub meeting_as_agreed: u8,
    /// "Do I want to continue?", 1 to 5.
    pub want_to_continue: u8,
    pub note: String,
}

/// The answers to one check; each 1 to 5.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct RelationshipCheckInput {
    /// Defaults to today; cannot be in the future.
    pub answered_on: Option<NaiveDate>,
    pub helping: u8,
    pub meeting_as_agreed: u8,
    pub want_to_continue: u8,
    pub note: String,
}

/// When the next check is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum CheckDue {
    /// No schedule chosen, or the mentor is not active: nothing is asked.
    NotScheduled,
    /// Due since `since` (today or earlier): the mentor page asks.
    Due { since: NaiveDate },
    /// Not yet: the next check is on `on`.
    Upcoming { on: NaiveDate },
}

/// How the answers move, latest check against the ones before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CheckTrend {
    /// Fewer than two checks: nothing to compare.
    TooFew,
    Steady,
    Rising,
    /// Falling: time for the gentle prompt.
    Falling,
}

/// Whether a check is due on `today`: see the module docs.
pub fn check_due(
    status: MentorStatus,
    every_weeks: Option<u32>,
    active_since: NaiveDate,
    last_answered: Option<NaiveDate>,
    today: NaiveDate,
) -> CheckDue {
    let Some(weeks) = every_weeks.filter(|w| *w > 0) else {
        return CheckDue::NotScheduled;
    };
    if status != MentorStatus::Active {
        return CheckDue::NotScheduled;
    }
    let from = last_answered.map_or(active_since, |last| last.max(active_since));
    let next = from
        .checked_add_days(Days::new(u64::from(weeks) * 7))
        .unwrap_or(NaiveDate::MAX);
    if next <= today {
        CheckDue::Due { since: next }
    } else {
        CheckDue::Upcoming { on: next }
    }
}

/// The trend of checks given oldest first: see the module docs.
pub fn check_trend(checks: &[RelationshipCheck]) -> CheckTrend {
    let total = |c: &RelationshipCheck| {
        i32::from(c.helping) + i32::from(c.meeting_as_agreed) + i32::from(c.want_to_continue)
    };
    let totals: Vec<i32> = checks.iter().map(total).collect();
    match totals.as_slice() {
        [.., before, previous, latest] if latest < previous && previous < before => {
            CheckTrend::Falling
        }
        [.., previous, latest] if latest - previous <= -2 => CheckTrend::Falling,
        [.., previous, latest] if latest - previous >= 2 => CheckTrend::Rising,
        [_, _, ..] => CheckTrend::Steady,
        _ => CheckTrend::TooFew,
    }
}

#[cfg(test)]
mod tests;
