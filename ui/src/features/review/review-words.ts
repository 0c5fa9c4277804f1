// How a review puts its figures and decisions into words. The figures are the core's
// (`MentorFigures`); these only phrase them, the same on the guided screen and a reopened review.
import type { Decision } from "../../bindings/Decision";
import type { Meetings } from "../../bindings/Meetings";

export const DECISIONS: Array<{ value: Decision; label: string; hint: string }> = [
  { value: "keep", label: "Keep it", hint: "It works; go on as agreed." },
  { value: "refine", label: "Refine the agreement", hint: "Change how often, how, or what you work on." },
  { value: "pause", label: "Pause it", hint: "Step back for a while; nothing is lost." },
  { value: "end", label: "End it", hint: "It has run its course. Every note is kept." },
];

export const DECISION_LABELS: Record<Decision, string> = { keep: "Kept", refine: "Agreement refined", pause: "Paused", end: "Ended" };

/** What the note under a decision is for. */
export function noteLabel(decision: Decision | null): string {
  switch (decision) {
    case "refine":
      return "What changes in the agreement";
    case "pause":
      return "Why pause, and until when (optional, private)";
    case "end":
      return "Why it ends (private)";
    default:
      return "A note (optional, private)";
  }
}

const times = (n: number) => `${n} ${n === 1 ? "time" : "times"}`;

/** "Met 6 times. Every 4 weeks, as agreed, would have been 12.", or "Met once. No cadence was agreed." */
export function meetingsLine(m: Meetings): string {
  const held = m.held === 0 ? "Not met in this period." : `Met ${m.held === 1 ? "once" : times(m.held)}.`;
  if (m.cadenceDays === null || m.expected === null) return `${held} No cadence was agreed.`;
  const every =
    m.cadenceDays % 7 === 0 ? `Every ${m.cadenceDays / 7 === 1 ? "week" : `${m.cadenceDays / 7} weeks`}` : `Every ${m.cadenceDays} days`;
  return `${held} ${every}, as agreed, would have been ${m.expected}.`;
}

/** "1 done, 1 open". */
export function itemsLine(done: number, open: number): string {
  if (done === 0 && open === 0) return "No action items with this mentor.";
  return `Action items: ${done} done in this period, ${open} open.`;
}
