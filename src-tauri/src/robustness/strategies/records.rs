//! The strategies of the journal's own records: notes and action items, search and the views,
//! goals, prep and questions, templates and blocks (see `strategies` for the rest).

use proptest::prelude::*;
use serde_json::{Value, json};

use super::status_change;
use crate::robustness::fields::*;
use crate::robustness::inputs::*;

pub(super) fn for_command(name: &str, w: &World) -> Option<BoxedStrategy<Case>> {
    let g = w.gone;
    Some(match name {
        "conversation_add" => case(vec![
            ("conversation", conversation_input(w)),
            ("draft", flag()),
        ]),
        "conversation_update" => case(vec![
            ("id", id(&w.conversations, g.conversation)),
            ("conversation", conversation_input(w)),
            ("draft", flag()),
        ]),
        "conversation_get" => case(vec![("id", id(&w.conversations, g.conversation))]),
        "conversation_delete" => delete(
            (
                "conversation_add",
                json!({ "conversation": { "mentorId": w.mentors[0], "body": "Gone {n}" }, "draft": false }),
            ),
            g.conversation,
            vec![],
        ),
        "conversations_list" => case(vec![
            ("mentorId", opt(live(&w.mentors))),
            // Where the last page ended, `[occurredAt, id]`: any moment and any id is a valid
            // key, a deleted note's too (the walk goes on past it).
            (
                "after",
                opt((
                    unchecked(moment()),
                    unchecked(id(&w.conversations, g.conversation)),
                )
                    .prop_map(|((at, _), (id, _))| (json!([at, id]), true))
                    .boxed()),
            ),
        ]),
        "reflections_list" => case(vec![(
            "after",
            opt((
                unchecked(moment()),
                unchecked(id(&w.conversations, g.conversation)),
            )
                .prop_map(|((at, _), (id, _))| (json!([at, id]), true))
                .boxed()),
        )]),
        "action_items_list" => case(vec![(
            "filter",
            object(vec![
                ("status", opt(one_of(ACTION_STATUSES))),
                ("mentorId", opt(live(&w.mentors))),
                ("conversationId", opt(live(&w.conversations))),
                ("goalId", opt(live(&w.goals))),
            ]),
        )]),
        "action_item_add" => case(vec![("item", item_input(w, false))]),
        "action_item_update" => case(vec![
            ("id", id(&w.items, g.item)),
            ("item", item_input(w, false)),
        ]),
        "action_item_set_status" => case(vec![
            ("id", id(&w.items, g.item)),
            ("status", one_of(ACTION_STATUSES)),
        ]),
        "action_item_delete" => delete(
            (
                "action_item_add",
                json!({ "item": { "title": "Gone {n}" } }),
            ),
            g.item,
            vec![],
        ),
        "search" => case(vec![(
            "query",
            object(vec![
                (
                    "text",
                    weighted(
                        prop_oneof![
                            Just("focus".to_owned()),
                            Just("Ada draft".to_owned()),
                            "[\\PC]{0,40}"
                        ]
                        .prop_map(Value::String),
                        vec![json!("x".repeat(1_000))],
                        vec![json!("x".repeat(1_001))],
                    ),
                ),
                ("mentorId", opt(live(&w.mentors))),
                // Reflections with a mentor is refused below; alone, either is fine.
                ("reflections", opt(flag())),
                // A search filters by these and checks no range: any day is valid here.
                ("from", opt(unchecked(any_day()))),
                ("to", opt(unchecked(any_day()))),
                (
                    "limit",
                    opt(any::<u32>().prop_map(|n| (json!(n), true)).boxed()),
                ),
                (
                    "offset",
                    opt(any::<u32>().prop_map(|n| (json!(n), true)).boxed()),
                ),
            ])
            .prop_map(|(query, ok)| {
                let both = !query["mentorId"].is_null() && query["reflections"] == json!(true);
                (query, ok && !both)
            })
            .boxed(),
        )]),
        "wellbeing_over_time" => case(vec![("months", range(1, 120, vec![0, 121]))]),
        "calendar_month" => case(vec![
            ("year", range(1950, 2150, vec![1949, 2151])),
            ("month", range(1, 12, vec![0, 13])),
        ]),
        "on_this_day" => case(vec![("date", opt(any_day()))]),
        "goals_list" => case(vec![(
            "filter",
            object(vec![
                (
                    "status",
                    opt(one_of(&["active", "achieved", "paused", "dropped"])),
                ),
                ("mentorId", opt(live(&w.mentors))),
            ]),
        )]),
        "goal_get" => case(vec![("id", id(&w.goals, g.goal))]),
        "goal_add" => case(vec![("goal", goal_input(w, true))]),
        "goal_update" => case(vec![
            ("id", id(&w.goals, g.goal)),
            ("goal", goal_input(w, false)),
        ]),
        "goal_set_status" => with_setup(
            Some(("goal_add", json!({ "goal": { "title": "Status {n}" } }))),
            vec![
                ("id", fixed(json!("$id"), true)),
                (
                    "change",
                    status_change(
                        &["achieved", "paused", "dropped"],
                        "active",
                        text(LONG, true),
                    ),
                ),
            ],
        ),
        "goal_delete" => delete(
            ("goal_add", json!({ "goal": { "title": "Gone {n}" } })),
            g.goal,
            vec![],
        ),
        "goal_review" => case(vec![
            ("id", id(&w.goals, g.goal)),
            (
                "review",
                object(vec![
                    ("reviewedOn", opt(past_day())),
                    ("progress", range(0, 100, vec![-1, 101])),
                    ("note", text(LONG, false)),
                    ("newTitle", opt(text(SHORT, true))),
                    ("newCriteria", opt(text(LONG, false))),
                    ("reason", reason()),
                ]),
            ),
        ]),
        "goal_category_add" => case(vec![("name", category_name())]),
        "goal_category_rename" => case(vec![
            ("id", id(&w.categories, g.category)),
            ("name", category_name()),
        ]),
        "goal_category_delete" => delete(
            ("goal_category_add", json!({ "name": "Gone {n}" })),
            g.category,
            vec![("moveTo", Value::Null)],
        ),
        "milestone_add" => case(vec![
            ("goalId", id(&w.goals, g.goal)),
            ("title", text(SHORT, true)),
        ]),
        "milestone_rename" => case(vec![
            ("id", id(&w.milestones, g.milestone)),
            ("title", text(SHORT, true)),
        ]),
        "milestone_set_done" => case(vec![
            ("id", id(&w.milestones, g.milestone)),
            ("doneOn", opt(past_day())),
        ]),
        "milestone_move" => case(vec![
            ("id", id(&w.milestones, g.milestone)),
            (
                "position",
                weighted(
                    (0..4u32).prop_map(|n| json!(n)),
                    vec![json!(u32::MAX)],
                    vec![],
                ),
            ),
        ]),
        "milestone_delete" => delete(
            (
                "milestone_add",
                json!({ "goalId": w.goals[0], "title": "Gone {n}" }),
            ),
            g.milestone,
            vec![],
        ),
        "question_add" => case(vec![
            ("mentorId", id(&w.mentors, g.mentor)),
            ("text", text(LONG, true)),
        ]),
        "question_set_discussed" => case(vec![
            ("id", id(&w.questions, g.question)),
            ("discussed", flag()),
        ]),
        "question_delete" => delete(
            (
                "question_add",
                json!({ "mentorId": w.mentors[0], "text": "Gone {n}?" }),
            ),
            g.question,
            vec![],
        ),
        "template_get" => case(vec![("id", id(&w.templates, g.template))]),
        "template_add" => case(vec![("template", template_input())]),
        "template_update" => case(vec![
            ("id", id(&w.templates, g.template)),
            ("template", template_input()),
        ]),
        "template_delete" => delete(
            (
                "template_add",
                json!({ "template": { "name": "Gone {n}" } }),
            ),
            g.template,
            vec![],
        ),
        "mentor_set_default_template" => case(vec![
            ("id", id(&w.mentors, g.mentor)),
            ("templateId", opt(id(&w.templates, g.template))),
        ]),
        "template_for_new_note" => case(vec![("mentorId", id(&w.mentors, g.mentor))]),
        "block_get" => case(vec![("id", id(&w.blocks, g.block))]),
        "block_add" => case(vec![("block", block_input(w))]),
        "block_update" => case(vec![
            ("id", id(&w.blocks, g.block)),
            ("block", block_input(w)),
        ]),
        "block_delete" => delete(
            (
                "block_add",
                json!({ "block": { "title": "Gone {n}", "startsOn": "2026-02-01",
                    "endsOn": "2026-02-28", "pausesCadence": true, "allMentors": true } }),
            ),
            g.block,
            vec![],
        ),
        "review_get" => case(vec![("id", id(&w.reviews, g.review))]),
        "review_start" => case(vec![("review", review_input())]),
        // Whether a mentor is in the review, whether every mentor is decided and whether it is
        // still in progress depend on what earlier cases did to the journal: either answer is
        // fair (in the envelope), a panic never.
        "review_decide" => either(case(vec![
            ("id", id(&w.reviews, g.review)),
            ("mentorId", id(&w.mentors, g.mentor)),
            ("decision", decision_input()),
        ])),
        "review_complete" => either(case(vec![
            ("id", id(&w.reviews, g.review)),
            (
                "completion",
                object(vec![
                    ("carryOver", list(id(&w.goals, g.goal), 0..3)),
                    ("closingNote", text(LONG, false)),
                ]),
            ),
        ])),
        "review_delete" => delete(
            (
                "review_start",
                json!({ "review": { "kind": "yearly", "from": day(today()), "to": day(today()) } }),
            ),
            g.review,
            vec![],
        ),
        _ => return None,
    })
}

/// Cases whose outcome depends on the journal's state: an answer or a refusal, never a panic.
fn either(cases: BoxedStrategy<Case>) -> BoxedStrategy<Case> {
    cases
        .prop_map(|c| Case {
            expect: Expect::Any,
            ..c
        })
        .boxed()
}
