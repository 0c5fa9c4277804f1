//! The journal's way in and out: encrypted backups (`backup`, `retention`, `job` for one off the
//! command thread, `place` for a second folder, `rekeyed` for those under an older key) and
//! restoring them (`restore`); export (`export`: JSON, Markdown; `report`: PDF reports) and
//! import (`import`: jrnl, Day One, and the app's own JSON).
//!
//! A room kept ready so those land beside each other and not among the domain modules. The rules
//! they must follow are already in the store: snapshots through SQLCipher (never a raw copy of a
//! database under WAL), files replaced atomically (`store::files`), every write through
//! `Journal::write` so the search index stays in step, and dates from the journal's clock.

pub mod backup;
pub mod export;
pub mod import;
pub mod job;
pub mod place;
pub mod rekeyed;
pub mod report;
pub mod restore;
pub mod retention;
