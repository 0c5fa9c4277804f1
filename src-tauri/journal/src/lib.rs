//! Mentor Journal's core: the encrypted vault and the domain model, headless.
//!
//! Nothing here knows about Tauri, windows or IPC. The desktop shell, the tests, the benchmarks and
//! the command-line companion all drive the same `Vault` and `Journal`, so every rule (validation,
//! status transitions, encryption, migrations, the search index) lives once, here.
//!
//! The crate is grouped by what it is about: `store` (the files, keys and database), `mentors`,
//! `notes` (conversations, action items, parked questions), `goals`, `templates` (what a new note
//! starts from), `blocks` (rotations and leave that pause cadence), `review` (the yearly and end-of-rotation
//! look at every mentorship), `views` (read models that
//! gather across domains: dashboard, prep sheet, search) and `transfer` (backups, export and
//! import). `journal` holds what every domain shares: the one write path and the clock. The public
//! API is re-exported here flat, so callers do not depend on the layout.

mod blocks;
mod clock;
mod dates;
mod error;
mod goals;
mod journal;
mod kinds;
mod markdown;
mod mentors;
mod notes;
mod reminders;
mod review;
mod settings;
mod store;
mod templates;
mod transfer;
mod validate;
mod views;

pub use blocks::{Block, BlockId, BlockInput};
pub use clock::Clock;
pub use dates::parse_day;
pub use error::{Error, ErrorCode, Result};
pub use goals::{
    DUE_SOON_DAYS, Goal, GoalCategory, GoalCategoryId, GoalDetail, GoalFilter, GoalId, GoalInput,
    GoalReview, GoalStatusChange, GoalStatusEntry, MentorRef, Milestone, MilestoneId,
    ProgressPoint, ReviewInput, TargetStatus, milestone_progress, progress, review_age,
    target_status,
};
pub use journal::Journal;
pub use kinds::{
    ActionStatus, Channel, Decision, GoalStatus, MentorStatus, Origin, OutreachOutcome, Owner,
    ProgressSource, ReviewKind,
};
pub use markdown::{preview_markdown, render_markdown};
pub use mentors::{
    CadenceStatus, CheckDue, CheckTrend, MAX_CHECK_WEEKS, Mentor, MentorDeletionImpact,
    MentorFilter, MentorId, MentorInput, MentorSort, MentorSummary, Outreach, OutreachId,
    OutreachInput, RelationshipCheck, RelationshipCheckId, RelationshipCheckInput,
    RelationshipChecks, StatusChange, StatusEntry, cadence_status, cadence_with_blocks, check_due,
    check_trend, fold_name,
};
pub use notes::actions::{ActionItem, ActionItemFilter, ActionItemId, ActionItemInput};
pub use notes::conversations::{Conversation, ConversationId, ConversationInput};
pub use notes::questions::{Question, QuestionId};
pub use notes::timeline::NoteScope;
pub use reminders::{Reminder, ReminderSettings, in_quiet_hours, reminders_for};
pub use review::{
    DecisionInput, GoalMove, MentorFigures, MentorshipReview, MentorshipReviewId,
    MentorshipReviewInput, ReviewCompletion, ReviewSummary, ReviewedMentor,
};
pub use settings::{DEFAULT_AUTO_LOCK_SECONDS, DEFAULT_REVIEW_AFTER_WEEKS, Settings};
pub use store::hardening::refuse_core_dumps;
pub use store::keyfile::{KdfParams, kdf_paid_on_this_thread};
pub use store::keys::RecoveryStatus;
pub use store::migrate::LATEST_SCHEMA_VERSION;
pub use store::secret::{MIN_PASSPHRASE_CHARS, Passphrase, RecoveryKey};
pub use store::strength::{MIN_SCORE, PassphraseStrength, passphrase_strength};
pub use store::vault::{DATABASE_FILE, KEY_FILE, Vault, VaultStatus};
pub use store::verify::{VerifyJob, VerifyProgress, VerifyStage};
pub use templates::{Template, TemplateId, TemplateInput};
pub use transfer::backup::{BACKUPS_DIR, Backup, BackupReason, list_backups};
pub use transfer::export::file::{Protection, write_export, write_pdf};
pub use transfer::export::json::{EXPORT_FORMAT, EXPORT_VERSION, JsonTransfer};
pub use transfer::export::markdown::MarkdownExport;
pub use transfer::import::apply::{FoundTag, ImportPreview, ImportReport, MapTo, TagMapping};
pub use transfer::import::{
    ImportSource, MAX_FILE_BYTES, SourceEntry, SourceFile, SourceFormat, dayone, jrnl, read_source,
};
pub use transfer::job::{BackupDone, BackupJob, BackupProgress, BackupStage};
pub use transfer::place::{BackupPlace, PLACE_FOLDER};
pub use transfer::rekeyed::Reencrypted;
pub use transfer::report::{
    Meetings, Portfolio, PortfolioItem, PortfolioMentor, PortfolioReview, PortfolioReviewMentor,
    ReportGoal, ReportMilestone, SummaryForMentor, SummaryItem, portfolio_pdf, summary_pdf,
};
pub use transfer::restore::{BackupPreview, Restored, Secret, preview_backup};
pub use transfer::retention::{Retention, expired as expired_backups};
pub use views::calendar::{
    CalendarDay, CalendarMonth, DayGoal, DayMilestone, DayNote, OnThisDay, YearsAgo, anniversaries,
};
pub use views::dashboard::{
    Activity, ActivitySeries, Coverage, Dashboard, DueItem, FOLLOW_UP_AFTER_DAYS, GoalCard,
    MentorDue, WaitingOutreach,
};
pub use views::prep::{PrepSheet, RecentConversation};
pub use views::search::{SearchHit, SearchKind, SearchQuery};
pub use views::wellbeing::{MAX_WELLBEING_MONTHS, WellbeingMonth, WellbeingOverTime};

/// A new encrypted journal in `dir` for the core's own tests, with the cheap KDF of tests (the
/// tests about the KDF use the real one).
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn test_journal(dir: &std::path::Path) -> Journal {
    Vault::create_with(
        dir,
        &Passphrase::new("correct horse battery staple"),
        KdfParams::cheap_for_tests(),
    )
    .unwrap()
    .0
}

/// The field a validation error names, for the core's tests; any other error fails the test with
/// the error shown.
#[cfg(test)]
#[allow(clippy::panic)]
pub(crate) fn validation_field(err: Error) -> String {
    match err.field() {
        Some(field) => field.to_owned(),
        None => panic!("not a validation error: {err:?}"),
    }
}
