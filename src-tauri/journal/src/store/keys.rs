//! Key changes on an unlocked journal: a new passphrase, a new recovery key (with a new data key), and
//! the page-by-page check that follows a rotation (and that Settings offers).
//!
//! Each change is crash-safe by construction: only the key file is rewritten, atomically, so at
//! every instant either the old or the new secret opens the journal. A rotation writes a whole new
//! database under the new key, checks it, and only then points the key file at it.

/// Set to "yes" once the user says the current recovery key is saved; any other value (or none,
/// in a journal made before this was recorded) means it was never confirmed.
pub(crate) const RECOVERY_CONFIRMED: &str = "recovery_key_confirmed";

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::keyfile::{KdfParams, KeyFile};
use crate::store::secret::{Passphrase, RECOVERY_KEY_BYTES, RecoveryKey, random};
use crate::store::vault::{KEY_FILE, read_key_file};
use crate::store::{files, recovery, snapshot};

/// Whether the current recovery key was confirmed as saved, and whether it opens the journal's
/// database even without the key file (false for a journal made before that; a new recovery key
/// fixes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoveryStatus {
    pub confirmed: bool,
    pub without_key_file: bool,
}

impl Journal {
    /// Whether the user confirmed saving the current recovery key. Closing the app on the screen
    /// that shows it leaves this false, and the next unlock offers to issue a new one.
    pub fn recovery_key_confirmed(&self) -> Result<bool> {
        Ok(self.setting(RECOVERY_CONFIRMED)?.as_deref() == Some("yes"))
    }

    /// The user saved (printed, stored) the recovery key they were shown.
    pub fn confirm_recovery_key_saved(&self) -> Result<()> {
        self.put_setting(RECOVERY_CONFIRMED, "yes")
    }

    /// A recovery key is about to be shown: until confirmed, it counts as not saved. Recorded
    /// before the key file changes, so a crash in between errs towards asking again.
    pub(crate) fn recovery_key_issued(&self) -> Result<()> {
        self.put_setting(RECOVERY_CONFIRMED, "no")
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
            .write(&self.dir.join(KEY_FILE))?;
        self.reseal_backups()
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
            .write(&self.dir.join(KEY_FILE))?;
        self.reseal_backups()?;
        self.reseal_older_backups(current, new, params)
    }

    /// What the app knows about the recovery key, for the prompt after unlocking and Settings.
    pub fn recovery_status(&self) -> Result<RecoveryStatus> {
        Ok(RecoveryStatus {
            confirmed: self.recovery_key_confirmed()?,
            without_key_file: self.recoverable_without_key_file()?,
        })
    }

    /// Whether the recovery key alone opens the journal's database, with no key file (see
    /// `store::recovery`); false for a journal made before that, until its next recovery key.
    pub fn recoverable_without_key_file(&self) -> Result<bool> {
        Ok(
            self.setting(recovery::DATA_KEY_SOURCE)?.as_deref()
                == Some(recovery::FROM_RECOVERY_KEY),
        )
    }

    /// Issues a new recovery key (returned to show once; the old one stops working). The data key
    /// is derived from the recovery key, so this is a re-encryption: `rotate_key`.
    pub fn regenerate_recovery_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        self.rotate_key(passphrase)
    }

    /// Re-encrypts the whole journal under a new data key derived from a new recovery key, which
    /// is returned to show once: for a suspected leak of the old key, and whenever the user asks
    /// for a new recovery key. Needs the passphrase (to seal the new key).
    ///
    /// The backups taken before keep the old data key. Their key files are given the current
    /// passphrase and the new recovery key, so they still open and can be restored; Settings says
    /// what they are encrypted with and offers to re-encrypt or remove them.
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
        // The journal as it was, under the key it had, in case anything after this goes wrong.
        self.back_up(crate::BackupReason::BeforeKeyRotation)?;
        self.recovery_key_issued()?;
        let old_database = file.database().to_owned();
        let recovery = random::<RECOVERY_KEY_BYTES>()?;
        let new_key = recovery::data_key_from_recovery(&recovery);
        let stamp = self.now().format("%Y%m%d%H%M%S");
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
        snapshot::export(&self.conn, &new_path, &new_key)?;
        let checked = (|| {
            let conn = crate::store::db::open(&new_path, &new_key, false)?;
            let rotated =
                Journal::new(conn, self.dir.clone(), new_key.clone()).with_clock(self.clock);
            rotated.verify()?;
            rotated.put_setting(recovery::DATA_KEY_SOURCE, recovery::FROM_RECOVERY_KEY)?;
            Ok(rotated)
        })();
        let rotated = match checked {
            Ok(rotated) => rotated,
            Err(err) => {
                files::remove_database(&new_path);
                return Err(err);
            }
        };
        let old_key = self.key.clone();
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
        files::remove_database(&self.dir.join(&old_database));
        // The backups under the old key open with today's passphrase. Nothing after the commit
        // may fail the call, or the new recovery key would never be shown: a backup left with
        // the old seal still opens with the old passphrase.
        let _ = self.reseal_passphrase_of_backups(&old_key, passphrase, KdfParams::default());
        Ok(RecoveryKey::from_bytes(&recovery))
    }
}
