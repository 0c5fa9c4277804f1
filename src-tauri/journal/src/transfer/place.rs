//! A second place for backups: a folder of the user's own (a USB stick, a folder another machine
//! syncs). Every backup the app takes is copied there too, into `Mentor Journal backups/`, the
//! same way it is written locally (a hidden partial folder renamed into place), and thinned out
//! by the same retention. A missing, full or read-only place is a status to show, never an error
//! that stops a backup, and never a reason to touch the local backups.

use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::transfer::backup::{BACKUPS_DIR, Backup, PARTIAL, prune};

const PLACE: &str = "backup_place";
const PLACE_ERROR: &str = "backup_place_error";
const PLACE_COPIED: &str = "backup_place_copied_at";
/// The folder made inside the chosen place.
pub const PLACE_FOLDER: &str = "Mentor Journal backups";

/// The second place as Settings shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupPlace {
    /// The folder the user chose.
    pub path: String,
    /// Whether it can be written now.
    pub reachable: bool,
    /// Why the last copy there failed, in the user's words; empty after a copy that worked.
    pub problem: String,
    pub last_copied_at: Option<DateTime<Utc>>,
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        fs::copy(entry.path(), to.join(entry.file_name()))?;
        fs::File::open(to.join(entry.file_name()))?.sync_all()?;
    }
    Ok(())
}

fn writable(dir: &Path) -> bool {
    let probe = dir.join(".mentor-journal-write-test");
    let ok = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    ok && dir.is_dir()
}

fn describe(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => {
            "The folder is not there (is the drive plugged in?).".into()
        }
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "The folder cannot be written to.".into()
        }
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "The drive is full.".into()
        }
        _ => format!("The copy failed: {err}."),
    }
}

impl Journal {
    /// The second place for backups, if the user chose one.
    pub fn backup_place(&self) -> Result<Option<BackupPlace>> {
        let Some(path) = self.setting(PLACE)? else {
            return Ok(None);
        };
        Ok(Some(BackupPlace {
            reachable: writable(Path::new(&path)),
            problem: self.setting(PLACE_ERROR)?.unwrap_or_default(),
            last_copied_at: self.setting(PLACE_COPIED)?.and_then(|t| t.parse().ok()),
            path,
        }))
    }

    /// Chooses (or, with `None`, forgets) the second place, and copies the newest backup there.
    pub fn set_backup_place(&self, path: Option<&Path>) -> Result<Option<BackupPlace>> {
        let Some(path) = path else {
            self.write(|tx| {
                tx.execute(
                    "DELETE FROM settings WHERE key IN (?1, ?2, ?3)",
                    [PLACE, PLACE_ERROR, PLACE_COPIED],
                )?;
                Ok(())
            })?;
            return Ok(None);
        };
        let refuse = |m: &str| Err(Error::validation("path", m.to_owned()));
        if !path.is_absolute() || !path.is_dir() {
            return refuse("Choose a folder that exists.");
        }
        let chosen = fs::canonicalize(path)?;
        if chosen.starts_with(fs::canonicalize(&self.dir)?) {
            return refuse("Choose a folder outside the journal's own folder.");
        }
        if !writable(&chosen) {
            return refuse("That folder cannot be written to; choose another.");
        }
        let text = chosen.to_str().ok_or_else(|| {
            Error::validation(
                "path",
                "Choose a folder whose name has no unusual characters.",
            )
        })?;
        self.put_setting(PLACE, text)?;
        self.put_setting(PLACE_ERROR, "")?;
        if let Some(newest) = self.backups()?.into_iter().next() {
            self.copy_to_place(&newest);
        }
        self.backup_place()
    }

    /// Copies a finished backup to the second place, if there is one, and thins it out there.
    /// Never fails: what went wrong is recorded for Settings.
    pub(crate) fn copy_to_place(&self, backup: &Backup) {
        let Ok(Some(place)) = self.setting(PLACE) else {
            return;
        };
        let policy = self.retention().unwrap_or_default();
        let outcome = copy_files_to_place(&self.dir, Path::new(&place), &backup.id, policy);
        self.record_place_copy(&outcome, backup);
    }

    /// The folder of the second place, if one was chosen (for a backup running on its own).
    pub(crate) fn place_path(&self) -> Result<Option<PathBuf>> {
        Ok(self.setting(PLACE)?.map(PathBuf::from))
    }

    /// Records how the last copy to the second place went, for Settings.
    pub(crate) fn record_place_copy(&self, outcome: &std::io::Result<()>, backup: &Backup) {
        let _ = match outcome {
            Ok(()) => self
                .put_setting(PLACE_ERROR, "")
                .and_then(|()| self.put_setting(PLACE_COPIED, &backup.taken_at.to_rfc3339())),
            Err(err) => self.put_setting(PLACE_ERROR, &describe(err)),
        };
    }
}

/// Copies the backup `id` of the journal in `dir` into the second place `place` and thins the
/// copies there out by `policy`. Files only, no database: a backup running on its own thread
/// calls it too.
pub(crate) fn copy_files_to_place(
    dir: &Path,
    place: &Path,
    id: &str,
    policy: crate::transfer::retention::Retention,
) -> std::io::Result<()> {
    let root = place.join(PLACE_FOLDER);
    if !place.is_dir() {
        return Err(std::io::Error::from(std::io::ErrorKind::NotFound));
    }
    fs::create_dir_all(&root)?;
    let partial = root.join(format!("{PARTIAL}{id}"));
    let _ = fs::remove_dir_all(&partial);
    let target = root.join(id);
    if !target.exists() {
        copy_dir(&dir.join(BACKUPS_DIR).join(id), &partial)?;
        fs::rename(&partial, &target)?;
    }
    // An I/O failure keeps its kind, so Settings can say "full" or "read-only".
    prune(&root, policy).map_err(|e| match e {
        Error::Io(io) => io,
        other => std::io::Error::other(other.to_string()),
    })
}
