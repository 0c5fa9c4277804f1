//! Whether a mentor is due a conversation, from the agreed cadence, the last logged one and the
//! trainee's blocks.
//!
//! Pure and date-only, so the edge cases (never met, met today, exactly at the cadence, every way
//! blocks can fall) are tested with a fixed "today" and no database. Only active mentors with an
//! agreed cadence are tracked: a paused or ended relationship is never "overdue".
//!
//! The rule with blocks. The cadence counts days, and a day inside a block that pauses cadence and
//! applies to the mentor does not count: the clock stops. Exactly:
//! - the days counted are those after the last meeting up to and including today (the meeting's
//!   own day does not count, as without blocks), less the paused ones among them; a day inside
//!   several blocks (overlapping) is one paused day, and adjacent blocks pause without a gap;
//! - so the due date moves later by the number of paused days between the last meeting and today.
//!   Blocks still ahead move nothing yet: the clock stops when a block starts, not before, so a
//!   block entirely in the future changes nothing until its first day, and days of a block before
//!   the last meeting never counted anyway;
//! - while today is inside a pausing block (its last day included), a mentor who would otherwise
//!   be due soon, overdue or never met shows as `Paused`, with the block (the one reaching
//!   furthest when several cover today), its last day, the day the clock runs again (after every
//!   block that follows without a gap) and the status it would otherwise have. A mentor still on
//!   track during a block stays `OnTrack`, with the clock stopped.
//!
//! Blocks that do not pause cadence, or that apply to other mentors only, change nothing.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::blocks::{Block, BlockId};
use crate::kinds::MentorStatus;
use crate::mentors::MentorId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum CadenceStatus {
    /// Not active, or no cadence agreed.
    NotTracked,
    /// Active with a cadence, but no conversation logged yet: the first meeting is due.
    NeverMet,
    OnTrack {
        due_in_days: i64,
    },
    /// Due within the warning window (today included).
    DueSoon {
        due_in_days: i64,
    },
    Overdue {
        days_overdue: i64,
    },
    /// Today is inside a block that pauses this mentor's cadence, and the mentor would otherwise
    /// be due (`otherwise` is never `OnTrack`, `NotTracked` or `Paused`).
    Paused {
        block_id: BlockId,
        block_title: String,
        /// The block's last day.
        until: NaiveDate,
        /// The first day the clock runs again: after `until` and any block that follows it
        /// without a gap.
        resumes_on: NaiveDate,
        otherwise: Box<CadenceStatus>,
    },
}

impl CadenceStatus {
    /// Sort key: most urgent first (overdue by most days, never met, due soon, paused, on track,
    /// untracked). A paused mentor is not urgent, but more so than one on track.
    pub fn urgency(&self) -> i64 {
        match self {
            CadenceStatus::Overdue { days_overdue } => 1_000_000 + days_overdue,
            CadenceStatus::NeverMet => 500_000,
            CadenceStatus::DueSoon { due_in_days } => 100_000 - due_in_days,
            CadenceStatus::Paused { otherwise, .. } => {
                75_000
                    + match **otherwise {
                        CadenceStatus::Overdue { days_overdue } => 10_000 + days_overdue.min(9_999),
                        CadenceStatus::NeverMet => 5_000,
                        CadenceStatus::DueSoon { due_in_days } => 1_000 - due_in_days,
                        _ => 0,
                    }
            }
            CadenceStatus::OnTrack { due_in_days } => 50_000 - due_in_days,
            CadenceStatus::NotTracked => 0,
        }
    }
}

/// How many days before the due date a mentor shows as "due soon": a quarter of the cadence,
/// at least one day and at most a week.
fn warning_days(cadence_days: u32) -> i64 {
    i64::from(cadence_days / 4).clamp(1, 7)
}

/// The cadence status with no blocks.
pub fn cadence_status(
    status: MentorStatus,
    cadence_days: Option<u32>,
    last_met: Option<NaiveDate>,
    today: NaiveDate,
) -> CadenceStatus {
    cadence_with_blocks(MentorId(0), status, cadence_days, last_met, today, &[])
}

/// The cadence status of `mentor` with the trainee's blocks (any blocks: the rule picks those
/// that pause cadence and apply to this mentor). See the module notes for the rule.
pub fn cadence_with_blocks(
    mentor: MentorId,
    status: MentorStatus,
    cadence_days: Option<u32>,
    last_met: Option<NaiveDate>,
    today: NaiveDate,
    blocks: &[Block],
) -> CadenceStatus {
    let Some(cadence) = cadence_days.filter(|_| status == MentorStatus::Active) else {
        return CadenceStatus::NotTracked;
    };
    let pauses: Vec<&Block> = blocks.iter().filter(|b| b.pauses(mentor)).collect();
    let base = match last_met {
        None => CadenceStatus::NeverMet,
        Some(last) => {
            // A conversation dated ahead of today (a clock that was wrong) counts as met today.
            let last = last.min(today);
            let paused = paused_days(&pauses, last, today);
            let due_in_days = (last - today).num_days() + i64::from(cadence) + paused;
            if due_in_days < 0 {
                CadenceStatus::Overdue {
                    days_overdue: -due_in_days,
                }
            } else if due_in_days <= warning_days(cadence) {
                CadenceStatus::DueSoon { due_in_days }
            } else {
                CadenceStatus::OnTrack { due_in_days }
            }
        }
    };
    if matches!(base, CadenceStatus::OnTrack { .. }) {
        return base;
    }
    let covering = pauses
        .iter()
        .filter(|b| b.covers(today))
        .max_by_key(|b| (b.ends_on, std::cmp::Reverse(b.id.0)));
    match covering {
        Some(block) => CadenceStatus::Paused {
            block_id: block.id,
            block_title: block.title.clone(),
            until: block.ends_on,
            resumes_on: resumes_on(&pauses, today),
            otherwise: Box::new(base),
        },
        None => base,
    }
}

/// Days after `last` up to and including `today` that fall inside at least one of `pauses`.
pub(crate) fn paused_days(pauses: &[&Block], last: NaiveDate, today: NaiveDate) -> i64 {
    let Some(first) = last.succ_opt() else {
        return 0;
    };
    let mut spans: Vec<(NaiveDate, NaiveDate)> = pauses
        .iter()
        .map(|b| (b.starts_on.max(first), b.ends_on.min(today)))
        .filter(|(from, to)| from <= to)
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut counted_to: Option<NaiveDate> = None;
    for (from, to) in spans {
        let from = match counted_to {
            Some(end) if end >= to => continue,
            Some(end) if end >= from => end.succ_opt().unwrap_or(to),
            _ => from,
        };
        total += (to - from).num_days() + 1;
        counted_to = Some(to);
    }
    total
}

/// The first day after `today` inside none of `pauses`.
fn resumes_on(pauses: &[&Block], today: NaiveDate) -> NaiveDate {
    let mut day = today;
    while let Some(end) = pauses
        .iter()
        .filter(|b| b.covers(day))
        .map(|b| b.ends_on)
        .max()
    {
        match end.succ_opt() {
            Some(next) => day = next,
            None => return end,
        }
    }
    if day == today {
        today.succ_opt().unwrap_or(today)
    } else {
        day
    }
}

#[cfg(test)]
mod with_blocks;

#[cfg(test)]
mod tests {
    use super::*;
    use CadenceStatus::*;
    use MentorStatus::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn edge_cases_with_a_fixed_today() {
        let today = day(29);
        assert_eq!(cadence_status(Active, Some(28), None, today), NeverMet);
        assert_eq!(
            cadence_status(Active, Some(28), Some(today), today),
            OnTrack { due_in_days: 28 },
            "met today"
        );
        assert_eq!(
            cadence_status(Active, Some(28), Some(day(1)), today),
            DueSoon { due_in_days: 0 },
            "exactly at the cadence is due, not overdue"
        );
        assert_eq!(
            cadence_status(Active, Some(27), Some(day(1)), today),
            Overdue { days_overdue: 1 }
        );
        assert_eq!(
            cadence_status(Active, Some(28), Some(day(8)), today),
            DueSoon { due_in_days: 7 },
            "a week ahead of a 4-week cadence"
        );
        assert_eq!(
            cadence_status(Active, Some(28), Some(day(9)), today),
            OnTrack { due_in_days: 8 }
        );
    }

    #[test]
    fn only_active_mentors_with_a_cadence_are_tracked() {
        let today = day(29);
        for status in [Prospective, Paused, Ended] {
            assert_eq!(
                cadence_status(status, Some(7), Some(day(1)), today),
                NotTracked,
                "{status:?}"
            );
        }
        assert_eq!(
            cadence_status(Active, None, Some(day(1)), today),
            NotTracked
        );
    }

    #[test]
    fn short_cadences_still_warn_a_day_ahead() {
        let today = day(10);
        assert_eq!(
            cadence_status(Active, Some(2), Some(day(9)), today),
            DueSoon { due_in_days: 1 }
        );
    }

    #[test]
    fn urgency_orders_overdue_first() {
        let mut all = [
            OnTrack { due_in_days: 3 },
            Overdue { days_overdue: 2 },
            NotTracked,
            NeverMet,
            DueSoon { due_in_days: 1 },
            Overdue { days_overdue: 9 },
        ];
        all.sort_by_key(|s| std::cmp::Reverse(s.urgency()));
        assert_eq!(all[0], Overdue { days_overdue: 9 });
        assert_eq!(all[5], NotTracked);
    }
}
