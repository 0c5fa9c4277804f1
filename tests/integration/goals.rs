//! Goals, milestones, the reassessment log, the dashboard, mentor coverage and the prep sheet, on
//! real encrypted vaults with a fixed "today".

use chrono::{NaiveDate, NaiveDateTime};
use journal::{
    ActionItemInput, ActionStatus, CadenceStatus, ConversationInput, ErrorCode, GoalFilter,
    GoalInput, GoalStatus, GoalStatusChange, Journal, MentorId, MentorInput, MentorStatus, Owner,
    ProgressSource, ReviewInput, SearchKind, SearchQuery, StatusChange, TargetStatus, Vault,
};

use crate::{fast_kdf, passphrase};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(9, 30, 0).unwrap()
}

fn vault() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Vault::create_with(dir.path(), &passphrase(), fast_kdf()).unwrap();
    (dir, journal)
}

fn mentor(journal: &Journal, name: &str, areas: &[&str], cadence: Option<u32>) -> MentorId {
    journal
        .add_mentor(&MentorInput {
            focus_areas: areas.iter().map(|a| a.to_string()).collect(),
            cadence_days: cadence,
            ..MentorInput::named(name)
        })
        .unwrap()
        .id
}

fn goal(title: &str, set_on: &str, target: Option<&str>, mentors: Vec<MentorId>) -> GoalInput {
    GoalInput {
        set_on: Some(day(set_on)),
        target_date: target.map(day),
        mentor_ids: mentors,
        ..GoalInput::titled(title)
    }
}

/// A goal set on 2026-01-10 whose progress comes from its milestones.
fn milestone_goal(journal: &Journal, title: &str) -> journal::Goal {
    journal
        .add_goal(&GoalInput {
            progress_from: Some(ProgressSource::Milestones),
            ..goal(title, "2026-01-10", None, vec![])
        })
        .unwrap()
}

fn review(on: &str, progress: i64, note: &str) -> ReviewInput {
    ReviewInput {
        reviewed_on: Some(day(on)),
        progress,
        note: note.into(),
        ..ReviewInput::default()
    }
}

fn goal_count(journal: &Journal) -> usize {
    journal.list_goals(&GoalFilter::default()).unwrap().len()
}

fn note(journal: &Journal, mentor: MentorId, on: &str, takeaways: &[&str]) {
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(mentor),
                occurred_at: Some(at(on)),
                title: format!("Talk on {on}"),
                body: "notes".into(),
                takeaways: takeaways.iter().map(|t| t.to_string()).collect(),
                ..ConversationInput::default()
            },
            false,
        )
        .unwrap();
}

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
fn milestones_are_an_ordered_checklist_and_can_drive_progress() {
    let (_dir, journal) = vault();
    let g = milestone_goal(&journal, "Run a QI project");
    let ids: Vec<_> = ["Pick a problem", "Collect baseline data", "Present results"]
        .iter()
        .map(|t| journal.add_milestone(g.id, t).unwrap().id)
        .collect();
    assert_eq!(
        journal.add_milestone(g.id, "  ").unwrap_err().field(),
        Some("title")
    );

    journal
        .set_milestone_done(ids[0], Some(day("2026-02-01")))
        .unwrap();
    let after = journal.goal(g.id).unwrap();
    assert_eq!((after.milestones_done, after.milestones_total), (1, 3));
    assert_eq!(after.progress, 33);

    let order = journal.move_milestone(ids[2], 0).unwrap();
    let titles: Vec<_> = order.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Present results", "Pick a problem", "Collect baseline data"]
    );
    assert_eq!(
        order.iter().map(|m| m.position).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    assert_eq!(order[1].done_on, Some(day("2026-02-01")));

    journal.set_milestone_done(ids[0], None).unwrap();
    assert_eq!(journal.goal(g.id).unwrap().progress, 0, "un-ticked");
    journal
        .rename_milestone(ids[1], "Collect 3 months of baseline data")
        .unwrap();
    journal.delete_milestone(ids[2]).unwrap();
    assert_eq!(journal.milestones(g.id).unwrap().len(), 2);
}

#[test]
fn computed_progress_over_time_follows_the_days_milestones_were_done() {
    let (_dir, journal) = vault();
    let g = milestone_goal(&journal, "Pass the membership exam");
    let ids: Vec<_> = [
        "Book the exam",
        "Finish question bank",
        "Mock exam",
        "Sit the exam",
    ]
    .iter()
    .map(|t| journal.add_milestone(g.id, t).unwrap().id)
    .collect();
    assert!(
        journal
            .goal_detail(g.id)
            .unwrap()
            .milestone_progress
            .is_empty(),
        "no line before anything is done"
    );
    // Ticked out of order, two on the same day.
    for (i, on) in [(2, "2026-04-01"), (0, "2026-02-01"), (1, "2026-04-01")] {
        journal.set_milestone_done(ids[i], Some(day(on))).unwrap();
    }
    let points: Vec<_> = journal
        .goal_detail(g.id)
        .unwrap()
        .milestone_progress
        .iter()
        .map(|p| (p.on.to_string(), p.progress))
        .collect();
    assert_eq!(
        points,
        [
            ("2026-01-10".to_owned(), 0),
            ("2026-02-01".to_owned(), 25),
            ("2026-04-01".to_owned(), 75),
            (journal.today().to_string(), 75),
        ]
    );
    assert_eq!(
        journal.goal(g.id).unwrap().progress,
        75,
        "ends at the goal's figure"
    );

    // A milestone dated on the day the goal was set starts the line there, not at 0 %.
    journal
        .set_milestone_done(ids[3], Some(day("2026-01-10")))
        .unwrap();
    let first = journal.goal_detail(g.id).unwrap().milestone_progress[0];
    assert_eq!((first.on, first.progress), (day("2026-01-10"), 25));
}

#[test]
fn goal_categories_are_the_users_list_and_removing_one_moves_its_goals() {
    let (_dir, journal) = vault();
    let defaults = journal.goal_categories().unwrap();
    assert_eq!(
        defaults,
        [
            "Skill development",
            "Research",
            "Career planning",
            "Networking",
            "Leadership",
            "Work-life balance",
            "Well-being"
        ]
    );
    let teaching = journal.add_goal_category("  Teaching ").unwrap();
    assert_eq!(
        (teaching.name.as_str(), teaching.builtin, teaching.goals),
        ("Teaching", false, 0)
    );
    for (name, field) in [("teaching", "name"), ("RESEARCH", "name"), ("   ", "name")] {
        let err = journal.add_goal_category(name).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (ErrorCode::Validation, Some(field)),
            "{name:?}"
        );
    }
    assert_eq!(
        journal
            .add_goal_category(&"x".repeat(81))
            .unwrap_err()
            .field(),
        Some("name")
    );

    let research = |j: &Journal| {
        j.list_goal_categories()
            .unwrap()
            .into_iter()
            .find(|c| c.name.eq_ignore_ascii_case("research") || c.name == "Research & audit")
            .unwrap()
    };
    let mut input = goal("Publish the audit", "2026-01-10", None, vec![]);
    input.category = "research".into();
    let audit = journal.add_goal(&input).unwrap();
    assert_eq!(
        audit.category.as_deref(),
        Some("Research"),
        "picked case-insensitively"
    );
    input.title = "Write a case report".into();
    let case_report = journal.add_goal(&input).unwrap();
    assert_eq!(research(&journal).goals, 2);

    // Renaming shows on every goal; a default keeps its place; another name's clash is refused.
    let renamed = journal
        .rename_goal_category(research(&journal).id, "Research & audit")
        .unwrap();
    assert!(renamed.builtin);
    assert_eq!(journal.goal_categories().unwrap()[1], "Research & audit");
    assert_eq!(
        journal.goal(audit.id).unwrap().category.as_deref(),
        Some("Research & audit")
    );
    assert_eq!(
        journal
            .rename_goal_category(renamed.id, "teaching")
            .unwrap_err()
            .field(),
        Some("name")
    );
    assert_eq!(
        journal
            .rename_goal_category(teaching.id, "TEACHING")
            .unwrap()
            .name,
        "TEACHING",
        "a change of case alone is fine"
    );

    // In use: refused without a destination, and nothing changes.
    let err = journal.delete_goal_category(renamed.id, None).unwrap_err();
    assert_eq!(err.field(), Some("moveTo"));
    assert!(err.to_string().contains("2 goals"), "{err}");
    assert_eq!(
        journal
            .delete_goal_category(renamed.id, Some(renamed.id))
            .unwrap_err()
            .field(),
        Some("moveTo")
    );
    assert_eq!(
        journal
            .delete_goal_category(renamed.id, Some(journal::GoalCategoryId(9_999)))
            .unwrap_err()
            .field(),
        Some("moveTo")
    );
    assert_eq!(research(&journal).goals, 2);

    journal
        .delete_goal_category(renamed.id, Some(teaching.id))
        .unwrap();
    for id in [audit.id, case_report.id] {
        assert_eq!(
            journal.goal(id).unwrap().category.as_deref(),
            Some("TEACHING")
        );
    }
    assert!(
        !journal
            .goal_categories()
            .unwrap()
            .iter()
            .any(|c| c.starts_with("Research"))
    );
    assert_eq!(goal_count(&journal), 2, "no goal lost");

    // Unused: removed outright; gone: NOT_FOUND.
    let networking = journal
        .list_goal_categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Networking")
        .unwrap();
    journal.delete_goal_category(networking.id, None).unwrap();
    assert_eq!(
        journal
            .delete_goal_category(networking.id, None)
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    assert_eq!(
        journal
            .rename_goal_category(networking.id, "Networking")
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );

    // The list is bounded; a goal typed with a new category past the bound is refused whole.
    let have = journal.list_goal_categories().unwrap().len();
    for i in have..100 {
        journal.add_goal_category(&format!("Area {i}")).unwrap();
    }
    assert_eq!(
        journal
            .add_goal_category("One too many")
            .unwrap_err()
            .field(),
        Some("name")
    );
    let mut input = goal("Learn to teach", "2026-01-10", None, vec![]);
    input.category = "Yet another".into();
    assert_eq!(
        journal.add_goal(&input).unwrap_err().field(),
        Some("category")
    );
    assert_eq!(goal_count(&journal), 2, "the refused goal was not written");
    input.category = "area 50".into();
    assert_eq!(
        journal.add_goal(&input).unwrap().category.as_deref(),
        Some("Area 50"),
        "an existing category is still fine"
    );
    let area = journal
        .list_goal_categories()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Area 50")
        .unwrap();
    assert_eq!(
        journal
            .delete_goal_category(area.id, None)
            .unwrap_err()
            .to_string(),
        "1 goal uses “Area 50”: choose a category to move it to."
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
fn reviews_log_progress_and_a_refinement_keeps_the_old_wording() {
    let (_dir, journal) = vault();
    let g = journal
        .add_goal(&GoalInput {
            success_criteria: "Accepted somewhere".into(),
            ..goal("Publish a case report", "2026-01-10", None, vec![])
        })
        .unwrap();
    for bad in [-1, 101] {
        let err = journal
            .review_goal(g.id, &review("2026-02-01", bad, ""))
            .unwrap_err();
        assert_eq!(err.field(), Some("progress"), "{bad}");
    }
    let refine = ReviewInput {
        new_title: Some("Publish two case reports".into()),
        new_criteria: Some("Both submitted by June".into()),
        ..review("2026-03-01", 40, "Second case came up")
    };
    let err = journal.review_goal(g.id, &refine).unwrap_err();
    assert_eq!(
        err.field(),
        Some("reason"),
        "a refinement says why it changed"
    );
    assert!(journal.goal_reviews(g.id).unwrap().is_empty());

    journal
        .review_goal(g.id, &review("2026-02-01", 20, "Drafted the intro"))
        .unwrap();
    let refined = journal
        .review_goal(
            g.id,
            &ReviewInput {
                reason: "Mentor suggested the second case".into(),
                ..refine
            },
        )
        .unwrap();
    assert_eq!(refined.old_title.as_deref(), Some("Publish a case report"));
    assert_eq!(
        refined.new_title.as_deref(),
        Some("Publish two case reports")
    );
    assert_eq!(refined.old_criteria.as_deref(), Some("Accepted somewhere"));
    // A back-dated review lands in date order, and the latest by date sets the progress.
    journal
        .review_goal(g.id, &review("2026-01-20", 10, "Picked the case"))
        .unwrap();
    let unchanged_wording = journal
        .review_goal(
            g.id,
            &ReviewInput {
                new_title: Some("Publish two case reports".into()),
                ..review("2026-03-15", 55, "Figures done")
            },
        )
        .unwrap();
    assert_eq!(
        unchanged_wording.old_title, None,
        "the same wording is no refinement"
    );

    let detail = journal.goal_detail(g.id).unwrap();
    assert_eq!(detail.goal.title, "Publish two case reports");
    assert_eq!(detail.goal.success_criteria, "Both submitted by June");
    assert_eq!(detail.goal.progress, 55);
    assert_eq!(detail.goal.last_reviewed, Some(day("2026-03-15")));
    let log: Vec<_> = detail
        .reviews
        .iter()
        .map(|r| (r.reviewed_on.to_string(), r.progress))
        .collect();
    assert_eq!(
        log,
        [
            ("2026-01-20".into(), 10),
            ("2026-02-01".into(), 20),
            ("2026-03-01".into(), 40),
            ("2026-03-15".into(), 55)
        ]
    );

    // The old wording stays findable.
    let hits = journal
        .search(&SearchQuery {
            text: "case report accepted".into(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(
        hits.iter().map(|h| (h.kind, h.item_id)).collect::<Vec<_>>(),
        [(SearchKind::Goal, g.id.0)]
    );
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

/// A small journal on a fixed day, 2026-03-10, to test what the dashboard picks.
#[test]
fn the_dashboard_shows_what_needs_attention_on_a_fixed_day() {
    let (_dir, journal) = vault();
    let today = day("2026-03-10");
    let osei = mentor(&journal, "Dr. Osei", &["Research"], Some(14));
    let park = mentor(&journal, "Dr. Park", &["Career", "Research"], Some(30));
    let ng = mentor(&journal, "Dr. Ng", &["Leadership"], Some(7));
    let old = mentor(&journal, "Dr. Former", &["Well-being"], Some(7));
    journal
        .set_mentor_status(
            old,
            &StatusChange {
                status: MentorStatus::Ended,
                on: day("2026-01-01"),
                note: String::new(),
            },
        )
        .unwrap();
    note(&journal, osei, "2026-02-01", &[]); // 37 days ago, cadence 14: 23 days overdue
    note(&journal, park, "2026-03-01", &[]); // on track
    note(&journal, park, "2025-12-15", &[]);
    note(&journal, park, "2025-03-31", &[]); // just outside the 12-month window
    // Dr. Ng never met: "never met" comes after the overdue mentor.

    let overdue = journal
        .add_goal(&goal(
            "Overdue goal",
            "2026-01-01",
            Some("2026-03-01"),
            vec![osei],
        ))
        .unwrap();
    let soon = journal
        .add_goal(&goal("Soon goal", "2026-01-01", Some("2026-03-20"), vec![]))
        .unwrap();
    let stale = journal
        .add_goal(&goal(
            "Stale goal",
            "2026-01-01",
            Some("2026-12-01"),
            vec![],
        ))
        .unwrap();
    let fresh = journal
        .add_goal(&goal("Fresh goal", "2026-01-01", None, vec![]))
        .unwrap();
    journal
        .review_goal(fresh.id, &review("2026-03-05", 60, ""))
        .unwrap();
    journal
        .review_goal(stale.id, &review("2026-02-01", 10, ""))
        .unwrap(); // 37 days: more than 4 weeks
    let paused = journal
        .add_goal(&goal(
            "Paused goal",
            "2026-01-01",
            Some("2026-02-01"),
            vec![],
        ))
        .unwrap();
    journal
        .set_goal_status(
            paused.id,
            &GoalStatusChange {
                status: GoalStatus::Paused,
                on: None,
                note: "On nights".into(),
            },
        )
        .unwrap();

    let item = |title: &str, due: Option<&str>, owner, mentor: Option<MentorId>| {
        journal
            .add_action_item(&ActionItemInput {
                title: title.into(),
                due_on: due.map(day),
                owner: Some(owner),
                mentor_id: mentor,
                ..ActionItemInput::default()
            })
            .unwrap()
    };
    item("Late mine", Some("2026-03-09"), Owner::Me, None);
    item(
        "Letter from Park",
        Some("2026-03-16"),
        Owner::Mentor,
        Some(park),
    );
    item("Today", Some("2026-03-10"), Owner::Me, Some(osei));
    item("Next week", Some("2026-03-17"), Owner::Me, None);
    item("Undated", None, Owner::Me, None);
    let done = item("Done already", Some("2026-03-01"), Owner::Me, None);
    journal
        .set_action_status(done.id, ActionStatus::Done)
        .unwrap();

    let d = journal.dashboard(today).unwrap();
    assert_eq!(d.today, today);
    assert_eq!(d.review_after_weeks, 4);

    let goals: Vec<_> = d.goals.iter().map(|c| c.goal.title.as_str()).collect();
    assert_eq!(
        goals,
        ["Overdue goal", "Soon goal", "Stale goal", "Fresh goal"],
        "attention order; paused goals are not on the dashboard"
    );
    assert_eq!(d.active_goals, 4);
    assert_eq!(d.goals[0].target, TargetStatus::Overdue { days_overdue: 9 });
    assert_eq!(d.goals[1].target, TargetStatus::DueSoon { due_in_days: 10 });
    assert!(d.goals[0].review_due, "never reviewed since 2026-01-01");
    assert_eq!(d.goals[0].days_since_review, 68);
    assert!(d.goals[2].review_due);
    assert_eq!(d.goals[2].days_since_review, 37);
    assert!(!d.goals[3].review_due);
    assert_eq!(d.goals[3].goal.progress, 60);
    assert_eq!(overdue.id, d.goals[0].goal.id);
    assert_eq!(soon.id, d.goals[1].goal.id);

    let mentors: Vec<_> = d
        .mentors
        .iter()
        .map(|m| (m.name.as_str(), m.days_since_last))
        .collect();
    assert_eq!(
        mentors,
        [
            ("Dr. Osei", Some(37)),
            ("Dr. Ng", None),
            ("Dr. Park", Some(9))
        ],
        "overdue first; ended mentors left out"
    );
    assert_eq!(
        d.mentors[0].cadence,
        CadenceStatus::Overdue { days_overdue: 23 }
    );
    assert_eq!(d.mentors[1].id, ng);
    assert_eq!(d.mentors[1].cadence, CadenceStatus::NeverMet);

    let items: Vec<_> = d
        .action_items
        .iter()
        .map(|i| (i.item.title.as_str(), i.mentor_name.as_deref()))
        .collect();
    assert_eq!(
        items,
        [
            ("Late mine", None),
            ("Today", Some("Dr. Osei")),
            ("Letter from Park", Some("Dr. Park"))
        ],
        "overdue and the next 7 days (to 2026-03-16), both owners; done and undated left out"
    );
    assert_eq!((d.overdue_items, d.items_due_this_week), (1, 2));

    assert_eq!(d.activity.months.len(), 12);
    assert_eq!(d.activity.months[0], "2025-04");
    assert_eq!(d.activity.months[11], "2026-03");
    let series: Vec<_> = d
        .activity
        .series
        .iter()
        .map(|s| (s.name.as_str(), s.counts.iter().sum::<u32>()))
        .collect();
    assert_eq!(series, [("Dr. Park", 2), ("Dr. Osei", 1)]);
    assert_eq!(d.activity.series[0].counts[8], 1, "December 2025");
    assert_eq!(d.activity.series[0].counts[11], 1, "March 2026");

    let coverage: Vec<_> = d
        .coverage
        .iter()
        .map(|c| {
            (
                c.focus_area.as_str(),
                c.mentors
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        coverage,
        [
            ("Career", vec!["Dr. Park"]),
            ("Clinical skills", vec![]),
            ("Leadership", vec!["Dr. Ng"]),
            ("Research", vec!["Dr. Osei", "Dr. Park"]),
            ("Well-being", vec![]),
            ("Work-life & personal", vec![]),
        ],
        "an ended mentor covers nothing: well-being is a gap"
    );
}

#[test]
fn an_empty_journal_has_an_empty_dashboard() {
    let (_dir, journal) = vault();
    let d = journal.dashboard(day("2026-03-10")).unwrap();
    assert!(d.goals.is_empty() && d.mentors.is_empty() && d.action_items.is_empty());
    assert!(d.activity.series.is_empty());
    assert_eq!(d.activity.months.len(), 12);
    assert_eq!(d.coverage.len(), 6);
    assert!(d.coverage.iter().all(|c| c.mentors.is_empty()));
}

#[test]
fn the_prep_sheet_gathers_what_to_bring_to_one_mentor() {
    let (_dir, journal) = vault();
    let today = day("2026-03-10");
    let osei = mentor(&journal, "Dr. Osei", &["Research"], Some(14));
    let park = mentor(&journal, "Dr. Park", &[], None);
    for (on, takeaway) in [
        ("2026-01-05", "oldest"),
        ("2026-02-01", "second"),
        ("2026-02-20", "third"),
        ("2026-03-03", "newest"),
    ] {
        note(&journal, osei, on, &[takeaway]);
    }
    note(&journal, park, "2026-03-09", &["Park's advice"]);
    journal
        .add_conversation(
            &ConversationInput {
                mentor_id: Some(osei),
                body: "half-written draft".into(),
                takeaways: vec!["draft takeaway".into()],
                ..ConversationInput::default()
            },
            true,
        )
        .unwrap();

    let mine = journal
        .add_action_item(&ActionItemInput {
            title: "Send the draft".into(),
            mentor_id: Some(osei),
            ..ActionItemInput::default()
        })
        .unwrap();
    let theirs = journal
        .add_action_item(&ActionItemInput {
            title: "Introduce me to the stats group".into(),
            owner: Some(Owner::Mentor),
            mentor_id: Some(osei),
            due_on: Some(day("2026-03-01")),
            ..ActionItemInput::default()
        })
        .unwrap();
    let done = journal
        .add_action_item(&ActionItemInput {
            title: "Already done".into(),
            mentor_id: Some(osei),
            ..ActionItemInput::default()
        })
        .unwrap();
    journal
        .set_action_status(done.id, ActionStatus::Done)
        .unwrap();
    journal
        .add_action_item(&ActionItemInput {
            title: "For Park".into(),
            mentor_id: Some(park),
            ..ActionItemInput::default()
        })
        .unwrap();

    let active = journal
        .add_goal(&goal(
            "Registry paper",
            "2026-01-01",
            None,
            vec![osei, park],
        ))
        .unwrap();
    journal
        .review_goal(active.id, &review("2026-03-01", 45, ""))
        .unwrap();
    let achieved = journal
        .add_goal(&goal("Poster", "2026-01-01", None, vec![osei]))
        .unwrap();
    journal
        .set_goal_status(
            achieved.id,
            &GoalStatusChange {
                status: GoalStatus::Achieved,
                on: None,
                note: "Presented".into(),
            },
        )
        .unwrap();
    journal
        .add_goal(&goal("Park only", "2026-01-01", None, vec![park]))
        .unwrap();

    let q1 = journal
        .add_question(osei, "How do I pick a fellowship?")
        .unwrap();
    let q2 = journal
        .add_question(osei, "Is a research year worth it?")
        .unwrap();
    journal.add_question(park, "Park question").unwrap();
    journal.set_question_discussed(q2.id, Some(today)).unwrap();
    assert_eq!(
        journal.add_question(osei, "  ").unwrap_err().field(),
        Some("text")
    );
    assert_eq!(
        journal
            .add_question(MentorId(999), "Who?")
            .unwrap_err()
            .field(),
        Some("mentorId")
    );

    let sheet = journal.prep_sheet(osei, today).unwrap();
    assert_eq!(sheet.mentor.name, "Dr. Osei");
    assert_eq!(sheet.last_met, Some(day("2026-03-03")));
    assert_eq!(sheet.cadence, CadenceStatus::OnTrack { due_in_days: 7 });
    let items: Vec<_> = sheet.action_items.iter().map(|i| i.id).collect();
    assert_eq!(
        items,
        [theirs.id, mine.id],
        "open ones both ways, dated first"
    );
    assert!(sheet.action_items[0].overdue);
    assert_eq!(
        sheet
            .goals
            .iter()
            .map(|g| (g.title.as_str(), g.progress))
            .collect::<Vec<_>>(),
        [("Registry paper", 45)]
    );
    let recent: Vec<_> = sheet.recent.iter().map(|c| c.takeaways.join(",")).collect();
    assert_eq!(
        recent,
        ["newest", "third", "second"],
        "the last three, no drafts"
    );
    assert_eq!(
        sheet.questions.iter().map(|q| q.id).collect::<Vec<_>>(),
        [q1.id],
        "discussed questions are off the sheet"
    );

    let all = journal.list_questions(osei, 10).unwrap();
    assert_eq!(all.iter().map(|q| q.id).collect::<Vec<_>>(), [q1.id, q2.id]);
    assert_eq!(all[1].discussed_on, Some(today));
    journal.set_question_discussed(q2.id, None).unwrap();
    assert_eq!(journal.prep_sheet(osei, today).unwrap().questions.len(), 2);
    journal.delete_question(q1.id).unwrap();
    assert_eq!(journal.prep_sheet(osei, today).unwrap().questions.len(), 1);

    let hits = journal
        .search(&SearchQuery {
            text: "research year".into(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, SearchKind::Question);
    assert_eq!(hits[0].mentor_id, Some(osei));
}
