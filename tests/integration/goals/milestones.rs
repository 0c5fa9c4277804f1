//! Milestones: an ordered checklist, and progress computed from the days they were done.

use super::{day, milestone_goal, vault};

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
