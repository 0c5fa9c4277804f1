import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NoteEditor from "./NoteEditor.svelte";
import type { ActionItem } from "../../bindings/ActionItem";
import type { ActionStatus } from "../../bindings/ActionStatus";
import type { Conversation } from "../../bindings/Conversation";
import type { ConversationInput } from "../../bindings/ConversationInput";
import { mentor } from "../../test/fixtures";
import { formatTime } from "../../lib/format";
import { beforeLock, nav } from "../../lib/nav.svelte";
import { actionItem, conversation } from "./fixtures";

type Sent = { cmd: string; conversation?: ConversationInput; draft?: boolean };

/** A journal with one mentor whose final saves answer with `answers`, one per save, in turn. */
function setup(...answers: Array<"ok" | { message: string; field: string }>) {
  const sent: Sent[] = [];
  mockIPC((cmd, raw) => {
    const args = raw as { conversation?: ConversationInput; draft?: boolean };
    sent.push({ cmd, conversation: args.conversation, draft: args.draft });
    if (cmd === "mentors_list") return [{ mentor: mentor({ id: 1, name: "Dr. Amara Osei" }) }];
    if (cmd === "conversation_add" || cmd === "conversation_update") {
      const answer = args.draft ? "ok" : answers.shift();
      if (answer !== "ok") throw { code: "VALIDATION", ...answer };
      return { id: 9, mentorId: 1, isDraft: args.draft };
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(NoteEditor, { props: { mentorId: 1 } });
  return { sent, user: userEvent.setup() };
}

const finalSaves = (sent: Sent[]) => sent.filter((s) => s.cmd.startsWith("conversation_") && s.draft === false);

async function writeNoteWithTwoItems(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText("Title"), "Fellowship plans");
  await user.click(screen.getByRole("button", { name: "Add action item" }));
  await user.type(screen.getByLabelText("Action item 1"), "Revise my CV");
  await user.click(screen.getByRole("button", { name: "Add action item" }));
  await user.selectOptions(screen.getAllByLabelText("Who owes it")[1]!, "mentor");
}

describe("NoteEditor", () => {
  it("saves the note and its new action items in one call", async () => {
    const { sent, user } = setup("ok");
    await writeNoteWithTwoItems(user);
    await user.type(screen.getByLabelText("Action item 2"), "Send the lab contact");
    await user.click(screen.getByTestId("note-save"));
    await expect.poll(() => nav.view).toEqual({ kind: "mentor", id: 1 });
    const saves = finalSaves(sent);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.conversation).toMatchObject({
      title: "Fellowship plans",
      actionItems: [
        { title: "Revise my CV", dueOn: null, owner: "me", mentorId: null, conversationId: null, goalId: null },
        { title: "Send the lab contact", dueOn: null, owner: "mentor", mentorId: null, conversationId: null, goalId: null },
      ],
    });
    expect(sent.some((s) => s.cmd === "action_item_add")).toBe(false);
    expect(sent.filter((s) => s.draft === true).every((s) => s.conversation?.actionItems.length === 0)).toBe(true);
  });

  it("shows a refused item's reason beside it, and sends the whole note again when fixed", async () => {
    const { sent, user } = setup({ message: "Say what needs doing, or remove this item.", field: "actionItems.1" }, "ok");
    await writeNoteWithTwoItems(user);
    await user.click(screen.getByTestId("note-save"));

    const error = await screen.findByRole("alert");
    expect(error).toHaveTextContent("Say what needs doing, or remove this item.");
    const [first, second] = screen.getAllByTestId("new-action-title");
    expect(second).toHaveAttribute("aria-invalid", "true");
    expect(second).toHaveAccessibleDescription("Say what needs doing, or remove this item.");
    expect(first).not.toHaveAttribute("aria-invalid");
    expect(second?.closest(".action-row")?.nextElementSibling).toBe(error);
    expect(finalSaves(sent)).toHaveLength(1);

    await user.type(second!, "Send the lab contact");
    await user.click(screen.getByTestId("note-save"));
    await expect.poll(() => finalSaves(sent).length).toBe(2);
    expect(finalSaves(sent)[1]?.conversation?.actionItems.map((a) => a.title)).toEqual(["Revise my CV", "Send the lab contact"]);
    expect(sent.some((s) => s.cmd === "action_item_add")).toBe(false);
  });
});

describe("NoteEditor, autosave", () => {
  it("says when the draft was saved, in the time format the whole app uses", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      vi.setSystemTime(new Date(2026, 11, 1, 20, 10));
      const { user } = setup();
      await user.type(await screen.findByLabelText("Title"), "Fellowship plans");
      await vi.advanceTimersByTimeAsync(1500);
      await expect
        .poll(() => screen.getByTestId("draft-status").textContent)
        .toBe(`Draft saved ${formatTime(new Date(2026, 11, 1, 20, 10))}`);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("NoteEditor, adding action items", () => {
  it("puts focus in the new row's title, so the user types straight into it", async () => {
    const { user } = setup();
    await screen.findByLabelText("Title");
    await user.click(screen.getByRole("button", { name: "Add action item" }));
    expect(screen.getByLabelText("Action item 1")).toHaveFocus();
    await user.keyboard("Revise my CV");
    await user.click(screen.getByRole("button", { name: "Add action item" }));
    expect(screen.getByLabelText("Action item 2")).toHaveFocus();
    expect(screen.getByLabelText("Action item 1")).toHaveValue("Revise my CV");
  });
});

/** A saved note (or draft) with two action items, opened by id; records status changes and saves. */
function openSaved(over: Partial<Conversation> = {}) {
  let items: ActionItem[] = [
    actionItem({ id: 31, title: "Revise my CV" }),
    actionItem({ id: 32, title: "Send the lab contact", owner: "mentor" }),
  ];
  if (over.isDraft) items = [];
  const sent: Array<{ cmd: string; args: Record<string, unknown> }> = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    sent.push({ cmd, args });
    switch (cmd) {
      case "mentors_list":
        return [{ mentor: mentor({ id: 1, name: "Dr. Amara Osei" }) }];
      case "conversation_get":
        return conversation(over);
      case "action_items_list":
        expect(args.filter).toEqual({ status: null, mentorId: null, conversationId: 9, goalId: null });
        return items;
      case "action_item_set_status": {
        const item = items.find((i) => i.id === args.id)!;
        item.status = args.status as ActionStatus;
        return { ...item };
      }
      case "conversation_update": {
        const input = args.conversation as ConversationInput;
        return conversation({ ...over, title: input.title, isDraft: args.draft as boolean });
      }
    }
    throw new Error(`unexpected ${cmd}`);
  });
  const view = render(NoteEditor, { props: { id: 9 } });
  return { sent, view, user: userEvent.setup() };
}

describe("NoteEditor, a saved note", () => {
  it("opens in a reading view: the rendered note, its facts, takeaways, action items and well-being in words", async () => {
    openSaved();
    const view = await screen.findByTestId("note-view");
    expect(screen.queryByTestId("note-editor")).toBeNull();
    expect(within(view).getByRole("heading", { level: 1 })).toHaveTextContent("Fellowship plans");
    expect(screen.getByTestId("note-facts")).toHaveTextContent(/Video call · 45 min · with Dr\. Amara Osei/);
    expect(screen.getByTestId("note-rendered").innerHTML).toContain("<strong>fellowship</strong>");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getAllByTestId("note-takeaway").map((t) => t.textContent)).toEqual([
      "Email the lab before March",
      "Ask for a letter of support",
    ]);
    const items = within(screen.getByTestId("note-actions")).getAllByTestId("action-item");
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining("Revise my CV"),
      expect.stringContaining("Send the lab contact"),
    ]);
    expect(screen.getByTestId("note-wellbeing")).toHaveTextContent("Energy 4 of 5 · Stress 2 of 5");
    const edit = screen.getByRole("button", { name: /Edit/ });
    expect(within(edit).getByText("E", { selector: "kbd" })).toBeInTheDocument();
  });

  it("says so when no well-being check was given", async () => {
    openSaved({ energy: null, stress: 3 });
    expect(await screen.findByTestId("note-wellbeing")).toHaveTextContent(/^Stress 3 of 5$/);
  });

  it("switches to the editor with Edit, which lists the note's action items, tickable", async () => {
    const { user, sent } = openSaved();
    await user.click(await screen.findByTestId("note-edit"));
    const editor = await screen.findByTestId("note-editor");
    expect(screen.getByTestId("note-body")).toHaveValue("We discussed **fellowship** timelines.");
    expect(screen.getByTestId("note-body")).toHaveFocus();
    const fieldset = within(editor).getByRole("group", { name: "Action items from this conversation" });
    const rows = within(fieldset).getAllByTestId("action-item");
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("Revise my CV"),
      expect.stringContaining("Send the lab contact"),
    ]);
    await user.click(within(rows[0]!).getByRole("checkbox"));
    await expect.poll(() => within(rows[0]!).getByRole("checkbox")).toBeChecked();
    expect(sent.filter((s) => s.cmd === "action_item_set_status").map((s) => s.args)).toEqual([{ id: 31, status: "done" }]);
  });

  it("switches to the editor with the E key, and back to reading with Cancel, the change discarded", async () => {
    const { user } = openSaved();
    await screen.findByTestId("note-view");
    await user.keyboard("e");
    await screen.findByTestId("note-editor");
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Changed my mind");
    await user.click(screen.getByTestId("note-cancel"));
    await user.click(within(await screen.findByRole("dialog", { name: "Discard your changes?" })).getByTestId("confirm-ok"));
    expect(await screen.findByTestId("note-view")).toHaveTextContent("Fellowship plans");
    await user.keyboard("{Control>}e{/Control}");
    expect(await screen.findByLabelText("Title")).toHaveValue("Fellowship plans");
  });

  it("reads the note again once an edit is saved", async () => {
    const { user, sent } = openSaved();
    await user.click(await screen.findByTestId("note-edit"));
    await user.clear(await screen.findByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Fellowship timeline");
    await user.click(screen.getByTestId("note-save"));
    const view = await screen.findByTestId("note-view");
    expect(within(view).getByRole("heading", { level: 1 })).toHaveTextContent("Fellowship timeline");
    expect(sent.filter((s) => s.cmd === "conversation_update").map((s) => s.args.draft)).toEqual([false]);
  });

  it("keeps reading on keys that are not its shortcut, typed in a field, or without a key", async () => {
    const { user } = openSaved();
    await screen.findByTestId("note-view");
    window.dispatchEvent(new Event("keydown"));
    await user.keyboard("{Shift>}E{/Shift}{Alt>}e{/Alt}x");
    expect(screen.getByTestId("note-view")).toBeInTheDocument();
    expect(screen.queryByTestId("note-editor")).toBeNull();
  });

  it("opens a draft straight in the editor", async () => {
    openSaved({ isDraft: true });
    expect(await screen.findByTestId("note-editor")).toBeInTheDocument();
    expect(screen.queryByTestId("note-view")).toBeNull();
  });
});

describe("NoteEditor, a draft's new action items", () => {
  it("are still there when the draft is opened again, and forgotten when the journal locks", async () => {
    const first = openSaved({ isDraft: true });
    await first.user.click(await screen.findByRole("button", { name: "Add action item" }));
    await first.user.keyboard("Revise my CV");
    first.view.unmount();

    const second = openSaved({ isDraft: true });
    expect(await screen.findByLabelText("Action item 1")).toHaveValue("Revise my CV");
    second.view.unmount();

    await Promise.all([...beforeLock].map((f) => f()));
    openSaved({ isDraft: true });
    await screen.findByTestId("note-editor");
    expect(screen.queryByLabelText("Action item 1")).toBeNull();
  });
});
