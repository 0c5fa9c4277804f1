//! Goals with their reassessments, categories and milestone checklists.

use chrono::NaiveDate;
use journal::{
    Goal, GoalCategory, GoalCategoryId, GoalDetail, GoalFilter, GoalId, GoalInput, GoalReview,
    GoalStatusChange, Milestone, MilestoneId, ReviewInput,
};

commands! {
    fn goals_list(state, filter: GoalFilter) -> Vec<Goal> { state.journal(|j| j.list_goals(&filter)) }

    /// A goal with its mentors, milestones, reassessment log, status history and action items.
    fn goal_get(state, id: GoalId) -> GoalDetail { state.journal(|j| j.goal_detail(id)) }

    fn goal_add(state, goal: GoalInput) -> Goal { state.journal(|j| j.add_goal(&goal)) }

    fn goal_update(state, id: GoalId, goal: GoalInput) -> Goal { state.journal(|j| j.update_goal(id, &goal)) }

    /// Achieves, pauses, drops or reactivates a goal; leaving "active" needs a short note.
    fn goal_set_status(state, id: GoalId, change: GoalStatusChange) -> Goal {
        state.journal(|j| j.set_goal_status(id, &change))
    }

    fn goal_delete(state, id: GoalId) -> () { state.journal(|j| j.delete_goal(id)) }

    /// Records a reassessment; new wording refines the goal and keeps the old in the log.
    fn goal_review(state, id: GoalId, review: ReviewInput) -> GoalReview { state.journal(|j| j.review_goal(id, &review)) }

    /// Category names for the goal form's picker, in display order.
    fn goal_categories(state) -> Vec<String> { state.journal(|j| j.goal_categories()) }

    /// The categories with how many goals use each, for the editor in Settings.
    fn goal_category_list(state) -> Vec<GoalCategory> { state.journal(|j| j.list_goal_categories()) }

    fn goal_category_add(state, name: String) -> GoalCategory { state.journal(|j| j.add_goal_category(&name)) }

    fn goal_category_rename(state, id: GoalCategoryId, name: String) -> GoalCategory {
        state.journal(|j| j.rename_goal_category(id, &name))
    }

    /// Removes a category; goals using it move to `moveTo` (required when there are any).
    fn goal_category_delete(state, id: GoalCategoryId, move_to: Option<GoalCategoryId>) -> () {
        state.journal(|j| j.delete_goal_category(id, move_to))
    }

    fn milestone_add(state, goal_id: GoalId, title: String) -> Milestone { state.journal(|j| j.add_milestone(goal_id, &title)) }

    fn milestone_rename(state, id: MilestoneId, title: String) -> Milestone { state.journal(|j| j.rename_milestone(id, &title)) }

    /// Ticks a milestone done on a day, or un-ticks it with `null`.
    fn milestone_set_done(state, id: MilestoneId, done_on: Option<NaiveDate>) -> Milestone {
        state.journal(|j| j.set_milestone_done(id, done_on))
    }

    /// Moves a milestone to a 0-based position; returns the goal's checklist in its new order.
    fn milestone_move(state, id: MilestoneId, position: u32) -> Vec<Milestone> { state.journal(|j| j.move_milestone(id, position)) }

    fn milestone_delete(state, id: MilestoneId) -> () { state.journal(|j| j.delete_milestone(id)) }
}
