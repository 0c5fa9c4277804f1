// Whole notes and action items as Rust sends them, for component tests; each test overrides what
// it is about. (Beside ../../test/fixtures.ts, which holds mentors and goals.)
import type { ActionItem } from "../../bindings/ActionItem";
import type { Conversation } from "../../bindings/Conversation";

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 9,
    mentorId: 1,
    occurredAt: "2026-11-30T16:30:00",
    channel: "video",
    durationMinutes: 45,
    title: "Fellowship plans",
    body: "We discussed **fellowship** timelines.",
    bodyHtml: "<p>We discussed <strong>fellowship</strong> timelines.</p>\n",
    takeaways: ["Email the lab before March", "Ask for a letter of support"],
    energy: 4,
    stress: 2,
    isDraft: false,
    createdAt: "2026-11-30T17:00:00Z",
    updatedAt: "2026-11-30T17:00:00Z",
    ...over,
  };
}

export function actionItem(over: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 31,
    title: "Revise my CV",
    dueOn: null,
    owner: "me",
    status: "open",
    mentorId: 1,
    conversationId: 9,
    goalId: null,
    completedAt: null,
    createdAt: "2026-11-30T17:00:00Z",
    overdue: false,
    ...over,
  };
}
