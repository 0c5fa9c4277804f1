//! Reviews as records: starting one, deciding mentor by mentor, completing it (the decisions
//! applied in one transaction), reading it back, listing and discarding.

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};

use super::{
    DecisionInput, MentorFigures, MentorshipReview, MentorshipReviewId, MentorshipReviewInput,
    ReviewCompletion, ReviewSummary, ReviewedMentor,
};
use crate::error::{Error, Result};
use crate::goals::GoalId;
use crate::journal::Journal;
use crate::kinds::{Decision, GoalStatus, MentorStatus, ReviewKind};
use crate::mentors::MentorId;
use crate::mentors::lifecycle::record_status;
use crate::validate::{self, LONG, SHORT};

/// The longest period a review looks back on.
const MAX_DAYS: i64 = 2 * 366;

const SUMMARY: &str = "SELECT r.id, r.kind, r.title, r.period_from, r.period_to, r.completed_on,
        (SELECT count(*) FROM mentorship_review_mentors m WHERE m.review_id = r.id),
        (SELECT count(*) FROM mentorship_review_mentors m WHERE m.review_id = r.id AND m.decision IS NOT NULL)
     FROM mentorship_reviews r";

impl Journal {
    /// Starts a review of `from..=to` over the mentors active or paused today, by name.
    pub fn start_review(&self, input: &MentorshipReviewInput) -> Result<MentorshipReview> {
        let from = validate::date("from", input.from)?;
        let to = validate::date("to", input.to)?;
        if to < from {
            return Err(Error::validation("to", "The period ends before it starts."));
        }
        if to > self.today() {
            return Err(Error::validation(
                "to",
                "A review looks back: end the period today at the latest.",
            ));
        }
        if (to - from).num_days() > MAX_DAYS {
            return Err(Error::validation(
                "from",
                "A review looks back two years at most; pick a shorter period.",
            ));
        }
        let title = match (validate::text("title", &input.title, SHORT)?, input.kind) {
            (t, _) if !t.is_empty() => t,
            (_, ReviewKind::Yearly) if from.year() == to.year() => format!("{} review", to.year()),
            (_, ReviewKind::Yearly) => format!("{}-{} review", from.year(), to.year()),
            (_, ReviewKind::Rotation) => {
                return Err(Error::validation(
                    "title",
                    "Name the rotation this review ends (e.g. “Cardiology, Feb-Apr”).",
                ));
            }
        };
        let now = self.now();
        let id = self.write(|tx| {
            let id: i64 = tx.query_row(
                "INSERT INTO mentorship_reviews (kind, title, period_from, period_to, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
                params![input.kind, title, from, to, now],
                |row| row.get(0),
            )?;
            tx.execute(
                "INSERT INTO mentorship_review_mentors (review_id, mentor_id, position)
                 SELECT ?1, id, row_number() OVER (ORDER BY name COLLATE NOCASE, id) FROM mentors
                 WHERE status IN ('active', 'paused')",
                [id],
            )?;
            Ok(id)
        })?;
        self.mentorship_review(MentorshipReviewId(id))
    }

    /// A review with its mentors: figures worked out now while in progress, as kept once completed.
    pub fn mentorship_review(&self, id: MentorshipReviewId) -> Result<MentorshipReview> {
        let mut review = self
            .conn
            .prepare_cached(
                "SELECT id, kind, title, period_from, period_to, closing_note, completed_on,
                        created_at, updated_at
                 FROM mentorship_reviews WHERE id = ?1",
            )?
            .query_row([id.0], |row| {
                Ok(MentorshipReview {
                    id: MentorshipReviewId(row.get(0)?),
                    kind: row.get(1)?,
                    title: row.get(2)?,
                    from: row.get(3)?,
                    to: row.get(4)?,
                    closing_note: row.get(5)?,
                    completed_on: row.get(6)?,
                    created_at: row.get(7)?,
                    updated_at: row.get(8)?,
                    mentors: Vec::new(),
                    carry_over: Vec::new(),
                })
            })
            .optional()?
            .ok_or(Error::NotFound("That review"))?;
        let blocks = self.pausing_blocks()?;
        for (mentor_id, decision, note, kept) in self.review_rows(id)? {
            let mentor = self.mentor(mentor_id)?;
            let figures = match kept {
                Some(json) => serde_json::from_str::<MentorFigures>(&json).map_err(|_| {
                    Error::Corrupt("A completed review's figures cannot be read.".into())
                })?,
                None => self.mentor_figures(&mentor, review.from, review.to, &blocks)?,
            };
            review.mentors.push(ReviewedMentor {
                mentor_id,
                name: mentor.name,
                status: mentor.status,
                cadence_days: mentor.cadence_days,
                figures,
                decision,
                note,
            });
        }
        review.carry_over = self.carried_over(id)?;
        Ok(review)
    }

    /// Every review, newest period first.
    pub fn list_reviews(&self) -> Result<Vec<ReviewSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SUMMARY} ORDER BY r.period_to DESC, r.id DESC"))?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records (or with no decision, clears) what was decided for one mentor of a review in progress.
    pub fn decide_in_review(
        &self,
        id: MentorshipReviewId,
        mentor: MentorId,
        input: &DecisionInput,
    ) -> Result<MentorshipReview> {
        self.refuse_completed(id)?;
        let note = validate::text("note", &input.note, LONG)?;
        let now = self.now();
        let changed = self.write(|tx| {
            let changed = tx.execute(
                "UPDATE mentorship_review_mentors SET decision = ?3, note = ?4
                 WHERE review_id = ?1 AND mentor_id = ?2",
                params![id.0, mentor.0, input.decision, note],
            )?;
            tx.execute(
                "UPDATE mentorship_reviews SET updated_at = ?2 WHERE id = ?1",
                params![id.0, now],
            )?;
            Ok(changed)
        })?;
        if changed == 0 {
            return Err(Error::NotFound("That mentor in this review"));
        }
        self.mentorship_review(id)
    }

    /// Completes a review: every mentor needs a decision (an end, a pause or a refined
    /// agreement its note); pauses and ends become lifecycle steps dated today, the figures are
    /// kept, and the goals to carry over recorded, all in one transaction.
    pub fn complete_review(
        &self,
        id: MentorshipReviewId,
        completion: &ReviewCompletion,
    ) -> Result<MentorshipReview> {
        self.refuse_completed(id)?;
        let review = self.mentorship_review(id)?;
        let closing = validate::text("closingNote", &completion.closing_note, LONG)?;
        for m in &review.mentors {
            check_decision(m)?;
        }
        let mut carry = Vec::new();
        for &goal in &completion.carry_over {
            let g = self.goal(goal).map_err(|_| {
                Error::validation(
                    "carryOver",
                    "One of the goals to carry over does not exist.",
                )
            })?;
            if g.status != GoalStatus::Active {
                return Err(Error::validation(
                    "carryOver",
                    format!(
                        "“{}” is no longer active; only active goals carry over.",
                        g.title
                    ),
                ));
            }
            if !carry.contains(&goal) {
                carry.push(goal);
            }
        }
        let today = self.today();
        let now = self.now();
        let steps = review
            .mentors
            .iter()
            .filter_map(|m| step(m).map(|status| (m, status)))
            .map(|(m, status)| {
                validate::transition(
                    "mentor",
                    m.status,
                    status,
                    m.status.next(),
                    MentorStatus::as_str,
                )
                .map(|()| (m, status))
            })
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            for (m, status) in &steps {
                let reason = if *status == MentorStatus::Ended { m.note.as_str() } else { "" };
                let note = format!("{}: {}", review.title, m.note);
                record_status(tx, m.mentor_id, *status, today, &note, reason, now)?;
            }
            for m in &review.mentors {
                let figures = serde_json::to_string(&m.figures)
                    .map_err(|_| Error::Corrupt("The review's figures cannot be kept.".into()))?;
                tx.execute(
                    "UPDATE mentorship_review_mentors SET figures = ?3 WHERE review_id = ?1 AND mentor_id = ?2",
                    params![id.0, m.mentor_id.0, figures],
                )?;
            }
            for goal in &carry {
                tx.execute(
                    "INSERT INTO mentorship_review_goals (review_id, goal_id) VALUES (?1, ?2)",
                    params![id.0, goal.0],
                )?;
            }
            tx.execute(
                "UPDATE mentorship_reviews SET completed_on = ?2, closing_note = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.0, today, closing, now],
            )?;
            Ok(())
        })?;
        self.mentorship_review(id)
    }

    /// Discards a review that is still in progress; a completed one is part of the record.
    pub fn delete_review(&self, id: MentorshipReviewId) -> Result<()> {
        self.refuse_completed(id)?;
        self.delete_by_id("DELETE FROM mentorship_reviews WHERE id = ?1", id.0)
    }

    /// Refuses a review that is completed (or gone), without working out its figures: deciding
    /// and discarding need only to know that it is still in progress.
    fn refuse_completed(&self, id: MentorshipReviewId) -> Result<()> {
        let completed: Option<NaiveDate> = self
            .conn
            .prepare_cached("SELECT completed_on FROM mentorship_reviews WHERE id = ?1")?
            .query_row([id.0], |row| row.get(0))
            .optional()?
            .ok_or(Error::NotFound("That review"))?;
        if completed.is_some() {
            return Err(Error::Conflict(
                "This review is completed; its decisions were applied and it is kept as it was."
                    .into(),
            ));
        }
        Ok(())
    }

    #[allow(clippy::type_complexity)]
    fn review_rows(
        &self,
        id: MentorshipReviewId,
    ) -> Result<Vec<(MentorId, Option<Decision>, String, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT mentor_id, decision, note, figures FROM mentorship_review_mentors
             WHERE review_id = ?1 ORDER BY position, mentor_id",
        )?;
        let rows = stmt.query_map([id.0], |row| {
            Ok((MentorId(row.get(0)?), row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn carried_over(&self, id: MentorshipReviewId) -> Result<Vec<GoalId>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT goal_id FROM mentorship_review_goals WHERE review_id = ?1 ORDER BY goal_id",
        )?;
        let rows = stmt.query_map([id.0], |row| Ok(GoalId(row.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A decision the review can be completed with, or the reason it cannot (named by mentor).
fn check_decision(m: &ReviewedMentor) -> Result<()> {
    let field = format!("mentors.{}", m.mentor_id.0);
    let needs = |what: &str| Error::validation(field.clone(), format!("{what} ({}).", m.name));
    match m.decision {
        None => Err(needs(
            "Decide to keep, refine, pause or end this mentorship",
        )),
        Some(Decision::End) if m.note.trim().is_empty() => {
            Err(needs("Say why it ends; the reason stays private"))
        }
        Some(Decision::Refine) if m.note.trim().is_empty() => {
            Err(needs("Write down what changes in the agreement"))
        }
        _ => Ok(()),
    }
}

/// The lifecycle step a decision takes, if any: keeping or refining changes no status, and
/// pausing a paused mentor leaves it paused.
fn step(m: &ReviewedMentor) -> Option<MentorStatus> {
    match (m.decision?, m.status) {
        (Decision::Pause, MentorStatus::Active) => Some(MentorStatus::Paused),
        (Decision::End, status) if status != MentorStatus::Ended => Some(MentorStatus::Ended),
        _ => None,
    }
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ReviewSummary> {
    Ok(ReviewSummary {
        id: MentorshipReviewId(row.get(0)?),
        kind: row.get(1)?,
        title: row.get(2)?,
        from: row.get(3)?,
        to: row.get(4)?,
        completed_on: row.get::<_, Option<NaiveDate>>(5)?,
        mentors: row.get(6)?,
        decided: row.get(7)?,
    })
}
