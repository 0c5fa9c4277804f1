//! The argument types shared by several commands, built from `fields`, and the seeded rows
//! they point at.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::fields::*;

#[derive(Debug, Clone, Default)]
pub(super) struct World {
    pub mentors: Vec<i64>,
    pub conversations: Vec<i64>,
    pub items: Vec<i64>,
    pub goals: Vec<i64>,
    pub milestones: Vec<i64>,
    pub questions: Vec<i64>,
    pub categories: Vec<i64>,
    pub category_names: Vec<String>,
    pub outreach: Vec<i64>,
    pub templates: Vec<i64>,
    pub blocks: Vec<i64>,
    pub reviews: Vec<i64>,
    pub gone: Gone,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Gone {
    pub mentor: i64,
    pub conversation: i64,
    pub item: i64,
    pub goal: i64,
    pub milestone: i64,
    pub question: i64,
    pub category: i64,
    pub outreach: i64,
    pub template: i64,
    pub block: i64,
    pub review: i64,
}

pub(super) fn passphrase() -> Field {
    weighted(
        "[a-z]{5}( [a-z]{5}){2}".prop_map(Value::String),
        vec![json!(format!(
            "violet anchor ledger {}",
            "p".repeat(4096 - 21)
        ))],
        vec![
            json!("p".repeat(4097)),
            json!("too short"),
            json!("password123"),
            json!("p".repeat(4096)),
        ],
    )
}

pub(super) fn mentor_input(w: &World, new: bool) -> Field {
    let email = weighted(
        prop_oneof![Just(String::new()), "[a-z]{1,10}@[a-z]{1,10}\\.org"].prop_map(Value::String),
        vec![json!(format!("{}@x.org", "m".repeat(SHORT - 6)))],
        vec![
            json!("not-an-address"),
            json!(format!("{}@x.org", "m".repeat(SHORT))),
        ],
    );
    let status = weighted(
        prop::sample::select(&["prospective", "active"][..]).prop_map(|s| json!(s)),
        vec![],
        vec![json!("ended")],
    );
    object(vec![
        ("name", text(SHORT, true)),
        ("role", text(SHORT, false)),
        ("specialty", text(SHORT, false)),
        ("institution", text(SHORT, false)),
        ("email", email),
        ("phone", text(60, false)),
        ("howWeMet", text(LONG, false)),
        ("origin", opt(one_of(&["assigned", "organic", "peer"]))),
        ("privateNotes", text(LONG, false)),
        ("focusAreas", list(text(80, true), 0..3)),
        (
            "status",
            if new {
                opt(status)
            } else {
                fixed(Value::Null, true)
            },
        ),
        ("cadenceDays", opt(range(1, 366, vec![0, 367]))),
        ("usualChannel", opt(one_of(CHANNELS))),
        ("agreedGoals", text(LONG, false)),
        (
            "introducedBy",
            if new {
                opt(id(&w.mentors, w.gone.mentor))
            } else {
                fixed(Value::Null, true)
            },
        ),
    ])
}

pub(super) const CHANNELS: &[&str] = &["in_person", "video", "phone", "coffee", "email", "message"];

/// An action item; inside a note, only the title, due date and goal are the item's own.
pub(super) fn item_input(w: &World, in_note: bool) -> Field {
    let (mentor, conversation) = if in_note {
        (opt(live(&w.mentors)), opt(live(&w.conversations)))
    } else {
        (
            opt(id(&w.mentors, w.gone.mentor)),
            opt(id(&w.conversations, w.gone.conversation)),
        )
    };
    object(vec![
        ("title", text(SHORT, true)),
        ("dueOn", opt(any_day())),
        ("owner", opt(one_of(&["me", "mentor"]))),
        ("mentorId", mentor),
        ("conversationId", conversation),
        ("goalId", opt(id(&w.goals, w.gone.goal))),
    ])
}

pub(super) fn conversation_input(w: &World) -> Field {
    // A note of a meeting names its mentor; a reflection says it is one and names none.
    let mentor = id(&w.mentors, w.gone.mentor)
        .prop_map(|(id, ok)| (json!({ "mentorId": id, "reflection": false }), ok));
    let reflection = Just((json!({ "mentorId": null, "reflection": true }), true));
    let both =
        live(&w.mentors).prop_map(|(id, _)| (json!({ "mentorId": id, "reflection": true }), false));
    let neither = Just((json!({ "mentorId": null, "reflection": false }), false));
    let who = prop_oneof![12 => mentor, 6 => reflection, 1 => both, 1 => neither].boxed();
    object(vec![
        ("who", who),
        ("occurredAt", opt(moment())),
        ("channel", opt(one_of(CHANNELS))),
        (
            "durationMinutes",
            opt(range(1, 24 * 60, vec![0, 24 * 60 + 1])),
        ),
        ("title", text(SHORT, false)),
        ("body", body()),
        ("takeaways", list(text(2_000, false), 0..4)),
        ("energy", opt(range(1, 5, vec![0, 6, 256]))),
        ("stress", opt(range(1, 5, vec![0, 6]))),
        ("actionItems", list(item_input(w, true), 0..3)),
    ])
    .prop_map(|(mut v, ok)| {
        let who = v["who"].take();
        if let Value::Object(map) = &mut v {
            map.remove("who");
            map.insert("mentorId".into(), who["mentorId"].clone());
            map.insert("reflection".into(), who["reflection"].clone());
        }
        (v, ok)
    })
    .boxed()
}

pub(super) fn goal_input(w: &World, new: bool) -> Field {
    let category = weighted(
        prop_oneof![
            Just(String::new()),
            prop::sample::select(w.category_names.clone()),
            Just("New {n}".to_owned()),
        ]
        .prop_map(Value::String),
        vec![json!(format!("{}{{n}}", "c".repeat(76)))],
        vec![json!("c".repeat(81))],
    );
    let set_on = weighted(
        past_day().prop_filter_map("a day in range", |(v, ok)| ok.then_some(v)),
        vec![day(ymd(1950, 1, 1))],
        vec![day(ymd(1949, 12, 31))],
    );
    object(vec![
        ("title", text(SHORT, true)),
        ("description", text(LONG, false)),
        ("category", category),
        ("successCriteria", text(LONG, false)),
        ("targetDate", opt(coming_day())),
        ("progressFrom", opt(one_of(&["reviews", "milestones"]))),
        (
            "setOn",
            if new {
                opt(set_on)
            } else {
                fixed(Value::Null, true)
            },
        ),
        ("mentorIds", list(id(&w.mentors, w.gone.mentor), 0..3)),
    ])
}

/// The strategy for one command, or `None` for a command this file does not know yet.
pub(super) const OUTCOMES: &[&str] = &["pending", "no_answer", "declined", "introduced", "agreed"];
pub(super) const ACTION_STATUSES: &[&str] = &["open", "done", "dropped"];

/// Category names must be unique, so each carries the case number (`{n}`, four digits).
pub(super) fn category_name() -> Field {
    weighted(
        "[A-Za-z][A-Za-z ]{0,20}".prop_map(|s| json!(format!("{s} {{n}}"))),
        vec![json!(format!("{}{{n}}", "k".repeat(76)))],
        vec![json!("k".repeat(81)), json!("  ")],
    )
}

/// A review's reason: only a refinement needs one (a blank reason is fine without), so the
/// valid ones are never blank and only the length limit is the edge.
pub(super) fn reason() -> Field {
    weighted(
        "[\\p{L}][\\p{L} ,.]{0,30}".prop_map(Value::String),
        vec![json!("r".repeat(LONG))],
        vec![json!("r".repeat(LONG + 1))],
    )
}

/// A template: its name is unique, so it carries the case number like a category's.
pub(super) fn template_input() -> Field {
    object(vec![
        ("name", category_name()),
        ("description", text(SHORT, false)),
        ("body", body()),
        ("takeaways", list(text(2_000, false), 0..4)),
    ])
}

/// A block: a span of days (an end before the start is refused), for every mentor or the chosen
/// ones (none chosen is refused, and so is a deleted one).
pub(super) fn block_input(w: &World) -> Field {
    let span = weighted(
        (0..=73_000u64, 0..=60u64).prop_map(|(k, len)| {
            let start = ymd(1950, 1, 1) + chrono::Days::new(k);
            json!([day(start), day(start + chrono::Days::new(len))])
        }),
        vec![
            json!(["2026-02-01", "2026-02-01"]),
            json!(["1950-01-01", "2150-12-31"]),
        ],
        vec![
            json!(["2026-02-02", "2026-02-01"]),
            json!(["1949-12-31", "2026-02-01"]),
            json!(["2026-02-01", "2151-01-01"]),
        ],
    );
    let everyone = Just((json!({ "allMentors": true, "mentorIds": [] }), true));
    let chosen = list(id(&w.mentors, w.gone.mentor), 1..3)
        .prop_map(|(ids, ok)| (json!({ "allMentors": false, "mentorIds": ids }), ok));
    let none = Just((json!({ "allMentors": false, "mentorIds": [] }), false));
    let applies = prop_oneof![8 => everyone, 8 => chosen, 1 => none].boxed();
    object(vec![
        ("title", text(SHORT, true)),
        ("span", span),
        ("applies", applies),
        ("pausesCadence", flag()),
        ("note", text(LONG, false)),
    ])
    .prop_map(|(mut v, ok)| {
        let span = v["span"].take();
        let applies = v["applies"].take();
        if let Value::Object(map) = &mut v {
            map.remove("span");
            map.remove("applies");
            map.insert("startsOn".into(), span[0].clone());
            map.insert("endsOn".into(), span[1].clone());
            map.insert("allMentors".into(), applies["allMentors"].clone());
            map.insert("mentorIds".into(), applies["mentorIds"].clone());
        }
        (v, ok)
    })
    .boxed()
}

/// A review's period: it ends today at the latest and spans two years at most (732 days); a
/// rotation review needs a name, a yearly one is named after its year when given none.
pub(super) fn review_input() -> Field {
    let today = today();
    let back = weighted(
        (0..=40u64).prop_map(|n| json!(n)),
        vec![json!(0)],
        vec![json!(-1)],
    );
    let len = weighted(
        (0..=700u64).prop_map(|n| json!(n)),
        vec![json!(0), json!(732)],
        vec![json!(733), json!(-3)],
    );
    (back, len, any::<bool>(), text(SHORT, false))
        .prop_map(move |((back, b_ok), (len, l_ok), yearly, (title, t_ok))| {
            let shift = |from: NaiveDate, days: i64| from - chrono::Duration::days(days);
            let to = shift(today, back.as_i64().unwrap_or(0));
            let from = shift(to, len.as_i64().unwrap_or(0));
            let named = title.as_str().is_some_and(|t| !t.trim().is_empty());
            let ok = b_ok && l_ok && t_ok && (yearly || named);
            let kind = if yearly { "yearly" } else { "rotation" };
            (
                json!({ "kind": kind, "title": title, "from": day(from), "to": day(to) }),
                ok,
            )
        })
        .boxed()
}

/// A decision for one mentor of a review: none, or one of the four with a note.
pub(super) fn decision_input() -> Field {
    object(vec![
        ("decision", opt(one_of(&["keep", "refine", "pause", "end"]))),
        ("note", text(LONG, false)),
    ])
}
