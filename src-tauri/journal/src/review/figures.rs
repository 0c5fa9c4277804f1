//! A mentorship's figures over a review's period, from the journal as it is. Meetings are
//! counted as the portfolio counts them (the same `active_days`, blocks that pause cadence
//! included), so a review and the PDF portfolio of the same year agree.

use chrono::NaiveDate;
use rusqlite::params;

use super::{GoalMove, MentorFigures};
use crate::blocks::Block;
use crate::error::Result;
use crate::goals::{GoalDetail, GoalFilter};
use crate::journal::Journal;
use crate::kinds::{GoalStatus, ProgressSource};
use crate::mentors::{Mentor, MentorId};
use crate::transfer::report::{Meetings, active_days};

impl Journal {
    pub(crate) fn mentor_figures(
        &self,
        mentor: &Mentor,
        from: NaiveDate,
        to: NaiveDate,
        blocks: &[Block],
    ) -> Result<MentorFigures> {
        let id = mentor.id;
        let added_on = mentor.created_at.date_naive();
        let start = self
            .first_meeting(id)?
            .map_or(added_on, |first| first.min(added_on));
        let history = self.status_timeline(id)?;
        let pauses: Vec<&Block> = blocks.iter().filter(|b| b.pauses(id)).collect();
        let active = active_days(&history, start, from, to.min(self.today()), &pauses);
        let meetings = Meetings {
            held: self.meetings_held(id, from, to)?,
            cadence_days: mentor.cadence_days,
            expected: mentor
                .cadence_days
                .map(|c| u32::try_from(active / i64::from(c)).unwrap_or(u32::MAX)),
        };
        let (items_done, items_open) = self.item_counts(id, from, to)?;
        Ok(MentorFigures {
            meetings,
            items_done,
            items_open,
            goals: self.goal_moves(id, from, to)?,
        })
    }

    fn item_counts(&self, mentor: MentorId, from: NaiveDate, to: NaiveDate) -> Result<(u32, u32)> {
        Ok(self.conn.query_row(
            "SELECT
                 count(*) FILTER (WHERE status = 'done' AND completed_at >= ?2 AND completed_at < ?3),
                 count(*) FILTER (WHERE status = 'open')
             FROM action_items WHERE mentor_id = ?1",
            params![mentor.0, from, to.succ_opt().unwrap_or(to)],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    /// Goals linked to the mentor that are active, or were achieved inside the period.
    fn goal_moves(
        &self,
        mentor: MentorId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<GoalMove>> {
        let goals = self.list_goals(&GoalFilter {
            status: None,
            mentor_id: Some(mentor),
        })?;
        let mut moves = Vec::new();
        for goal in goals {
            let achieved_in_period =
                goal.status == GoalStatus::Achieved && (from..=to).contains(&goal.status_since);
            if goal.status != GoalStatus::Active && !achieved_in_period {
                continue;
            }
            let detail = self.goal_detail(goal.id)?;
            let before = from.pred_opt().unwrap_or(from);
            moves.push(GoalMove {
                id: goal.id,
                title: goal.title,
                status: goal.status,
                progress_then: progress_on(&detail, before),
                progress_now: progress_on(&detail, to),
            });
        }
        Ok(moves)
    }
}

/// A goal's progress at the end of `day`: the latest review's figure by then, or the share of
/// milestones done by then; 0 before either.
fn progress_on(detail: &GoalDetail, day: NaiveDate) -> u8 {
    match detail.goal.progress_from {
        ProgressSource::Reviews => detail
            .reviews
            .iter()
            .filter(|r| r.reviewed_on <= day)
            .max_by_key(|r| (r.reviewed_on, r.id))
            .map_or(0, |r| r.progress),
        ProgressSource::Milestones => detail
            .milestone_progress
            .iter()
            .rfind(|p| p.on <= day)
            .map_or(0, |p| p.progress),
    }
}
