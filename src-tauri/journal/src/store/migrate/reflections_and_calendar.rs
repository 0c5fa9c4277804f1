//! Schema 9 on a journal an older release left at schema 8: the reflections already indexed are
//! found by the reflections filter, a mentor's notes are not, and the new triggers keep it so.

use rusqlite::Connection;

use super::{run_up_to, schema_version};

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn schema_9_marks_the_reflections_in_the_index_and_keeps_every_row() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    run_up_to(&mut conn, 8).unwrap();
    conn.execute_batch(
        "INSERT INTO mentors (id, name, created_at, updated_at) VALUES (1, 'Dr. Osei', 't', 't');
         INSERT INTO conversations (id, mentor_id, occurred_at, body, created_at, updated_at)
             VALUES (7, 1, '2026-01-02T16:30:00', 'a hard week of nights', 't', 't');
         INSERT INTO conversations (id, mentor_id, occurred_at, body, created_at, updated_at, source)
             VALUES (9, NULL, '2019-05-04T08:00:00', 'nights again, alone', 't', 't', 'jrnl:x');",
    )
    .unwrap();
    let rows = count(&conn, "SELECT count(*) FROM search_index");
    run_up_to(&mut conn, 9).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), 9);
    assert_eq!(count(&conn, "SELECT count(*) FROM search_index"), rows);
    let found = |conn: &Connection, q: &str| -> i64 {
        count(
            conn,
            &format!("SELECT count(*) FROM search_index WHERE search_index MATCH '{q}'"),
        )
    };
    assert_eq!(found(&conn, "nights"), 2);
    assert_eq!(
        found(&conn, "nights AND who : reflection"),
        1,
        "the imported entry without a mentor is a reflection"
    );
    assert_eq!(found(&conn, "nights AND who : m1"), 1);
    assert_eq!(
        found(&conn, "{title body} : reflection"),
        0,
        "the token is only in `who`, and typed text is only matched against title and body"
    );

    // A note moved to a mentor leaves the reflections; a new one without a mentor joins them.
    conn.execute_batch(
        "UPDATE conversations SET mentor_id = 1 WHERE id = 9;
         INSERT INTO conversations (id, mentor_id, occurred_at, body, created_at, updated_at)
             VALUES (10, NULL, '2026-01-03T21:00:00', 'after the nights', 't', 't');",
    )
    .unwrap();
    assert_eq!(found(&conn, "nights AND who : reflection"), 1);
    assert_eq!(found(&conn, "nights AND who : m1"), 2);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
