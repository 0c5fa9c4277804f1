// What the status buttons say. Which changes are allowed is the core's rule (`nextStatuses`); this
// is only the wording of a change, which reads better when it knows where it starts from.
import type { GoalStatus } from "../bindings/GoalStatus";
import type { MentorStatus } from "../bindings/MentorStatus";

export function mentorStatusAction(from: MentorStatus, to: MentorStatus): string {
  switch (to) {
    case "active":
      return from === "prospective" ? "They agreed: make active" : from === "paused" ? "Resume" : "Reactivate";
    case "paused":
      return "Pause";
    case "ended":
      return from === "prospective" ? "Stop pursuing" : "End relationship";
    case "prospective":
      return "Back to prospect";
  }
}

export function goalStatusAction(from: GoalStatus, to: GoalStatus): string {
  switch (to) {
    case "active":
      return from === "paused" ? "Resume" : "Reactivate";
    case "achieved":
      return "Mark achieved";
    case "paused":
      return "Pause";
    case "dropped":
      return "Drop";
  }
}
