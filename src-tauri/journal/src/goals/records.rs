//! Goals as records: the validated fields, the query every goal view shares (`GOAL_SELECT`, with
//! what is derived from milestones and reviews), and the goal page's one-call detail.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::categories::{NAME_MAX, category_id};
use super::{Goal, GoalDetail, GoalFilter, GoalId, GoalInput, GoalStatusEntry, MentorRef};
use super::{milestone_progress, progress};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::{GoalStatus, ProgressSource};
use crate::mentors::MentorId;
use crate::notes::actions::ActionItemFilter;
use crate::validate::{self, LONG, SHORT};

/// The goal columns plus what is derived from milestones and reviews, for `Goal::from_row`.
pub(crate) const GOAL_SELECT: &str = "SELECT g.id, g.title, g.description, c.name AS category, g.success_criteria,
        g.target_date, g.status, g.status_since, g.progress_from, g.created_on, g.created_at,
        (SELECT group_concat(mentor_id) FROM goal_mentors WHERE goal_id = g.id) AS mentor_ids,
        (SELECT progress FROM goal_reviews WHERE goal_id = g.id ORDER BY reviewed_on DESC, id DESC LIMIT 1) AS latest_progress,
        (SELECT max(reviewed_on) FROM goal_reviews WHERE goal_id = g.id) AS last_reviewed,
        (SELECT count(*) FROM milestones WHERE goal_id = g.id AND done_on IS NOT NULL) AS milestones_done,
        (SELECT count(*) FROM milestones WHERE goal_id = g.id) AS milestones_total
     FROM goals g LEFT JOIN goal_categories c ON c.id = g.category_id";

impl Goal {
    pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let progress_from: ProgressSource = row.get("progress_from")?;
        let done: u32 = row.get("milestones_done")?;
        let total: u32 = row.get("milestones_total")?;
        let latest: Option<u8> = row.get("latest_progress")?;
        let mentor_ids: Option<String> = row.get("mentor_ids")?;
        let mut mentor_ids: Vec<MentorId> = mentor_ids
            .unwrap_or_default()
            .split(',')
            .filter_map(|id| id.parse().ok().map(MentorId))
            .collect();
        mentor_ids.sort_by_key(|m| m.0);
        let status: GoalStatus = row.get("status")?;
        Ok(Goal {
            id: GoalId(row.get("id")?),
            title: row.get("title")?,
            description: row.get("description")?,
            category: row.get("category")?,
            success_criteria: row.get("success_criteria")?,
            target_date: row.get("target_date")?,
            status,
            next_statuses: status.next().to_vec(),
            status_since: row.get("status_since")?,
            progress: progress(progress_from, latest, done, total),
            progress_from,
            set_on: row.get("created_on")?,
            mentor_ids,
            last_reviewed: row.get("last_reviewed")?,
            milestones_done: done,
            milestones_total: total,
            created_at: row.get("created_at")?,
        })
    }
}

struct Checked {
    title: String,
    description: String,
    category: String,
    criteria: String,
    set_on: NaiveDate,
}

impl Journal {
    fn check_goal(&self, input: &GoalInput, set_on: NaiveDate) -> Result<Checked> {
        let title = validate::required("title", &input.title, SHORT, "Give the goal a title.")?;
        let set_on = validate::date("setOn", input.set_on.unwrap_or(set_on))?;
        if let Some(target) = input.target_date {
            validate::date("targetDate", target)?;
            if target < set_on {
                return Err(Error::validation(
                    "targetDate",
                    "The target date is before the day the goal was set.",
                ));
            }
        }
        for &mentor in &input.mentor_ids {
            self.mentor(mentor).map_err(|_| {
                Error::validation("mentorIds", "One of the linked mentors does not exist.")
            })?;
        }
        Ok(Checked {
            title,
            description: validate::text("description", &input.description, LONG)?,
            category: validate::text("category", &input.category, NAME_MAX)?,
            criteria: validate::text("successCriteria", &input.success_criteria, LONG)?,
            set_on,
        })
    }

    pub fn add_goal(&self, input: &GoalInput) -> Result<Goal> {
        let c = self.check_goal(input, self.today())?;
        let now = self.now();
        let id = self.write(|tx| {
            let category = category_id(tx, &c.category)?;
            let id: i64 = tx.query_row(
                "INSERT INTO goals (title, description, category_id, success_criteria, target_date, status_since,
                     progress_from, created_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?8, ?8) RETURNING id",
                params![
                    c.title, c.description, category, c.criteria, input.target_date, c.set_on,
                    input.progress_from.unwrap_or(ProgressSource::Reviews), now
                ],
                |row| row.get(0),
            )?;
            tx.execute(
                "INSERT INTO goal_status_changes (goal_id, status, changed_on) VALUES (?1, 'active', ?2)",
                params![id, c.set_on],
            )?;
            set_goal_mentors(tx, id, &input.mentor_ids)?;
            Ok(GoalId(id))
        })?;
        self.goal(id)
    }

    /// Edits the goal's fields. Rewording through an edit is a correction (a typo); a real
    /// refinement goes through `review_goal`, which keeps the old wording.
    pub fn update_goal(&self, id: GoalId, input: &GoalInput) -> Result<Goal> {
        let current = self.goal(id)?;
        let c = self.check_goal(input, current.set_on)?;
        let now = self.now();
        self.write(|tx| {
            let category = category_id(tx, &c.category)?;
            tx.execute(
                "UPDATE goals SET title = ?2, description = ?3, category_id = ?4, success_criteria = ?5,
                     target_date = ?6, progress_from = ?7, created_on = ?8, updated_at = ?9
                 WHERE id = ?1",
                params![
                    id.0, c.title, c.description, category, c.criteria, input.target_date,
                    input.progress_from.unwrap_or(current.progress_from), c.set_on, now
                ],
            )?;
            set_goal_mentors(tx, id.0, &input.mentor_ids)
        })?;
        self.goal(id)
    }

    pub fn goal(&self, id: GoalId) -> Result<Goal> {
        self.conn
            .prepare_cached(&format!("{GOAL_SELECT} WHERE g.id = ?1"))?
            .query_row([id.0], Goal::from_row)
            .optional()?
            .ok_or(Error::NotFound("That goal"))
    }

    /// Goals, active first, then by target date (undated last) and title.
    pub fn list_goals(&self, filter: &GoalFilter) -> Result<Vec<Goal>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{GOAL_SELECT}
             WHERE (?1 IS NULL OR g.status = ?1)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM goal_mentors WHERE goal_id = g.id AND mentor_id = ?2))
             ORDER BY g.status <> 'active', g.status, g.target_date IS NULL, g.target_date, g.title COLLATE NOCASE, g.id"
        ))?;
        let rows = stmt.query_map(
            params![filter.status, filter.mentor_id.map(|m| m.0)],
            Goal::from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn goal_detail(&self, id: GoalId) -> Result<GoalDetail> {
        let goal = self.goal(id)?;
        let mentors = self
            .conn
            .prepare_cached(
                "SELECT m.id, m.name FROM goal_mentors gm JOIN mentors m ON m.id = gm.mentor_id
                 WHERE gm.goal_id = ?1 ORDER BY m.name COLLATE NOCASE",
            )?
            .query_map([id.0], |row| {
                Ok(MentorRef {
                    id: MentorId(row.get(0)?),
                    name: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let history = self
            .conn
            .prepare_cached(
                "SELECT status, changed_on, note FROM goal_status_changes WHERE goal_id = ?1 ORDER BY id",
            )?
            .query_map([id.0], |row| {
                Ok(GoalStatusEntry {
                    status: row.get(0)?,
                    changed_on: row.get(1)?,
                    note: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let filter = ActionItemFilter {
            goal_id: Some(id),
            ..ActionItemFilter::default()
        };
        let milestones = self.milestones(id)?;
        Ok(GoalDetail {
            mentors,
            milestone_progress: milestone_progress(goal.set_on, &milestones, self.today()),
            milestones,
            reviews: self.goal_reviews(id)?,
            history,
            action_items: self.list_action_items(&filter, self.today())?,
            goal,
        })
    }

    /// Deletes a goal with its milestones, reviews and history; linked action items stay, unlinked.
    pub fn delete_goal(&self, id: GoalId) -> Result<()> {
        self.goal(id)?;
        self.delete_by_id("DELETE FROM goals WHERE id = ?1", id.0)
    }
}

fn set_goal_mentors(tx: &Transaction<'_>, goal: i64, mentors: &[MentorId]) -> Result<()> {
    tx.execute("DELETE FROM goal_mentors WHERE goal_id = ?1", [goal])?;
    for mentor in mentors {
        tx.execute(
            "INSERT INTO goal_mentors (goal_id, mentor_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![goal, mentor.0],
        )?;
    }
    Ok(())
}
