import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NoteEditor from "./NoteEditor.svelte";
import type { ConversationInput } from "../../bindings/ConversationInput";
import { mentor } from "../../test/fixtures";
import { nav } from "../../lib/nav.svelte";

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
