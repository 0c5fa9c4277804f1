//! The few file operations the store performs, each in one place.
//!
//! A journal is a folder holding a database (with SQLite's `-wal` and `-shm` companions) and a key
//! file. Whatever removes a database must remove its companions too, or a stale write-ahead log
//! could be replayed into a different file of the same name later; whatever replaces a small file
//! must do it atomically, so that a crash leaves the old version or the new one, never a mix.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// SQLite keeps these beside a database in WAL mode; they belong to it.
const DATABASE_COMPANIONS: [&str; 3] = ["", "-wal", "-shm"];

/// Replaces `path` atomically: a temporary file (mode 0600) written and fsynced, renamed over the
/// target, then the folder fsynced so the rename itself survives a power cut.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::Internal("a journal file has no folder".into()))?;
    let tmp = sibling(path, ".tmp");
    {
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// `path` with `suffix` appended to its file name (`journal.db` -> `journal.db-wal`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database file that is ours to remove (one we just made, or one the key file no
/// longer points at) together with its `-wal` and `-shm`. Best effort: a file left behind holds
/// nothing readable without its key, and is never the journal.
pub(crate) fn remove_database(path: &Path) {
    for suffix in DATABASE_COMPANIONS {
        let _ = fs::remove_file(sibling(path, suffix));
    }
}

/// Creates a new, empty file readable by its owner only, refusing to replace one that exists.
/// SQLite takes an empty file as an empty database; a connection opened without permission to
/// create files (every connection after an unlock) can then `ATTACH` it.
pub(crate) fn create_empty_private(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.sync_all()?;
    Ok(())
}

/// Creates the journal folder readable by its owner only.
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    Ok(())
}

/// Narrows a database and its companions to owner-only access (journals made before the database
/// was created private had the umask's 0644). Best effort: the folder itself is private anyway.
pub(crate) fn make_database_private(path: &Path) {
    #[cfg(unix)]
    for suffix in DATABASE_COMPANIONS {
        use std::os::unix::fs::PermissionsExt;
        let file = sibling(path, suffix);
        if let Ok(meta) = fs::metadata(&file)
            && meta.permissions().mode() & 0o077 != 0
        {
            let _ = fs::set_permissions(&file, fs::Permissions::from_mode(0o600));
        }
    }
}
