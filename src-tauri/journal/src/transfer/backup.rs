//! Encrypted backups of the open journal, each a folder under `backups/` in the journal folder:
//! an SQLCipher snapshot of the database (under the same data key), the key file as it was at the
//! time (so the passphrase of that day or the recovery key opens it) and a small manifest.
//!
//! A backup folder is a journal folder: copied anywhere, `Vault::unlock` opens it. It is written
//! under a hidden `.partial-*` name, checked (opened read-only, every page's authentication code
//! and the database structure), then renamed into place in one step, so an interrupted backup is
//! never listed as one, and a listed backup was verified when it was written. The manifest holds no
//! journal content: when, why, which schema, how big, when verified.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::store::files;
use crate::store::keyfile::{DataKey, key_id};
use crate::store::snapshot;
use crate::store::vault::{KEY_FILE, read_key_file};
use crate::transfer::job::BackupStage;
use crate::transfer::place::PLACE_FOLDER;
use crate::transfer::retention::{Retention, expired};
use rusqlite::Connection;

/// The folder, inside the journal folder, that holds the backups the app manages.
pub const BACKUPS_DIR: &str = "backups";
const MANIFEST: &str = "backup.json";
pub(crate) const PARTIAL: &str = ".partial-";
const PRUNING: &str = ".pruning-";
const FORMAT: u32 = 1;

/// Why a backup was taken; retention keeps pre-migration ones longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupReason {
    /// Asked for by the user.
    Manual,
    /// The daily one (on unlock when the newest is older than a day, and daily while open).
    Daily,
    BeforeMigration,
    BeforeKeyRotation,
    BeforeRestore,
    BeforeImport,
}

impl BackupReason {
    fn slug(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeKeyRotation => "before-key-rotation",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeImport => "before-import",
        }
    }
}

/// One backup as Settings lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backup {
    /// The folder's name under `backups/`; stable, sortable by time.
    pub id: String,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub schema_version: u32,
    #[ts(type = "number")]
    pub bytes: u64,
    /// When its pages were last checked and found intact.
    pub verified_at: Option<DateTime<Utc>>,
    /// Encrypted with a data key the journal no longer has (taken before a re-encryption or a
    /// new recovery key). Worked out when listed (false as stored in a manifest).
    #[serde(default)]
    pub older_key: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Manifest {
    format: u32,
    app_version: String,
    /// Which data key the copy is under (`keyfile::key_id`), so a new passphrase or recovery key
    /// reaches the backups it can open.
    #[serde(default)]
    pub(crate) key_id: Option<String>,
    #[serde(flatten)]
    pub(crate) backup: Backup,
}

impl Journal {
    /// Takes a backup now: snapshot, key file, check, then one rename makes it a backup.
    pub fn back_up(&self, reason: BackupReason) -> Result<Backup> {
        let backup = take(&self.conn, &self.dir, &self.key, self.now(), reason)?;
        self.prune_backups(self.retention()?)?;
        self.copy_to_place(&backup);
        Ok(backup)
    }

    /// A daily backup when the newest is older than a day (or there is none): what unlocking
    /// and the app's daily timer call.
    pub fn back_up_if_due(&self) -> Result<Option<Backup>> {
        if self.backup_is_due()? {
            self.back_up(BackupReason::Daily).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Whether the newest backup is a day old or there is none.
    pub(crate) fn backup_is_due(&self) -> Result<bool> {
        let newest = self.backups()?.into_iter().next();
        Ok(newest.is_none_or(|b| self.now() - b.taken_at >= chrono::Duration::days(1)))
    }

    /// Removes the backups that `policy` no longer keeps (see `retention`).
    pub fn prune_backups(&self, policy: Retention) -> Result<()> {
        prune(&self.dir.join(BACKUPS_DIR), policy)
    }

    /// Gives every backup under the journal's current data key the journal's current key file, so
    /// that after a new passphrase only the new one opens them (local, and in the second place
    /// when it can be reached now; a stick plugged in later keeps the old seals until then,
    /// SECURITY.md says so). Backups under an older data key are `rekeyed`'s.
    pub(crate) fn reseal_backups(&self) -> Result<()> {
        let current = key_id(&self.key);
        let sealed = read_key_file(&self.dir)?;
        let mut failed = 0;
        for (folder, manifest) in self.all_manifests()? {
            if manifest.key_id.as_deref() != Some(current.as_str()) {
                continue;
            }
            let resealed = read_key_file(&folder).and_then(|theirs| {
                sealed
                    .clone()
                    .for_database(theirs.database())
                    .write(&folder.join(KEY_FILE))
            });
            if resealed.is_err() {
                failed += 1;
            }
        }
        if failed == 0 {
            Ok(())
        } else {
            Err(Error::Io(std::io::Error::other(format!(
                "the change is made, but {failed} older backup{} could not be updated and still \
                 open with the old secret",
                if failed == 1 { "" } else { "s" }
            ))))
        }
    }

    /// The manifests of the local backups and of those in the second place, when reachable.
    pub(crate) fn all_manifests(&self) -> Result<Vec<(PathBuf, Manifest)>> {
        let mut found = manifests(&self.dir.join(BACKUPS_DIR))?;
        if let Some(place) = self.backup_place()?.filter(|p| p.reachable) {
            found.extend(manifests(&Path::new(&place.path).join(PLACE_FOLDER)).unwrap_or_default());
        }
        Ok(found)
    }

    /// The backups of this journal, newest first, each marked when under an older data key.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        let current = key_id(&self.key);
        let mut found: Vec<Backup> = manifests(&self.dir.join(BACKUPS_DIR))?
            .into_iter()
            .map(|(_, m)| Backup {
                older_key: m.key_id.is_some_and(|id| id != current),
                ..m.backup
            })
            .collect();
        sort_newest_first(&mut found);
        Ok(found)
    }
}

/// Takes a backup of the journal in `dir` through `conn` (keyed with `key`): snapshot, key file,
/// check, then one rename makes it a backup. No pruning: that is `Journal::back_up`'s.
pub(crate) fn take(
    conn: &Connection,
    dir: &Path,
    key: &DataKey,
    taken_at: DateTime<Utc>,
    reason: BackupReason,
) -> Result<Backup> {
    take_staged(conn, dir, key, (taken_at, reason), &|_| {})
}

/// `take`, saying when each stage starts (for the progress of a backup off the command thread).
pub(crate) fn take_staged(
    conn: &Connection,
    dir: &Path,
    key: &DataKey,
    (taken_at, reason): (DateTime<Utc>, BackupReason),
    on_stage: &dyn Fn(BackupStage),
) -> Result<Backup> {
    let root = dir.join(BACKUPS_DIR);
    files::create_private_dir(&root)?;
    let _one_at_a_time = lock_folder(&root)?;
    remove_partials(&root);
    let id = free_name(
        &root,
        &format!("{}-{}", taken_at.format("%Y%m%dT%H%M%SZ"), reason.slug()),
    )?;
    let partial = root.join(format!("{PARTIAL}{id}"));
    files::create_private_dir(&partial)?;
    let stamp = Stamp {
        taken_at,
        reason,
        verified_at: taken_at,
    };
    let backup = match write_backup(conn, dir, key, &partial, &id, stamp, on_stage) {
        Ok(backup) => backup,
        Err(err) => {
            let _ = fs::remove_dir_all(&partial);
            return Err(err);
        }
    };
    if let Err(err) = fs::rename(&partial, root.join(&id)).and_then(|()| sync_dir(&root)) {
        let _ = fs::remove_dir_all(&partial);
        return Err(err.into());
    }
    Ok(backup)
}

/// When and why a backup was taken, and when its copy was checked (later than taken for a
/// backup re-encrypted under a new key).
pub(crate) struct Stamp {
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub verified_at: DateTime<Utc>,
}

/// Writes a backup of `conn` (a snapshot under `key`, the key file of the journal in `dir`, the
/// manifest) into the folder `partial`, checking the snapshot on the way.
pub(crate) fn write_backup(
    conn: &Connection,
    dir: &Path,
    key: &DataKey,
    partial: &Path,
    id: &str,
    Stamp {
        taken_at,
        reason,
        verified_at,
    }: Stamp,
    on_stage: &dyn Fn(BackupStage),
) -> Result<Backup> {
    let key_file = read_key_file(dir)?;
    files::write_atomically(&partial.join(KEY_FILE), &fs::read(dir.join(KEY_FILE))?)?;
    let database = partial.join(key_file.database());
    on_stage(BackupStage::Snapshot);
    snapshot::export(conn, &database, key)?;
    on_stage(BackupStage::Verify);
    let schema_version = snapshot::check(&database, key)?;
    let backup = Backup {
        id: id.to_owned(),
        taken_at,
        reason,
        schema_version,
        bytes: folder_bytes(partial)?,
        // Checked just now, within this same step.
        verified_at: Some(verified_at),
        older_key: false,
    };
    let manifest = Manifest {
        format: FORMAT,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        key_id: Some(key_id(key)),
        backup: backup.clone(),
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|_| Error::Internal("could not encode a backup manifest".into()))?;
    files::write_atomically(&partial.join(MANIFEST), &json)?;
    Ok(backup)
}

/// The finished backups in a `backups/` folder, newest first. Folders being written (or left by
/// an interrupted backup) and anything without a readable manifest are not backups.
pub fn list_backups(root: &Path) -> Result<Vec<Backup>> {
    let mut backups: Vec<Backup> = manifests(root)?
        .into_iter()
        .map(|(_, m)| m.backup)
        .collect();
    sort_newest_first(&mut backups);
    Ok(backups)
}

fn sort_newest_first(backups: &mut [Backup]) {
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.id.cmp(&a.id)));
}

/// Each finished backup's folder and manifest.
pub(crate) fn manifests(root: &Path) -> Result<Vec<(PathBuf, Manifest)>> {
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(err.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.file_type()?.is_dir() {
            continue;
        }
        let Ok(bytes) = fs::read(entry.path().join(MANIFEST)) else {
            continue;
        };
        if let Ok(manifest) = serde_json::from_slice::<Manifest>(&bytes)
            && manifest.format == FORMAT
            && manifest.backup.id == name
        {
            found.push((entry.path(), manifest));
        }
    }
    Ok(found)
}

/// Removes the backups in `root` (this journal's, or the second place's) that `policy` no longer
/// keeps. Each is unlisted in one step first (renamed to a hidden name), so a backup half removed
/// is never listed.
pub(crate) fn prune(root: &Path, policy: Retention) -> Result<()> {
    for id in expired(&list_backups(root)?, policy) {
        unlist_and_remove(&root.join(id))?;
    }
    Ok(())
}

/// Removes a backup folder, unlisting it in one step first (a rename to a hidden name).
pub(crate) fn unlist_and_remove(folder: &Path) -> Result<()> {
    let (Some(root), Some(name)) = (folder.parent(), folder.file_name()) else {
        return Ok(());
    };
    let doomed = root.join(format!("{PRUNING}{}", name.to_string_lossy()));
    fs::rename(folder, &doomed)?;
    fs::remove_dir_all(doomed)?;
    Ok(())
}

/// One backup at a time in a backups folder, across processes (the app and `mj`): an advisory
/// lock on `.lock` in it, held until the returned file is dropped, so that no backup removes
/// another's folder in progress as a leftover.
pub(crate) fn lock_folder(root: &Path) -> Result<fs::File> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(root.join(".lock"))?;
    file.lock()?;
    Ok(file)
}

/// Leftovers of interrupted backups and removals: ours, never listed, holding nothing readable
/// without a key.
fn remove_partials(root: &Path) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PARTIAL) || name.starts_with(PRUNING) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

pub(crate) fn free_name(root: &Path, base: &str) -> Result<String> {
    (1..100)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|name| !root.join(name).exists())
        .ok_or_else(|| Error::Conflict("Too many backups taken in the same second.".into()))
}

fn folder_bytes(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        total += entry?.metadata()?.len();
    }
    Ok(total)
}

pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::migrate::{LATEST_SCHEMA_VERSION, run_up_to};
    use crate::{KdfParams, Passphrase, Vault};

    #[test]
    fn an_update_that_migrates_the_journal_backs_it_up_first() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery staple");
        let (journal, _) =
            Vault::create_with(dir.path(), &pass, KdfParams::cheap_for_tests()).unwrap();
        let key = journal.key.clone();
        drop(journal);
        // The same journal as an older version of the app left it: one migration behind.
        let db = dir.path().join(crate::DATABASE_FILE);
        files::remove_database(&db);
        {
            let mut conn = Connection::open(&db).unwrap();
            conn.execute_batch(&format!("PRAGMA key = \"{}\";", &*snapshot::keying(&key)))
                .unwrap();
            run_up_to(&mut conn, LATEST_SCHEMA_VERSION as usize - 1).unwrap();
        }
        assert!(
            list_backups(&dir.path().join(BACKUPS_DIR))
                .unwrap()
                .is_empty()
        );
        let journal = Vault::unlock(dir.path(), &pass).unwrap();
        let backups = journal.backups().unwrap();
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
        assert_eq!(
            backups[0].schema_version,
            LATEST_SCHEMA_VERSION - 1,
            "taken before migrating"
        );
        drop(journal);
        let again = Vault::unlock(dir.path(), &pass).unwrap();
        assert_eq!(
            again.backups().unwrap().len(),
            1,
            "no migration, no new backup"
        );
    }
}
