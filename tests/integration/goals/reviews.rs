//! The reassessment log: reviews record progress, a refinement keeps the old wording.

use super::{day, goal, review, vault};
use journal::{GoalInput, ReviewInput, SearchKind, SearchQuery};

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
