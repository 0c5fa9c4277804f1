//! Every command, fed random and malformed JSON on an empty journal: mostly argument parsing.
//! No panic, and every failure is the `{ code, message }` envelope with a known code.

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use tauri::Manager;

use super::{invoke, mock_app};
use crate::commands::names;
use crate::state::AppState;

const KEYS: &[&str] = &[
    "passphrase",
    "recoveryKey",
    "current",
    "mentor",
    "id",
    "filter",
    "change",
    "mentorId",
    "outreach",
    "outcome",
    "note",
    "conversation",
    "draft",
    "limit",
    "body",
    "item",
    "status",
    "query",
    "settings",
    "text",
    "goal",
    "goalId",
    "review",
    "title",
    "name",
    "moveTo",
];

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::String),
        Just(json!("x".repeat(2 * 1024 * 1024))),
        Just(json!("2026-02-30")),
        Just(json!(-1)),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..5).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn arb_body() -> impl Strategy<Value = Value> {
    prop_oneof![
        arb_json(),
        prop::collection::vec((prop::sample::select(KEYS), arb_json()), 0..4)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
    ]
}

#[test]
fn every_command_answers_malformed_input_with_the_error_envelope() {
    let (_dir, _pass, first_recovery, app, webview) = mock_app(|_| {});
    // The runner takes an `Fn`, so what changes between cases lives in cells.
    let recovery = std::cell::RefCell::new(first_recovery.expose().to_owned());
    let state = app.state::<AppState>();

    let (answered, rejected) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let names = names();
    for name in &names {
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases: 48,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        runner
            .run(&arb_body(), |body| {
                // Each case starts unlocked (with the recovery key: no KDF, and it survives a random
                // passphrase being set), so commands get past the LOCKED check.
                let unlocked = state
                    .unlock_with_recovery(&journal::RecoveryKey::new(recovery.borrow().clone()));
                prop_assert!(
                    unlocked.is_ok(),
                    "the tracked recovery key stopped working before {name}: {unlocked:?}"
                );
                let response = invoke(&webview, name, body.clone());
                match response {
                    Ok(body) => {
                        answered.set(answered.get() + 1);
                        if *name == "vault_rotate_key"
                            && let tauri::ipc::InvokeResponseBody::Json(json) = body
                        {
                            let v: Value = serde_json::from_str(&json).unwrap();
                            *recovery.borrow_mut() = v["recoveryKey"].as_str().unwrap().to_owned();
                        }
                    }
                    Err(err) => {
                        rejected.set(rejected.get() + 1);
                        let code = err.get("code").and_then(Value::as_str).unwrap_or_default();
                        prop_assert!(
                            journal::ErrorCode::ALL.iter().any(|c| c.as_str() == code),
                            "{name} with {body}: not the envelope: {err}"
                        );
                        prop_assert!(
                            err.get("message").is_some_and(Value::is_string),
                            "{name}: no message in {err}"
                        );
                    }
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
    println!(
        "IPC robustness: {} commands x 48 random bodies: {} answered, {} rejected with the envelope",
        names.len(),
        answered.get(),
        rejected.get()
    );
}

#[test]
fn oversized_inputs_are_refused_as_validation() {
    let (mentor, goal) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let (_dir, pass, _recovery, app, webview) = mock_app(|j| {
        mentor.set(
            j.add_mentor(&journal::MentorInput::named("Dr. Big"))
                .unwrap()
                .id
                .0,
        );
        goal.set(j.add_goal(&journal::GoalInput::titled("Big")).unwrap().id.0);
    });
    let (mentor, goal) = (mentor.get(), goal.get());
    let state = app.state::<AppState>();
    state.unlock(&pass).unwrap();

    let big = "x".repeat(2 * 1024 * 1024);
    let cases = [
        ("markdown_preview", json!({ "body": big })),
        ("clipboard_copy", json!({ "text": big })),
        (
            "vault_change_passphrase",
            json!({ "current": "correct horse battery staple", "passphrase": big }),
        ),
        ("mentor_add", json!({ "mentor": { "name": big } })),
        (
            "conversation_add",
            json!({ "conversation": { "mentorId": mentor, "body": big }, "draft": false }),
        ),
        ("action_item_add", json!({ "item": { "title": big } })),
        ("search", json!({ "query": { "text": big } })),
        (
            "goal_add",
            json!({ "goal": { "title": "ok", "description": big } }),
        ),
        (
            "goal_review",
            json!({ "id": goal, "review": { "progress": 10, "note": big } }),
        ),
        ("milestone_add", json!({ "goalId": goal, "title": big })),
        ("question_add", json!({ "mentorId": mentor, "text": big })),
        ("goal_category_add", json!({ "name": big })),
        (
            "template_add",
            json!({ "template": { "name": "ok", "body": big } }),
        ),
        ("goal_category_rename", json!({ "id": 1, "name": big })),
        (
            "outreach_log",
            json!({ "mentorId": mentor, "outreach": { "madeOn": "2026-01-01", "request": big } }),
        ),
    ];
    for (cmd, body) in cases {
        let err = invoke(&webview, cmd, body).expect_err(cmd);
        assert_eq!(err["code"], "VALIDATION", "{cmd}: {err}");
    }
    // The unlock attempt with a huge passphrase is refused before any key derivation. It is
    // called here on the test thread (not through IPC, whose async commands run on Tauri's
    // runtime threads), so the per-thread record of derivations sees exactly what it paid;
    // a process-wide count would also see other tests' unlocks running in parallel.
    state.lock().unwrap();
    let paid_before = journal::kdf_paid_on_this_thread().len();
    let err = state
        .unlock(&journal::Passphrase::new("y".repeat(1 << 20)))
        .unwrap_err();
    assert!(
        matches!(err.code, journal::ErrorCode::Validation),
        "{err:?}"
    );
    assert_eq!(
        journal::kdf_paid_on_this_thread().len(),
        paid_before,
        "a 1 MiB passphrase was stretched before it was refused: length is checked first"
    );
    // Control: the record does see an unlock made the same way (one cheap derivation).
    state.unlock(&pass).unwrap();
    assert_eq!(
        journal::kdf_paid_on_this_thread()[paid_before..],
        [journal::KdfParams::cheap_for_tests()],
        "the probe sees derivations made on this thread"
    );
}
