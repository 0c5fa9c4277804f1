//! No plaintext at rest: what is written through the API never appears in the files on disk.
//! The control proves the scan can see plaintext when it is there.

use journal::{DATABASE_FILE, MentorInput, Vault};
use std::path::Path;

use crate::{fast_kdf, passphrase};

fn markers() -> Vec<String> {
    (0..200)
        .map(|i| format!("Marker{i:03}-Plaintext-Canary"))
        .collect()
}

/// The markers found in any file of the folder.
fn markers_on_disk(dir: &Path, markers: &[String]) -> Vec<String> {
    let files: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
        .collect();
    markers
        .iter()
        .filter(|m| {
            files
                .iter()
                .any(|bytes| bytes.windows(m.len()).any(|w| w == m.as_bytes()))
        })
        .cloned()
        .collect()
}

#[test]
fn the_database_and_its_wal_hold_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let markers = markers();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    for marker in &markers {
        journal.add_mentor(&MentorInput::named(marker)).unwrap();
    }
    let wal = dir.path().join(format!("{DATABASE_FILE}-wal"));
    assert!(
        wal.metadata().map(|m| m.len() > 0).unwrap_or(false),
        "the writes are in the WAL while open"
    );
    assert_eq!(
        markers_on_disk(dir.path(), &markers),
        Vec::<String>::new(),
        "while unlocked (db + WAL)"
    );
    journal.lock();
    assert_eq!(
        markers_on_disk(dir.path(), &markers),
        Vec::<String>::new(),
        "after locking"
    );
}

#[test]
fn control_the_scan_finds_plaintext_in_an_unencrypted_database() {
    let dir = tempfile::tempdir().unwrap();
    let markers = markers();
    let conn = rusqlite::Connection::open(dir.path().join("plain.db")).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (name TEXT);")
        .unwrap();
    for marker in &markers {
        conn.execute("INSERT INTO t (name) VALUES (?1)", [marker])
            .unwrap();
    }
    drop(conn);
    assert_eq!(markers_on_disk(dir.path(), &markers).len(), markers.len());
}
