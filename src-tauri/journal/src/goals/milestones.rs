//! A goal's ordered milestone checklist, with the day each step was done.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{GoalId, Milestone, MilestoneId};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::GoalStatus;
use crate::validate::{self, SHORT};

const MAX_MILESTONES: u32 = 200;

impl Journal {
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
            self.day_it_happened(
                "doneOn",
                Some(day),
                "A milestone cannot be done in the future; tick it off on the day.",
            )?;
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

fn milestone_from_row(row: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: MilestoneId(row.get(0)?),
        goal_id: GoalId(row.get(1)?),
        position: row.get(2)?,
        title: row.get(3)?,
        done_on: row.get(4)?,
    })
}
