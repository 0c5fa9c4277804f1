//! Mentor Journal's core: the encrypted vault and the domain model, headless.
//!
//! Nothing here knows about Tauri, windows or IPC. The desktop shell, the tests, the benchmarks and a
//! future command-line companion all drive the same `Vault` and `Journal`, so every rule (validation,
//! encryption, migrations, the search index) lives once, here.

mod actions;
mod cadence;
mod conversations;
mod db;
mod error;
mod hardening;
mod journal;
mod keyfile;
mod kinds;
mod markdown;
mod mentors;
mod migrate;
mod outreach;
mod search;
mod secret;
mod settings;
mod validate;
mod vault;

pub use actions::{ActionItem, ActionItemFilter, ActionItemId, ActionItemInput};
pub use cadence::{CadenceStatus, cadence_status};
pub use conversations::{Conversation, ConversationId, ConversationInput};
pub use error::{Error, ErrorCode, Result};
pub use hardening::refuse_core_dumps;
pub use journal::Journal;
pub use keyfile::{KdfParams, kdf_runs};
pub use kinds::{ActionStatus, Channel, MentorStatus, Origin, OutreachOutcome, Owner};
pub use markdown::{preview_markdown, render_markdown};
pub use mentors::{
    Mentor, MentorDeletionImpact, MentorFilter, MentorId, MentorInput, MentorSort, MentorSummary,
    StatusChange, StatusEntry,
};
pub use migrate::LATEST_SCHEMA_VERSION;
pub use outreach::{Outreach, OutreachId, OutreachInput};
pub use search::{SearchHit, SearchKind, SearchQuery};
pub use secret::{Passphrase, RecoveryKey};
pub use settings::{DEFAULT_AUTO_LOCK_SECONDS, Settings};
pub use vault::{DATABASE_FILE, KEY_FILE, Vault, VaultStatus};
