//! Rotations and blocks: stretches of the trainee's schedule ("ICU nights 1-28 Feb", "leave"),
//! both ends included. A block that pauses cadence stops the overdue clock of the mentors it
//! applies to, every mentor or a chosen few, because a mentor not met during a month of nights is
//! not a relationship neglected. How the clock stops is `mentors::cadence`'s rule, a pure function
//! of dates and blocks; this module only keeps the blocks.
//!
//! A block that does not pause is still worth recording (the calendar and the yearly review show
//! where a rotation was), so pausing is a flag and not the reason a block exists.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::mentors::MentorId;

mod records;
#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct BlockId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Block {
    pub id: BlockId,
    pub title: String,
    pub starts_on: NaiveDate,
    /// The last day of the block (included).
    pub ends_on: NaiveDate,
    pub pauses_cadence: bool,
    /// Applies to every mentor; otherwise to `mentor_ids` only.
    pub all_mentors: bool,
    /// The chosen mentors, by id; empty when `all_mentors`.
    pub mentor_ids: Vec<MentorId>,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Block {
    /// Whether this block stops the cadence clock of `mentor`.
    pub fn pauses(&self, mentor: MentorId) -> bool {
        self.pauses_cadence && (self.all_mentors || self.mentor_ids.contains(&mentor))
    }

    /// Whether `day` is inside the block, both ends included.
    pub fn covers(&self, day: NaiveDate) -> bool {
        (self.starts_on..=self.ends_on).contains(&day)
    }
}

/// What the user fills in to add or edit a block.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BlockInput {
    pub title: String,
    pub starts_on: NaiveDate,
    /// The last day (included); the same day as `starts_on` for a one-day block.
    pub ends_on: NaiveDate,
    pub pauses_cadence: bool,
    /// Every mentor; when false, `mentor_ids` names them (at least one). When true, any ids
    /// given are not kept.
    pub all_mentors: bool,
    #[serde(default)]
    pub mentor_ids: Vec<MentorId>,
    #[serde(default)]
    pub note: String,
}

impl BlockInput {
    /// A block that pauses the cadence of every mentor.
    pub fn pausing(title: impl Into<String>, starts_on: NaiveDate, ends_on: NaiveDate) -> Self {
        BlockInput {
            title: title.into(),
            starts_on,
            ends_on,
            pauses_cadence: true,
            all_mentors: true,
            mentor_ids: Vec::new(),
            note: String::new(),
        }
    }

    /// The same block, for the chosen mentors only.
    pub fn for_mentors(mut self, mentors: &[MentorId]) -> Self {
        self.all_mentors = false;
        self.mentor_ids = mentors.to_vec();
        self
    }
}
