//! Opening the SQLCipher database with the raw data key.
//!
//! The key is handed to SQLCipher as raw hex (`PRAGMA key = "x'..'"`), so opening costs no second
//! KDF: the expensive stretching already happened on the key file. Right after keying we read the
//! schema, because SQLCipher only notices a wrong key or a damaged file on the first read; with a
//! key that came out of an authenticated seal, a failure there means the database is damaged.
//!
//! The schema version is checked before any write (WAL switch included), so a journal from a newer
//! version of the app is refused byte-for-byte untouched.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

use crate::error::{Error, Result};
use crate::store::keyfile::DataKey;
use crate::store::migrate;

/// Page cache size in KiB while the journal is open. SQLCipher decrypts every page it reads, so
/// the cache keeps the pages a screen reads again (the dashboard's, a mentor's notes, the search
/// index's first pages) close to plain SQLite speed. It is resident memory of the app for as long
/// as the journal is unlocked, and the dashboard of a large journal fills whatever it is given:
/// 64 MiB cost 66 MiB of the app's memory at 100,000 notes (docs/benchmarks.md, issue 17).
/// 16 MiB still holds what a 10,000-note journal's dashboard reads (~14 MiB).
pub(crate) const CACHE_KIB: i64 = 16 * 1024;

/// The page cache for one large write: a migration that rebuilds the search index, an import of
/// thousands of notes. The whole transaction's pages stay in memory (a migration at 100,000 notes
/// took 6.1 s with 64 MiB, 42 s with SQLite's 2 MiB); the cache goes back to `CACHE_KIB` after.
pub(crate) const BULK_CACHE_KIB: i64 = 64 * 1024;

/// Sets the connection's page cache to `kib`; shrinking it frees the pages above the new size.
pub(crate) fn set_cache(conn: &Connection, kib: i64) -> Result<()> {
    conn.execute_batch(&format!("PRAGMA cache_size = -{kib};"))?;
    Ok(())
}

/// How long a write waits for another process's write to finish before it reports the journal
/// busy (a long import or restore in the other process).
pub(crate) const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether `key` opens the database at `path` (see `open_plain`).
pub(crate) fn opens_with(path: &Path, key: &DataKey) -> bool {
    path.is_file() && open_plain(path, key).is_ok()
}

/// Opens the database at `path` with `key`, checked by reading its schema, and writes nothing:
/// no migration, no switch of journal mode. For copies being read or exported, never the
/// journal's own connection.
pub(crate) fn open_plain(path: &Path, key: &DataKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.execute_batch(&crate::store::snapshot::key_pragma(key))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })?;
    Ok(conn)
}

pub(crate) fn open(path: &Path, key: &DataKey, create: bool) -> Result<Connection> {
    open_then(path, key, create, |_| Ok(()))
}

/// Like `open`; `before_migrating` runs on the keyed connection when an existing journal is about
/// to be migrated to a newer schema (not for a new, empty one), and a failure there stops the
/// open before anything is migrated: the journal is backed up first or not touched.
pub(crate) fn open_then(
    path: &Path,
    key: &DataKey,
    create: bool,
    before_migrating: impl FnOnce(&Connection) -> Result<()>,
) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    } else if !path.exists() {
        return Err(Error::Corrupt(
            "The journal's database file is missing from its folder.".into(),
        ));
    }
    let mut conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher logs every failed page to stderr; the error itself reaches the caller anyway.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.execute_batch(&crate::store::snapshot::key_pragma(key))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })?;
    // Another process may hold the journal's write lock for a moment (the app and `mj` on the
    // same journal): wait for it instead of failing at once.
    conn.busy_timeout(BUSY_WAIT)?;
    migrate::refuse_newer(&conn)?;
    conn.execute_batch(&format!(
        "PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA synchronous = FULL;
         PRAGMA cache_size = -{CACHE_KIB};"
    ))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Internal(
            "the database refused write-ahead logging".into(),
        ));
    }
    let version = migrate::schema_version(&conn)?;
    let migrating = version > 0 && version < migrate::LATEST_SCHEMA_VERSION;
    if migrating {
        before_migrating(&conn)?;
        set_cache(&conn, BULK_CACHE_KIB)?;
    }
    migrate::run(&mut conn)?;
    if migrating {
        set_cache(&conn, CACHE_KIB)?;
    }
    Ok(conn)
}
