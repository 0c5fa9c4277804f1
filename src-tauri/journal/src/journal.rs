//! An unlocked journal: the open database connection and the data key, held only while unlocked.
//!
//! Dropping a `Journal` is locking it: the connection closes and the key is wiped. The domain
//! methods live in their own modules (`mentors`, ...) as `impl Journal` blocks.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::fmt;
use std::path::PathBuf;

use crate::error::Result;
use crate::keyfile::{DataKey, KdfParams};
use crate::secret::Passphrase;
use crate::vault::{KEY_FILE, read_key_file};

pub struct Journal {
    pub(crate) conn: Connection,
    dir: PathBuf,
    key: DataKey,
}

impl Journal {
    pub(crate) fn new(conn: Connection, dir: PathBuf, key: DataKey) -> Self {
        Journal { conn, dir, key }
    }

    /// Seals the data key under a new passphrase (after a recovery-key unlock, or a change).
    /// Only the key file is rewritten, atomically, so either the old or the new passphrase opens
    /// the journal at every instant. The recovery key keeps working.
    pub fn set_passphrase(&self, passphrase: &Passphrase) -> Result<()> {
        self.set_passphrase_with(passphrase, KdfParams::default())
    }

    pub fn set_passphrase_with(&self, passphrase: &Passphrase, params: KdfParams) -> Result<()> {
        passphrase.check_new()?;
        read_key_file(&self.dir)?
            .with_passphrase(&self.key, passphrase, params)?
            .write(&self.dir.join(KEY_FILE))
    }

    /// Locks: closes the database and wipes the key (also what dropping does).
    pub fn lock(self) {
        drop(self);
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}
