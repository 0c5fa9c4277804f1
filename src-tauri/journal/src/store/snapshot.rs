//! A consistent, encrypted copy of the open journal in another file, and the check of such a copy.
//!
//! Key rotation and backups both need one. The copy is made by SQLCipher itself
//! (`sqlcipher_export` into an attached database under the given key), so it is a snapshot of what
//! was committed, never a raw copy of a file that may have pages waiting in its write-ahead log.
//! The copy is a plain (rollback-journal) database, complete in one file. Checking opens it
//! read-only, so a backup is never modified by being verified.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::files;
use crate::store::keyfile::DataKey;

/// The data key as SQLCipher takes a raw key (`x'..'`), wiped when dropped.
pub(crate) fn keying(key: &DataKey) -> Zeroizing<String> {
    Zeroizing::new(format!(
        "x'{}'",
        data_encoding::HEXLOWER.encode(key.as_slice())
    ))
}

/// `PRAGMA key = "x'..'";` for a connection, wiped when dropped.
pub(crate) fn key_pragma(key: &DataKey) -> Zeroizing<String> {
    Zeroizing::new(format!("PRAGMA key = \"{}\";", &*keying(key)))
}

fn utf8(path: &Path) -> Result<&str> {
    path.to_str()
        .ok_or_else(|| Error::Internal("a journal folder's name is not UTF-8".into()))
}

/// Exports everything `conn` holds into the new file `path`, encrypted under `key`, with the same
/// schema version. `path` must not exist; on failure whatever was written is removed.
pub(crate) fn export(conn: &Connection, path: &Path, key: &DataKey) -> Result<()> {
    // The journal's connection may not create files (it came from an unlock), so the new
    // database starts as an empty file that ATTACH then fills.
    files::create_empty_private(path)?;
    let exported = (|| -> Result<()> {
        conn.execute(
            "ATTACH DATABASE ?1 AS snapshot KEY ?2",
            rusqlite::params![utf8(path)?, &*keying(key)],
        )?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |row| row.get(0))?;
        conn.query_row("SELECT sqlcipher_export('snapshot')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA snapshot.user_version = {version};"))?;
        Ok(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE snapshot;");
    match exported.and(detached.map_err(Error::from)) {
        Ok(()) => Ok(()),
        Err(err) => {
            files::remove_database(path);
            Err(err)
        }
    }
}

/// Opens a copy read-only under `key`; `CORRUPT` when it cannot be read with it.
pub(crate) fn open_read_only(path: &Path, key: &DataKey) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::Corrupt(
            "The backup is damaged (its database is missing).".into(),
        ));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.execute_batch(&key_pragma(key))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(|_| {
        Error::Corrupt("The backup is damaged (it cannot be read with its key).".into())
    })?;
    Ok(conn)
}

/// Opens a copy read-only under `key` and checks every page's authentication code and the
/// database structure. Returns its schema version; `CORRUPT` when damaged or not a copy of ours.
pub(crate) fn check(path: &Path, key: &DataKey) -> Result<u32> {
    let damaged = |what: &str| Error::Corrupt(format!("The backup is damaged ({what})."));
    let conn = open_read_only(path, key)?;
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|_| damaged("it cannot be read with its key"))?;
    let mut problems = 0usize;
    for pragma in ["PRAGMA cipher_integrity_check", "PRAGMA integrity_check"] {
        let mut stmt = conn
            .prepare(pragma)
            .map_err(|_| damaged("its pages do not check out"))?;
        let rows: Vec<String> = stmt
            .query_map([], |row| row.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|_| damaged("its pages do not check out"))?;
        problems += rows.iter().filter(|r| r.as_str() != "ok").count();
    }
    if problems > 0 {
        return Err(damaged(&format!(
            "{problems} problem{} in its pages",
            if problems == 1 { "" } else { "s" }
        )));
    }
    Ok(version)
}
