//! Restoring a backup: open it read-only with the secret that opens it (the passphrase or the
//! recovery key), preview what it holds, then make it the journal.
//!
//! The switch is one atomic step, the rename of the key file: the backup's database is first
//! copied into the journal folder under a new name and checked, the current journal is backed up
//! (a "before restore" backup) and copied aside, and only then does the key file start naming the
//! restored database. A crash before that leaves the journal as it was (plus a stray copy nobody
//! opens); after it, the restored one. The journal as it was is kept in `replaced-*/`, never
//! deleted.

use chrono::NaiveDate;
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::keyfile::{DataKey, KeyFile, key_id};
use crate::store::migrate::LATEST_SCHEMA_VERSION;
use crate::store::secret::{Passphrase, RecoveryKey};
use crate::store::vault::KEY_FILE;
use crate::store::{db, files, snapshot};
use crate::transfer::backup::{BACKUPS_DIR, BackupReason};

/// What opens a backup: the passphrase of its time or the recovery key.
#[derive(Debug, Clone, Copy)]
pub enum Secret<'a> {
    Passphrase(&'a Passphrase),
    RecoveryKey(&'a RecoveryKey),
}

impl<'a> Secret<'a> {
    /// The secret a front end sent: the passphrase when given, else the recovery key.
    pub fn from_options(
        passphrase: Option<&'a Passphrase>,
        recovery_key: Option<&'a RecoveryKey>,
    ) -> Result<Self> {
        match (passphrase, recovery_key) {
            (Some(p), _) => Ok(Secret::Passphrase(p)),
            (None, Some(r)) => Ok(Secret::RecoveryKey(r)),
            (None, None) => Err(Error::validation(
                "passphrase",
                "Enter the passphrase or the recovery key that opens this backup.",
            )),
        }
    }
}

/// What a backup holds, shown before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupPreview {
    pub mentors: u32,
    pub notes: u32,
    pub goals: u32,
    pub last_note_on: Option<NaiveDate>,
    pub schema_version: u32,
}

/// After a restore: where the journal as it was now lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Restored {
    pub kept_aside: String,
    pub preview: BackupPreview,
    /// The backup was under another data key than the journal it replaced (from before a new
    /// recovery key, or another journal's): the recovery key that opens the journal now is the
    /// one of the backup's time.
    pub older_key: bool,
}

/// Opens a backup folder's key with `secret` and reads what it holds, changing nothing.
fn open_backup(folder: &Path, secret: Secret<'_>) -> Result<(KeyFile, DataKey, BackupPreview)> {
    if !folder.join(KEY_FILE).is_file() {
        return Err(Error::validation(
            "path",
            "That folder holds no Mentor Journal backup (there is no journal.key in it).",
        ));
    }
    let key_file = KeyFile::read(&folder.join(KEY_FILE)).map_err(|_| {
        Error::Corrupt("The backup is damaged (its key file cannot be read).".into())
    })?;
    let key = match secret {
        Secret::Passphrase(p) => {
            p.check_length()?;
            key_file.open_with_passphrase(p)?
        }
        Secret::RecoveryKey(r) => key_file.open_with_recovery(&*r.to_bytes()?)?,
    };
    let database = folder.join(key_file.database());
    let schema_version = snapshot::check(&database, &key)?;
    if schema_version > LATEST_SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "This backup was made by a newer version of Mentor Journal (schema {schema_version}; \
             this version knows up to {LATEST_SCHEMA_VERSION}). Update the app to restore it; \
             nothing was changed."
        )));
    }
    let conn = snapshot::open_read_only(&database, &key)?;
    let count = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, u32>(0));
    let preview = BackupPreview {
        mentors: count("SELECT count(*) FROM mentors")?,
        notes: count("SELECT count(*) FROM conversations WHERE is_draft = 0")?,
        goals: count("SELECT count(*) FROM goals")?,
        last_note_on: conn.query_row(
            "SELECT max(substr(occurred_at, 1, 10)) FROM conversations WHERE is_draft = 0",
            [],
            |row| row.get(0),
        )?,
        schema_version,
    };
    Ok((key_file, key, preview))
}

/// What a backup folder (one of the journal's, or a copy from anywhere) holds.
pub fn preview_backup(folder: &Path, secret: Secret<'_>) -> Result<BackupPreview> {
    open_backup(folder, secret).map(|(_, _, preview)| preview)
}

impl Journal {
    /// The folder of one of this journal's backups, by id (never a path from outside).
    pub fn backup_folder(&self, id: &str) -> Result<PathBuf> {
        let plain = !id.is_empty()
            && !id.starts_with('.')
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        let folder = self.dir.join(BACKUPS_DIR).join(id);
        if plain && folder.is_dir() {
            Ok(folder)
        } else {
            Err(Error::NotFound("That backup"))
        }
    }

    /// Makes the backup in `folder` the journal (see the module notes). Afterwards the journal
    /// opens with the secrets of the backup's key file.
    pub fn restore(&mut self, folder: &Path, secret: Secret<'_>) -> Result<Restored> {
        let (theirs, key, preview) = open_backup(folder, secret)?;
        let base = self.now().format("%Y%m%dT%H%M%SZ").to_string();
        // A free name for both the restored database and the folder kept aside (two restores in
        // one second, or a stray copy left by an interrupted one, must not collide).
        let stamp = (1..1000)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|s| {
                !self.dir.join(format!("journal-restored-{s}.db")).exists()
                    && !self.dir.join(format!("replaced-{s}")).exists()
            })
            .ok_or_else(|| Error::Conflict("Too many restores in the same second.".into()))?;
        let restored_name = format!("journal-restored-{stamp}.db");
        let restored_path = self.dir.join(&restored_name);
        copy_synced(&folder.join(theirs.database()), &restored_path)?;
        let opened = snapshot::check(&restored_path, &key)
            .and_then(|_| db::open(&restored_path, &key, false));
        // Taken after the copy: retention may thin out the backup being restored from.
        let conn = match opened.and_then(|conn| {
            self.back_up(BackupReason::BeforeRestore)?;
            Ok(conn)
        }) {
            Ok(conn) => conn,
            Err(err) => {
                files::remove_database(&restored_path);
                return Err(err);
            }
        };
        // The journal as it is now, kept aside: its key file copied before the switch, its
        // database moved after it.
        let aside = self.dir.join(format!("replaced-{stamp}"));
        files::create_private_dir(&aside)?;
        let current_db = crate::store::vault::read_key_file(&self.dir)?
            .database()
            .to_owned();
        copy_synced(&self.dir.join(KEY_FILE), &aside.join(KEY_FILE))?;
        theirs
            .for_database(&restored_name)
            .write(&self.dir.join(KEY_FILE))?;
        // Committed: the key file names the restored database.
        let older_key = key_id(&key) != key_id(&self.key);
        let restored = Journal::new(conn, self.dir.clone(), key).with_clock(self.clock);
        drop(std::mem::replace(self, restored));
        for suffix in ["", "-wal", "-shm"] {
            let from = files::sibling(&self.dir.join(&current_db), suffix);
            if from.exists() {
                let _ = fs::rename(&from, files::sibling(&aside.join(&current_db), suffix));
            }
        }
        Ok(Restored {
            kept_aside: aside.display().to_string(),
            preview,
            older_key,
        })
    }
}

fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to)?;
    fs::File::open(to)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KdfParams, Vault};

    #[test]
    fn a_backup_from_a_newer_version_is_refused_and_left_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (mut journal, _) =
            Vault::create_with(dir.path(), &pass, KdfParams::cheap_for_tests()).unwrap();
        let backup = journal.back_up(BackupReason::Manual).unwrap();
        let folder = journal.backup_folder(&backup.id).unwrap();
        let db = folder.join(crate::DATABASE_FILE);
        {
            let conn = rusqlite::Connection::open(&db).unwrap();
            conn.execute_batch(&format!(
                "PRAGMA key = \"{}\"; PRAGMA user_version = {};",
                &*snapshot::keying(&journal.key),
                LATEST_SCHEMA_VERSION + 1
            ))
            .unwrap();
        }
        let bytes = fs::read(&db).unwrap();
        let err = journal
            .restore(&folder, Secret::Passphrase(&pass))
            .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Conflict, "{err}");
        assert!(err.to_string().contains("newer version"), "{err}");
        assert_eq!(fs::read(&db).unwrap(), bytes, "byte-identical");
        assert!(preview_backup(&folder, Secret::Passphrase(&pass)).is_err());
    }
}
