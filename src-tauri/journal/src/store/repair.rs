//! A journal whose key file is gone, truncated or replaced (a sync tool, a mistaken delete) still
//! opens with the recovery key, as long as a backup exists: every backup holds the key file of its
//! time, and the app gives each backup the current passphrase and recovery key seals. The recovery
//! key opens a backup's seal, the data key found there must open one of the journal's own database
//! files, and only then is the key file rebuilt (the unreadable one is kept aside, never deleted).
//!
//! Without any backup, the database alone is enough for a journal whose data key is derived from
//! its recovery key (every journal made or re-encrypted since backups exist; see
//! `store::recovery`): the key file is written anew, with the recovery seal and a passphrase seal
//! nobody knows, and the app asks for a new passphrase straight away. An older journal with a
//! random data key and no backup cannot be opened without its key file; SECURITY.md says so and
//! Settings prompts its owner to issue a new recovery key.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::journal::Journal;
use crate::store::keyfile::{DataKey, KdfParams, KeyFile};
use crate::store::secret::{Passphrase, RECOVERY_KEY_BYTES, random};
use crate::store::vault::{KEY_FILE, Vault};
use crate::store::{db, recovery};
use crate::transfer::backup::{BACKUPS_DIR, list_backups};

/// The database files directly in the journal folder that could be the journal.
fn database_candidates(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("journal") && n.ends_with(".db"))
        })
        .collect();
    // Newest first: after a re-encryption the current database is the latest written.
    found.sort_by_key(|p| std::cmp::Reverse(fs::metadata(p).and_then(|m| m.modified()).ok()));
    found
}

/// Whether the folder holds any sign of a journal (so the app never offers to create a new one
/// over it, even when its key file is gone).
pub(crate) fn looks_like_a_journal(dir: &Path) -> bool {
    !database_candidates(dir).is_empty()
        || list_backups(&dir.join(BACKUPS_DIR)).is_ok_and(|b| !b.is_empty())
}

/// Rebuilds the key file from a backup with the recovery key and opens the journal; `None` when
/// no backup's seal opens with this key and opens one of the folder's databases.
pub(crate) fn rebuild_key_file(
    dir: &Path,
    recovery: &[u8; RECOVERY_KEY_BYTES],
) -> Result<Option<Journal>> {
    let backups_root = dir.join(BACKUPS_DIR);
    for backup in list_backups(&backups_root)? {
        let Ok(theirs) = KeyFile::read(&backups_root.join(&backup.id).join(KEY_FILE)) else {
            continue;
        };
        let Ok(key) = theirs.open_with_recovery(recovery) else {
            continue;
        };
        if let Some(name) = database_opened_by(dir, &key) {
            replace_key_file(dir, theirs.for_database(&name))?;
            return Vault::open_database(dir, &name, key).map(Some);
        }
    }
    Ok(None)
}

/// Rebuilds the key file from the database alone, when its data key is derived from this
/// recovery key; `None` when no database in the folder opens with that key.
pub(crate) fn rebuild_from_database(
    dir: &Path,
    recovery: &[u8; RECOVERY_KEY_BYTES],
) -> Result<Option<Journal>> {
    let key = recovery::data_key_from_recovery(recovery);
    let Some(name) = database_opened_by(dir, &key) else {
        return Ok(None);
    };
    // A passphrase seal is required by the format; this one is under 256 random bits nobody
    // knows (so no slow derivation is needed to protect it), and the app asks for a new
    // passphrase right after a recovery unlock, sealed at the full cost.
    let unknown = Passphrase::new(data_encoding::HEXLOWER.encode(&*random::<32>()?));
    let file = KeyFile::seal(
        &key,
        &unknown,
        recovery,
        KdfParams::cheap_for_tests(),
        &name,
    )?;
    replace_key_file(dir, file)?;
    Vault::open_database(dir, &name, key).map(Some)
}

/// The first of the folder's database files (newest first) that this key opens. When the key
/// file can still be read and names a database that is there (it was replaced with another
/// journal's, or the recovery key typed is an old one), only that database is tried: an old
/// recovery key must never switch the journal to a stale copy left in the folder.
fn database_opened_by(dir: &Path, key: &DataKey) -> Option<String> {
    let named = KeyFile::read(&dir.join(KEY_FILE))
        .ok()
        .map(|file| dir.join(file.database()))
        .filter(|path| path.is_file());
    named
        .map_or_else(|| database_candidates(dir), |path| vec![path])
        .into_iter()
        .filter(|database| db::opens_with(database, key))
        .find_map(|database| Some(database.file_name()?.to_str()?.to_owned()))
}

/// Writes the rebuilt key file; an unreadable one in its place is kept aside, never deleted.
fn replace_key_file(dir: &Path, file: KeyFile) -> Result<()> {
    let live = dir.join(KEY_FILE);
    if live.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        fs::rename(&live, dir.join(format!("{KEY_FILE}.unreadable-{stamp}")))?;
    }
    file.write(&live)
}
