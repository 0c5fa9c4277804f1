//! Where a goal stands (active, achieved, paused, dropped) and which changes exist between those.
//!
//! The transitions are a rule of the core, not of a screen: `GoalStatus::next` is what every front
//! end offers, and `set_goal_status` refuses anything else. A change never deletes; it is logged
//! with a note, and leaving "active" asks for one.

use rusqlite::params;

use super::{Goal, GoalId, GoalStatusChange};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::GoalStatus;
use crate::validate::{self, LONG};

impl GoalStatus {
    /// The statuses a goal can move to from this one, in the order to offer them. Achieved and
    /// dropped goals can be reactivated; a paused goal resumes or is dropped, but is not achieved
    /// without being resumed first.
    pub fn next(self) -> &'static [GoalStatus] {
        use GoalStatus::*;
        match self {
            Active => &[Achieved, Paused, Dropped],
            Paused => &[Active, Dropped],
            Achieved | Dropped => &[Active],
        }
    }
}

const FUTURE: &str = "A status change cannot be dated in the future; record it on the day.";

impl Journal {
    /// Achieves, pauses, drops or reactivates a goal. Leaving "active" asks for a short note.
    pub fn set_goal_status(&self, id: GoalId, change: &GoalStatusChange) -> Result<Goal> {
        let current = self.goal(id)?;
        validate::transition(
            "goal",
            current.status,
            change.status,
            current.status.next(),
            GoalStatus::as_str,
        )?;
        let on = self.day_it_happened("on", change.on, FUTURE)?;
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
}
