//! A journal on disk: a folder with the encrypted database and its key file.
//!
//! `Vault` is the only way in. Creating draws a new recovery key, derives the data key from it (see
//! `store::recovery`) and seals that key under the passphrase and the recovery key; unlocking opens
//! a seal and then the database. A failure never deletes or recreates
//! a file: with SQLCipher, a typo in a passphrase and a damaged disk look alike until the seal has
//! been checked, and either way the user's data must survive the error.

use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::keyfile::{KdfParams, KeyFile};
use crate::store::secret::{Passphrase, RECOVERY_KEY_BYTES, RecoveryKey, random};
use crate::store::{db, files, recovery, repair};
use crate::transfer::backup::BackupReason;

pub const DATABASE_FILE: &str = "journal.db";
pub const KEY_FILE: &str = "journal.key";

/// Whether a folder holds a journal yet; the app offers "create" or "unlock" from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum VaultStatus {
    Absent,
    Present,
}

#[derive(Debug)]
pub struct Vault;

impl Vault {
    pub fn status(dir: &Path) -> VaultStatus {
        if dir.join(KEY_FILE).exists() || repair::looks_like_a_journal(dir) {
            VaultStatus::Present
        } else {
            VaultStatus::Absent
        }
    }

    /// Creates a journal with the default (full-cost) key derivation.
    pub fn create(dir: &Path, passphrase: &Passphrase) -> Result<(Journal, RecoveryKey)> {
        Self::create_with(dir, passphrase, KdfParams::default())
    }

    /// Creates a journal with explicit KDF cost; tests that are not about the KDF use a cheap one.
    pub fn create_with(
        dir: &Path,
        passphrase: &Passphrase,
        params: KdfParams,
    ) -> Result<(Journal, RecoveryKey)> {
        passphrase.check_new()?;
        if Self::status(dir) == VaultStatus::Present {
            return Err(Error::Conflict(
                "A journal already exists in this folder.".into(),
            ));
        }
        files::create_private_dir(dir)?;
        let recovery = random::<RECOVERY_KEY_BYTES>()?;
        // Derived from the recovery key, so that key opens the database even without the key
        // file (see `store::recovery`).
        let data_key = recovery::data_key_from_recovery(&recovery);
        let key_file = KeyFile::seal(&data_key, passphrase, &recovery, params, DATABASE_FILE)?;
        let db_path = dir.join(DATABASE_FILE);
        // The database comes first and the key file last: the key file's atomic rename is the
        // moment the journal exists. If anything before it fails, the half-made empty database
        // (ours, seconds old, holding nothing of the user's) is removed.
        // Created with its recovery key not yet confirmed as saved (the settings row is written
        // before the key file makes the journal exist).
        // The database file starts empty and private (0600, like the key file): SQLite would create
        // it with the process's umask, and its -wal and -shm take the same mode.
        let created = files::create_empty_private(&db_path)
            .and_then(|()| db::open(&db_path, &data_key, true))
            .and_then(|conn| {
                conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, 'no'), (?2, ?3)",
                    [
                        crate::store::keys::RECOVERY_CONFIRMED,
                        recovery::DATA_KEY_SOURCE,
                        recovery::FROM_RECOVERY_KEY,
                    ],
                )?;
                Ok(conn)
            })
            .and_then(|conn| key_file.write(&dir.join(KEY_FILE)).map(|()| conn));
        match created {
            Ok(conn) => Ok((
                Journal::new(conn, dir.to_path_buf(), data_key),
                RecoveryKey::from_bytes(&recovery),
            )),
            Err(err) => {
                files::remove_database(&db_path);
                Err(err)
            }
        }
    }

    pub fn unlock(dir: &Path, passphrase: &Passphrase) -> Result<Journal> {
        passphrase.check_length()?;
        let file = read_key_file(dir)?;
        let key = file.open_with_passphrase(passphrase)?;
        Self::open_database(dir, file.database(), key)
    }

    pub fn unlock_with_recovery(dir: &Path, recovery_key: &RecoveryKey) -> Result<Journal> {
        Self::recover(dir, recovery_key).map(|(journal, _)| journal)
    }

    /// Unlocks with the recovery key; when the key file is missing, damaged or belongs to another
    /// journal, rebuilds it from a backup, or else from the database alone (see `repair`). The
    /// flag says whether it was rebuilt.
    pub fn recover(dir: &Path, recovery_key: &RecoveryKey) -> Result<(Journal, bool)> {
        let recovery = recovery_key.to_bytes()?;
        let direct = read_key_file(dir).and_then(|file| {
            let key = file.open_with_recovery(&recovery)?;
            Self::open_database(dir, file.database(), key)
        });
        match direct {
            Ok(journal) => Ok((journal, false)),
            Err(
                err @ (Error::WrongRecoveryKey
                | Error::WrongPassphrase
                | Error::Corrupt(_)
                | Error::NotFound(_)),
            ) => match repair::rebuild_key_file(dir, &recovery)? {
                Some(journal) => Ok((journal, true)),
                None => match repair::rebuild_from_database(dir, &recovery)? {
                    Some(journal) => Ok((journal, true)),
                    None => Err(err),
                },
            },
            Err(err) => Err(err),
        }
    }

    /// Opens the database file `database` of the journal in `dir` with its data key, backing it
    /// up first when this version of the app is about to migrate its schema.
    pub(crate) fn open_database(
        dir: &Path,
        database: &str,
        key: crate::store::keyfile::DataKey,
    ) -> Result<Journal> {
        // An update of the app that changes the schema backs the journal up first.
        let conn = db::open_then(&dir.join(database), &key, false, |conn| {
            crate::transfer::backup::take(
                conn,
                dir,
                &key,
                chrono::Utc::now(),
                BackupReason::BeforeMigration,
            )
            .map(|_| ())
        })?;
        files::make_database_private(&dir.join(database));
        Ok(Journal::new(conn, dir.to_path_buf(), key))
    }
}

pub(crate) fn read_key_file(dir: &Path) -> Result<KeyFile> {
    let path = dir.join(KEY_FILE);
    if !path.exists() {
        return Err(if repair::looks_like_a_journal(dir) {
            Error::Corrupt(
                "The journal's key file is missing from its folder. Unlock with your recovery key: \
                 if the journal has a backup, the key file is rebuilt from it."
                    .into(),
            )
        } else {
            Error::NotFound("A journal")
        });
    }
    KeyFile::read(&path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::LATEST_SCHEMA_VERSION;
    use std::fs;

    #[test]
    fn a_journal_from_a_newer_version_is_refused_and_left_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (journal, _) =
            Vault::create_with(dir.path(), &pass, KdfParams::cheap_for_tests()).unwrap();
        journal
            .conn
            .pragma_update(None, "user_version", i64::from(LATEST_SCHEMA_VERSION) + 1)
            .unwrap();
        journal.lock();
        let db = dir.path().join(DATABASE_FILE);
        let before = fs::read(&db).unwrap();

        let err = Vault::unlock(dir.path(), &pass).unwrap_err();
        assert!(
            matches!(err, Error::Conflict(_)),
            "refused with a clear error: {err}"
        );
        assert!(err.to_string().contains("newer version"));
        assert_eq!(
            fs::read(&db).unwrap(),
            before,
            "the newer journal is not modified"
        );
    }

    #[test]
    fn a_new_journal_is_migrated_to_the_latest_schema_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (journal, _) =
            Vault::create_with(dir.path(), &pass, KdfParams::cheap_for_tests()).unwrap();
        assert_eq!(
            crate::store::migrate::schema_version(&journal.conn).unwrap(),
            LATEST_SCHEMA_VERSION
        );
        let mode: String = journal
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = journal
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = journal
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous = FULL");
    }
}
