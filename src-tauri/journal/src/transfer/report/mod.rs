//! PDF reports with a purpose: a mentorship portfolio for a date range (an annual review, a CV),
//! and a summary to hand one mentor before or after a meeting.
//!
//! Both leave the machine, so both are built to carry nothing private. The journal holds what a
//! trainee writes for themselves (note bodies, takeaways, well-being scores, drafts, private notes
//! on a mentor, why a relationship ended); a report goes to a program director or to the mentor.
//! That is why the data is gathered into report-only structs (`Portfolio`, `SummaryForMentor`)
//! rather than reusing `Mentor` or `Conversation`: those carry the private fields, and a renderer
//! that only ever sees the report structs cannot print what they do not have. The queries count
//! conversations instead of reading them, and drafts are never counted.
//!
//! Gathering (`portfolio`, `summary`) and drawing (`render`, over the small page layout in
//! `layout`) are separate, so the data is tested without reading PDFs and the UI can preview it.

mod fonts;
mod layout;
mod portfolio;
mod render;
mod review;
mod summary;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::goals::{Goal, GoalId};
use crate::journal::Journal;
use crate::kinds::GoalStatus;

pub(crate) use portfolio::active_days;
pub use portfolio::{Meetings, Portfolio, PortfolioItem, PortfolioMentor};
pub use render::{portfolio_pdf, summary_pdf};
pub use review::{PortfolioReview, PortfolioReviewMentor};
pub use summary::{SummaryForMentor, SummaryItem};

/// A goal as a report shows it: its wording, where it stands and its checklist; never the
/// description, the success criteria or the review notes, which are the trainee's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportGoal {
    pub id: GoalId,
    pub title: String,
    pub category: Option<String>,
    pub status: GoalStatus,
    /// The day the goal reached its current status (for an achieved goal: when it was achieved).
    pub status_since: NaiveDate,
    pub target_date: Option<NaiveDate>,
    pub progress: u8,
    pub milestones: Vec<ReportMilestone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReportMilestone {
    pub title: String,
    pub done_on: Option<NaiveDate>,
}

impl Journal {
    /// A goal trimmed to what a report may show, with its milestones in checklist order.
    fn report_goal(&self, goal: Goal) -> Result<ReportGoal> {
        let milestones = self
            .milestones(goal.id)?
            .into_iter()
            .map(|m| ReportMilestone {
                title: m.title,
                done_on: m.done_on,
            })
            .collect();
        Ok(ReportGoal {
            id: goal.id,
            title: goal.title,
            category: goal.category,
            status: goal.status,
            status_since: goal.status_since,
            target_date: goal.target_date,
            progress: goal.progress,
            milestones,
        })
    }
}
