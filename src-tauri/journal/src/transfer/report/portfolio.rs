//! The mentorship portfolio: who mentored the trainee over a period, what each helped with, how
//! often they met against what was agreed, and what came of it (goals achieved, items done).
//!
//! Meetings are counted, never read. The expected number comes from the agreed cadence over the
//! days the mentor was active inside the period (from the status history), counted no later than
//! today and no earlier than the relationship's start: the day the mentor was added, or the first
//! conversation logged if that is earlier (notes written into the journal after the fact). A
//! mentor paused for the summer is not expected to have met over the summer, nor during a block
//! of the schedule that pauses cadence for them (ICU nights), and a mentorship that began in June
//! is not measured against January.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::{PortfolioReview, ReportGoal};
use crate::blocks::Block;
use crate::error::{Error, Result};
use crate::goals::GoalFilter;
use crate::journal::Journal;
use crate::kinds::{GoalStatus, MentorStatus, Owner};
use crate::mentors::MentorId;
use crate::mentors::cadence::paused_days;
use crate::validate;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Portfolio {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub generated_on: NaiveDate,
    /// Mentors active in the period or with something to show in it, by name.
    pub mentors: Vec<PortfolioMentor>,
    /// Goals achieved in the period that no mentor is linked to.
    pub other_goals: Vec<ReportGoal>,
    /// Completed reviews ending in the period, when the trainee chose to include them.
    pub reviews: Vec<PortfolioReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PortfolioMentor {
    pub id: MentorId,
    pub name: String,
    pub role: String,
    pub specialty: String,
    pub institution: String,
    /// What this mentor helped with.
    pub focus_areas: Vec<String>,
    pub meetings: Meetings,
    /// Linked goals achieved in the period, in the order they were achieved.
    pub goals_achieved: Vec<ReportGoal>,
    /// Action items with this mentor completed in the period, both ways, oldest first.
    pub completed: Vec<PortfolioItem>,
}

/// Conversations held in the period against the agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Meetings {
    /// Finished conversations dated in the period (drafts are not meetings yet).
    pub held: u32,
    /// The agreed cadence, if one was agreed.
    pub cadence_days: Option<u32>,
    /// Whole cadence periods in the days the mentor was active; `None` without a cadence.
    pub expected: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PortfolioItem {
    pub title: String,
    pub owner: Owner,
    pub completed_on: NaiveDate,
}

/// The longest period a portfolio covers: a whole residency and then some.
const MAX_YEARS: i64 = 20;

impl Journal {
    /// The portfolio for `from..=to` (both days included).
    pub fn portfolio(&self, from: NaiveDate, to: NaiveDate) -> Result<Portfolio> {
        let from = validate::date("from", from)?;
        let to = validate::date("to", to)?;
        if to < from {
            return Err(Error::validation(
                "to",
                "The period ends before it starts; pick an end date on or after the start.",
            ));
        }
        if (to - from).num_days() > MAX_YEARS * 366 {
            return Err(Error::validation(
                "to",
                format!("A portfolio covers at most {MAX_YEARS} years; pick a shorter period."),
            ));
        }
        let today = self.today();
        let achieved: Vec<_> = self
            .list_goals(&GoalFilter {
                status: Some(GoalStatus::Achieved),
                mentor_id: None,
            })?
            .into_iter()
            .filter(|g| (from..=to).contains(&g.status_since))
            .collect();

        let blocks = self.pausing_blocks()?;
        let mut mentors = Vec::new();
        for row in self.portfolio_rows()? {
            let held = self.meetings_held(row.id, from, to)?;
            let mut goals: Vec<_> = achieved
                .iter()
                .filter(|g| g.mentor_ids.contains(&row.id))
                .cloned()
                .collect();
            goals.sort_by_key(|g| (g.status_since, g.id.0));
            let completed = self.completed_items(row.id, from, to)?;
            let start = match self.first_meeting(row.id)? {
                Some(first) => first.min(row.added_on),
                None => row.added_on,
            };
            let history = self.status_timeline(row.id)?;
            let pauses: Vec<&Block> = blocks.iter().filter(|b| b.pauses(row.id)).collect();
            let active = active_days(&history, start, from, to.min(today), &pauses);
            if active == 0 && held == 0 && goals.is_empty() && completed.is_empty() {
                continue;
            }
            mentors.push(PortfolioMentor {
                meetings: Meetings {
                    held,
                    cadence_days: row.cadence_days,
                    expected: row
                        .cadence_days
                        .map(|c| u32::try_from(active / i64::from(c)).unwrap_or(u32::MAX)),
                },
                goals_achieved: goals
                    .into_iter()
                    .map(|g| self.report_goal(g))
                    .collect::<Result<_>>()?,
                completed,
                focus_areas: self.report_focus_areas(row.id)?,
                id: row.id,
                name: row.name,
                role: row.role,
                specialty: row.specialty,
                institution: row.institution,
            });
        }

        let mut other: Vec<_> = achieved
            .into_iter()
            .filter(|g| g.mentor_ids.is_empty())
            .collect();
        other.sort_by_key(|g| (g.status_since, g.id.0));
        Ok(Portfolio {
            from,
            to,
            generated_on: today,
            mentors,
            other_goals: other
                .into_iter()
                .map(|g| self.report_goal(g))
                .collect::<Result<_>>()?,
            reviews: Vec::new(),
        })
    }

    /// The portfolio with the completed reviews of its period (`portfolio_reviews`).
    pub fn portfolio_with_reviews(&self, from: NaiveDate, to: NaiveDate) -> Result<Portfolio> {
        let mut portfolio = self.portfolio(from, to)?;
        portfolio.reviews = self.portfolio_reviews(portfolio.from, portfolio.to)?;
        Ok(portfolio)
    }

    /// The public columns of every mentor, by name. Private notes and end reasons are not read.
    fn portfolio_rows(&self) -> Result<Vec<MentorRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, role, specialty, institution, cadence_days, substr(created_at, 1, 10)
             FROM mentors ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(MentorRow {
                id: MentorId(row.get(0)?),
                name: row.get(1)?,
                role: row.get(2)?,
                specialty: row.get(3)?,
                institution: row.get(4)?,
                cadence_days: row.get(5)?,
                added_on: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn report_focus_areas(&self, mentor: MentorId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.name FROM mentor_focus_areas m JOIN focus_areas f ON f.id = m.focus_area_id
             WHERE m.mentor_id = ?1 ORDER BY f.name COLLATE NOCASE",
        )?;
        let names = stmt
            .query_map([mentor.0], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    pub(crate) fn meetings_held(
        &self,
        mentor: MentorId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM conversations
             WHERE mentor_id = ?1 AND is_draft = 0 AND occurred_at >= ?2 AND occurred_at < ?3",
            params![mentor.0, from, day_after(to)],
            |row| row.get(0),
        )?)
    }

    pub(crate) fn first_meeting(&self, mentor: MentorId) -> Result<Option<NaiveDate>> {
        Ok(self.conn.query_row(
            "SELECT substr(min(occurred_at), 1, 10) FROM conversations
             WHERE mentor_id = ?1 AND is_draft = 0",
            [mentor.0],
            |row| row.get(0),
        )?)
    }

    /// Items ticked done in the period. The completion time is stored in UTC; its UTC day is
    /// the one shown (at most a few hours from the local day, never across a period's edge
    /// by more than that).
    fn completed_items(
        &self,
        mentor: MentorId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<PortfolioItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT title, owner, completed_at FROM action_items
             WHERE mentor_id = ?1 AND status = 'done' AND completed_at >= ?2 AND completed_at < ?3
             ORDER BY completed_at, id",
        )?;
        let rows = stmt.query_map(params![mentor.0, from, day_after(to)], |row| {
            let at: DateTime<Utc> = row.get(2)?;
            Ok(PortfolioItem {
                title: row.get(0)?,
                owner: row.get(1)?,
                completed_on: at.date_naive(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The lifecycle as dated steps, in date order (steps may have been back-dated).
    pub(crate) fn status_timeline(
        &self,
        mentor: MentorId,
    ) -> Result<Vec<(MentorStatus, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, changed_on FROM mentor_status_changes WHERE mentor_id = ?1
             ORDER BY changed_on, id",
        )?;
        let rows = stmt.query_map([mentor.0], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

struct MentorRow {
    id: MentorId,
    name: String,
    role: String,
    specialty: String,
    institution: String,
    cadence_days: Option<u32>,
    added_on: NaiveDate,
}

fn day_after(day: NaiveDate) -> NaiveDate {
    day.succ_opt().unwrap_or(day)
}

/// Days in `from..=to` on which the mentor was active: each step of `history` holds until the
/// next one, the first reaches back to `start`, and nothing before `start` counts. Days inside
/// one of `pauses` (blocks that pause this mentor's cadence) are not counted.
pub(crate) fn active_days(
    history: &[(MentorStatus, NaiveDate)],
    start: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    pauses: &[&Block],
) -> i64 {
    let from = from.max(start);
    if to < from {
        return 0;
    }
    let mut total = 0;
    for (i, (status, since)) in history.iter().enumerate() {
        if *status != MentorStatus::Active {
            continue;
        }
        let begins = if i == 0 { start.min(*since) } else { *since };
        let ends = history.get(i + 1).map(|(_, next)| *next); // exclusive
        let lo = begins.max(from);
        let hi = match ends {
            Some(next) => next.pred_opt().unwrap_or(next).min(to),
            None => to,
        };
        if hi >= lo {
            let paused = lo
                .pred_opt()
                .map_or(0, |before| paused_days(pauses, before, hi));
            total += (hi - lo).num_days() + 1 - paused;
        }
    }
    total
}
