//! Mentor Journal's core: the encrypted vault and the domain model, headless.
//!
//! Nothing here knows about Tauri, windows or IPC. The desktop shell, the tests, the benchmarks and a
//! future command-line companion all drive the same `Vault` and `Journal`, so every rule (validation,
//! encryption, migrations) lives once, here.

mod db;
mod error;
mod journal;
mod keyfile;
mod mentors;
mod migrate;
mod secret;
mod vault;

pub use error::{Error, ErrorCode, Result};
pub use journal::Journal;
pub use keyfile::KdfParams;
pub use mentors::{Mentor, MentorId, NewMentor};
pub use migrate::LATEST_SCHEMA_VERSION;
pub use secret::{Passphrase, RecoveryKey};
pub use vault::{DATABASE_FILE, KEY_FILE, Vault, VaultStatus};
