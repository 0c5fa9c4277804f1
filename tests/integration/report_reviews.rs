//! A completed review in the portfolio PDF (issue 18), read back with pdftotext: its period, the
//! decision for each mentorship on its figures and the goals carried over, only when asked for,
//! and never the trainee's reasons or closing note. A review still in progress, or one whose
//! period ends outside the portfolio's, is not shown.

use journal::{
    Decision, DecisionInput, GoalFilter, GoalStatus, MentorshipReviewInput, ReviewCompletion,
    ReviewKind, portfolio_pdf,
};

use crate::reports::{LUCJA, MARKER, fixture, pdf_text};

fn rotation(title: &str, from: &str, to: &str) -> MentorshipReviewInput {
    MentorshipReviewInput {
        kind: ReviewKind::Rotation,
        title: title.into(),
        from: from.parse().unwrap(),
        to: to.parse().unwrap(),
    }
}

#[test]
fn the_portfolio_shows_a_completed_review_of_its_period_without_the_reasons() {
    let f = fixture();
    let j = &f.journal;
    let review = j
        .start_review(&rotation("Cardiology, Jan-Mar", "2026-01-01", "2026-03-31"))
        .unwrap();
    let decisions = [Decision::Refine, Decision::End, Decision::Keep];
    for (m, decision) in review.mentors.iter().zip(decisions.into_iter().cycle()) {
        j.decide_in_review(
            review.id,
            m.mentor_id,
            &DecisionInput {
                decision: Some(decision),
                note: format!("{MARKER}-reason for {}", m.name),
            },
        )
        .unwrap();
    }
    let active = j
        .list_goals(&GoalFilter {
            status: Some(GoalStatus::Active),
            mentor_id: None,
        })
        .unwrap();
    let carried = active.first().expect("the fixture has an active goal");
    j.complete_review(
        review.id,
        &ReviewCompletion {
            carry_over: vec![carried.id],
            closing_note: format!("{MARKER}-closing"),
        },
    )
    .unwrap();
    // Neither a review in progress nor one ending after the portfolio's period is shown.
    j.start_review(&rotation("Still thinking", "2026-01-01", "2026-03-31"))
        .unwrap();
    let (from, to) = ("2026-01-01".parse().unwrap(), "2026-03-31".parse().unwrap());

    let plain = j.portfolio(from, to).unwrap();
    assert!(plain.reviews.is_empty(), "reviews only when asked for");
    let with = j.portfolio_with_reviews(from, to).unwrap();
    assert_eq!(with.reviews.len(), 1, "{:?}", with.reviews);
    assert!(
        !serde_json::to_string(&with).unwrap().contains(MARKER),
        "the report data carries no reason and no closing note"
    );
    let earlier = j
        .portfolio_with_reviews("2025-01-01".parse().unwrap(), "2026-03-30".parse().unwrap())
        .unwrap();
    assert!(
        earlier.reviews.is_empty(),
        "the review ends after that period"
    );

    let out = tempfile::tempdir().unwrap();
    let text = pdf_text(out.path(), "portfolio.pdf", &portfolio_pdf(&with).unwrap());
    let first = &review.mentors[0];
    for expected in [
        "Reviews",
        "Cardiology, Jan-Mar",
        "End-of-rotation review of 1 Jan 2026 – 31 Mar 2026, completed 15 Apr 2026",
        &format!("{}: continue with a refined agreement", first.name),
        &format!("{}: end", review.mentors[1].name),
        "Goals carried over",
        &format!("→ {}", carried.title),
    ] {
        assert!(
            text.contains(expected),
            "the PDF shows {expected:?}:\n{text}"
        );
    }
    assert!(text.contains(LUCJA));
    for absent in [MARKER, "Still thinking"] {
        assert!(
            !text.contains(absent),
            "the PDF must not show {absent:?}:\n{text}"
        );
    }
    let without = pdf_text(out.path(), "plain.pdf", &portfolio_pdf(&plain).unwrap());
    assert!(!without.contains("Cardiology, Jan-Mar"), "{without}");
}
