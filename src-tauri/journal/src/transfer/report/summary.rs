//! The summary to hand a mentor: what was agreed, the goals they share with the trainee, what is
//! open both ways, and the questions parked for next time. It is what both people could see on
//! the table in a meeting, so it leaves out the trainee's own notes and everything private.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::ReportGoal;
use crate::error::{Error, Result};
use crate::goals::GoalFilter;
use crate::journal::Journal;
use crate::kinds::{ActionStatus, Channel, GoalStatus, Owner};
use crate::mentors::MentorId;
use crate::notes::actions::ActionItemFilter;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SummaryForMentor {
    pub mentor_id: MentorId,
    pub name: String,
    pub role: String,
    pub specialty: String,
    pub institution: String,
    pub focus_areas: Vec<String>,
    pub generated_on: NaiveDate,
    pub last_met: Option<NaiveDate>,
    /// The agreement: how often, how, and the goals agreed at the start.
    pub cadence_days: Option<u32>,
    pub usual_channel: Option<Channel>,
    pub agreed_goals: String,
    /// Goals linked to this mentor that are in play or achieved (dropped ones are left out),
    /// active first, then by target date.
    pub goals: Vec<ReportGoal>,
    /// Open items the trainee owes, by due date.
    pub mine: Vec<SummaryItem>,
    /// Open items the mentor offered, by due date.
    pub theirs: Vec<SummaryItem>,
    /// Questions parked for the next conversation, oldest first.
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SummaryItem {
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
}

struct Agreement {
    name: String,
    role: String,
    specialty: String,
    institution: String,
    cadence_days: Option<u32>,
    usual_channel: Option<Channel>,
    agreed_goals: String,
}

impl Journal {
    pub fn mentor_summary(&self, mentor: MentorId) -> Result<SummaryForMentor> {
        let a = self
            .conn
            .prepare_cached(
                "SELECT name, role, specialty, institution, cadence_days, usual_channel, agreed_goals
                 FROM mentors WHERE id = ?1",
            )?
            .query_row([mentor.0], |row| {
                Ok(Agreement {
                    name: row.get(0)?,
                    role: row.get(1)?,
                    specialty: row.get(2)?,
                    institution: row.get(3)?,
                    cadence_days: row.get(4)?,
                    usual_channel: row.get(5)?,
                    agreed_goals: row.get(6)?,
                })
            })
            .optional()?
            .ok_or(Error::NotFound("That mentor"))?;
        let today = self.today();
        let last_met: Option<NaiveDate> = self.conn.query_row(
            "SELECT substr(max(occurred_at), 1, 10) FROM conversations
             WHERE mentor_id = ?1 AND is_draft = 0",
            [mentor.0],
            |row| row.get(0),
        )?;
        let goals = self
            .list_goals(&GoalFilter {
                status: None,
                mentor_id: Some(mentor),
            })?
            .into_iter()
            .filter(|g| g.status != GoalStatus::Dropped)
            .map(|g| self.report_goal(g))
            .collect::<Result<_>>()?;
        let open = self.list_action_items(
            &ActionItemFilter {
                status: Some(ActionStatus::Open),
                mentor_id: Some(mentor),
                ..ActionItemFilter::default()
            },
            today,
        )?;
        let (mine, theirs): (Vec<_>, Vec<_>) =
            open.into_iter().partition(|item| item.owner == Owner::Me);
        let item = |i: crate::notes::actions::ActionItem| SummaryItem {
            title: i.title,
            due_on: i.due_on,
            overdue: i.overdue,
        };
        Ok(SummaryForMentor {
            mentor_id: mentor,
            focus_areas: self.report_focus_areas(mentor)?,
            generated_on: today,
            last_met,
            goals,
            mine: mine.into_iter().map(item).collect(),
            theirs: theirs.into_iter().map(item).collect(),
            questions: self
                .list_questions(mentor, 0)?
                .into_iter()
                .filter(|q| q.discussed_on.is_none())
                .map(|q| q.text)
                .collect(),
            name: a.name,
            role: a.role,
            specialty: a.specialty,
            institution: a.institution,
            cadence_days: a.cadence_days,
            usual_channel: a.usual_channel,
            agreed_goals: a.agreed_goals,
        })
    }
}
