//! Goal arithmetic with no storage: the progress figure, progress over time from milestones,
//! where a target date stands, and whether a reassessment is due. Pure functions of their inputs
//! and a `today`, so the dashboard, the goal page and a command-line report agree by construction.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Milestone, ProgressPoint};
use crate::kinds::ProgressSource;

/// A target date within this many days (today included) is "due soon".
pub const DUE_SOON_DAYS: i64 = 14;
/// The progress figure: the latest review's, or milestones done out of all (rounded down, so a
/// goal shows 100 % only when every milestone is done).
pub fn progress(from: ProgressSource, latest_review: Option<u8>, done: u32, total: u32) -> u8 {
    match from {
        ProgressSource::Reviews => latest_review.unwrap_or(0),
        ProgressSource::Milestones if total == 0 => 0,
        ProgressSource::Milestones => {
            u8::try_from(u64::from(done) * 100 / u64::from(total)).unwrap_or(100)
        }
    }
}

/// Computed progress over time: the share of today's milestones done by the end of each day one
/// was ticked off, starting from 0 % on the day the goal was set, and held until `today`.
/// Measured against today's list, so the line ends at the figure the goal shows now. Empty while
/// nothing is done.
pub fn milestone_progress(
    set_on: NaiveDate,
    milestones: &[Milestone],
    today: NaiveDate,
) -> Vec<ProgressPoint> {
    let total = u32::try_from(milestones.len()).unwrap_or(u32::MAX);
    let mut days: Vec<NaiveDate> = milestones.iter().filter_map(|m| m.done_on).collect();
    days.sort_unstable();
    let mut points = Vec::new();
    if days.first().is_some_and(|&first| first > set_on) {
        points.push(ProgressPoint {
            on: set_on,
            progress: 0,
        });
    }
    for (i, &day) in days.iter().enumerate() {
        let done = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let point = ProgressPoint {
            on: day,
            progress: progress(ProgressSource::Milestones, None, done, total),
        };
        match points.last_mut() {
            Some(last) if last.on == day => *last = point,
            _ => points.push(point),
        }
    }
    if let Some(&last) = points.last().filter(|last| last.on < today) {
        points.push(ProgressPoint { on: today, ..last });
    }
    points
}

/// Where a goal's target date stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[ts(export)]
pub enum TargetStatus {
    NoTarget,
    Overdue { days_overdue: i64 },
    DueSoon { due_in_days: i64 },
    Later { due_in_days: i64 },
}

pub fn target_status(target: Option<NaiveDate>, today: NaiveDate) -> TargetStatus {
    let Some(target) = target else {
        return TargetStatus::NoTarget;
    };
    let due_in_days = (target - today).num_days();
    if due_in_days < 0 {
        TargetStatus::Overdue {
            days_overdue: -due_in_days,
        }
    } else if due_in_days < DUE_SOON_DAYS {
        TargetStatus::DueSoon { due_in_days }
    } else {
        TargetStatus::Later { due_in_days }
    }
}

/// Days since the goal was last reassessed (or set, if never), and whether that is more than
/// `weeks` weeks.
pub fn review_age(
    last_reviewed: Option<NaiveDate>,
    set_on: NaiveDate,
    weeks: u32,
    today: NaiveDate,
) -> (i64, bool) {
    let days = (today - last_reviewed.unwrap_or(set_on)).num_days().max(0);
    (days, days > i64::from(weeks) * 7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::{GoalId, MilestoneId};

    #[test]
    fn progress_comes_from_the_chosen_source() {
        assert_eq!(progress(ProgressSource::Reviews, None, 3, 4), 0);
        assert_eq!(progress(ProgressSource::Reviews, Some(40), 3, 4), 40);
        assert_eq!(progress(ProgressSource::Milestones, Some(40), 0, 0), 0);
        assert_eq!(progress(ProgressSource::Milestones, Some(40), 1, 3), 33);
        assert_eq!(
            progress(ProgressSource::Milestones, None, 2, 3),
            66,
            "rounded down"
        );
        assert_eq!(progress(ProgressSource::Milestones, None, 3, 3), 100);
    }

    #[test]
    fn milestone_progress_steps_on_done_days_and_holds_until_today() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let milestone = |done: Option<&str>| Milestone {
            id: MilestoneId(1),
            goal_id: GoalId(1),
            position: 0,
            title: "step".into(),
            done_on: done.map(day),
        };
        let points = |ms: &[Milestone]| -> Vec<(String, u8)> {
            milestone_progress(day("2026-01-01"), ms, day("2026-06-01"))
                .iter()
                .map(|p| (p.on.to_string(), p.progress))
                .collect()
        };
        assert!(points(&[milestone(None), milestone(None)]).is_empty());
        assert_eq!(
            points(&[milestone(Some("2026-03-01")), milestone(None)]),
            [
                ("2026-01-01".into(), 0),
                ("2026-03-01".into(), 50),
                ("2026-06-01".into(), 50)
            ]
        );
        assert_eq!(
            points(&[milestone(Some("2026-06-01")), milestone(Some("2025-12-01"))]),
            [("2025-12-01".into(), 50), ("2026-06-01".into(), 100)],
            "done before the goal was set: no 0 % start; done today: nothing to hold"
        );
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn target_dates_with_a_fixed_today() {
        let today = day(10);
        assert_eq!(target_status(None, today), TargetStatus::NoTarget);
        assert_eq!(
            target_status(Some(day(9)), today),
            TargetStatus::Overdue { days_overdue: 1 }
        );
        assert_eq!(
            target_status(Some(day(10)), today),
            TargetStatus::DueSoon { due_in_days: 0 },
            "due today is due soon, not overdue"
        );
        assert_eq!(
            target_status(Some(day(23)), today),
            TargetStatus::DueSoon { due_in_days: 13 }
        );
        assert_eq!(
            target_status(Some(day(24)), today),
            TargetStatus::Later { due_in_days: 14 }
        );
    }

    #[test]
    fn a_review_is_due_only_after_more_than_the_weeks() {
        let set_on = day(1);
        assert_eq!(
            review_age(None, set_on, 1, day(8)),
            (7, false),
            "exactly a week"
        );
        assert_eq!(review_age(None, set_on, 1, day(9)), (8, true));
        assert_eq!(
            review_age(Some(day(8)), set_on, 1, day(9)),
            (1, false),
            "the last review counts, not the day the goal was set"
        );
    }
}
