//! One strategy per command, from its real argument types: inputs that get past parsing into the
//! domain rules, mostly valid, sometimes just past a limit or naming a row deleted earlier.
//! Here the vault, transfers, settings and mentors; `records` has the rest (notes, views, goals,
//! prep, templates, blocks).

use proptest::prelude::*;
use serde_json::{Value, json};

use super::fields::*;
use super::inputs::*;

mod records;

/// A lifecycle step to one of `statuses`, now and then to `same` (the status it already has).
pub(super) fn status_change(
    statuses: &'static [&'static str],
    same: &'static str,
    note: Field,
) -> Field {
    let status = weighted(
        prop::sample::select(statuses).prop_map(|s| json!(s)),
        vec![],
        vec![json!(same)],
    );
    object(vec![
        ("status", status),
        ("on", opt(past_day())),
        ("note", note),
    ])
}

pub(super) fn for_command(name: &str, w: &World) -> Option<BoxedStrategy<Case>> {
    let g = w.gone;
    Some(match name {
        "vault_status"
        | "vault_lock"
        | "vault_verify"
        | "vault_verify_cancel"
        | "backups_remove_older"
        | "backups_list"
        | "backup_now"
        | "backup_if_due"
        | "backups_folder"
        | "backup_place_get"
        | "backup_retention_get"
        | "settings_get"
        | "focus_areas_list"
        | "drafts_list"
        | "dashboard"
        | "goal_categories"
        | "goal_category_list"
        | "templates_list"
        | "templates_restore_builtin"
        | "blocks_list"
        | "reviews_list"
        | "reminders_notify" => case(vec![]),
        "vault_create" => case(vec![(
            "passphrase",
            passphrase().prop_map(|(v, _)| (v, false)).boxed(),
        )]),
        "vault_unlock" | "vault_rotate_key" | "backups_reencrypt_older" => case(vec![(
            "passphrase",
            weighted(
                Just(json!("$pass")),
                vec![],
                vec![json!("not the passphrase"), json!("")],
            ),
        )]),
        "vault_unlock_with_recovery" => case(vec![(
            "recoveryKey",
            weighted(Just(json!("$recovery")), vec![], vec![json!("ABCD-EFGH")]),
        )]),
        "vault_set_passphrase" => case(vec![("passphrase", passphrase())]),
        "vault_change_passphrase" => case(vec![
            (
                "current",
                weighted(
                    Just(json!("$pass")),
                    vec![],
                    vec![json!("not the passphrase")],
                ),
            ),
            ("passphrase", passphrase()),
        ]),
        "settings_update" => case(vec![(
            "settings",
            object(vec![
                (
                    "autoLockSeconds",
                    opt(range(15, 24 * 3600, vec![14, 24 * 3600 + 1])),
                ),
                ("reviewAfterWeeks", range(1, 52, vec![0, 53])),
                (
                    "reminders",
                    object(vec![
                        ("enabled", flag()),
                        ("quietFrom", range(0, 23, vec![24])),
                        ("quietTo", range(0, 23, vec![24])),
                    ]),
                ),
            ]),
        )]),
        "clipboard_copy" => case(vec![("text", text(LONG, false))])
            .prop_map(|c| Case {
                expect: Expect::Any,
                ..c
            })
            .boxed(),
        "markdown_preview" => case(vec![("body", body())]),
        // Backups have ids the fuzz does not know: only refusals (no such backup, no secret).
        "backup_preview_from" | "backup_restore_from" => case(vec![
            (
                "path",
                prop::sample::select(&["/no/such/backup", "relative", ""][..])
                    .prop_map(|p| (json!(p), false))
                    .boxed(),
            ),
            ("passphrase", opt(fixed(json!("$pass"), true))),
            ("recoveryKey", fixed(Value::Null, true)),
        ]),
        // Exports and imports name files of the user's: the fuzz feeds only places that cannot
        // be written or read (no folder, not absolute, empty), so it never writes a file.
        "import_json" => case(vec![("path", nowhere())]),
        "export_json" | "export_markdown" => case(vec![
            ("path", nowhere()),
            ("passphrase", opt(fixed(json!("$pass"), true))),
        ]),
        "export_portfolio" => case(vec![
            ("path", nowhere()),
            ("from", past_day()),
            ("to", past_day()),
            ("withReviews", flag()),
            ("passphrase", opt(fixed(json!("$pass"), true))),
        ]),
        "export_summary" => case(vec![
            ("path", nowhere()),
            ("mentorId", id(&w.mentors, g.mentor)),
            ("passphrase", opt(fixed(json!("$pass"), true))),
        ]),
        "import_preview" | "import_run" => case(vec![
            ("path", nowhere()),
            (
                "source",
                prop::sample::select(&["jrnl", "dayOne"][..])
                    .prop_map(|s| (json!(s), true))
                    .boxed(),
            ),
            ("password", opt(fixed(json!("not the jrnl password"), true))),
            ("mappings", fixed(json!([]), true)),
        ]),
        "import_cancel" => case(vec![]),
        "backup_preview" | "backup_restore" => case(vec![
            (
                "id",
                prop::sample::select(&["nope", "../..", ""][..])
                    .prop_map(|id| (json!(id), false))
                    .boxed(),
            ),
            ("passphrase", opt(fixed(json!("$pass"), true))),
            ("recoveryKey", fixed(Value::Null, true)),
        ]),
        "backup_retention_set" => case(vec![(
            "retention",
            object(vec![
                ("daily", range(1, 90, vec![0, 91])),
                ("weekly", range(0, 52, vec![53])),
                ("monthly", range(0, 120, vec![121])),
            ]),
        )]),
        // A folder of the user's own: the fuzz only feeds refusals and forgetting.
        "backup_place_set" => case(vec![(
            "path",
            weighted(
                Just(Value::Null),
                vec![],
                vec![json!("relative/x"), json!("/no/such/folder"), json!("")],
            ),
        )]),
        "passphrase_strength" => case(vec![("passphrase", unchecked(text(LONG, false)))]),
        "vault_recovery_status" | "vault_confirm_recovery_key" => case(vec![]),
        // Opening a link starts the system's browser: only refusals are fed here, and the
        // valid case is the e2e test's, with a stand-in browser.
        "link_open" => case(vec![(
            "url",
            prop::sample::select(
                &[
                    "javascript:alert(1)",
                    "file:///etc/passwd",
                    "www.aamc.org",
                    "tauri://localhost/",
                ][..],
            )
            .prop_map(|u| (json!(u), false))
            .boxed(),
        )]),
        "mentors_named_like" => case(vec![
            ("name", unchecked(text(SHORT, false))),
            ("except", opt(unchecked(id(&w.mentors, g.mentor)))),
        ]),
        "mentors_list" => case(vec![(
            "filter",
            object(vec![
                (
                    "status",
                    opt(one_of(&["prospective", "active", "paused", "ended"])),
                ),
                ("focusArea", opt(unchecked(text(80, false)))),
                ("sort", one_of(&["name", "lastMet", "cadence"])),
            ]),
        )]),
        "mentor_get" | "mentor_history" | "mentor_deletion_impact" => {
            case(vec![("id", id(&w.mentors, g.mentor))])
        }
        "prep_sheet" | "questions_list" => case(vec![("mentorId", id(&w.mentors, g.mentor))]),
        // A deleted mentor's outreach and introductions are answered as empty lists (where
        // `mentor_history` says NOT_FOUND); either answer is fine here.
        "mentor_introductions" => lenient(case(vec![("id", id(&w.mentors, g.mentor))])),
        "outreach_list" => lenient(case(vec![("mentorId", id(&w.mentors, g.mentor))])),
        "mentor_add" => case(vec![("mentor", mentor_input(w, true))]),
        "mentor_update" => case(vec![
            ("id", id(&w.mentors, g.mentor)),
            ("mentor", mentor_input(w, false)),
        ]),
        "mentor_set_status" => with_setup(
            Some(("mentor_add", json!({ "mentor": { "name": "Status {n}" } }))),
            vec![
                ("id", fixed(json!("$id"), true)),
                (
                    "change",
                    status_change(&["paused", "ended"], "active", text(LONG, false)),
                ),
            ],
        ),
        "mentor_delete" => delete(
            ("mentor_add", json!({ "mentor": { "name": "Gone {n}" } })),
            g.mentor,
            vec![],
        ),
        "outreach_log" => case(vec![
            ("mentorId", id(&w.mentors, g.mentor)),
            (
                "outreach",
                object(vec![
                    ("madeOn", past_day()),
                    ("request", text(LONG, true)),
                    ("outcome", opt(one_of(OUTCOMES))),
                    ("note", text(LONG, false)),
                ]),
            ),
        ]),
        "outreach_set_outcome" => case(vec![
            ("id", id(&w.outreach, g.outreach)),
            ("outcome", one_of(OUTCOMES)),
            ("note", text(LONG, false)),
        ]),
        "relationship_checks_get" => case(vec![("mentorId", id(&w.mentors, g.mentor))]),
        "relationship_check_schedule" => case(vec![
            ("mentorId", id(&w.mentors, g.mentor)),
            ("everyWeeks", opt(range(1, 52, vec![0, 53]))),
        ]),
        "relationship_check_add" => case(vec![
            ("mentorId", id(&w.mentors, g.mentor)),
            (
                "check",
                object(vec![
                    ("answeredOn", opt(past_day())),
                    ("helping", range(1, 5, vec![0, 6, 256])),
                    ("meetingAsAgreed", range(1, 5, vec![0, 6])),
                    ("wantToContinue", range(1, 5, vec![0, 6])),
                    ("note", text(LONG, false)),
                ]),
            ),
        ]),
        "relationship_check_delete" => delete(
            (
                "relationship_check_add",
                json!({ "mentorId": w.mentors[0],
                    "check": { "helping": 3, "meetingAsAgreed": 3, "wantToContinue": 3 } }),
            ),
            // No check has this id: none is seeded, and ids count up from 1.
            i64::from(i32::MAX),
            vec![],
        ),
        _ => return records::for_command(name, w),
    })
}

/// A file path that names nothing that can be read or written.
fn nowhere() -> Field {
    prop::sample::select(&["/no/such/folder/export.json", "relative.json", ""][..])
        .prop_map(|p| (json!(p), false))
        .boxed()
}
