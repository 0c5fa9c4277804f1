// Action items typed into a draft but not saved yet. The core saves a note's items only with the
// finished note (an autosaved draft carries none), so they are kept here, in memory only, until
// the draft is opened again, finished or deleted; they are forgotten when the journal locks, and
// never written to browser storage. They do not survive a restart: that needs the core to keep
// them with the draft.
import type { ConversationId } from "../../bindings/ConversationId";
import { beforeLock } from "../../lib/nav.svelte";
import type { NewAction } from "./note-input";

const pending = new Map<ConversationId, NewAction[]>();
/** Counts the locks, so items an editor read before one are not kept after it. */
let era = 0;

export function draftEra(): number {
  return era;
}

/** Remembers a draft's unsaved items (none: forgets them), unless the journal locked since `since`. */
export function keepDraftItems(id: ConversationId, items: NewAction[], since = era) {
  if (since !== era) return;
  const typed = items.filter((a) => a.title.trim() !== "" || a.dueOn !== "");
  if (typed.length > 0)
    pending.set(
      id,
      typed.map((a) => ({ ...a })),
    );
  else pending.delete(id);
}

/** The items typed into the draft when it was last open. */
export function draftItems(id: ConversationId): NewAction[] {
  return (pending.get(id) ?? []).map((a) => ({ ...a }));
}

export function forgetDraftItems(id: ConversationId) {
  pending.delete(id);
}

export function forgetAllDraftItems() {
  era += 1;
  pending.clear();
}

beforeLock.add(async () => forgetAllDraftItems());
