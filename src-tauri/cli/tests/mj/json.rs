//! `--json` on every read verb parses and has the fields JSON.md documents.

use crate::common::{Fixture, json};
use serde_json::Value;

fn has(value: &Value, fields: &[&str], what: &str) {
    for field in fields {
        assert!(
            value.get(field).is_some(),
            "{what} has `{field}` (JSON.md): {value}"
        );
    }
}

#[test]
fn every_read_verb_prints_the_documented_json() {
    let f = Fixture::with_mentors();
    f.core(|j| {
        j.add_goal(&journal::GoalInput::titled("Submit the first paper"))
            .unwrap();
    });
    let note = json(f.mj(&[
        "--json",
        "note",
        "--mentor",
        "amara",
        "--on",
        "4 weeks ago",
        "The",
        "abstract.",
    ]));
    has(
        &note,
        &[
            "id",
            "mentorId",
            "occurredAt",
            "title",
            "body",
            "bodyHtml",
            "takeaways",
            "isDraft",
        ],
        "note",
    );

    let hits = json(f.mj(&["--json", "search", "abstract"]));
    let hit = &hits.as_array().unwrap()[0];
    has(
        hit,
        &[
            "kind",
            "itemId",
            "mentorId",
            "date",
            "titleHtml",
            "snippetHtml",
        ],
        "a search hit",
    );
    assert_eq!(hit["kind"], "conversation");
    assert!(
        hit["snippetHtml"]
            .as_str()
            .unwrap()
            .contains("<mark>abstract</mark>")
    );

    let due = json(f.mj(&["--json", "due"]));
    has(
        &due,
        &[
            "today",
            "mentors",
            "actionItems",
            "overdueItems",
            "itemsDueThisWeek",
        ],
        "due",
    );
    let first = &due["mentors"].as_array().unwrap()[0];
    has(
        first,
        &[
            "id",
            "name",
            "cadenceDays",
            "cadence",
            "lastMet",
            "daysSinceLast",
        ],
        "a due mentor",
    );
    assert_eq!(first["cadence"]["kind"], "overdue");

    let mentors = json(f.mj(&["--json", "mentors"]));
    let m = &mentors.as_array().unwrap()[0];
    has(
        m,
        &[
            "mentor",
            "lastMet",
            "conversations",
            "openActionItems",
            "cadence",
        ],
        "a mentor summary",
    );
    has(
        &m["mentor"],
        &["id", "name", "status", "focusAreas", "cadenceDays"],
        "a mentor",
    );

    let added = json(f.mj(&["--json", "mentors", "add", "Dana Reyes"]));
    has(&added, &["id", "name", "status"], "an added mentor");

    let goals = json(f.mj(&["--json", "goals"]));
    has(
        &goals.as_array().unwrap()[0],
        &["id", "title", "status", "progress", "targetDate"],
        "a goal",
    );

    has(
        &json(f.mj(&["--json", "show", "note", "1"])),
        &["id", "body"],
        "show note",
    );
    has(
        &json(f.mj(&["--json", "show", "mentor", "amara"])),
        &["id", "name", "focusAreas"],
        "show mentor",
    );
    has(
        &json(f.mj(&["--json", "show", "goal", "1"])),
        &[
            "goal",
            "mentors",
            "milestones",
            "reviews",
            "history",
            "actionItems",
        ],
        "show goal",
    );

    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/jrnl/journal-24h.txt");
    let preview = json(f.mj(&[
        "--json",
        "import",
        "jrnl",
        file.to_str().unwrap(),
        "--dry-run",
    ]));
    has(
        &preview,
        &[
            "format",
            "entries",
            "firstOn",
            "lastOn",
            "alreadyImported",
            "tags",
            "withoutTags",
            "media",
            "notes",
        ],
        "an import preview",
    );
    has(
        &preview["tags"][0],
        &["tag", "entries", "suggested"],
        "a found tag",
    );

    has(&json(f.mj(&["--json", "verify"])), &["intact"], "verify");
    let backup = json(f.mj(&["--json", "backup", "now"]));
    has(
        &backup,
        &[
            "id",
            "takenAt",
            "reason",
            "schemaVersion",
            "bytes",
            "verifiedAt",
            "olderKey",
        ],
        "a backup",
    );
    assert!(json(f.mj(&["--json", "backup", "list"])).is_array());

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("j.json");
    let export = json(f.mj(&["--json", "export", "json", path.to_str().unwrap()]));
    has(&export, &["path", "encrypted", "written"], "an export");
    has(
        &export["written"],
        &["rows", "mentors", "notes", "goals"],
        "a JSON export's counts",
    );
}
