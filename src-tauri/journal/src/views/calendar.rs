//! The calendar: one month of what happened and what is due, day by day (conversations with the
//! mentor's name, reflections, action items due, milestones done, goal target dates, and the
//! blocks of the schedule that overlap the month); and "on this day", the notes written on the
//! same day one, two, three... years before.
//!
//! Both take the day they are about, never the system clock, so the tests pin them to a leap day
//! or a month end. Each list is a range of a date index (migration 0009 adds the missing ones),
//! so a month costs the same in a journal of ten notes or of a hundred thousand.
//!
//! A note written on 29 February comes back on 28 February in a common year, and on 29 February in
//! a leap year: each earlier day returns exactly once a year, on its anniversary as the calendar
//! arithmetic of "N years later" gives it (`anniversaries`), and never twice.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::blocks::Block;
use crate::error::{Error, Result};
use crate::goals::{GoalId, MentorRef, MilestoneId};
use crate::journal::Journal;
use crate::kinds::GoalStatus;
use crate::markdown::plain_text;
use crate::mentors::MentorId;
use crate::notes::actions::row_to_action;
use crate::notes::conversations::ConversationId;
use crate::validate;
use crate::views::dashboard::DueItem;
use crate::views::highlight::snippet;

/// Words of a note's text shown beside its title.
const EXCERPT_TOKENS: usize = 24;

/// A finished note as the calendar and "on this day" show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayNote {
    pub id: ConversationId,
    pub occurred_at: NaiveDateTime,
    /// The mentor met; `null` for a reflection.
    pub mentor: Option<MentorRef>,
    pub title: String,
    /// The start of the note as plain text (no Markdown), `…` where it was cut.
    pub excerpt: String,
}

/// A milestone ticked done on a day, with its goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayMilestone {
    pub id: MilestoneId,
    pub goal_id: GoalId,
    pub goal_title: String,
    pub title: String,
}

/// A goal whose target date is a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayGoal {
    pub id: GoalId,
    pub title: String,
    pub status: GoalStatus,
}

/// One day of the month view; lists in the order they happened (by time, then id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// Notes of meetings with a mentor.
    pub conversations: Vec<DayNote>,
    /// Private reflections.
    pub reflections: Vec<DayNote>,
    /// Action items due that day, open or done (dropped ones are left out), with their mentor.
    pub action_items: Vec<DueItem>,
    /// Milestones done that day.
    pub milestones: Vec<DayMilestone>,
    /// Goals whose target date it is, whatever their status.
    pub goal_targets: Vec<DayGoal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CalendarMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// The day the view was asked on (an item before it and still open is overdue).
    pub today: NaiveDate,
    /// Every day of the month, the 1st first.
    pub days: Vec<CalendarDay>,
    /// Blocks of the schedule (rotations, leave) overlapping the month, earliest first.
    pub blocks: Vec<Block>,
}

/// The notes written on a day some years before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct YearsAgo {
    pub years: u32,
    /// Oldest first.
    pub notes: Vec<DayNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OnThisDay {
    pub date: NaiveDate,
    /// Only the years that have notes, the most recent first.
    pub years: Vec<YearsAgo>,
}

/// The days `years` years before `day` whose anniversary is `day`: the same month and day, and
/// on 28 February of a common year also 29 February of a leap year (its anniversary in a common
/// year is the 28th). On 29 February nothing comes from a common year: its 28 February came back
/// the day before. Empty when no day qualifies or the year is out of range.
pub fn anniversaries(day: NaiveDate, years: u32) -> Vec<NaiveDate> {
    let Some(year) = i32::try_from(years)
        .ok()
        .and_then(|y| day.year().checked_sub(y))
    else {
        return Vec::new();
    };
    let mut candidates: Vec<NaiveDate> = day.with_year(year).into_iter().collect();
    if (day.month(), day.day()) == (2, 28) {
        candidates.extend(NaiveDate::from_ymd_opt(year, 2, 29));
    }
    candidates
        .into_iter()
        .filter(|c| {
            years
                .checked_mul(12)
                .and_then(|m| c.checked_add_months(Months::new(m)))
                == Some(day)
        })
        .collect()
}

fn next_day(day: NaiveDate) -> NaiveDate {
    day.succ_opt().unwrap_or(day)
}

impl Journal {
    /// The month view of `year`-`month` as seen on `today`.
    pub fn calendar_month(&self, year: i32, month: u32, today: NaiveDate) -> Result<CalendarMonth> {
        validate::range("month", month, 1, 12, "A month is 1 to 12.")?;
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| Error::validation("year", "Pick a year between 1950 and 2150."))?;
        validate::date("year", first)?;
        let after = first.checked_add_months(Months::new(1)).unwrap_or(first);
        let last = after.pred_opt().unwrap_or(first);
        let mut days: Vec<CalendarDay> = first
            .iter_days()
            .take_while(|d| *d <= last)
            .map(|date| CalendarDay {
                date,
                conversations: Vec::new(),
                reflections: Vec::new(),
                action_items: Vec::new(),
                milestones: Vec::new(),
                goal_targets: Vec::new(),
            })
            .collect();
        let slot = |days: &mut Vec<CalendarDay>, date: NaiveDate| -> Option<usize> {
            let index = usize::try_from((date - first).num_days()).ok()?;
            (index < days.len()).then_some(index)
        };
        for note in self.day_notes(NaiveDateTime::from(first), NaiveDateTime::from(after))? {
            if let Some(i) = slot(&mut days, note.occurred_at.date()) {
                match note.mentor {
                    Some(_) => days[i].conversations.push(note),
                    None => days[i].reflections.push(note),
                }
            }
        }
        for (due, item) in self.items_due_between(first, last, today)? {
            if let Some(i) = slot(&mut days, due) {
                days[i].action_items.push(item);
            }
        }
        for (done, milestone) in self.milestones_done_between(first, last)? {
            if let Some(i) = slot(&mut days, done) {
                days[i].milestones.push(milestone);
            }
        }
        for (target, goal) in self.goal_targets_between(first, last)? {
            if let Some(i) = slot(&mut days, target) {
                days[i].goal_targets.push(goal);
            }
        }
        let blocks = self
            .list_blocks()?
            .into_iter()
            .filter(|b| b.starts_on <= last && b.ends_on >= first)
            .collect();
        Ok(CalendarMonth {
            year,
            month,
            today,
            days,
            blocks,
        })
    }

    /// The notes written on `date`'s anniversaries in earlier years, back to the first note.
    pub fn on_this_day(&self, date: NaiveDate) -> Result<OnThisDay> {
        validate::date("date", date)?;
        let earliest: Option<NaiveDateTime> = self
            .conn
            .prepare_cached(
                "SELECT occurred_at FROM conversations WHERE is_draft = 0 ORDER BY occurred_at LIMIT 1",
            )?
            .query_map([], |row| row.get(0))?
            .next()
            .transpose()?;
        let back = earliest.map_or(0, |e| date.year() - e.date().year());
        let mut years = Vec::new();
        for n in 1..=u32::try_from(back).unwrap_or(0) {
            let mut notes = Vec::new();
            for day in anniversaries(date, n) {
                notes.extend(
                    self.day_notes(NaiveDateTime::from(day), NaiveDateTime::from(next_day(day)))?,
                );
            }
            if !notes.is_empty() {
                years.push(YearsAgo { years: n, notes });
            }
        }
        Ok(OnThisDay { date, years })
    }

    /// Finished notes from `start` (included) to `end` (not), oldest first.
    fn day_notes(&self, start: NaiveDateTime, end: NaiveDateTime) -> Result<Vec<DayNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.occurred_at, c.mentor_id, m.name, c.title, c.body
             FROM conversations c LEFT JOIN mentors m ON m.id = c.mentor_id
             WHERE c.occurred_at >= ?1 AND c.occurred_at < ?2 AND c.is_draft = 0
             ORDER BY c.occurred_at, c.id",
        )?;
        let rows = stmt.query_map(params![start, end], |row| {
            let mentor = match (
                row.get::<_, Option<i64>>(2)?,
                row.get::<_, Option<String>>(3)?,
            ) {
                (Some(id), Some(name)) => Some(MentorRef {
                    id: MentorId(id),
                    name,
                }),
                _ => None,
            };
            Ok(DayNote {
                id: ConversationId(row.get(0)?),
                occurred_at: row.get(1)?,
                mentor,
                title: row.get(4)?,
                excerpt: snippet(&plain_text(&row.get::<_, String>(5)?), &[], EXCERPT_TOKENS),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn items_due_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<(NaiveDate, DueItem)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.due_on, a.owner, a.status, a.mentor_id, a.conversation_id,
                    a.completed_at, a.created_at, a.goal_id, m.name
             FROM action_items a LEFT JOIN mentors m ON m.id = a.mentor_id
             WHERE a.due_on BETWEEN ?1 AND ?2 AND a.status != 'dropped'
             ORDER BY a.due_on, a.id",
        )?;
        let rows = stmt.query_map(params![first, last], |row| {
            let item = row_to_action(row, today)?;
            Ok((
                row.get(2)?,
                DueItem {
                    item,
                    mentor_name: row.get(10)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn milestones_done_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<(NaiveDate, DayMilestone)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ms.done_on, ms.id, ms.goal_id, g.title, ms.title
             FROM milestones ms JOIN goals g ON g.id = ms.goal_id
             WHERE ms.done_on BETWEEN ?1 AND ?2 ORDER BY ms.done_on, ms.id",
        )?;
        let rows = stmt.query_map(params![first, last], |row| {
            Ok((
                row.get(0)?,
                DayMilestone {
                    id: MilestoneId(row.get(1)?),
                    goal_id: GoalId(row.get(2)?),
                    goal_title: row.get(3)?,
                    title: row.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn goal_targets_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<(NaiveDate, DayGoal)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT target_date, id, title, status FROM goals
             WHERE target_date BETWEEN ?1 AND ?2 ORDER BY target_date, id",
        )?;
        let rows = stmt.query_map(params![first, last], |row| {
            Ok((
                row.get(0)?,
                DayGoal {
                    id: GoalId(row.get(1)?),
                    title: row.get(2)?,
                    status: row.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests;
