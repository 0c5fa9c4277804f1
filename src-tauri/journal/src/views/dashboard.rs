//! The review dashboard, the screen the app opens on: goals that need attention, mentors due a
//! conversation, action items due, activity per month per mentor, and focus areas nobody covers.
//!
//! It is one call with a given `today`, so the tests fix the date and the benchmark measures the
//! whole load. Every query is an index range or a bounded lookup per row; lists are capped while
//! the counts cover everything, so the cost does not grow with years of finished work.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::goals::{GOAL_SELECT, Goal, MentorRef, TargetStatus, review_age, target_status};
use crate::journal::Journal;
use crate::kinds::MentorStatus;
use crate::kinds::OutreachOutcome;
use crate::mentors::MentorId;
use crate::mentors::cadence::{CadenceStatus, cadence_with_blocks};
use crate::mentors::{CheckDue, Outreach, check_due, row_to_outreach};
use crate::notes::actions::{ActionItem, row_to_action};

/// Action items due within this many days after today count as "this week": today plus the
/// next 7 days, so an item due a week from today is in it.
const WEEK_DAYS: u64 = 7;
/// An outreach unanswered for this many days is worth a polite follow-up.
pub const FOLLOW_UP_AFTER_DAYS: i64 = 14;
const MAX_OUTREACH: u32 = 50;
/// Months shown in the activity chart, the current one included.
const ACTIVITY_MONTHS: u32 = 12;
const MAX_GOALS: usize = 50;
const MAX_ITEMS: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalCard {
    pub goal: Goal,
    pub target: TargetStatus,
    pub days_since_review: i64,
    /// No reassessment for more than the configured number of weeks.
    pub review_due: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorDue {
    pub id: MentorId,
    pub name: String,
    pub cadence_days: Option<u32>,
    pub cadence: CadenceStatus,
    pub last_met: Option<NaiveDate>,
    pub days_since_last: Option<i64>,
    /// Whether the private relationship check is due (the mentor page asks it).
    pub check: CheckDue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DueItem {
    pub item: ActionItem,
    pub mentor_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivitySeries {
    pub mentor_id: MentorId,
    pub name: String,
    /// One count per month of `Activity::months`.
    pub counts: Vec<u32>,
}

/// A request to a prospective mentor still waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WaitingOutreach {
    pub outreach: Outreach,
    pub mentor_name: String,
    pub days_waiting: i64,
    /// Waiting `FOLLOW_UP_AFTER_DAYS` or more: time to follow up or move on.
    pub follow_up: bool,
}

/// Conversations per month per mentor, for the overview chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activity {
    /// `YYYY-MM`, oldest first, ending with the current month.
    pub months: Vec<String>,
    /// Mentors with at least one conversation in the window, most conversations first.
    pub series: Vec<ActivitySeries>,
}

/// A run of whole months ending with the current one: their `YYYY-MM` labels, oldest first, and
/// the moments that bound them (`start` included, `end` not).
#[derive(Debug, Clone)]
pub(crate) struct MonthWindow {
    pub months: Vec<String>,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// The `count` months ending with `today`'s (at least one).
pub(crate) fn month_window(today: NaiveDate, count: u32) -> MonthWindow {
    let count = count.max(1);
    let this_month = today.with_day(1).unwrap_or(today);
    let first = this_month
        .checked_sub_months(Months::new(count - 1))
        .unwrap_or(this_month);
    let months = (0..count)
        .filter_map(|i| first.checked_add_months(Months::new(i)))
        .map(|d| d.format("%Y-%m").to_string())
        .collect();
    MonthWindow {
        months,
        start: NaiveDateTime::from(first),
        end: NaiveDateTime::from(
            this_month
                .checked_add_months(Months::new(1))
                .unwrap_or(this_month),
        ),
    }
}

/// A focus area and the active mentors who cover it; none is a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Coverage {
    pub focus_area: String,
    pub mentors: Vec<MentorRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub review_after_weeks: u32,
    /// Active goals, those needing attention first (overdue, due soon, review due), at most 50.
    pub goals: Vec<GoalCard>,
    pub active_goals: u32,
    /// Active mentors, most urgent by cadence first.
    pub mentors: Vec<MentorDue>,
    /// Open items overdue or due within 7 days, by due date, at most 100.
    pub action_items: Vec<DueItem>,
    pub overdue_items: u32,
    pub items_due_this_week: u32,
    /// Outreach waiting for a reply, the longest waiting first, at most 50.
    pub waiting_outreach: Vec<WaitingOutreach>,
    pub activity: Activity,
    pub coverage: Vec<Coverage>,
}

impl Journal {
    pub fn dashboard(&self, today: NaiveDate) -> Result<Dashboard> {
        let review_after_weeks = self.settings()?.review_after_weeks;
        let (overdue_items, items_due_this_week) = self.due_counts(today)?;
        Ok(Dashboard {
            today,
            review_after_weeks,
            goals: self.goal_cards(today, review_after_weeks)?,
            active_goals: self.conn.query_row(
                "SELECT count(*) FROM goals WHERE status = 'active'",
                [],
                |row| row.get(0),
            )?,
            mentors: self.mentors_due(today)?,
            action_items: self.due_items(today)?,
            overdue_items,
            items_due_this_week,
            waiting_outreach: self.waiting_outreach(today)?,
            activity: self.activity(today)?,
            coverage: self.coverage()?,
        })
    }

    fn goal_cards(&self, today: NaiveDate, weeks: u32) -> Result<Vec<GoalCard>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{GOAL_SELECT} WHERE g.status = 'active'"))?;
        let goals = stmt
            .query_map([], Goal::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut cards: Vec<GoalCard> = goals
            .into_iter()
            .map(|goal| {
                let (days_since_review, review_due) =
                    review_age(goal.last_reviewed, goal.set_on, weeks, today);
                GoalCard {
                    target: target_status(goal.target_date, today),
                    days_since_review,
                    review_due,
                    goal,
                }
            })
            .collect();
        cards.sort_by_key(|c| {
            let attention = match c.target {
                TargetStatus::Overdue { days_overdue } => 3_000_000 + days_overdue,
                TargetStatus::DueSoon { due_in_days } => 2_000_000 - due_in_days,
                _ if c.review_due => 1_000_000 + c.days_since_review,
                TargetStatus::Later { due_in_days } => 100_000 - due_in_days.min(99_999),
                TargetStatus::NoTarget => 0,
            };
            (std::cmp::Reverse(attention), c.goal.id.0)
        });
        cards.truncate(MAX_GOALS);
        Ok(cards)
    }

    fn mentors_due(&self, today: NaiveDate) -> Result<Vec<MentorDue>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, cadence_days,
                 (SELECT substr(occurred_at, 1, 10) FROM conversations c
                  WHERE c.mentor_id = mentors.id AND c.is_draft = 0 ORDER BY occurred_at DESC LIMIT 1),
                 check_every_weeks, status_since,
                 (SELECT max(answered_on) FROM relationship_checks r WHERE r.mentor_id = mentors.id)
             FROM mentors WHERE status = 'active' ORDER BY name COLLATE NOCASE, id",
        )?;
        // The pausing blocks once for every mentor: the rule filters them per mentor in memory.
        let blocks = self.pausing_blocks()?;
        let rows = stmt.query_map([], |row| {
            let id = MentorId(row.get(0)?);
            let cadence_days: Option<u32> = row.get(2)?;
            let last_met: Option<NaiveDate> = row.get(3)?;
            Ok(MentorDue {
                id,
                name: row.get(1)?,
                cadence: cadence_with_blocks(
                    id,
                    MentorStatus::Active,
                    cadence_days,
                    last_met,
                    today,
                    &blocks,
                ),
                cadence_days,
                days_since_last: last_met.map(|d| (today - d).num_days().max(0)),
                last_met,
                check: check_due(
                    MentorStatus::Active,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                    today,
                ),
            })
        })?;
        let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        list.sort_by_key(|m| std::cmp::Reverse(m.cadence.urgency()));
        Ok(list)
    }

    fn week_end(today: NaiveDate) -> NaiveDate {
        today
            .checked_add_days(chrono::Days::new(WEEK_DAYS))
            .unwrap_or(today)
    }

    fn due_counts(&self, today: NaiveDate) -> Result<(u32, u32)> {
        Ok(self.conn.query_row(
            "SELECT count(*) FILTER (WHERE due_on < ?1), count(*) FILTER (WHERE due_on >= ?1)
             FROM action_items WHERE status = 'open' AND due_on <= ?2",
            params![today, Self::week_end(today)],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    fn due_items(&self, today: NaiveDate) -> Result<Vec<DueItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.due_on, a.owner, a.status, a.mentor_id, a.conversation_id,
                    a.completed_at, a.created_at, a.goal_id, m.name
             FROM action_items a LEFT JOIN mentors m ON m.id = a.mentor_id
             WHERE a.status = 'open' AND a.due_on <= ?1
             ORDER BY a.due_on, a.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![Self::week_end(today), MAX_ITEMS], |row| {
            Ok(DueItem {
                item: row_to_action(row, today)?,
                mentor_name: row.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn waiting_outreach(&self, today: NaiveDate) -> Result<Vec<WaitingOutreach>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.mentor_id, o.made_on, o.request, o.outcome, o.note, m.name
             FROM outreach o JOIN mentors m ON m.id = o.mentor_id
             WHERE o.outcome = ?1 AND m.status != 'ended'
             ORDER BY o.made_on, o.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![OutreachOutcome::Pending, MAX_OUTREACH], |row| {
            let outreach = row_to_outreach(row)?;
            let days_waiting = (today - outreach.made_on).num_days().max(0);
            Ok(WaitingOutreach {
                mentor_name: row.get(6)?,
                days_waiting,
                follow_up: days_waiting >= FOLLOW_UP_AFTER_DAYS,
                outreach,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn activity(&self, today: NaiveDate) -> Result<Activity> {
        self.activity_over(month_window(today, ACTIVITY_MONTHS))
    }

    /// Conversations per month per mentor over a run of months (the dashboard's last twelve, the
    /// well-being view's window), so every chart of meetings counts them the same way.
    pub(crate) fn activity_over(&self, months: MonthWindow) -> Result<Activity> {
        let MonthWindow { months, start, end } = months;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.mentor_id, m.name, substr(c.occurred_at, 1, 7) AS month, count(*)
             FROM conversations c JOIN mentors m ON m.id = c.mentor_id
             WHERE c.occurred_at >= ?1 AND c.occurred_at < ?2 AND c.is_draft = 0
             GROUP BY c.mentor_id, month",
        )?;
        let mut series: Vec<ActivitySeries> = Vec::new();
        let rows = stmt.query_map(params![start, end], |row| {
            Ok((
                MentorId(row.get(0)?),
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, u32>(3)?,
            ))
        })?;
        for row in rows {
            let (mentor_id, name, month, count) = row?;
            let Some(slot) = months.iter().position(|m| *m == month) else {
                continue;
            };
            let index = match series.iter().position(|s| s.mentor_id == mentor_id) {
                Some(i) => i,
                None => {
                    series.push(ActivitySeries {
                        mentor_id,
                        name,
                        counts: vec![0; months.len()],
                    });
                    series.len() - 1
                }
            };
            series[index].counts[slot] += count;
        }
        series.sort_by(|a, b| {
            let total = |s: &ActivitySeries| s.counts.iter().sum::<u32>();
            total(b).cmp(&total(a)).then_with(|| a.name.cmp(&b.name))
        });
        Ok(Activity { months, series })
    }

    /// Every focus area with the active mentors covering it (defaults first, then the user's own).
    pub fn coverage(&self) -> Result<Vec<Coverage>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.name, am.id, am.name
             FROM focus_areas f
             LEFT JOIN (SELECT mf.focus_area_id, m.id, m.name FROM mentor_focus_areas mf
                        JOIN mentors m ON m.id = mf.mentor_id AND m.status = 'active') am
                    ON am.focus_area_id = f.id
             ORDER BY f.builtin DESC, f.name COLLATE NOCASE, am.name COLLATE NOCASE",
        )?;
        let mut coverage: Vec<Coverage> = Vec::new();
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            let (area, id, name) = row?;
            if coverage.last().is_none_or(|c| c.focus_area != area) {
                coverage.push(Coverage {
                    focus_area: area,
                    mentors: Vec::new(),
                });
            }
            if let (Some(id), Some(name), Some(entry)) = (id, name, coverage.last_mut()) {
                entry.mentors.push(MentorRef {
                    id: MentorId(id),
                    name,
                });
            }
        }
        Ok(coverage)
    }
}
