//! Schema 10 on a journal an older release left at schema 9: every mentor stays, asked about by
//! no schedule until the user picks one, and the checks belong to their mentor.

use rusqlite::Connection;

use super::{run_up_to, schema_version};

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn schema_10_adds_the_relationship_checks_and_keeps_every_mentor_unscheduled() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    run_up_to(&mut conn, 9).unwrap();
    conn.execute_batch(
        "INSERT INTO mentors (id, name, cadence_days, created_at, updated_at)
             VALUES (1, 'Dr. Osei', 28, 't', 't');",
    )
    .unwrap();
    run_up_to(&mut conn, 10).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), 10);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM mentors WHERE id = 1 AND cadence_days = 28 AND check_every_weeks IS NULL"
        ),
        1
    );
    conn.execute_batch(
        "INSERT INTO relationship_checks (mentor_id, answered_on, helping, meeting_as_agreed,
             want_to_continue, created_at) VALUES (1, '2026-03-02', 4, 3, 5, 't');",
    )
    .unwrap();
    let out_of_scale = conn.execute(
        "INSERT INTO relationship_checks (mentor_id, answered_on, helping, meeting_as_agreed,
             want_to_continue, created_at) VALUES (1, '2026-03-02', 6, 3, 5, 't')",
        [],
    );
    assert!(out_of_scale.is_err(), "answers are 1 to 5");
    conn.execute_batch("DELETE FROM mentors WHERE id = 1;")
        .unwrap();
    assert_eq!(
        count(&conn, "SELECT count(*) FROM relationship_checks"),
        0,
        "a deleted mentor's checks go with them"
    );
}
