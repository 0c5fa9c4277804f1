// What the core refuses, shown beside its field for as long as it is true: a refused autosave
// right away, and an error gone as soon as its field no longer holds the refused value.
import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NoteEditor from "./NoteEditor.svelte";
import type { ConversationInput } from "../../bindings/ConversationInput";
import { mentor } from "../../test/fixtures";
import { conversation } from "./fixtures";

const TOO_LONG = { code: "VALIDATION", message: "Keep this under 200 characters.", field: "title" };
const FUTURE = { code: "VALIDATION", message: "A conversation cannot be dated in the future.", field: "occurredAt" };

/** A core that refuses titles over 200 characters (drafts too) and dates after 2100 (saves only). */
function journal(state = { acceptLongTitles: false }) {
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as { conversation?: ConversationInput; draft?: boolean };
    switch (cmd) {
      case "mentors_list":
        return [{ mentor: mentor({ id: 1, name: "Dr. Amara Osei" }) }];
      case "conversation_get":
        return conversation();
      case "action_items_list":
        return [];
      case "conversation_add":
      case "conversation_update": {
        const input = args.conversation!;
        if (input.title.length > 200 && !state.acceptLongTitles) throw TOO_LONG;
        const occurredAt = input.occurredAt ?? "2026-11-30T16:30:00";
        if (!args.draft && occurredAt >= "2100") throw FUTURE;
        return conversation({ title: input.title, occurredAt, isDraft: args.draft ?? false });
      }
    }
    throw new Error(`unexpected ${cmd}`);
  });
  return userEvent.setup();
}

const status = () => screen.getByTestId("draft-status").textContent;

describe("NoteEditor, a refused autosave", () => {
  it("shows the refusal beside its field at once, and drops it when the field changes", async () => {
    const user = journal();
    render(NoteEditor, { props: { mentorId: 1 } });
    await user.click(await screen.findByLabelText("Title"));
    await user.paste("x".repeat(300));
    const title = screen.getByLabelText("Title");
    await expect.poll(() => status(), { timeout: 3000 }).toBe("Draft not saved yet: fix the highlighted field.");
    expect(title, "the field the status speaks of is highlighted").toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription("Keep this under 200 characters.");

    await user.clear(title);
    await user.type(title, "Fellowship plans");
    expect(title, "a changed title is no longer the refused one").not.toHaveAttribute("aria-invalid");
    await expect.poll(() => status(), { timeout: 3000 }).toMatch(/^Draft saved /);
  });

  it("drops the refusal once an autosave succeeds, whichever field changed", async () => {
    const state = { acceptLongTitles: false };
    const user = journal(state);
    render(NoteEditor, { props: { mentorId: 1 } });
    await user.click(await screen.findByLabelText("Title"));
    await user.paste("x".repeat(300));
    await expect.poll(() => screen.getByLabelText("Title").getAttribute("aria-invalid"), { timeout: 3000 }).toBe("true");

    state.acceptLongTitles = true;
    await user.type(screen.getByTestId("note-body"), "We met.");
    await expect.poll(() => status(), { timeout: 3000 }).toMatch(/^Draft saved /);
    expect(screen.getByLabelText("Title")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText("Keep this under 200 characters.")).toBeNull();
  });
});

describe("NoteEditor, a refused save", () => {
  async function refusedDate() {
    const user = journal();
    render(NoteEditor, { props: { id: 9 } });
    await user.click(await screen.findByTestId("note-edit"));
    const when = await screen.findByLabelText("When");
    await fireEvent.input(when, { target: { value: "2149-03-01T10:00" } });
    await user.click(screen.getByTestId("note-save"));
    await expect.poll(() => when.getAttribute("aria-invalid")).toBe("true");
    expect(when).toHaveAccessibleDescription("A conversation cannot be dated in the future.");
    return { user, when };
  }

  it("drops the date's error as soon as the date is changed", async () => {
    const { when } = await refusedDate();
    await fireEvent.input(when, { target: { value: "2026-03-01T10:00" } });
    expect(when).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText("A conversation cannot be dated in the future.")).toBeNull();
  });

  it("keeps the date's error while other fields change, and again if the refused date comes back", async () => {
    const { user, when } = await refusedDate();
    await user.type(screen.getByLabelText("Title"), " again");
    expect(when).toHaveAttribute("aria-invalid", "true");
    await fireEvent.input(when, { target: { value: "2026-03-01T10:00" } });
    await fireEvent.input(when, { target: { value: "2149-03-01T10:00" } });
    expect(when, "the value that was refused is still refused").toHaveAttribute("aria-invalid", "true");
  });

  it("drops the minutes' error once the minutes are changed", async () => {
    const user = journal();
    render(NoteEditor, { props: { id: 9 } });
    await user.click(await screen.findByTestId("note-edit"));
    const minutes = await screen.findByLabelText("Minutes");
    await user.clear(minutes);
    await user.type(minutes, "an hour");
    await user.click(screen.getByTestId("note-save"));
    expect(minutes).toHaveAccessibleDescription("Minutes as a whole number.");
    await user.clear(minutes);
    await user.type(minutes, "60");
    expect(minutes).not.toHaveAttribute("aria-invalid");
  });
});
