//! Mentors: who they are, how the relationship runs (lifecycle, agreement, focus areas, the
//! private relationship check), and who introduced whom. Ending a relationship keeps everything;
//! deleting is a separate, explicit act.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kinds::{Channel, MentorStatus, Origin};
use crate::templates::TemplateId;

pub mod cadence;
pub mod checks;
pub(crate) mod lifecycle;
mod names;
pub mod outreach;
mod records;

pub use cadence::{CadenceStatus, cadence_status, cadence_with_blocks};
pub use checks::{
    CheckDue, CheckTrend, MAX_CHECK_WEEKS, RelationshipCheck, RelationshipCheckId,
    RelationshipCheckInput, RelationshipChecks, check_due, check_trend,
};
pub use names::fold_name;
pub(crate) use outreach::row_to_outreach;
pub use outreach::{Outreach, OutreachId, OutreachInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct MentorId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mentor {
    pub id: MentorId,
    pub name: String,
    pub role: String,
    pub specialty: String,
    pub institution: String,
    pub email: String,
    pub phone: String,
    pub how_we_met: String,
    pub origin: Origin,
    pub private_notes: String,
    pub focus_areas: Vec<String>,
    pub status: MentorStatus,
    pub status_since: NaiveDate,
    pub end_reason: String,
    pub cadence_days: Option<u32>,
    pub usual_channel: Option<Channel>,
    pub agreed_goals: String,
    pub introduced_by: Option<MentorId>,
    /// The template a new note with this mentor starts from (`set_mentor_default_template`).
    pub default_template_id: Option<TemplateId>,
    pub created_at: DateTime<Utc>,
    /// The statuses this mentor can move to from the current one, in the order to offer them.
    pub next_statuses: Vec<MentorStatus>,
}

/// What the user fills in to add or edit a mentor. The lifecycle is changed separately
/// (`set_mentor_status`); `status` here only says how a new mentor starts.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MentorInput {
    pub name: String,
    pub role: String,
    pub specialty: String,
    pub institution: String,
    pub email: String,
    pub phone: String,
    pub how_we_met: String,
    pub origin: Option<Origin>,
    pub private_notes: String,
    pub focus_areas: Vec<String>,
    pub status: Option<MentorStatus>,
    pub cadence_days: Option<u32>,
    pub usual_channel: Option<Channel>,
    pub agreed_goals: String,
    pub introduced_by: Option<MentorId>,
}

impl MentorInput {
    pub fn named(name: impl Into<String>) -> Self {
        MentorInput {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// A lifecycle step: to which status, on which day, and an optional private note (the reason,
/// when ending).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusChange {
    pub status: MentorStatus,
    /// Defaults to today; may be back-dated, never in the future.
    #[serde(default)]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusEntry {
    pub status: MentorStatus,
    pub changed_on: NaiveDate,
    pub note: String,
}

/// A mentor as the list shows it: the record plus what is derived from the conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorSummary {
    pub mentor: Mentor,
    pub last_met: Option<NaiveDate>,
    pub conversations: u32,
    pub open_action_items: u32,
    pub cadence: CadenceStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MentorSort {
    #[default]
    Name,
    LastMet,
    Cadence,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MentorFilter {
    pub status: Option<MentorStatus>,
    pub focus_area: Option<String>,
    pub sort: MentorSort,
}

/// What deleting a mentor would take with it, for the confirmation dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorDeletionImpact {
    pub conversations: u32,
    pub action_items: u32,
    pub outreach: u32,
    /// Private relationship checks answered about this mentor.
    pub relationship_checks: u32,
    /// Reviews this mentor is part of (their decision and figures go with them).
    pub reviews: u32,
}
