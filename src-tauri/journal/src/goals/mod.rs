//! Goals: what the trainee is working towards with their mentors, with an ordered milestone
//! checklist and a reassessment log.
//!
//! The log is the goal's history. Each review records a progress figure and a note; a review that
//! refines the goal keeps the wording it replaced and why, so the current title never hides what
//! the goal used to be. Status changes (achieved, paused, dropped) carry a note and delete nothing.

mod categories;
mod lifecycle;
mod milestones;
mod progress;
mod records;
mod reviews;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kinds::{GoalStatus, ProgressSource};
use crate::mentors::MentorId;
use crate::notes::actions::ActionItem;

pub use categories::{GoalCategory, GoalCategoryId};
pub use progress::{
    DUE_SOON_DAYS, TargetStatus, milestone_progress, progress, review_age, target_status,
};
pub(crate) use records::GOAL_SELECT;

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
    /// The statuses this goal can move to from its current one, in the order to offer them.
    pub next_statuses: Vec<GoalStatus>,
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

/// One point of a goal's progress over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProgressPoint {
    pub on: NaiveDate,
    pub progress: u8,
}
