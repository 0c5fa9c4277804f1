//! A goal's fields, refused input, status changes and deletion, and its action items.

use super::{day, goal, goal_count, mentor, review, vault};
use journal::{
    ActionItemInput, ErrorCode, GoalFilter, GoalInput, GoalStatus, GoalStatusChange, MentorId,
    ProgressSource,
};

#[test]
fn a_goal_round_trips_with_category_criteria_target_and_mentors() {
    let (_dir, journal) = vault();
    let a = mentor(&journal, "Dr. Amara Osei", &[], None);
    let b = mentor(&journal, "Dr. Lena Park", &[], None);
    let saved = journal
        .add_goal(&GoalInput {
            description: "First-author paper from the registry project.".into(),
            category: "Research".into(),
            success_criteria: "Manuscript submitted to a journal.".into(),
            progress_from: Some(ProgressSource::Reviews),
            ..goal(
                "  Submit the registry paper  ",
                "2026-01-10",
                Some("2026-06-30"),
                vec![b, a, a],
            )
        })
        .unwrap();
    assert_eq!(saved.title, "Submit the registry paper");
    assert_eq!(saved.category.as_deref(), Some("Research"));
    assert_eq!(saved.mentor_ids, vec![a, b], "each mentor once");
    assert_eq!(saved.status, GoalStatus::Active);
    assert_eq!(saved.set_on, day("2026-01-10"));
    assert_eq!(saved.progress, 0);
    assert_eq!(journal.goal(saved.id).unwrap(), saved);

    let own = journal
        .add_goal(&GoalInput {
            category: "Teaching".into(),
            ..GoalInput::titled("Teach the interns' ECG session")
        })
        .unwrap();
    assert_eq!(
        own.set_on,
        journal.today(),
        "a new goal is set today by default"
    );
    let categories = journal.goal_categories().unwrap();
    assert_eq!(categories.len(), 8, "{categories:?}");
    assert_eq!(categories[0], "Skill development");
    assert!(categories.contains(&"Work-life balance".to_owned()));
    assert_eq!(categories.last().map(String::as_str), Some("Teaching"));
    assert_eq!(
        journal
            .list_goals(&GoalFilter {
                mentor_id: Some(b),
                ..GoalFilter::default()
            })
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn bad_goal_input_is_refused_with_the_field_named_and_nothing_written() {
    let (_dir, journal) = vault();
    let a = mentor(&journal, "Dr. Amara Osei", &[], None);
    let cases = [
        (goal("   ", "2026-01-10", None, vec![]), "title"),
        (
            goal("Pass boards", "2026-01-10", Some("2026-01-09"), vec![]),
            "targetDate",
        ),
        (
            goal("Pass boards", "2026-01-10", None, vec![a, MentorId(999)]),
            "mentorIds",
        ),
    ];
    for (input, field) in &cases {
        let err = journal.add_goal(input).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Validation, "{field}");
        assert_eq!(err.field(), Some(*field));
    }
    assert_eq!(goal_count(&journal), 0);

    let g = journal
        .add_goal(&goal("Pass boards", "2026-01-10", None, vec![a]))
        .unwrap();
    let err = journal
        .update_goal(
            g.id,
            &GoalInput {
                set_on: None,
                ..goal("Pass boards", "2026-01-10", Some("2025-12-31"), vec![a])
            },
        )
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("targetDate"),
        "an edit is checked against the day the goal was set"
    );
    assert_eq!(
        journal.goal(g.id).unwrap(),
        g,
        "the refused edit changed nothing"
    );
}

#[test]
fn a_dropped_goal_takes_no_milestones_and_status_changes_keep_everything() {
    let (_dir, journal) = vault();
    let g = journal
        .add_goal(&goal("Learn ultrasound", "2026-01-10", None, vec![]))
        .unwrap();
    journal.add_milestone(g.id, "10 supervised scans").unwrap();
    journal
        .review_goal(g.id, &review("2026-02-01", 30, "Slow start"))
        .unwrap();

    let change = |status, note: &str| GoalStatusChange {
        status,
        on: Some(day("2026-03-01")),
        note: note.into(),
    };
    let err = journal
        .set_goal_status(g.id, &change(GoalStatus::Dropped, " "))
        .unwrap_err();
    assert_eq!(err.field(), Some("note"), "leaving active asks for a note");
    journal
        .set_goal_status(
            g.id,
            &change(GoalStatus::Dropped, "No scanner time this rotation"),
        )
        .unwrap();

    let err = journal.add_milestone(g.id, "Another").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.field(), Some("milestones"));

    let detail = journal.goal_detail(g.id).unwrap();
    assert_eq!(detail.goal.status, GoalStatus::Dropped);
    assert_eq!(detail.milestones.len(), 1, "nothing deleted");
    assert_eq!(detail.reviews.len(), 1, "nothing deleted");
    assert_eq!(detail.goal.progress, 30);
    assert_eq!(
        detail
            .history
            .iter()
            .map(|h| (h.status, h.note.as_str()))
            .collect::<Vec<_>>(),
        [
            (GoalStatus::Active, ""),
            (GoalStatus::Dropped, "No scanner time this rotation")
        ]
    );

    journal
        .set_goal_status(g.id, &change(GoalStatus::Active, ""))
        .unwrap();
    journal.add_milestone(g.id, "Another").unwrap();
    let err = journal
        .set_goal_status(g.id, &change(GoalStatus::Active, ""))
        .unwrap_err();
    assert_eq!(err.field(), Some("status"));
}

#[test]
fn action_items_link_to_goals_and_survive_the_goal() {
    let (_dir, journal) = vault();
    let g = journal
        .add_goal(&goal("Apply to fellowship", "2026-01-10", None, vec![]))
        .unwrap();
    let item = journal
        .add_action_item(&ActionItemInput {
            title: "Ask for a letter".into(),
            goal_id: Some(g.id),
            ..ActionItemInput::default()
        })
        .unwrap();
    assert_eq!(item.goal_id, Some(g.id));
    assert_eq!(
        journal.goal_detail(g.id).unwrap().action_items,
        vec![item.clone()]
    );
    let err = journal
        .add_action_item(&ActionItemInput {
            title: "x".into(),
            goal_id: Some(journal::GoalId(4040)),
            ..ActionItemInput::default()
        })
        .unwrap_err();
    assert_eq!(err.field(), Some("goalId"));

    journal.delete_goal(g.id).unwrap();
    let kept = journal.action_item(item.id, journal.today()).unwrap();
    assert_eq!(kept.goal_id, None, "unlinked, not deleted");
    assert_eq!(kept.title, "Ask for a letter");
}
