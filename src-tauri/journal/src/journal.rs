//! An unlocked journal: the open database connection and the data key, held only while unlocked.
//!
//! Dropping a `Journal` is locking it: the connection closes and the key is wiped. The domain
//! methods live in their own modules (`mentors`, ...) as `impl Journal` blocks.

use chrono::{DateTime, Local, NaiveDate, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::fmt;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::keyfile::{DATA_KEY_BYTES, DataKey, KdfParams, KeyFile};
use crate::secret::{Passphrase, RECOVERY_KEY_BYTES, RecoveryKey, random};
use crate::vault::{KEY_FILE, read_key_file, sibling};
use zeroize::Zeroizing;

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

    /// Changes the passphrase after checking the current one (which pays the full KDF, so this is
    /// no faster a way to guess it than unlocking). Crash-safe like `set_passphrase`.
    pub fn change_passphrase(&self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        self.change_passphrase_with(current, new, KdfParams::default())
    }

    pub fn change_passphrase_with(
        &self,
        current: &Passphrase,
        new: &Passphrase,
        params: KdfParams,
    ) -> Result<()> {
        new.check_new()?;
        let file = read_key_file(&self.dir)?;
        let opened = file.open_with_passphrase(current)?;
        if *opened != *self.key {
            return Err(Error::WrongPassphrase);
        }
        file.with_passphrase(&self.key, new, params)?
            .write(&self.dir.join(KEY_FILE))
    }

    /// Replaces the recovery key: the new one is returned to show once; the old one stops working.
    pub fn regenerate_recovery_key(&self) -> Result<RecoveryKey> {
        let recovery = random::<RECOVERY_KEY_BYTES>()?;
        read_key_file(&self.dir)?
            .with_recovery(&self.key, &recovery)?
            .write(&self.dir.join(KEY_FILE))?;
        Ok(RecoveryKey::from_bytes(&recovery))
    }

    /// Re-encrypts the whole journal under a new random data key, for a suspected leak of the old
    /// one. Needs the passphrase (to seal the new key) and issues a new recovery key, returned to
    /// show once.
    ///
    /// Crash-safe: the journal is exported into a new database file under the new key and checked;
    /// only then is the key file atomically replaced to point at it. Until that rename, the old key
    /// file and old database are untouched and keep working; after it, the new ones do. The old
    /// database is deleted last (a crash before that leaves a file nobody can open without the old
    /// key, and the next rotation or a manual clean-up removes it).
    pub fn rotate_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        let file = read_key_file(&self.dir)?;
        if *file.open_with_passphrase(passphrase)? != *self.key {
            return Err(Error::WrongPassphrase);
        }
        let old_database = file.database().to_owned();
        let new_key = random::<DATA_KEY_BYTES>()?;
        let stamp = Utc::now().format("%Y%m%d%H%M%S");
        let new_database = (0..100)
            .map(|n| {
                if n == 0 {
                    format!("journal-{stamp}.db")
                } else {
                    format!("journal-{stamp}-{n}.db")
                }
            })
            .find(|name| !self.dir.join(name).exists() && *name != old_database)
            .ok_or_else(|| {
                Error::Conflict("Too many re-encrypted copies in the journal folder.".into())
            })?;
        let new_path = self.dir.join(&new_database);
        let keying = Zeroizing::new(format!(
            "x'{}'",
            data_encoding::HEXLOWER.encode(new_key.as_slice())
        ));
        let exported = (|| -> Result<()> {
            let path = new_path
                .to_str()
                .ok_or_else(|| Error::Internal("the journal folder's name is not UTF-8".into()))?;
            self.conn.execute(
                "ATTACH DATABASE ?1 AS rotated KEY ?2",
                rusqlite::params![path, &*keying],
            )?;
            let version: i64 = self
                .conn
                .query_row("PRAGMA main.user_version", [], |row| row.get(0))?;
            self.conn
                .query_row("SELECT sqlcipher_export('rotated')", [], |_| Ok(()))?;
            self.conn
                .execute_batch(&format!("PRAGMA rotated.user_version = {version};"))?;
            self.conn.execute_batch("DETACH DATABASE rotated;")?;
            Ok(())
        })();
        let checked = exported.and_then(|()| {
            let conn = crate::db::open(&new_path, &new_key, false)?;
            let rotated = Journal::new(conn, self.dir.clone(), new_key.clone());
            rotated.verify()?;
            Ok(rotated)
        });
        let rotated = match checked {
            Ok(rotated) => rotated,
            Err(err) => {
                let _ = self.conn.execute_batch("DETACH DATABASE rotated;");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(sibling(&new_path, suffix));
                }
                return Err(err);
            }
        };
        let recovery = random::<RECOVERY_KEY_BYTES>()?;
        KeyFile::seal(
            &new_key,
            passphrase,
            &recovery,
            KdfParams::default(),
            &new_database,
        )?
        .write(&self.dir.join(KEY_FILE))?;
        // Committed: from here on the new database is the journal.
        let old = std::mem::replace(self, rotated);
        drop(old);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(sibling(&self.dir.join(&old_database), suffix));
        }
        Ok(RecoveryKey::from_bytes(&recovery))
    }

    /// Checks every page's authentication code and the database structure; `Ok` means intact.
    /// A damaged journal is reported as `CORRUPT` with how many problems were found.
    pub fn verify(&self) -> Result<()> {
        let mut problems = 0usize;
        for pragma in ["PRAGMA cipher_integrity_check", "PRAGMA integrity_check"] {
            let mut stmt = self.conn.prepare(pragma)?;
            let rows: Vec<String> = stmt
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            problems += rows.iter().filter(|r| r.as_str() != "ok").count();
        }
        if problems == 0 {
            Ok(())
        } else {
            Err(Error::Corrupt(format!(
                "The journal failed its integrity check ({problems} problem{}). Restore a backup; the damaged file was left as it is.",
                if problems == 1 { "" } else { "s" }
            )))
        }
    }

    /// Locks: closes the database and wipes the key (also what dropping does).
    pub fn lock(self) {
        drop(self);
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// Today on the user's wall clock: what "due today" and "met today" mean to them.
    pub fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }

    /// The one way domain code writes: an immediate transaction, committed only if `op` succeeds.
    /// The search index is maintained by triggers inside the same transaction, so it can never
    /// disagree with what was committed.
    pub(crate) fn write<T>(&self, op: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let value = op(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Deletes one row by id through `write` (`sql` is a `DELETE ... WHERE id = ?1`). Callers
    /// look the row up first, so deleting something that is gone answers `NOT_FOUND`.
    pub(crate) fn delete_by_id(&self, sql: &str, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(sql, [id])?;
            Ok(())
        })
    }

    /// A list of names from a one-column query (focus areas, goal categories).
    pub(crate) fn names(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let names = stmt
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}
