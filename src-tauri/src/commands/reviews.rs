//! The yearly and end-of-rotation reviews of the mentorships.

use journal::{
    DecisionInput, MentorId, MentorshipReview, MentorshipReviewId, MentorshipReviewInput,
    ReviewCompletion, ReviewSummary,
};

commands! {
    /// Yearly and end-of-rotation reviews of the mentorships, newest period first.
    fn reviews_list(state) -> Vec<ReviewSummary> { state.journal(|j| j.list_reviews()) }

    fn review_get(state, id: MentorshipReviewId) -> MentorshipReview { state.journal(|j| j.mentorship_review(id)) }

    /// Starts a review of a period over the mentors active or paused today.
    fn review_start(state, review: MentorshipReviewInput) -> MentorshipReview { state.journal(|j| j.start_review(&review)) }

    /// Records (or with a `null` decision clears) the decision for one mentor of a review in progress.
    fn review_decide(state, id: MentorshipReviewId, mentor_id: MentorId, decision: DecisionInput) -> MentorshipReview {
        state.journal(|j| j.decide_in_review(id, mentor_id, &decision))
    }

    /// Completes a review: applies its pauses and ends, keeps its figures and the goals carried over.
    fn review_complete(state, id: MentorshipReviewId, completion: ReviewCompletion) -> MentorshipReview {
        state.journal(|j| j.complete_review(id, &completion))
    }

    /// Discards a review in progress (a completed one is kept).
    fn review_delete(state, id: MentorshipReviewId) -> () { state.journal(|j| j.delete_review(id)) }
}
