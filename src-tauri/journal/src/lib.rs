//! Mentor Journal's core: the encrypted vault and the domain model, headless.
//!
//! Nothing here knows about Tauri, windows or IPC. The desktop shell, the tests, the benchmarks and a
//! future command-line companion all drive the same `Vault` and `Journal`, so every rule (validation,
//! encryption, migrations, the search index) lives once, here.

mod actions;
mod cadence;
mod categories;
mod conversations;
mod dashboard;
mod db;
mod error;
mod goals;
mod hardening;
mod journal;
mod keyfile;
mod kinds;
mod markdown;
mod mentors;
mod migrate;
mod outreach;
mod prep;
mod questions;
mod search;
mod secret;
mod settings;
mod validate;
mod vault;

pub use actions::{ActionItem, ActionItemFilter, ActionItemId, ActionItemInput};
pub use cadence::{CadenceStatus, cadence_status};
pub use categories::{GoalCategory, GoalCategoryId};
pub use conversations::{Conversation, ConversationId, ConversationInput};
pub use dashboard::{
    Activity, ActivitySeries, Coverage, DUE_SOON_DAYS, Dashboard, DueItem, GoalCard, MentorDue,
    TargetStatus, review_age, target_status,
};
pub use error::{Error, ErrorCode, Result};
pub use goals::{
    Goal, GoalDetail, GoalFilter, GoalId, GoalInput, GoalReview, GoalStatusChange, GoalStatusEntry,
    MentorRef, Milestone, MilestoneId, ProgressPoint, ReviewInput, milestone_progress, progress,
};
pub use hardening::refuse_core_dumps;
pub use journal::Journal;
pub use keyfile::{KdfParams, kdf_runs};
pub use kinds::{
    ActionStatus, Channel, GoalStatus, MentorStatus, Origin, OutreachOutcome, Owner, ProgressSource,
};
pub use markdown::{preview_markdown, render_markdown};
pub use mentors::{
    Mentor, MentorDeletionImpact, MentorFilter, MentorId, MentorInput, MentorSort, MentorSummary,
    StatusChange, StatusEntry,
};
pub use migrate::LATEST_SCHEMA_VERSION;
pub use outreach::{Outreach, OutreachId, OutreachInput};
pub use prep::{PrepSheet, RecentConversation};
pub use questions::{Question, QuestionId};
pub use search::{SearchHit, SearchKind, SearchQuery};
pub use secret::{Passphrase, RecoveryKey};
pub use settings::{DEFAULT_AUTO_LOCK_SECONDS, DEFAULT_REVIEW_AFTER_WEEKS, Settings};
pub use vault::{DATABASE_FILE, KEY_FILE, Vault, VaultStatus};
