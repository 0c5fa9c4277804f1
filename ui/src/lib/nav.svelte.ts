// Which screen the unlocked journal shows. One small piece of state, so any component can navigate
// and Ctrl+N / Ctrl+K work from everywhere.
import type { ConversationId } from "../bindings/ConversationId";
import type { GoalId } from "../bindings/GoalId";
import type { MentorId } from "../bindings/MentorId";
import type { MentorshipReviewId } from "../bindings/MentorshipReviewId";

export type View =
  | { kind: "dashboard" }
  | { kind: "goals" }
  | { kind: "goal"; id: GoalId }
  | { kind: "prep"; mentorId: MentorId }
  | { kind: "mentors" }
  | { kind: "mentor"; id: MentorId }
  | { kind: "note"; id?: ConversationId; mentorId?: MentorId; reflection?: boolean }
  | { kind: "reflections" }
  | { kind: "actions" }
  | { kind: "blocks" }
  | { kind: "calendar" }
  | { kind: "wellbeing" }
  | { kind: "reviews" }
  | { kind: "review"; id: MentorshipReviewId }
  | { kind: "settings" };

export const nav = $state<{ view: View; searchOpen: boolean; autoLockSeconds: number | null }>({
  view: { kind: "dashboard" },
  searchOpen: false,
  autoLockSeconds: null,
});

export function go(view: View) {
  nav.view = view;
  nav.searchOpen = false;
}

/** Work to finish before the journal locks (an editor saving its draft); awaited by `lock`. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, never rendered
export const beforeLock = new Set<() => Promise<void>>();
