//! Everything about keeping the journal on disk, and nothing about what is in it: the folder and
//! its files, the key file and its seals, the secrets in memory, opening the SQLCipher database,
//! the schema migrations, key changes, and process hardening.
//!
//! The domain modules reach storage only through `Journal::write` and the connection; the backup
//! and transfer code to come will reuse `files` (atomic writes, a database with its companions)
//! and `db::open` rather than grow copies of them.

pub(crate) mod db;
pub(crate) mod files;
pub(crate) mod hardening;
pub(crate) mod keyfile;
pub mod keys;
pub(crate) mod migrate;
pub(crate) mod recovery;
pub(crate) mod repair;
pub(crate) mod secret;
pub(crate) mod snapshot;
pub(crate) mod strength;
pub(crate) mod vault;
pub(crate) mod verify;
