//! Schema migrations: numbered SQL files embedded in the binary, version in `PRAGMA user_version`.
//!
//! Each step runs in its own transaction together with the version bump, so a crash leaves the
//! journal at the previous version, never half-migrated. Once released, migrations only add.
//! A step may also seed rows from Rust (`seed`), inside the same transaction.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The migrations, in order; the schema version is the number applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../migrations/0001_init.sql")),
    (
        "0002_mentorship",
        include_str!("../../migrations/0002_mentorship.sql"),
    ),
    (
        "0003_settings",
        include_str!("../../migrations/0003_settings.sql"),
    ),
    (
        "0004_goals",
        include_str!("../../migrations/0004_goals.sql"),
    ),
    (
        "0005_search_rowids",
        include_str!("../../migrations/0005_search_rowids.sql"),
    ),
    (
        "0006_notes_without_mentor",
        include_str!("../../migrations/0006_notes_without_mentor.sql"),
    ),
    (
        "0007_search_without_copy",
        include_str!("../../migrations/0007_search_without_copy.sql"),
    ),
    (
        "0008_templates_and_blocks",
        include_str!("../../migrations/0008_templates_and_blocks.sql"),
    ),
    (
        "0009_reflections_and_calendar",
        include_str!("../../migrations/0009_reflections_and_calendar.sql"),
    ),
    (
        "0010_relationship_checks",
        include_str!("../../migrations/0010_relationship_checks.sql"),
    ),
    (
        "0011_mentorship_reviews",
        include_str!("../../migrations/0011_mentorship_reviews.sql"),
    ),
];

/// What a step writes besides its SQL: rows whose text the app owns and that a script would only
/// copy (the built-in note templates, which can also be restored later from the same text).
fn seed(name: &str, tx: &rusqlite::Transaction<'_>) -> Result<()> {
    match name {
        "0008_templates_and_blocks" => crate::templates::seed_builtins(tx),
        _ => Ok(()),
    }
}

/// The schema version this build writes.
pub const LATEST_SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn schema_version(conn: &Connection) -> Result<u32> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    u32::try_from(version)
        .map_err(|_| Error::Corrupt("The journal's schema version is invalid.".into()))
}

/// Refuses, without writing anything, a journal written by a newer version of the app.
pub(crate) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > LATEST_SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "This journal was saved by a newer version of Mentor Journal (schema {found}; this \
             version knows up to {LATEST_SCHEMA_VERSION}). Update the app to open it; nothing was changed."
        )));
    }
    Ok(())
}

pub(crate) fn run(conn: &mut Connection) -> Result<()> {
    run_up_to(conn, MIGRATIONS.len())
}

/// Applies the migrations up to schema `target` (tests build an older journal with it).
pub(crate) fn run_up_to(conn: &mut Connection, target: usize) -> Result<()> {
    let current = schema_version(conn)? as usize;
    if current >= target {
        return Ok(());
    }
    // A migration may rebuild a table (SQLite cannot change a column's constraints in place),
    // which is only safe with foreign keys off: dropping the old table must not cascade. They
    // are checked before each commit and switched back on afterwards, whatever happened.
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    let migrated = (|| -> Result<()> {
        for (index, (name, sql)) in MIGRATIONS.iter().enumerate().take(target).skip(current) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            seed(name, &tx)?;
            let broken: i64 =
                tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                    row.get(0)
                })?;
            if broken > 0 {
                return Err(Error::Internal(format!(
                    "migration {name} would leave {broken} broken references; nothing was changed"
                )));
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    }
    migrated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_from_an_empty_database_to_the_latest_and_are_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 0);
        run(&mut conn).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), LATEST_SCHEMA_VERSION);
        run(&mut conn).unwrap();
        assert_eq!(
            schema_version(&conn).unwrap(),
            LATEST_SCHEMA_VERSION,
            "a second run adds nothing"
        );
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'mentors'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1);
    }

    /// Applies the first `n` migrations, as an older release would have left the journal.
    fn run_up_to(conn: &mut Connection, n: usize) {
        for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().take(n) {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", index as i64 + 1)
                .unwrap();
        }
    }

    fn index_rows(conn: &Connection) -> Vec<(i64, String, i64)> {
        conn.prepare("SELECT rowid, kind, item_id FROM search_index ORDER BY rowid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn the_search_index_moves_to_derived_rowids_and_keeps_every_entry() {
        let mut conn = Connection::open_in_memory().unwrap();
        run_up_to(&mut conn, 3);
        conn.execute_batch(
            "INSERT INTO mentors (id, name, role, created_at, updated_at)
                 VALUES (3, 'Dr. Osei', 'Cardiology', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO conversations (id, mentor_id, occurred_at, body, created_at, updated_at)
                 VALUES (5, 3, '2026-01-02 10:00:00', 'fellowship advice', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
             INSERT INTO takeaways (conversation_id, position, text) VALUES (5, 0, 'update the portfolio');
             INSERT INTO action_items (id, title, mentor_id, created_at, updated_at)
                 VALUES (7, 'send the abstract', 3, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');",
        )
        .unwrap();
        assert_eq!(index_rows(&conn).len(), 3);
        super::run_up_to(&mut conn, 5).unwrap();
        assert_eq!(
            index_rows(&conn),
            [
                (3 * 8 + 1, "mentor".into(), 3),
                (5 * 8 + 2, "conversation".into(), 5),
                (7 * 8 + 3, "action".into(), 7)
            ]
        );
        let found = |q: &str| -> i64 {
            conn.query_row(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?1",
                [q],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(
            found("cardiology"),
            1,
            "the mentor's details are indexed now"
        );
        assert_eq!(found("portfolio"), 1);
        conn.execute_batch(
            "UPDATE conversations SET body = 'research year' WHERE id = 5;
             UPDATE action_items SET title = 'send the poster' WHERE id = 7;",
        )
        .unwrap();
        assert_eq!(index_rows(&conn).len(), 3, "an edit replaces its entry");
        assert_eq!(found("fellowship"), 0);
        assert_eq!(found("research"), 1);
        assert_eq!(found("poster"), 1);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST_SCHEMA_VERSION as i64 + 1)
            .unwrap();
        assert!(matches!(refuse_newer(&conn), Err(Error::Conflict(_))));
    }
}

#[cfg(test)]
mod rebuilt_conversations {
    use super::*;

    #[test]
    fn schema_6_keeps_every_note_takeaway_item_and_index_row_and_frees_the_mentor() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        run_up_to(&mut conn, 5).unwrap();
        conn.execute_batch(
            "INSERT INTO mentors (id, name, created_at, updated_at) VALUES (1, 'Dr. Osei', 't', 't');
             INSERT INTO conversations (id, mentor_id, occurred_at, title, body, created_at, updated_at)
                 VALUES (7, 1, '2026-11-21T16:30:00', 'Plan', 'the abstract', 't', 't');
             INSERT INTO takeaways (conversation_id, position, text) VALUES (7, 0, 'methods first');
             INSERT INTO action_items (title, mentor_id, conversation_id, created_at, updated_at)
                 VALUES ('Draft', 1, 7, 't', 't');",
        )
        .unwrap();
        let count = |conn: &Connection, sql: &str| -> i64 {
            conn.query_row(sql, [], |r| r.get(0)).unwrap()
        };
        let index_before = count(&conn, "SELECT count(*) FROM search_index");
        run_up_to(&mut conn, 6).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 6);
        assert_eq!(
            count(&conn, "SELECT count(*) FROM takeaways"),
            1,
            "no cascade"
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM action_items WHERE conversation_id = 7"
            ),
            1
        );
        assert_eq!(
            count(&conn, "SELECT count(*) FROM search_index"),
            index_before
        );
        assert_eq!(
            count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        assert_eq!(count(&conn, "PRAGMA foreign_keys"), 1, "switched back on");
        // The triggers were made again: an edit still reaches the index, a note may have no mentor.
        conn.execute_batch(
            "UPDATE conversations SET body = 'the revised abstract' WHERE id = 7;
             INSERT INTO conversations (mentor_id, occurred_at, body, created_at, updated_at, source)
                 VALUES (NULL, '2024-04-17T00:00:00', 'imported', 't', 't', 'dayone:X');",
        )
        .unwrap();
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM search_index WHERE search_index MATCH 'revised'"
            ),
            1
        );
        let twice = conn.execute(
            "INSERT INTO conversations (occurred_at, created_at, updated_at, source)
             VALUES ('2024-04-17T00:00:00', 't', 't', 'dayone:X')",
            [],
        );
        assert!(twice.is_err(), "a source is imported once");
    }
}

#[cfg(test)]
mod templates_and_blocks;

#[cfg(test)]
mod reflections_and_calendar;

#[cfg(test)]
mod relationship_checks;

#[cfg(test)]
mod search_without_copy {
    use super::*;

    fn keys(conn: &Connection, sql: &str) -> Vec<i64> {
        let mut keys: Vec<i64> = conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        keys.sort_unstable();
        keys
    }

    fn found(conn: &Connection, q: &str) -> Vec<i64> {
        keys(
            conn,
            &format!("SELECT rowid FROM search_index WHERE search_index MATCH '{q}'"),
        )
    }

    /// The key of an item: its day (as SQLite's julianday), then its id and kind.
    fn key(day: &str, id: i64, kind: i64) -> i64 {
        let date: chrono::NaiveDate = day.parse().unwrap();
        crate::views::search::day_key(date) + id * 8 + kind
    }

    #[test]
    fn schema_7_indexes_the_same_items_by_date_without_a_copy_of_their_text() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        run_up_to(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO mentors (id, name, role, created_at, updated_at)
                 VALUES (1, 'Dr. Osei', 'Cardiology', '2026-01-01T09:00:00Z', 't');
             INSERT INTO conversations (id, mentor_id, occurred_at, title, body, created_at, updated_at)
                 VALUES (7, 1, '2026-01-02T16:30:00', 'Plan', 'the abstract', 't', 't');
             INSERT INTO takeaways (conversation_id, position, text) VALUES (7, 0, 'methods first');
             INSERT INTO conversations (id, mentor_id, occurred_at, body, is_draft, created_at, updated_at)
                 VALUES (8, 1, '2026-01-03T10:00:00', 'unfinished draft', 1, 't', 't');
             INSERT INTO conversations (id, mentor_id, occurred_at, body, created_at, updated_at, source)
                 VALUES (9, NULL, '2019-05-04T08:00:00', 'an imported entry', 't', 't', 'jrnl:x');
             INSERT INTO action_items (id, title, mentor_id, due_on, created_at, updated_at)
                 VALUES (4, 'send the poster', 1, '2026-02-01', '2026-01-02T00:00:00Z', 't');",
        )
        .unwrap();
        let before = keys(&conn, "SELECT rowid FROM search_index");
        assert_eq!(before.len(), 4, "a mentor, two notes, an action item");
        run_up_to(&mut conn, 7).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), 7);
        assert_eq!(
            keys(&conn, "SELECT rowid FROM search_index"),
            [
                key("2019-05-04", 9, 2),
                key("2026-01-01", 1, 1),
                key("2026-01-02", 7, 2),
                key("2026-02-01", 4, 3)
            ],
            "every item once, keyed by its own day: the imported 2019 note sorts first"
        );
        let tables = keys(
            &conn,
            "SELECT count(*) FROM sqlite_master WHERE name = 'search_index_content'",
        );
        assert_eq!(tables, [0], "no second copy of the text");
        assert_eq!(found(&conn, "methods"), [key("2026-01-02", 7, 2)]);
        assert_eq!(found(&conn, "cardiology"), [key("2026-01-01", 1, 1)]);
        assert!(
            found(&conn, "unfinished").is_empty(),
            "drafts are not searchable"
        );
        assert_eq!(
            found(&conn, "who : m1 AND poster"),
            [key("2026-02-01", 4, 3)]
        );

        // The triggers keep it in step: a new date moves the key, a deletion removes it, a
        // finished draft arrives, a takeaway added later is found.
        conn.execute_batch(
            "UPDATE conversations SET occurred_at = '2025-12-30T08:00:00' WHERE id = 7;
             UPDATE conversations SET is_draft = 0 WHERE id = 8;
             INSERT INTO takeaways (conversation_id, position, text) VALUES (8, 0, 'ask about nights');
             DELETE FROM action_items WHERE id = 4;",
        )
        .unwrap();
        assert_eq!(found(&conn, "methods"), [key("2025-12-30", 7, 2)]);
        assert_eq!(found(&conn, "nights"), [key("2026-01-03", 8, 2)]);
        assert!(found(&conn, "poster").is_empty());
        assert_eq!(
            keys(&conn, "SELECT rowid FROM search_index").len(),
            4,
            "no stale rows"
        );
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}

/// The time schema 7 takes on a large journal (issue 16 asks for it at 100,000 notes): an
/// encrypted journal at schema 6 in /dev/shm, 100,000 notes of 100 words written in one
/// transaction, then the migration. Run by hand, in release:
/// `cargo test --release -p journal --lib -- --ignored schema_7_at_scale --nocapture`.
#[cfg(test)]
mod at_scale {
    use super::*;
    use crate::store::keyfile::DATA_KEY_BYTES;
    use crate::store::secret::random;
    use crate::store::snapshot::key_pragma;
    use std::time::Instant;

    #[test]
    #[ignore = "minutes of work; run by hand for docs/benchmarks.md"]
    fn schema_7_at_scale() {
        let notes: usize = std::env::var("MJ_NOTES").map_or(100_000, |n| n.parse().unwrap());
        let dir = tempfile::tempdir_in("/dev/shm").unwrap();
        let path = dir.path().join("journal.db");
        let key = random::<DATA_KEY_BYTES>().unwrap();
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch(&key_pragma(&key)).unwrap();
        // As the journal's own connection has it while migrating (store/db.rs).
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY; PRAGMA synchronous = FULL;
             PRAGMA cache_size = -{};",
            crate::store::db::BULK_CACHE_KIB
        ))
        .unwrap();
        run_up_to(&mut conn, 6).unwrap();
        let words: Vec<String> = (0..5_000)
            .map(|i| format!("w{}", i * 7919 % 5_000))
            .collect();
        let started = Instant::now();
        let tx = conn.transaction().unwrap();
        tx.execute(
            "INSERT INTO mentors (id, name, created_at, updated_at) VALUES (1, 'Dr. X', 't', 't')",
            [],
        )
        .unwrap();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO conversations (mentor_id, occurred_at, title, body, created_at, updated_at)
                     VALUES (1, ?1, ?2, ?3, 't', 't')",
                )
                .unwrap();
            for n in 0..notes {
                let body: Vec<&str> = (0..100)
                    .map(|k| words[(n * 31 + k * k * 17) % (1 + k * 50)].as_str())
                    .collect();
                let at = format!(
                    "20{:02}-{:02}-{:02}T10:00:00",
                    n % 26,
                    1 + n % 12,
                    1 + n % 28
                );
                insert
                    .execute(rusqlite::params![
                        at,
                        format!("Meeting {n}"),
                        body.join(" ")
                    ])
                    .unwrap();
            }
        }
        tx.commit().unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
        let size = || std::fs::metadata(&path).unwrap().len();
        let before = size();
        eprintln!(
            "schema 6 with {notes} notes written in {:.1?}: {} bytes per note",
            started.elapsed(),
            before / notes as u64
        );
        let started = Instant::now();
        run_up_to(&mut conn, 7).unwrap();
        let took = started.elapsed();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;")
            .unwrap();
        eprintln!(
            "schema 7: migrated in {took:.1?}; {} bytes per note after VACUUM (the migration frees pages for reuse; the file shrinks only by a VACUUM)",
            size() / notes as u64
        );
    }
}
