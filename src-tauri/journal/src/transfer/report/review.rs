//! A completed review as the portfolio shows it, when the trainee asks for it: what was decided
//! for each mentorship and on which figures, and the goals carried over.
//!
//! The review itself holds the trainee's reasons (why a mentorship paused or ended, how the
//! agreement was refined) and a closing note; a portfolio goes to a program director, so those
//! stay out, as they are never copied into these structs. Only completed reviews are shown: one
//! in progress has no decisions to report. A review belongs to the portfolio whose period holds
//! its last day.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::Meetings;
use crate::error::Result;
use crate::journal::Journal;
use crate::kinds::{Decision, ReviewKind};
use crate::review::MentorshipReviewId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PortfolioReview {
    pub title: String,
    pub kind: ReviewKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub completed_on: NaiveDate,
    /// In the review's order (by name).
    pub mentors: Vec<PortfolioReviewMentor>,
    /// The titles of the goals carried over to the next period.
    pub carried_over: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PortfolioReviewMentor {
    pub name: String,
    pub decision: Option<Decision>,
    pub meetings: Meetings,
    pub items_done: u32,
    pub items_open: u32,
}

impl Journal {
    /// The completed reviews whose period ends in `from..=to`, oldest first.
    pub fn portfolio_reviews(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<PortfolioReview>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM mentorship_reviews
                 WHERE completed_on IS NOT NULL AND period_to >= ?1 AND period_to <= ?2
                 ORDER BY period_to, id",
            )?
            .query_map(params![from, to], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut reviews = Vec::with_capacity(ids.len());
        for id in ids {
            let r = self.mentorship_review(MentorshipReviewId(id))?;
            let Some(completed_on) = r.completed_on else {
                continue;
            };
            let mut carried_over = Vec::with_capacity(r.carry_over.len());
            for goal in r.carry_over {
                carried_over.push(self.goal(goal)?.title);
            }
            reviews.push(PortfolioReview {
                title: r.title,
                kind: r.kind,
                from: r.from,
                to: r.to,
                completed_on,
                mentors: r
                    .mentors
                    .into_iter()
                    .map(|m| PortfolioReviewMentor {
                        name: m.name,
                        decision: m.decision,
                        meetings: m.figures.meetings,
                        items_done: m.figures.items_done,
                        items_open: m.figures.items_open,
                    })
                    .collect(),
                carried_over,
            });
        }
        Ok(reviews)
    }
}
