//! The reassessment log: each review records progress (0-100) and a note; a review that refines
//! the goal keeps the wording it replaced and the reason, in the same transaction.

use rusqlite::{Row, params};

use super::{GoalId, GoalReview, ReviewInput};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::validate::{self, LONG, SHORT};

impl Journal {
    /// Records a reassessment; with new wording, refines the goal in the same transaction.
    pub fn review_goal(&self, id: GoalId, input: &ReviewInput) -> Result<GoalReview> {
        let goal = self.goal(id)?;
        if !(0..=100).contains(&input.progress) {
            return Err(Error::validation(
                "progress",
                "Progress is a percentage: 0 to 100.",
            ));
        }
        let reviewed_on = self.day_it_happened(
            "reviewedOn",
            input.reviewed_on,
            "A review cannot be dated in the future; record it on the day.",
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
