//! A journal whose key file is gone, truncated or replaced (a sync tool, a mistaken delete) still
//! opens with the recovery key, as long as a backup exists: every backup holds the key file of its
//! time, and the app gives each backup the current passphrase and recovery key seals. The recovery
//! key opens a backup's seal, the data key found there must open one of the journal's own database
//! files, and only then is the key file rebuilt (the unreadable one is kept aside, never deleted).
//!
//! Without any backup the recovery key cannot help: it only opens the seal inside the key file.
//! SECURITY.md says so, and the daily backup makes it rare after the first day.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::journal::Journal;
use crate::store::db;
use crate::store::keyfile::KeyFile;
use crate::store::secret::RECOVERY_KEY_BYTES;
use crate::store::vault::KEY_FILE;
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
        for database in database_candidates(dir) {
            let Ok(conn) = db::open(&database, &key, false) else {
                continue;
            };
            let Some(name) = database.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let live = dir.join(KEY_FILE);
            if live.exists() {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
                fs::rename(&live, dir.join(format!("{KEY_FILE}.unreadable-{stamp}")))?;
            }
            theirs.for_database(name).write(&live)?;
            return Ok(Some(Journal::new(conn, dir.to_path_buf(), key)));
        }
    }
    Ok(None)
}
