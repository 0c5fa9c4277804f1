//! The relationship checks in the journal: a mentor's schedule (a column of `mentors`) and the
//! answered checks (`relationship_checks`), read together as the mentor page shows them.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::{
    CheckDue, CheckTrend, MAX_CHECK_WEEKS, RelationshipCheck, RelationshipCheckId,
    RelationshipCheckInput, check_due, check_trend,
};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::mentors::MentorId;
use crate::validate::{self, LONG};

/// A mentor's relationship checks: the schedule, whether one is due, the answers and their trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipChecks {
    pub mentor_id: MentorId,
    /// Ask every this many weeks (1 to 52); `null` never asks.
    pub every_weeks: Option<u32>,
    pub due: CheckDue,
    /// `falling` is the cue for the gentle prompt (talk about it, or end the relationship).
    pub trend: CheckTrend,
    /// Oldest first: the order of the trend chart.
    pub checks: Vec<RelationshipCheck>,
}

impl Journal {
    /// A mentor's checks as seen on `today`.
    pub fn relationship_checks(
        &self,
        mentor: MentorId,
        today: NaiveDate,
    ) -> Result<RelationshipChecks> {
        let m = self.mentor(mentor)?;
        let every_weeks: Option<u32> = self.conn.query_row(
            "SELECT check_every_weeks FROM mentors WHERE id = ?1",
            [mentor.0],
            |row| row.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, mentor_id, answered_on, helping, meeting_as_agreed, want_to_continue, note
             FROM relationship_checks WHERE mentor_id = ?1 ORDER BY answered_on, id",
        )?;
        let checks = stmt
            .query_map([mentor.0], |row| {
                Ok(RelationshipCheck {
                    id: RelationshipCheckId(row.get(0)?),
                    mentor_id: MentorId(row.get(1)?),
                    answered_on: row.get(2)?,
                    helping: row.get(3)?,
                    meeting_as_agreed: row.get(4)?,
                    want_to_continue: row.get(5)?,
                    note: row.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let last = checks.iter().map(|c| c.answered_on).max();
        Ok(RelationshipChecks {
            mentor_id: mentor,
            every_weeks,
            due: check_due(m.status, every_weeks, m.status_since, last, today),
            trend: check_trend(&checks),
            checks,
        })
    }

    /// Sets how often the mentor page asks, in weeks (1 to 52), or with `None` stops asking;
    /// the answers given so far stay.
    pub fn set_check_schedule(
        &self,
        mentor: MentorId,
        every_weeks: Option<u32>,
    ) -> Result<RelationshipChecks> {
        self.mentor(mentor)?;
        if let Some(weeks) = every_weeks {
            validate::range(
                "everyWeeks",
                weeks,
                1,
                MAX_CHECK_WEEKS,
                "Ask every 1 to 52 weeks, or never.",
            )?;
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE mentors SET check_every_weeks = ?2 WHERE id = ?1",
                params![mentor.0, every_weeks],
            )?;
            Ok(())
        })?;
        self.relationship_checks(mentor, self.today())
    }

    /// Records the answers to a check (asked or not: one can be answered early); the mentor's
    /// `relationship_checks` then has the new due date and trend.
    pub fn add_relationship_check(
        &self,
        mentor: MentorId,
        input: &RelationshipCheckInput,
    ) -> Result<RelationshipCheck> {
        self.mentor(mentor)?;
        for (field, value) in [
            ("helping", input.helping),
            ("meetingAsAgreed", input.meeting_as_agreed),
            ("wantToContinue", input.want_to_continue),
        ] {
            validate::range(field, u32::from(value), 1, 5, "Answer on the 1 to 5 scale.")?;
        }
        let on = self.day_it_happened(
            "answeredOn",
            input.answered_on,
            "A check cannot be answered in the future.",
        )?;
        let note = validate::text("note", &input.note, LONG)?;
        let now = self.now();
        let id = self.write(|tx| {
            Ok(tx.query_row(
                "INSERT INTO relationship_checks (mentor_id, answered_on, helping, meeting_as_agreed,
                     want_to_continue, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                params![
                    mentor.0,
                    on,
                    input.helping,
                    input.meeting_as_agreed,
                    input.want_to_continue,
                    note,
                    now
                ],
                |row| row.get(0),
            )?)
        })?;
        Ok(RelationshipCheck {
            id: RelationshipCheckId(id),
            mentor_id: mentor,
            answered_on: on,
            helping: input.helping,
            meeting_as_agreed: input.meeting_as_agreed,
            want_to_continue: input.want_to_continue,
            note,
        })
    }

    /// Deletes one answered check (a slip of the finger).
    pub fn delete_relationship_check(&self, id: RelationshipCheckId) -> Result<()> {
        self.conn
            .query_row(
                "SELECT 1 FROM relationship_checks WHERE id = ?1",
                [id.0],
                |row| row.get::<_, i64>(0),
            )
            .optional()?
            .ok_or(Error::NotFound("That check"))?;
        self.delete_by_id("DELETE FROM relationship_checks WHERE id = ?1", id.0)
    }
}
