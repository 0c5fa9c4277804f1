//! Backups under an older data key: what a re-encryption (or a new recovery key, which is one)
//! leaves behind, and the two things the user may do about them.
//!
//! A re-encryption cannot change what the backups taken before it are encrypted with. Right after
//! it, each of them is given the current passphrase (a new passphrase seal; the recovery seal of
//! its time stays, because the data key of a journal is derived from that recovery key), so the
//! user can still restore them. Settings then says how many are under the old key and offers to
//! re-encrypt them (each becomes a new backup of the same day under the current key, written and
//! checked before the old one is removed) or to remove them. A later passphrase change reaches
//! them too, when they open with the passphrase it replaces.

use serde::Serialize;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::db;
use crate::store::keyfile::{DataKey, KdfParams, KeyFile, key_id};
use crate::store::secret::Passphrase;
use crate::store::vault::{KEY_FILE, read_key_file};
use crate::transfer::backup::{
    Manifest, PARTIAL, Stamp, free_name, lock_folder, sync_dir, unlist_and_remove, write_backup,
};

/// What re-encrypting the older backups did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reencrypted {
    /// Now under the journal's current key.
    pub reencrypted: usize,
    /// Still under an older key: their key file does not open with this passphrase (they are
    /// from before an earlier passphrase), or writing the new copy failed.
    pub left: usize,
}

impl Journal {
    /// The backups (local, and in the second place when reachable) under another data key.
    fn older_backups(&self) -> Result<Vec<(PathBuf, Manifest)>> {
        let current = key_id(&self.key);
        Ok(self
            .all_manifests()?
            .into_iter()
            .filter(|(_, m)| m.key_id.as_deref().is_some_and(|id| id != current))
            .collect())
    }

    /// Gives every backup under `key` a passphrase seal for `passphrase`, keeping its recovery
    /// seal; one key derivation for all of them.
    pub(crate) fn reseal_passphrase_of_backups(
        &self,
        key: &DataKey,
        passphrase: &Passphrase,
        params: KdfParams,
    ) -> Result<()> {
        let wanted = key_id(key);
        let mut template: Option<KeyFile> = None;
        for (folder, manifest) in self.all_manifests()? {
            if manifest.key_id.as_deref() != Some(wanted.as_str()) {
                continue;
            }
            let theirs = read_key_file(&folder)?;
            let resealed = match &template {
                Some(t) => theirs.with_passphrase_seal_of(t),
                None => theirs.with_passphrase(key, passphrase, params)?,
            };
            resealed.write(&folder.join(KEY_FILE))?;
            template.get_or_insert(resealed);
        }
        Ok(())
    }

    /// The data keys of the older backups whose key file opens with `passphrase`, by key id. One
    /// key derivation per older key (a second file is tried only when the first does not open).
    fn older_keys(&self, passphrase: &Passphrase) -> Result<HashMap<String, DataKey>> {
        let mut keys = HashMap::new();
        let mut tried: HashMap<String, usize> = HashMap::new();
        for (folder, manifest) in self.older_backups()? {
            let Some(id) = manifest.key_id else { continue };
            let attempts = tried.entry(id.clone()).or_default();
            if keys.contains_key(&id) || *attempts >= 3 {
                continue;
            }
            *attempts += 1;
            let opened = read_key_file(&folder).and_then(|f| f.open_with_passphrase(passphrase));
            if let Ok(key) = opened
                && key_id(&key) == id
            {
                keys.insert(id, key);
            }
        }
        Ok(keys)
    }

    /// After a passphrase change (`current` to `new`): the older backups that opened with the
    /// passphrase it replaces get the new one too.
    pub(crate) fn reseal_older_backups(
        &self,
        current: &Passphrase,
        new: &Passphrase,
        params: KdfParams,
    ) -> Result<()> {
        for key in self.older_keys(current)?.values() {
            self.reseal_passphrase_of_backups(key, new, params)?;
        }
        Ok(())
    }

    /// Removes every backup under an older data key (local, and in the second place when
    /// reachable); returns how many. Each is unlisted in one step before its files go.
    pub fn remove_older_backups(&self) -> Result<usize> {
        let older = self.older_backups()?;
        for (folder, _) in &older {
            unlist_and_remove(folder)?;
        }
        Ok(older.len())
    }

    /// Re-encrypts every older backup that opens with `passphrase` under the journal's current
    /// key: the copy is written beside it as a new backup of the same time and reason, checked,
    /// and only then is the old one removed. A crash in between leaves both, never neither.
    pub fn reencrypt_older_backups(&self, passphrase: &Passphrase) -> Result<Reencrypted> {
        if *read_key_file(&self.dir)?.open_with_passphrase(passphrase)? != *self.key {
            return Err(Error::WrongPassphrase);
        }
        let keys = self.older_keys(passphrase)?;
        let mut done = Reencrypted {
            reencrypted: 0,
            left: 0,
        };
        for (folder, manifest) in self.older_backups()? {
            let key = manifest.key_id.as_ref().and_then(|id| keys.get(id));
            match key.map(|key| self.reencrypt_one(&folder, &manifest, key)) {
                Some(Ok(())) => done.reencrypted += 1,
                _ => done.left += 1,
            }
        }
        Ok(done)
    }

    fn reencrypt_one(&self, folder: &Path, manifest: &Manifest, key: &DataKey) -> Result<()> {
        let root = folder
            .parent()
            .ok_or_else(|| Error::Internal("a backup folder has no parent".into()))?;
        let _one_at_a_time = lock_folder(root)?;
        let theirs = read_key_file(folder)?;
        let old = db::open_plain(&folder.join(theirs.database()), key)?;
        let id = free_name(root, &manifest.backup.id)?;
        let partial = root.join(format!("{PARTIAL}{id}"));
        crate::store::files::create_private_dir(&partial)?;
        let stamp = Stamp {
            taken_at: manifest.backup.taken_at,
            reason: manifest.backup.reason,
            verified_at: self.now(),
        };
        let written = write_backup(&old, &self.dir, &self.key, &partial, &id, stamp, &|_| {})
            .and_then(|_| Ok(fs::rename(&partial, root.join(&id))?))
            .and_then(|()| Ok(sync_dir(root)?));
        drop(old);
        if let Err(err) = written {
            let _ = fs::remove_dir_all(&partial);
            return Err(err);
        }
        unlist_and_remove(folder)
    }
}
