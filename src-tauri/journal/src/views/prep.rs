//! The meeting prep sheet: what to have in mind before a conversation with one mentor, gathered in
//! one call so it can be read, ticked and printed without further lookups.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::goals::{Goal, GoalFilter};
use crate::journal::Journal;
use crate::kinds::{ActionStatus, GoalStatus};
use crate::mentors::cadence::{CadenceStatus, cadence_with_blocks};
use crate::mentors::{Mentor, MentorId};
use crate::notes::actions::{ActionItem, ActionItemFilter};
use crate::notes::questions::Question;

/// How many past conversations the sheet recalls.
const RECENT_CONVERSATIONS: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecentConversation {
    #[ts(type = "number")]
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub title: String,
    pub takeaways: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PrepSheet {
    pub mentor: Mentor,
    pub last_met: Option<NaiveDate>,
    pub cadence: CadenceStatus,
    /// Open items both ways (what I owe, what the mentor offered), by due date.
    pub action_items: Vec<ActionItem>,
    /// Linked goals still in play (active or paused), with their latest progress.
    pub goals: Vec<Goal>,
    /// The last three finished conversations, newest first, with their takeaways.
    pub recent: Vec<RecentConversation>,
    /// Questions parked for this mentor and not yet discussed, oldest first.
    pub questions: Vec<Question>,
}

impl Journal {
    pub fn prep_sheet(&self, mentor: MentorId, today: NaiveDate) -> Result<PrepSheet> {
        let m = self.mentor(mentor)?;
        let recent: Vec<RecentConversation> = self
            .list_conversations(Some(mentor), RECENT_CONVERSATIONS)?
            .into_iter()
            .map(|c| RecentConversation {
                id: c.id.0,
                occurred_at: c.occurred_at,
                title: c.title,
                takeaways: c.takeaways,
            })
            .collect();
        let last_met = recent.first().map(|c| c.occurred_at.date());
        let items = ActionItemFilter {
            status: Some(ActionStatus::Open),
            mentor_id: Some(mentor),
            ..ActionItemFilter::default()
        };
        let goals = GoalFilter {
            mentor_id: Some(mentor),
            ..GoalFilter::default()
        };
        Ok(PrepSheet {
            cadence: cadence_with_blocks(
                m.id,
                m.status,
                m.cadence_days,
                last_met,
                today,
                &self.pausing_blocks()?,
            ),
            last_met,
            action_items: self.list_action_items(&items, today)?,
            goals: self
                .list_goals(&goals)?
                .into_iter()
                .filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::Paused))
                .collect(),
            recent,
            questions: self
                .list_questions(mentor, 0)?
                .into_iter()
                .filter(|q| q.discussed_on.is_none())
                .collect(),
            mentor: m,
        })
    }
}
