//! Goals: what the trainee is working towards with their mentors, with an ordered milestone
//! checklist and a reassessment log.
//!
//! The log is the goal's history. Each review records a progress figure and a note; a review that
//! refines the goal keeps the wording it replaced and why, so the current title never hides what
//! the goal used to be. Status changes (achieved, paused, dropped) carry a note and delete nothing.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actions::{ActionItem, ActionItemFilter};
use crate::categories::{NAME_MAX, category_id};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::{GoalStatus, ProgressSource};
use crate::mentors::MentorId;
use crate::validate::{self, LONG, SHORT};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct GoalId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MilestoneId(pub i64);

/// A goal with its current progress, as lists and the dashboard show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub success_criteria: String,
    pub target_date: Option<NaiveDate>,
    pub status: GoalStatus,
    pub status_since: NaiveDate,
    pub progress_from: ProgressSource,
    /// The day the goal was set; target dates cannot precede it.
    pub set_on: NaiveDate,
    pub mentor_ids: Vec<MentorId>,
    /// 0-100, from the latest review or from the milestones, as `progress_from` says.
    pub progress: u8,
    pub last_reviewed: Option<NaiveDate>,
    pub milestones_done: u32,
    pub milestones_total: u32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct GoalInput {
    pub title: String,
    pub description: String,
    /// A category name; a new name joins the user's list. Empty for none.
    pub category: String,
    pub success_criteria: String,
    pub target_date: Option<NaiveDate>,
    pub progress_from: Option<ProgressSource>,
    /// When the goal was set (defaults to today for a new goal, unchanged on edit).
    pub set_on: Option<NaiveDate>,
    pub mentor_ids: Vec<MentorId>,
}

impl GoalInput {
    pub fn titled(title: impl Into<String>) -> Self {
        GoalInput {
            title: title.into(),
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Milestone {
    pub id: MilestoneId,
    pub goal_id: GoalId,
    pub position: u32,
    pub title: String,
    pub done_on: Option<NaiveDate>,
}

/// One entry of the reassessment log. `old_*`/`new_*` are set only when the review refined the
/// goal's wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalReview {
    #[ts(type = "number")]
    pub id: i64,
    pub reviewed_on: NaiveDate,
    pub progress: u8,
    pub note: String,
    pub old_title: Option<String>,
    pub new_title: Option<String>,
    pub old_criteria: Option<String>,
    pub new_criteria: Option<String>,
    pub reason: String,
}

/// A reassessment. Giving a new title or new success criteria refines the goal (a reason is then
/// required); the old wording stays in the log.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ReviewInput {
    /// Defaults to today.
    pub reviewed_on: Option<NaiveDate>,
    /// 0-100; a wider type so an out-of-range figure gets a clear message, not a parse error.
    #[ts(type = "number")]
    pub progress: i64,
    pub note: String,
    pub new_title: Option<String>,
    pub new_criteria: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalStatusChange {
    pub status: GoalStatus,
    /// Defaults to today.
    #[serde(default)]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalStatusEntry {
    pub status: GoalStatus,
    pub changed_on: NaiveDate,
    pub note: String,
}

/// A linked mentor as the goal page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorRef {
    pub id: MentorId,
    pub name: String,
}

/// Everything the goal page shows, in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalDetail {
    pub goal: Goal,
    pub mentors: Vec<MentorRef>,
    pub milestones: Vec<Milestone>,
    /// Oldest first: the order of the progress chart.
    pub reviews: Vec<GoalReview>,
    /// Progress computed from the milestones over time (see `milestone_progress`); empty until a
    /// milestone is done.
    pub milestone_progress: Vec<ProgressPoint>,
    pub history: Vec<GoalStatusEntry>,
    pub action_items: Vec<ActionItem>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct GoalFilter {
    pub status: Option<GoalStatus>,
    pub mentor_id: Option<MentorId>,
}

const MAX_MILESTONES: u32 = 200;

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
        Ok(Goal {
            id: GoalId(row.get("id")?),
            title: row.get("title")?,
            description: row.get("description")?,
            category: row.get("category")?,
            success_criteria: row.get("success_criteria")?,
            target_date: row.get("target_date")?,
            status: row.get("status")?,
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

/// One point of a goal's progress over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgressPoint {
    pub on: NaiveDate,
    pub progress: u8,
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
                    format!("The target date is before the goal was set ({set_on})."),
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

    /// Achieves, pauses, drops or reactivates a goal. Leaving "active" asks for a short note.
    pub fn set_goal_status(&self, id: GoalId, change: &GoalStatusChange) -> Result<Goal> {
        let current = self.goal(id)?;
        if current.status == change.status {
            return Err(Error::validation(
                "status",
                "The goal already has that status.",
            ));
        }
        let on = validate::date("on", change.on.unwrap_or_else(|| self.today()))?;
        let note = validate::text("note", &change.note, LONG)?;
        if change.status != GoalStatus::Active && note.is_empty() {
            return Err(Error::validation(
                "note",
                "Add a short note: what happened, and what comes next?",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE goals SET status = ?2, status_since = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.0, change.status, on, now],
            )?;
            tx.execute(
                "INSERT INTO goal_status_changes (goal_id, status, changed_on, note) VALUES (?1, ?2, ?3, ?4)",
                params![id.0, change.status, on, note],
            )?;
            Ok(())
        })?;
        self.goal(id)
    }

    /// Deletes a goal with its milestones, reviews and history; linked action items stay, unlinked.
    pub fn delete_goal(&self, id: GoalId) -> Result<()> {
        self.goal(id)?;
        self.delete_by_id("DELETE FROM goals WHERE id = ?1", id.0)
    }

    /// Records a reassessment; with new wording, refines the goal in the same transaction.
    pub fn review_goal(&self, id: GoalId, input: &ReviewInput) -> Result<GoalReview> {
        let goal = self.goal(id)?;
        if !(0..=100).contains(&input.progress) {
            return Err(Error::validation(
                "progress",
                "Progress is a percentage: 0 to 100.",
            ));
        }
        let reviewed_on = validate::date(
            "reviewedOn",
            input.reviewed_on.unwrap_or_else(|| self.today()),
        )?;
        let note = validate::text("note", &input.note, LONG)?;
        let new_title = match &input.new_title {
            Some(t) => Some(validate::required(
                "newTitle",
                t,
                SHORT,
                "The refined goal needs a title.",
            )?)
            .filter(|t| *t != goal.title),
            None => None,
        };
        let new_criteria = match &input.new_criteria {
            Some(c) => Some(validate::text("newCriteria", c, LONG)?)
                .filter(|c| *c != goal.success_criteria),
            None => None,
        };
        let reason = validate::text("reason", &input.reason, LONG)?;
        let refined = new_title.is_some() || new_criteria.is_some();
        if refined && reason.is_empty() {
            return Err(Error::validation(
                "reason",
                "Say why the goal changed; the old wording is kept with your reason.",
            ));
        }
        let old_title = new_title.as_ref().map(|_| goal.title.clone());
        let old_criteria = new_criteria.as_ref().map(|_| goal.success_criteria.clone());
        let now = self.now();
        let review = self.write(|tx| {
            if let Some(title) = &new_title {
                tx.execute(
                    "UPDATE goals SET title = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id.0, title, now],
                )?;
            }
            if let Some(criteria) = &new_criteria {
                tx.execute(
                    "UPDATE goals SET success_criteria = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id.0, criteria, now],
                )?;
            }
            Ok(tx.query_row(
                "INSERT INTO goal_reviews (goal_id, reviewed_on, progress, note, old_title, new_title,
                     old_criteria, new_criteria, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 RETURNING id, reviewed_on, progress, note, old_title, new_title, old_criteria, new_criteria, reason",
                params![
                    id.0, reviewed_on, input.progress, note, old_title, new_title, old_criteria,
                    new_criteria, if refined { reason.as_str() } else { "" }, now
                ],
                review_from_row,
            )?)
        })?;
        Ok(review)
    }

    /// The reassessment log, oldest first.
    pub fn goal_reviews(&self, id: GoalId) -> Result<Vec<GoalReview>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, reviewed_on, progress, note, old_title, new_title, old_criteria, new_criteria, reason
             FROM goal_reviews WHERE goal_id = ?1 ORDER BY reviewed_on, id",
        )?;
        let rows = stmt.query_map([id.0], review_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn milestones(&self, goal: GoalId) -> Result<Vec<Milestone>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, goal_id, position, title, done_on FROM milestones WHERE goal_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt.query_map([goal.0], milestone_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn milestone(&self, id: MilestoneId) -> Result<Milestone> {
        self.conn
            .prepare_cached(
                "SELECT id, goal_id, position, title, done_on FROM milestones WHERE id = ?1",
            )?
            .query_row([id.0], milestone_from_row)
            .optional()?
            .ok_or(Error::NotFound("That milestone"))
    }

    /// Adds a milestone at the end of the checklist. A dropped goal takes no new milestones.
    pub fn add_milestone(&self, goal: GoalId, title: &str) -> Result<Milestone> {
        let g = self.goal(goal)?;
        if g.status == GoalStatus::Dropped {
            return Err(Error::validation(
                "milestones",
                "This goal was dropped. Reactivate it before adding milestones.",
            ));
        }
        if g.milestones_total >= MAX_MILESTONES {
            return Err(Error::validation(
                "milestones",
                format!(
                    "A goal holds at most {MAX_MILESTONES} milestones; split it into smaller goals."
                ),
            ));
        }
        let title = validate::required("title", title, SHORT, "Name the milestone.")?;
        let now = self.now();
        let id = self.write(|tx| {
            Ok(tx.query_row(
                "INSERT INTO milestones (goal_id, position, title, created_at)
                 VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM milestones WHERE goal_id = ?1), ?2, ?3)
                 RETURNING id",
                params![goal.0, title, now],
                |row| row.get(0),
            )?)
        })?;
        self.milestone(MilestoneId(id))
    }

    pub fn rename_milestone(&self, id: MilestoneId, title: &str) -> Result<Milestone> {
        self.milestone(id)?;
        let title = validate::required("title", title, SHORT, "Name the milestone.")?;
        self.write(|tx| {
            tx.execute(
                "UPDATE milestones SET title = ?2 WHERE id = ?1",
                params![id.0, title],
            )?;
            Ok(())
        })?;
        self.milestone(id)
    }

    /// Ticks a milestone done on a day, or (with `None`) un-ticks it.
    pub fn set_milestone_done(
        &self,
        id: MilestoneId,
        done_on: Option<NaiveDate>,
    ) -> Result<Milestone> {
        self.milestone(id)?;
        if let Some(day) = done_on {
            validate::date("doneOn", day)?;
            if day > self.today() {
                return Err(Error::validation(
                    "doneOn",
                    "A milestone cannot be done in the future; tick it off on the day.",
                ));
            }
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE milestones SET done_on = ?2 WHERE id = ?1",
                params![id.0, done_on],
            )?;
            Ok(())
        })?;
        self.milestone(id)
    }

    /// Moves a milestone to `position` (0-based, clamped) in its goal's checklist.
    pub fn move_milestone(&self, id: MilestoneId, position: u32) -> Result<Vec<Milestone>> {
        let milestone = self.milestone(id)?;
        let mut order: Vec<MilestoneId> = self
            .milestones(milestone.goal_id)?
            .into_iter()
            .map(|m| m.id)
            .filter(|m| *m != id)
            .collect();
        let at = (position as usize).min(order.len());
        order.insert(at, id);
        self.write(|tx| {
            for (position, m) in order.iter().enumerate() {
                tx.execute(
                    "UPDATE milestones SET position = ?2 WHERE id = ?1",
                    params![m.0, position as i64],
                )?;
            }
            Ok(())
        })?;
        self.milestones(milestone.goal_id)
    }

    pub fn delete_milestone(&self, id: MilestoneId) -> Result<()> {
        self.milestone(id)?;
        self.delete_by_id("DELETE FROM milestones WHERE id = ?1", id.0)
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

fn milestone_from_row(row: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: MilestoneId(row.get(0)?),
        goal_id: GoalId(row.get(1)?),
        position: row.get(2)?,
        title: row.get(3)?,
        done_on: row.get(4)?,
    })
}

fn review_from_row(row: &Row<'_>) -> rusqlite::Result<GoalReview> {
    Ok(GoalReview {
        id: row.get(0)?,
        reviewed_on: row.get(1)?,
        progress: row.get(2)?,
        note: row.get(3)?,
        old_title: row.get(4)?,
        new_title: row.get(5)?,
        old_criteria: row.get(6)?,
        new_criteria: row.get(7)?,
        reason: row.get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
