//! Questions parked for a mentor's next conversation: jotted down whenever they come up, shown on
//! the meeting prep sheet, ticked off once discussed (kept, with the day, not deleted).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::mentors::MentorId;
use crate::validate::{self, LONG};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct QuestionId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Question {
    pub id: QuestionId,
    pub mentor_id: MentorId,
    pub text: String,
    pub discussed_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// Open questions a mentor can have parked at once; far more than a meeting can take.
const MAX_OPEN: u32 = 500;

impl Journal {
    pub fn add_question(&self, mentor: MentorId, text: &str) -> Result<Question> {
        self.mentor(mentor)
            .map_err(|_| Error::validation("mentorId", "That mentor no longer exists."))?;
        let text = validate::required("text", text, LONG, "Write the question down first.")?;
        let open: u32 = self.conn.query_row(
            "SELECT count(*) FROM mentor_questions WHERE mentor_id = ?1 AND discussed_on IS NULL",
            [mentor.0],
            |row| row.get(0),
        )?;
        if open >= MAX_OPEN {
            return Err(Error::validation(
                "text",
                format!(
                    "{MAX_OPEN} questions are already waiting for this mentor; tick some off first."
                ),
            ));
        }
        let now = self.now();
        let id = self.write(|tx| {
            Ok(tx.query_row(
                "INSERT INTO mentor_questions (mentor_id, text, created_at) VALUES (?1, ?2, ?3) RETURNING id",
                params![mentor.0, text, now],
                |row| row.get(0),
            )?)
        })?;
        self.question(QuestionId(id))
    }

    pub fn question(&self, id: QuestionId) -> Result<Question> {
        self.conn
            .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
            .query_row([id.0], question_from_row)
            .optional()?
            .ok_or(Error::NotFound("That question"))
    }

    /// Ticks a question off as discussed on `on` (or back to open with `None`).
    pub fn set_question_discussed(
        &self,
        id: QuestionId,
        on: Option<NaiveDate>,
    ) -> Result<Question> {
        self.question(id)?;
        if let Some(day) = on {
            self.day_it_happened(
                "discussedOn",
                Some(day),
                "A question cannot be discussed in the future; tick it off on the day.",
            )?;
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE mentor_questions SET discussed_on = ?2 WHERE id = ?1",
                params![id.0, on],
            )?;
            Ok(())
        })?;
        self.question(id)
    }

    pub fn delete_question(&self, id: QuestionId) -> Result<()> {
        self.question(id)?;
        self.delete_by_id("DELETE FROM mentor_questions WHERE id = ?1", id.0)
    }

    /// A mentor's questions: open ones first, oldest first (asked longest ago), then the discussed
    /// ones, most recently discussed first, up to `discussed_limit` of them.
    pub fn list_questions(&self, mentor: MentorId, discussed_limit: u32) -> Result<Vec<Question>> {
        self.mentor(mentor)?;
        let mut open = self
            .conn
            .prepare_cached(&format!(
                "{SELECT} WHERE mentor_id = ?1 AND discussed_on IS NULL ORDER BY id"
            ))?
            .query_map([mentor.0], question_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let discussed = self
            .conn
            .prepare_cached(&format!(
                "{SELECT} WHERE mentor_id = ?1 AND discussed_on IS NOT NULL
                 ORDER BY discussed_on DESC, id DESC LIMIT ?2"
            ))?
            .query_map(params![mentor.0, discussed_limit], question_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        open.extend(discussed);
        Ok(open)
    }
}

const SELECT: &str = "SELECT id, mentor_id, text, discussed_on, created_at FROM mentor_questions";

fn question_from_row(row: &Row<'_>) -> rusqlite::Result<Question> {
    Ok(Question {
        id: QuestionId(row.get(0)?),
        mentor_id: MentorId(row.get(1)?),
        text: row.get(2)?,
        discussed_on: row.get(3)?,
        created_at: row.get(4)?,
    })
}
