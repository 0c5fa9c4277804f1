//! Well-being over time: the energy and stress the trainee noted with their notes and
//! reflections, averaged per month, beside how many conversations they had with each mentor in
//! the same months (one look answers "did I stop meeting my work-life mentor when nights began?").
//!
//! Months, not weeks: a check-in comes with a note, and most trainees write a few a month, so a
//! week usually holds one rating or none and its "mean" would be a single mood; a month smooths
//! that, and it is the unit the activity chart already counts meetings in, so the two series share
//! one axis. The conversation counts come from the dashboard's own `activity_over`.
//!
//! What this returns are the user's own ratings, summed up and nothing more: no score, no
//! threshold, no label. It is private: none of the reports meant for someone else (the summary
//! for a mentor, the portfolio) reads it.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::validate;
use crate::views::dashboard::{Activity, month_window};

/// The longest window: ten years of months.
pub const MAX_WELLBEING_MONTHS: u32 = 120;

/// One month of the ratings given with notes and reflections (drafts left out).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WellbeingMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The mean energy rating (1 to 5) of the month's notes that have one; `null` when none has.
    pub energy: Option<f64>,
    /// The mean stress rating (1 to 5) of the month's notes that have one; `null` when none has.
    pub stress: Option<f64>,
    /// Notes and reflections this month with an energy or a stress rating, or both.
    pub checks: u32,
    /// Private reflections written this month, rated or not.
    pub reflections: u32,
}

/// The well-being chart's data: the ratings per month and the conversations per month per
/// mentor, over the same months.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WellbeingOverTime {
    /// Every month of the window, oldest first, ending with the current one (empty months too,
    /// so a gap shows as a gap); the same months as `activity.months`.
    pub months: Vec<WellbeingMonth>,
    pub activity: Activity,
}

impl Journal {
    /// The `months` months ending with `today`'s: the mean energy and stress, the check-ins and
    /// reflections of each, and the conversations per mentor beside them.
    pub fn wellbeing(&self, today: NaiveDate, months: u32) -> Result<WellbeingOverTime> {
        validate::range(
            "months",
            months,
            1,
            MAX_WELLBEING_MONTHS,
            "Show 1 to 120 months.",
        )?;
        let window = month_window(today, months);
        let mut list: Vec<WellbeingMonth> = window
            .months
            .iter()
            .map(|month| WellbeingMonth {
                month: month.clone(),
                energy: None,
                stress: None,
                checks: 0,
                reflections: 0,
            })
            .collect();
        // A range of `conversations_time`; at most 120 groups.
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(occurred_at, 1, 7) AS month, avg(energy), avg(stress),
                    count(*) FILTER (WHERE energy IS NOT NULL OR stress IS NOT NULL),
                    count(*) FILTER (WHERE mentor_id IS NULL)
             FROM conversations
             WHERE occurred_at >= ?1 AND occurred_at < ?2 AND is_draft = 0
             GROUP BY month",
        )?;
        let rows = stmt.query_map(params![window.start, window.end], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<f64>>(1)?,
                row.get::<_, Option<f64>>(2)?,
                row.get::<_, u32>(3)?,
                row.get::<_, u32>(4)?,
            ))
        })?;
        for row in rows {
            let (month, energy, stress, checks, reflections) = row?;
            if let Some(slot) = list.iter_mut().find(|m| m.month == month) {
                *slot = WellbeingMonth {
                    month,
                    energy,
                    stress,
                    checks,
                    reflections,
                };
            }
        }
        Ok(WellbeingOverTime {
            months: list,
            activity: self.activity_over(window)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::conversations::ConversationInput;
    use crate::{Clock, MentorInput, test_journal, validation_field};

    fn note(
        journal: &Journal,
        mentor: Option<crate::MentorId>,
        at: &str,
        energy: Option<u8>,
        stress: Option<u8>,
    ) {
        journal
            .add_conversation(
                &ConversationInput {
                    mentor_id: mentor,
                    reflection: Some(mentor.is_none()),
                    occurred_at: Some(format!("{at}T20:00:00").parse().unwrap()),
                    body: "How it went.".into(),
                    energy,
                    stress,
                    ..ConversationInput::default()
                },
                false,
            )
            .unwrap();
    }

    #[test]
    fn ratings_are_averaged_per_month_beside_the_meetings_of_the_same_months() {
        let dir = tempfile::tempdir().unwrap();
        let today: NaiveDate = "2026-03-10".parse().unwrap();
        let journal = test_journal(dir.path()).with_clock(Clock::on(today));
        let osei = journal
            .add_mentor(&MentorInput::named("Dr. Osei"))
            .unwrap()
            .id;
        note(&journal, Some(osei), "2025-12-31", Some(4), None); // before the window
        note(&journal, Some(osei), "2026-01-05", Some(4), Some(2));
        note(&journal, None, "2026-01-20", Some(2), Some(5));
        note(&journal, None, "2026-01-28", None, None);
        note(&journal, None, "2026-03-01", None, Some(3));
        let draft = ConversationInput {
            reflection: Some(true),
            energy: Some(1),
            ..ConversationInput::default()
        };
        journal.add_conversation(&draft, true).unwrap();

        let view = journal.wellbeing(today, 3).unwrap();
        let months: Vec<&str> = view.months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months, ["2026-01", "2026-02", "2026-03"]);
        assert_eq!(view.activity.months, months, "one axis for both series");
        let jan = &view.months[0];
        assert_eq!(jan.energy, Some(3.0), "(4 + 2) / 2");
        assert_eq!(jan.stress, Some(3.5));
        assert_eq!(jan.checks, 2, "the unrated reflection is no check-in");
        assert_eq!(jan.reflections, 2);
        let feb = &view.months[1];
        assert_eq!(
            (feb.energy, feb.checks),
            (None, 0),
            "a month without notes stays empty"
        );
        let mar = &view.months[2];
        assert_eq!(
            (mar.energy, mar.stress, mar.checks),
            (None, Some(3.0), 1),
            "the draft rated today is not counted"
        );
        assert_eq!(view.activity.series.len(), 1);
        assert_eq!(view.activity.series[0].counts, [1, 0, 0]);

        assert_eq!(
            validation_field(journal.wellbeing(today, 0).unwrap_err()),
            "months"
        );
        assert_eq!(
            validation_field(journal.wellbeing(today, 121).unwrap_err()),
            "months"
        );
        assert_eq!(journal.wellbeing(today, 120).unwrap().months.len(), 120);
    }
}
