// Where a goal's progress figure comes from, in words, so a headline never shows a number
// without its source (a 33 % from milestones right after a review said 40 % looked like a bug).
// The figure and its source are the core's (`Goal.progress`, `Goal.progressFrom`); this only says them.
import type { Goal } from "../../bindings/Goal";
import { formatDate } from "../../lib/format";

/** "from milestones (2 of 6 done)", "from your review of Dec 1, 2026", "from your reviews (none yet)". */
export function progressSource(goal: Goal): string {
  if (goal.progressFrom === "milestones") {
    return goal.milestonesTotal === 0
      ? "from milestones (none yet)"
      : `from milestones (${goal.milestonesDone} of ${goal.milestonesTotal} done)`;
  }
  return goal.lastReviewed ? `from your review of ${formatDate(goal.lastReviewed)}` : "from your reviews (none yet)";
}

/** "33 % · from milestones (2 of 6 done)": the goal's headline figure with its source. */
export function progressHeadline(goal: Goal): string {
  return `${goal.progress} % · ${progressSource(goal)}`;
}
