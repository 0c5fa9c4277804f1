//! Schema 8 on a journal an older release left at schema 7: the built-in templates arrive with
//! the tables, mentors keep everything and start from no template, and the new references hold.

use rusqlite::Connection;

use super::{run_up_to, schema_version};

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn schema_8_adds_templates_with_the_built_ins_and_blocks_and_keeps_every_mentor() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    run_up_to(&mut conn, 7).unwrap();
    conn.execute_batch(
        "INSERT INTO mentors (id, name, role, cadence_days, created_at, updated_at)
             VALUES (1, 'Dr. Osei', 'Cardiology', 28, '2026-01-01T09:00:00Z', 't');",
    )
    .unwrap();
    let index = count(&conn, "SELECT count(*) FROM search_index");
    run_up_to(&mut conn, 8).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), 8);
    let keys: Vec<String> = conn
        .prepare("SELECT builtin_key FROM templates ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        keys,
        [
            "first_meeting",
            "check_in",
            "task_feedback",
            "career_advice",
            "ending"
        ],
        "seeded in the same step as the tables"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM mentors WHERE id = 1 AND cadence_days = 28 AND default_template_id IS NULL"
        ),
        1
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM search_index"), index);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    assert_eq!(count(&conn, "PRAGMA foreign_keys"), 1);

    conn.execute_batch(
        "UPDATE mentors SET default_template_id = 2 WHERE id = 1;
         INSERT INTO blocks (id, title, starts_on, ends_on, all_mentors, created_at, updated_at)
             VALUES (1, 'ICU nights', '2026-02-01', '2026-02-28', 0, 't', 't');
         INSERT INTO block_mentors (block_id, mentor_id) VALUES (1, 1);
         DELETE FROM templates WHERE id = 2;",
    )
    .unwrap();
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM mentors WHERE default_template_id IS NULL"
        ),
        1,
        "deleting a template forgets it as a default"
    );
    let backwards = conn.execute(
        "INSERT INTO blocks (title, starts_on, ends_on, created_at, updated_at)
         VALUES ('x', '2026-02-02', '2026-02-01', 't', 't')",
        [],
    );
    assert!(backwards.is_err(), "a block cannot end before it starts");
    conn.execute("DELETE FROM mentors WHERE id = 1", [])
        .unwrap();
    assert_eq!(count(&conn, "SELECT count(*) FROM block_mentors"), 0);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM blocks"),
        1,
        "the block stays"
    );
}
