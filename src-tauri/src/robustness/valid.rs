//! Every command, fed inputs of its real argument types (see `strategies`) on a journal populated
//! through the same IPC: valid inputs must be answered with a value, inputs just past a limit and
//! ids of deleted rows must be refused with the envelope, and nothing may panic.

use std::cell::{Cell, RefCell};

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::InvokeResponseBody;
use tauri::test::MockRuntime;

use super::fields::{Case, Expect, today};
use super::inputs::{Gone, World};
use super::strategies::for_command;
use super::{envelope_code, invoke, mock_app};
use crate::commands::names;
use crate::state::AppState;

type Webview = tauri::WebviewWindow<MockRuntime>;

const PASSPHRASE: &str = "correct horse battery staple";

/// Cases per command; the vault commands that derive a key with the real (slow) parameters once
/// the passphrase has been changed get a few.
fn cases_for(name: &str) -> u32 {
    match name {
        "vault_unlock"
        | "vault_set_passphrase"
        | "vault_change_passphrase"
        | "vault_rotate_key"
        | "vault_create" => 3,
        "clipboard_copy" => 4,
        _ => 20,
    }
}

fn json_of(body: InvokeResponseBody) -> Value {
    match body {
        InvokeResponseBody::Json(text) => serde_json::from_str(&text).unwrap_or(Value::Null),
        InvokeResponseBody::Raw(_) => Value::Null,
    }
}

/// A call that must succeed (seeding and setup).
fn call(webview: &Webview, cmd: &str, body: Value) -> Value {
    match invoke(webview, cmd, body.clone()) {
        Ok(answer) => json_of(answer),
        Err(err) => panic!("seeding {cmd} with {body} failed: {err}"),
    }
}

fn id_of(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// Mentors, notes with action items, goals with milestones, questions, categories and outreach,
/// added through IPC; then one row of each kind added and deleted, for the deleted-id cases.
fn populate(w: &Webview) -> World {
    let mut world = World::default();
    // The rows to delete come first: SQLite gives a new row the highest id + 1, so a deleted
    // row that was the newest would see its id handed to the next one added.
    let outreach = json!({ "madeOn": today().to_string(), "request": "An introduction" });
    let m = id_of(&call(
        w,
        "mentor_add",
        json!({ "mentor": { "name": "Soon gone" } }),
    ));
    let o = call(
        w,
        "outreach_log",
        json!({ "mentorId": m, "outreach": outreach }),
    );
    let c = json!({ "conversation": { "mentorId": m, "body": "gone" }, "draft": false });
    let c = id_of(&call(w, "conversation_add", c));
    let i = id_of(&call(
        w,
        "action_item_add",
        json!({ "item": { "title": "gone" } }),
    ));
    let g = id_of(&call(w, "goal_add", json!({ "goal": { "title": "gone" } })));
    let ms = id_of(&call(
        w,
        "milestone_add",
        json!({ "goalId": g, "title": "gone" }),
    ));
    let q = id_of(&call(
        w,
        "question_add",
        json!({ "mentorId": m, "text": "gone?" }),
    ));
    let cat = id_of(&call(w, "goal_category_add", json!({ "name": "Gone" })));
    let tpl = id_of(&call(
        w,
        "template_add",
        json!({ "template": { "name": "Soon gone" } }),
    ));
    let block = json!({ "title": "Gone", "startsOn": "2026-02-01", "endsOn": "2026-02-28",
        "pausesCadence": true, "allMentors": true });
    let blk = id_of(&call(w, "block_add", json!({ "block": block })));
    let this_year =
        json!({ "kind": "yearly", "from": today().to_string(), "to": today().to_string() });
    let rev = id_of(&call(w, "review_start", json!({ "review": this_year })));

    for name in [
        "Ada Lovelace",
        "Grace Hopper",
        "Barbara Liskov",
        "Frances Allen",
    ] {
        let mentor = json!({ "name": name, "focusAreas": ["systems", "writing"], "cadenceDays": 30,
            "email": "mentor@example.org" });
        world
            .mentors
            .push(id_of(&call(w, "mentor_add", json!({ "mentor": mentor }))));
    }
    for name in ["Career", "Craft"] {
        world.categories.push(id_of(&call(
            w,
            "goal_category_add",
            json!({ "name": name }),
        )));
        world.category_names.push(name.to_owned());
    }
    for title in ["Ship the thesis", "Learn Rust", "Give a talk"] {
        let goal = json!({ "title": title, "category": "Career", "mentorIds": [world.mentors[0]] });
        let g = id_of(&call(w, "goal_add", json!({ "goal": goal })));
        world.goals.push(g);
        for step in ["Outline", "Draft"] {
            let m = call(w, "milestone_add", json!({ "goalId": g, "title": step }));
            world.milestones.push(id_of(&m));
        }
    }
    for &m in &world.mentors[..3] {
        let note = json!({ "mentorId": m, "title": "Catch-up", "body": "We talked about **focus**.",
            "takeaways": ["write daily"], "actionItems": [{ "title": "Send the draft", "goalId": world.goals[0] }] });
        let c = call(
            w,
            "conversation_add",
            json!({ "conversation": note, "draft": false }),
        );
        world.conversations.push(id_of(&c));
    }
    for title in ["Read the paper", "Book a room", "Email Ada"] {
        let item =
            json!({ "title": title, "mentorId": world.mentors[0], "goalId": world.goals[1] });
        world
            .items
            .push(id_of(&call(w, "action_item_add", json!({ "item": item }))));
    }
    for &m in &world.mentors[..2] {
        let q = call(
            w,
            "question_add",
            json!({ "mentorId": m, "text": "How do you plan a week?" }),
        );
        world.questions.push(id_of(&q));
    }
    let kept = call(
        w,
        "outreach_log",
        json!({ "mentorId": world.mentors[1], "outreach": outreach }),
    );
    world.outreach.push(id_of(&kept));
    // The built-in templates, and one of the user's own added after the one to delete.
    call(
        w,
        "template_add",
        json!({ "template": { "name": "Journal club", "body": "## Paper", "takeaways": ["methods"] } }),
    );
    world.templates = call(w, "templates_list", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(id_of)
        .filter(|&t| t != tpl)
        .collect();
    let nights = json!({ "title": "ICU nights", "startsOn": today().to_string(),
        "endsOn": today().to_string(), "pausesCadence": true, "allMentors": true });
    world
        .blocks
        .push(id_of(&call(w, "block_add", json!({ "block": nights }))));
    let research = json!({ "title": "Research", "startsOn": "2026-03-01", "endsOn": "2026-03-31",
        "pausesCadence": false, "allMentors": false, "mentorIds": [world.mentors[0]] });
    world
        .blocks
        .push(id_of(&call(w, "block_add", json!({ "block": research }))));
    let from = today() - chrono::Duration::days(300);
    let year = json!({ "kind": "yearly", "from": from.to_string(), "to": today().to_string() });
    world
        .reviews
        .push(id_of(&call(w, "review_start", json!({ "review": year }))));
    call(w, "template_delete", json!({ "id": tpl }));
    call(w, "block_delete", json!({ "id": blk }));
    call(w, "review_delete", json!({ "id": rev }));
    call(w, "conversation_delete", json!({ "id": c }));
    call(w, "action_item_delete", json!({ "id": i }));
    call(w, "milestone_delete", json!({ "id": ms }));
    call(w, "question_delete", json!({ "id": q }));
    call(w, "goal_delete", json!({ "id": g }));
    call(
        w,
        "goal_category_delete",
        json!({ "id": cat, "moveTo": null }),
    );
    // Deleting the mentor takes their outreach with it (outreach has no delete of its own).
    call(w, "mentor_delete", json!({ "id": m }));
    world.gone = Gone {
        mentor: m,
        conversation: c,
        item: i,
        goal: g,
        milestone: ms,
        question: q,
        category: cat,
        outreach: id_of(&o),
        template: tpl,
        block: blk,
        review: rev,
    };
    world
}

/// Fills in what only the run knows: `"$id"` (the setup's row), `"$pass"` and `"$recovery"`
/// (the current secrets) and `{n}` in text (the case number, for names that must be unique).
fn fill(v: &mut Value, n: u32, id: Option<i64>, pass: &str, recovery: &str) {
    match v {
        Value::String(s) if s == "$id" => *v = json!(id),
        Value::String(s) if s == "$pass" => *v = json!(pass),
        Value::String(s) if s == "$recovery" => *v = json!(recovery),
        Value::String(s) if s.contains("{n}") => *s = s.replace("{n}", &format!("{n:04}")),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| fill(i, n, id, pass, recovery)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|i| fill(i, n, id, pass, recovery)),
        _ => {}
    }
}

/// A body for a failure message: long values shortened.
fn summary(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(400) {
        Some((at, _)) => format!("{}... ({} bytes)", &text[..at], text.len()),
        None => text,
    }
}

#[derive(Default)]
struct Tally {
    cases: Cell<u32>,
    valid: Cell<u32>,
    answered: Cell<u32>,
    refused: Cell<u32>,
}

fn bump(c: &Cell<u32>) {
    c.set(c.get() + 1);
}

#[test]
fn every_command_answers_valid_and_boundary_inputs_on_a_populated_journal() {
    let started = std::time::Instant::now();
    // mock_app's journal is created with PASSPHRASE.
    let (_dir, _pass, recovery, app, webview) = mock_app(|_| {});
    let state = app.state::<AppState>();
    state.unlock_with_recovery(&recovery).unwrap();
    let world = populate(&webview);

    let names = names();
    let unknown: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| for_command(n, &world).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "no valid-input strategy for {unknown:?}"
    );

    let secrets = RefCell::new((PASSPHRASE.to_owned(), recovery.expose().to_owned()));
    let tally = Tally::default();
    let after_vault = Cell::new(true);
    for name in &names {
        let strategy = for_command(name, &world).unwrap();
        let mut runner = TestRunner::new(ProptestConfig {
            cases: cases_for(name),
            failure_persistence: None,
            max_shrink_iters: 32,
            ..ProptestConfig::default()
        });
        let run = |case: Case| -> Result<(), TestCaseError> {
            bump(&tally.cases);
            let n = tally.cases.get();
            // A case after a vault case starts unlocked again (that one may have locked), with
            // the tracked recovery key, which must keep working whatever the case did. Other
            // cases keep the session: reopening the journal each time would only slow the run.
            if after_vault.replace(name.starts_with("vault_")) {
                let key = journal::RecoveryKey::new(secrets.borrow().1.clone());
                let unlocked = state.unlock_with_recovery(&key);
                prop_assert!(
                    unlocked.is_ok(),
                    "re-unlock before {name} #{n}: {unlocked:?}"
                );
            }
            let (pass, recovery) = secrets.borrow().clone();
            let id = case.setup.clone().map(|(cmd, mut body)| {
                fill(&mut body, n, None, &pass, &recovery);
                id_of(&call(&webview, cmd, body))
            });
            let mut body = case.body.clone();
            fill(&mut body, n, id, &pass, &recovery);
            match invoke(&webview, name, body.clone()) {
                Ok(answer) => {
                    prop_assert!(
                        case.expect != Expect::Refused,
                        "{name} accepted an input past a limit or a deleted row: {}",
                        summary(&body)
                    );
                    bump(&tally.answered);
                    let answer = json_of(answer);
                    if matches!(*name, "vault_set_passphrase" | "vault_change_passphrase") {
                        secrets.borrow_mut().0 = body["passphrase"].as_str().unwrap().to_owned();
                    }
                    if let Some(key) = answer.get("recoveryKey").and_then(Value::as_str) {
                        secrets.borrow_mut().1 = key.to_owned();
                    }
                }
                Err(err) => {
                    let code = envelope_code(&err)
                        .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
                    prop_assert!(
                        case.expect != Expect::Ok,
                        "{name} refused a valid input with {code}: {}\n  input: {}",
                        err["message"],
                        summary(&body)
                    );
                    bump(&tally.refused);
                }
            }
            if case.expect == Expect::Ok {
                bump(&tally.valid);
            }
            Ok(())
        };
        if let Err(e) = runner.run(&strategy, run) {
            panic!("{name}: {e}");
        }
    }

    let (cases, valid, answered) = (tally.cases.get(), tally.valid.get(), tally.answered.get());
    println!(
        "IPC robustness, populated journal: {} commands, {cases} cases ({valid} valid): {answered} \
         answered, {} refused with the envelope, in {:.1?}",
        names.len(),
        tally.refused.get(),
        started.elapsed()
    );
    // Every valid case was answered (checked per case); this checks the strategies stay mostly
    // valid, so the run exercises the commands' work and not only their refusals.
    assert!(
        answered >= valid && valid * 10 >= cases * 7,
        "only {valid} of {cases} cases were valid ({answered} answered): the strategies drifted"
    );
}
