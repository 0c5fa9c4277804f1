//! The dashboard on a fixed day: goals, mentors due, action items, activity and coverage.

use super::{day, goal, mentor, note, review, vault};
use journal::{
    ActionItemInput, ActionStatus, CadenceStatus, GoalStatus, GoalStatusChange, MentorId,
    MentorStatus, Owner, StatusChange, TargetStatus,
};

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
                on: Some(day("2026-01-01")),
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
    item("A week from today", Some("2026-03-17"), Owner::Me, None);
    item("In eight days", Some("2026-03-18"), Owner::Me, None);
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
            ("Letter from Park", Some("Dr. Park")),
            ("A week from today", None)
        ],
        "overdue, today and the next 7 days (to 2026-03-17, a week from today, included), both \
         owners; done, undated and later left out"
    );
    assert_eq!((d.overdue_items, d.items_due_this_week), (1, 3));

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
