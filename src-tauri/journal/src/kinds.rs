//! The small closed vocabularies of the domain (statuses, channels, owners...), each stored in the
//! database as a short lowercase word and sent to the UI as the same word.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::ALL.iter().copied().find(|v| v.as_str() == text).ok_or(FromSqlError::InvalidType)
            }
        }
    };
}

word_enum! {
    /// Where a mentor is in the relationship: looked for, met regularly, on hold, or over.
    MentorStatus { Prospective = "prospective", Active = "active", Paused = "paused", Ended = "ended" }
}

word_enum! {
    /// How the mentorship came about.
    Origin { Assigned = "assigned", Organic = "organic", Peer = "peer" }
}

word_enum! {
    /// How a conversation happens.
    Channel { InPerson = "in_person", Video = "video", Phone = "phone", Coffee = "coffee", Email = "email", Message = "message" }
}

word_enum! {
    /// The answer to an outreach request.
    OutreachOutcome { Pending = "pending", NoAnswer = "no_answer", Declined = "declined", Introduced = "introduced", Agreed = "agreed" }
}

word_enum! {
    /// Who owes an action item: the trainee, or the mentor (a letter, an introduction).
    Owner { Me = "me", Mentor = "mentor" }
}

word_enum! {
    ActionStatus { Open = "open", Done = "done", Dropped = "dropped" }
}

word_enum! {
    /// Where a goal stands. A status change never deletes anything; it is logged with a note.
    GoalStatus { Active = "active", Achieved = "achieved", Paused = "paused", Dropped = "dropped" }
}

word_enum! {
    /// Where a goal's progress figure comes from: the latest reassessment, or the share of
    /// milestones done (for goals that are a checklist at heart).
    ProgressSource { Reviews = "reviews", Milestones = "milestones" }
}

word_enum! {
    /// What a mentorship review looks back on: a year, or a rotation that just ended.
    ReviewKind { Yearly = "yearly", Rotation = "rotation" }
}

word_enum! {
    /// What the trainee decides for a mentorship in a review.
    Decision { Keep = "keep", Refine = "refine", Pause = "pause", End = "end" }
}
