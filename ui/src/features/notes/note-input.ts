// A note as the editor holds it (strings for the inputs) and as Rust takes it.
import type { ActionItemInput } from "../../bindings/ActionItemInput";
import type { Channel } from "../../bindings/Channel";
import type { Conversation } from "../../bindings/Conversation";
import type { ConversationInput } from "../../bindings/ConversationInput";
import type { MentorId } from "../../bindings/MentorId";
import type { Owner } from "../../bindings/Owner";
import { nowLocalIso } from "../../lib/format";

export interface NoteFields {
  /** YYYY-MM-DDTHH:MM, local time, as a datetime-local input has it. */
  occurredAt: string;
  channel: Channel | null;
  /** Minutes as typed. */
  duration: string;
  title: string;
  body: string;
  /** One per line; the editor keeps an empty one to type into. */
  takeaways: string[];
  energy: number | null;
  stress: number | null;
}

/** An action item typed into a note before the note is saved: sent with the note, in one call. */
export interface NewAction {
  title: string;
  /** YYYY-MM-DD, or "" for no due date. */
  dueOn: string;
  owner: Owner;
}

export function blankNote(): NoteFields {
  return { occurredAt: nowLocalIso(), channel: null, duration: "", title: "", body: "", takeaways: [""], energy: null, stress: null };
}

export function fromConversation(c: Conversation): NoteFields {
  return {
    occurredAt: c.occurredAt.slice(0, 16),
    channel: c.channel,
    duration: c.durationMinutes ? String(c.durationMinutes) : "",
    title: c.title,
    body: c.body,
    takeaways: c.takeaways.length > 0 ? [...c.takeaways] : [""],
    energy: c.energy,
    stress: c.stress,
  };
}

/** The note as Rust takes it; an autosaved draft carries no action items (they come with the note). */
export function toConversationInput(note: NoteFields, mentorId: MentorId | null, actionItems: NewAction[] = []): ConversationInput {
  return {
    mentorId,
    occurredAt: note.occurredAt.length === 16 ? `${note.occurredAt}:00` : note.occurredAt,
    channel: note.channel,
    durationMinutes: note.duration.trim() ? Number(note.duration) : null,
    title: note.title,
    body: note.body,
    takeaways: note.takeaways.filter((t) => t.trim().length > 0),
    energy: note.energy,
    stress: note.stress,
    actionItems: actionItems.map(toItemInput),
  };
}

export function blankAction(): NewAction {
  return { title: "", dueOn: "", owner: "me" };
}

/** The core links the item to the note and to the note's mentor, whatever is sent here. */
function toItemInput(a: NewAction): ActionItemInput {
  return { title: a.title, dueOn: a.dueOn || null, owner: a.owner, mentorId: null, conversationId: null, goalId: null };
}

/** The well-being check as read back: "Energy 4 of 5 · Stress 2 of 5", or that none was given. */
export function wellbeingInWords(energy: number | null, stress: number | null): string {
  const parts = [energy === null ? "" : `Energy ${energy} of 5`, stress === null ? "" : `Stress ${stress} of 5`].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "Not recorded.";
}

/**
 * The value each field the core names (in an error) has in the editor, to tell whether it changed
 * since it was refused. A field not listed here (an action item, the form) keeps its error.
 */
export function refusableValues(note: NoteFields): Record<string, string> {
  return {
    occurredAt: note.occurredAt,
    channel: note.channel ?? "",
    durationMinutes: note.duration,
    title: note.title,
    body: note.body,
    takeaways: note.takeaways.join("\n"),
    energy: String(note.energy),
    stress: String(note.stress),
  };
}

/** The errors still about what the note holds: one goes once its field differs from the refused value. */
export function currentErrors(errors: Record<string, string>, refused: NoteFields | undefined, now: NoteFields): Record<string, string> {
  if (!refused) return errors;
  const then = refusableValues(refused);
  const current = refusableValues(now);
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !(field in then) || then[field] === current[field]));
}
