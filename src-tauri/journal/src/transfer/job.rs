//! A backup that runs off the command thread, so a 280 MiB journal (100,000 notes) is copied
//! while the window stays usable and shows how far it got.
//!
//! `Journal::backup_job` gathers what the backup needs (where the journal is, its key, how many
//! copies to keep, the second place) in a moment; `BackupJob::run` then works on a connection of
//! its own, with no lock on the journal. Under write-ahead logging that connection reads one
//! consistent snapshot of what was committed while the app goes on writing. Only recording the
//! second place's status comes back to the journal (`Journal::finish_backup`). One backup at a
//! time per folder, across processes, is `backup::lock_folder`'s.
//!
//! Progress is the size of the copy being written against the size of the journal, read every
//! fifth of a second by a watcher thread: an estimate (the copy carries no free pages), honest
//! enough for a bar, and capped below 100 % until the copy is complete.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;
use ts_rs::TS;

use crate::error::Result;
use crate::journal::Journal;
use crate::store::db;
use crate::store::keyfile::DataKey;
use crate::store::vault::read_key_file;
use crate::transfer::backup::{BACKUPS_DIR, Backup, BackupReason, PARTIAL, prune, take_staged};
use crate::transfer::place::copy_files_to_place;
use crate::transfer::retention::Retention;

/// What a running backup is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupStage {
    /// Copying the journal into the new backup.
    Snapshot,
    /// Checking every page of the copy.
    Verify,
    /// Copying the finished backup to the second place.
    SecondPlace,
    /// Finished (or failed: the call's result says which).
    Done,
}

/// Where a running backup is: its stage and, while copying, the share copied so far (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupProgress {
    pub stage: BackupStage,
    pub fraction: f64,
}

/// A backup ready to run on another thread (see the module notes).
pub struct BackupJob {
    dir: PathBuf,
    database: PathBuf,
    key: DataKey,
    taken_at: DateTime<Utc>,
    reason: BackupReason,
    retention: Retention,
    place: Option<PathBuf>,
}

impl std::fmt::Debug for BackupJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupJob")
            .field("dir", &self.dir)
            .field("reason", &self.reason)
            .finish_non_exhaustive()
    }
}

/// A finished backup and how its copy to the second place went (recorded by `finish_backup`).
#[derive(Debug)]
pub struct BackupDone {
    pub backup: Backup,
    place: Option<std::io::Result<()>>,
}

impl Journal {
    /// Everything a backup needs, gathered now; run it with `BackupJob::run` on any thread.
    pub fn backup_job(&self, reason: BackupReason) -> Result<BackupJob> {
        Ok(BackupJob {
            dir: self.dir.clone(),
            database: self.dir.join(read_key_file(&self.dir)?.database()),
            key: self.key.clone(),
            taken_at: self.now(),
            reason,
            retention: self.retention()?,
            place: self.place_path()?,
        })
    }

    /// The daily backup as a job, when one is due (see `back_up_if_due`).
    pub fn backup_job_if_due(&self) -> Result<Option<BackupJob>> {
        if self.backup_is_due()? {
            self.backup_job(BackupReason::Daily).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Records what a job did in the second place, for Settings; returns the backup.
    pub fn finish_backup(&self, done: BackupDone) -> Backup {
        if let Some(outcome) = &done.place {
            self.record_place_copy(outcome, &done.backup);
        }
        done.backup
    }
}

impl BackupJob {
    /// Takes the backup on a connection of its own, then thins out the backups and copies the new
    /// one to the second place; `progress` hears each stage (from this thread and a watcher).
    pub fn run(self, progress: &(dyn Fn(BackupProgress) + Sync)) -> Result<BackupDone> {
        let result = self.run_stages(progress);
        progress(BackupProgress {
            stage: BackupStage::Done,
            fraction: 1.0,
        });
        result
    }

    fn run_stages(&self, progress: &(dyn Fn(BackupProgress) + Sync)) -> Result<BackupDone> {
        let conn = db::open_plain(&self.database, &self.key)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        let root = self.dir.join(BACKUPS_DIR);
        let size = journal_bytes(&self.database).max(1);
        let stage = AtomicU8::new(u8::MAX);
        let finished = AtomicBool::new(false);
        let backup = std::thread::scope(|scope| {
            scope.spawn(|| {
                while !finished.load(Ordering::Acquire) {
                    if stage.load(Ordering::Acquire) == BackupStage::Snapshot as u8 {
                        let copied = partial_bytes(&root) as f64 / size as f64;
                        progress(BackupProgress {
                            stage: BackupStage::Snapshot,
                            fraction: copied.min(0.99),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
            let on_stage = |now: BackupStage| {
                stage.store(now as u8, Ordering::Release);
                progress(BackupProgress {
                    stage: now,
                    fraction: 0.0,
                });
            };
            let taken = take_staged(
                &conn,
                &self.dir,
                &self.key,
                (self.taken_at, self.reason),
                &on_stage,
            );
            finished.store(true, Ordering::Release);
            taken
        })?;
        drop(conn);
        prune(&root, self.retention)?;
        let place = self.place.as_ref().map(|place| {
            progress(BackupProgress {
                stage: BackupStage::SecondPlace,
                fraction: 0.0,
            });
            copy_files_to_place(&self.dir, place, &backup.id, self.retention)
        });
        Ok(BackupDone { backup, place })
    }
}

/// The journal's database with its write-ahead log: about what a snapshot of it will weigh.
fn journal_bytes(database: &Path) -> u64 {
    let wal = crate::store::files::sibling(database, "-wal");
    [database, wal.as_path()]
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// What the backup being written has put on disk so far.
fn partial_bytes(root: &Path) -> u64 {
    fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(PARTIAL))
        .flat_map(|e| fs::read_dir(e.path()).into_iter().flatten().flatten())
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum()
}
