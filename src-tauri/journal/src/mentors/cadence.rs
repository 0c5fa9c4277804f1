//! Whether a mentor is due a conversation, from the agreed cadence and the last logged one.
//!
//! Pure and date-only, so the edge cases (never met, met today, exactly at the cadence) are tested
//! with a fixed "today" and no database. Only active mentors with an agreed cadence are tracked:
//! a paused or ended relationship is never "overdue".

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::kinds::MentorStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
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
}

impl CadenceStatus {
    /// Sort key: most urgent first (overdue by most days, never met, due soon, on track, untracked).
    pub fn urgency(self) -> i64 {
        match self {
            CadenceStatus::Overdue { days_overdue } => 1_000_000 + days_overdue,
            CadenceStatus::NeverMet => 500_000,
            CadenceStatus::DueSoon { due_in_days } => 100_000 - due_in_days,
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

pub fn cadence_status(
    status: MentorStatus,
    cadence_days: Option<u32>,
    last_met: Option<NaiveDate>,
    today: NaiveDate,
) -> CadenceStatus {
    let Some(cadence) = cadence_days.filter(|_| status == MentorStatus::Active) else {
        return CadenceStatus::NotTracked;
    };
    let Some(last) = last_met else {
        return CadenceStatus::NeverMet;
    };
    // A conversation dated ahead of today (a clock that was wrong) counts as met today.
    let due_in_days = (last.min(today) - today).num_days() + i64::from(cadence);
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
