//! Writing a note in `$EDITOR` without leaving its text on disk.
//!
//! An editor edits a file, so the plaintext has to be in one while it is open. It goes where it
//! is least likely to reach a disk: `$XDG_RUNTIME_DIR` (a per-user tmpfs on systemd systems,
//! mode 0700) or else `/dev/shm`; only when neither exists does it fall back to the system's temp
//! folder, with a warning. The file is created new (never an existing one, never through a
//! symlink), readable by its owner only (0600). When the editor returns, its text is read into a
//! buffer that is wiped when dropped, the file is overwritten with zeros, synced and removed,
//! also when anything failed on the way.
//!
//! What can remain is outside `mj`'s reach: swap or backup files the editor itself writes (Vim's
//! `.swp`, Emacs's `~` and `#autosave#`, unless configured off), its undo history, and on a
//! disk-backed fallback folder the blocks of the file (overwriting is no guarantee on SSDs or
//! copy-on-write file systems). See the README's `mj` section.

use journal::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use zeroize::Zeroizing;

/// The temp file for one edit, wiped and removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn create() -> Result<Self> {
        let dir = memory_dir();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!("mj-note-{}-{stamp:09}.md", std::process::id()));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        wipe(&self.path);
        let _ = fs::remove_file(&self.path);
    }
}

/// Overwrites the file at `path` with zeros as long as it is, and syncs it.
fn wipe(path: &Path) {
    let Ok(mut file) = OpenOptions::new().write(true).open(path) else {
        return;
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let zeros = [0u8; 8192];
    let mut left = len;
    let _ = file.rewind();
    while left > 0 {
        let n = usize::try_from(left.min(8192)).unwrap_or(8192);
        if file.write_all(&zeros[..n]).is_err() {
            break;
        }
        left -= n as u64;
    }
    let _ = file.sync_all();
}

/// A folder in memory when the system has one (see the module notes).
fn memory_dir() -> PathBuf {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute() && p.is_dir());
    let shm = Some(PathBuf::from("/dev/shm")).filter(|p| p.is_dir());
    runtime.or(shm).unwrap_or_else(|| {
        crate::output::note(
            "Warning: no memory-backed folder here ($XDG_RUNTIME_DIR, /dev/shm); the note is \
             edited in the temp folder and wiped afterwards.",
        );
        std::env::temp_dir()
    })
}

/// Opens `$VISUAL` or `$EDITOR` on an empty note and returns what was written.
pub fn edit() -> Result<Zeroizing<String>> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|e| !e.is_empty())
        .ok_or_else(|| Error::Validation {
            field: "text".into(),
            message: "Give the note's text after the options, on stdin, or set $EDITOR to write \
                      it there."
                .into(),
        })?;
    let scratch = Scratch::create()?;
    // Through the shell, as git does, so `EDITOR="code --wait"` works; the path is an argument,
    // never part of the command text.
    let status = Command::new("sh")
        .arg("-c")
        .arg("exec $MJ_EDITOR \"$1\"")
        .arg("mj-editor")
        .arg(&scratch.path)
        .env("MJ_EDITOR", &editor)
        .status()
        .map_err(|_| editor_failed())?;
    if !status.success() {
        return Err(editor_failed());
    }
    let mut text = Zeroizing::new(String::new());
    File::open(&scratch.path)?.read_to_string(&mut text)?;
    drop(scratch);
    if text.trim().is_empty() {
        return Err(Error::Validation {
            field: "body".into(),
            message: "The note is empty; nothing was saved.".into(),
        });
    }
    Ok(text)
}

fn editor_failed() -> Error {
    Error::Validation {
        field: "text".into(),
        message: "The editor did not finish cleanly; nothing was saved.".into(),
    }
}
