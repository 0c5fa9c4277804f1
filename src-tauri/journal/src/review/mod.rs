//! The end-of-rotation and yearly review: once a year, or when a rotation ends, the trainee goes
//! through each mentorship and decides to keep it, refine the agreement, pause it or end it. The
//! guides the product is built on ask for exactly this: assess whether the relationship still
//! serves the goals, renegotiate what does not work, and end gracefully what has run its course.
//!
//! A review is started for a period and lists the mentors who are active or paused then. While
//! it is in progress the figures (meetings against the agreed cadence, action items, goals moved)
//! are worked out from the journal whenever it is read; completing it applies the decisions (a
//! pause or an end is the mentor's lifecycle step, dated the day of the review) and keeps the
//! figures it was decided on, so reopening it later shows what the trainee saw then. The goals to
//! carry over are kept with it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::goals::GoalId;
use crate::kinds::{Decision, GoalStatus, MentorStatus, ReviewKind};
use crate::mentors::MentorId;
use crate::transfer::report::Meetings;

mod figures;
mod records;
#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MentorshipReviewId(pub i64);

/// What the user gives to start a review.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorshipReviewInput {
    pub kind: ReviewKind,
    /// "2026", "End of the ICU rotation"; a yearly review without one is named after its year.
    #[serde(default)]
    pub title: String,
    pub from: NaiveDate,
    /// The last day looked back on (included); not after today.
    pub to: NaiveDate,
}

/// The decision for one mentor, as the user gives it (none yet, while thinking).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionInput {
    pub decision: Option<Decision>,
    /// The refined agreement, or the reason for a pause or an end (private).
    #[serde(default)]
    pub note: String,
}

/// How a mentorship went over the review's period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorFigures {
    /// Conversations held against the cadence, over the days the mentor was active and not
    /// inside a block that pauses cadence.
    pub meetings: Meetings,
    /// Action items with this mentor done in the period, both ways.
    pub items_done: u32,
    /// Action items with this mentor still open (as of the review).
    pub items_open: u32,
    /// Goals worked on with this mentor that are active, or were achieved in the period.
    pub goals: Vec<GoalMove>,
}

/// A goal's progress over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalMove {
    pub id: GoalId,
    pub title: String,
    pub status: GoalStatus,
    /// Progress on the period's first day (0 for a goal set inside the period).
    pub progress_then: u8,
    /// Progress at the end of the period, or now while the period runs to today.
    pub progress_now: u8,
}

/// One mentor in a review: who, how it went, and what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewedMentor {
    pub mentor_id: MentorId,
    pub name: String,
    /// The mentor's status now (after a completed review: as its decisions left it).
    pub status: MentorStatus,
    pub cadence_days: Option<u32>,
    pub figures: MentorFigures,
    pub decision: Option<Decision>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorshipReview {
    pub id: MentorshipReviewId,
    pub kind: ReviewKind,
    pub title: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// In the order they were listed when the review started (by name).
    pub mentors: Vec<ReviewedMentor>,
    /// The goals carried over to the next period.
    pub carry_over: Vec<GoalId>,
    pub closing_note: String,
    /// `None` while in progress.
    pub completed_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A review as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewSummary {
    pub id: MentorshipReviewId,
    pub kind: ReviewKind,
    pub title: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub mentors: u32,
    pub decided: u32,
    pub completed_on: Option<NaiveDate>,
}

/// How a review ends: the goals to carry over and a closing line.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewCompletion {
    pub carry_over: Vec<GoalId>,
    #[serde(default)]
    pub closing_note: String,
}
