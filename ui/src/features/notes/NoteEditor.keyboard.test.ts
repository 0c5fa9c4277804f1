// The note editor as a new user meets it by keyboard: Tab from the title into the body, Escape
// out of "Who did you meet?", and Cancel that asks before it discards an edit.
import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NoteEditor from "./NoteEditor.svelte";
import type { ConversationInput } from "../../bindings/ConversationInput";
import { mentor } from "../../test/fixtures";
import { nav } from "../../lib/nav.svelte";
import { conversation } from "./fixtures";

/** One mentor; a saved note 9; every write accepted. */
function journal() {
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
      case "conversation_update":
        return conversation({ title: args.conversation?.title ?? "", isDraft: args.draft ?? false });
    }
    throw new Error(`unexpected ${cmd}`);
  });
  return userEvent.setup();
}

describe("NoteEditor, by keyboard", () => {
  it("goes from Title to the body with Tab, so what is typed lands in the note; Template and Preview come after", async () => {
    const user = journal();
    render(NoteEditor, { props: { mentorId: 1 } });
    await user.click(await screen.findByLabelText("Title"));
    await user.keyboard("Fellowship plans");
    await user.tab();
    expect(screen.getByTestId("note-body"), "Tab from Title reaches the body first").toHaveFocus();
    await user.keyboard("We met ");
    expect(screen.getByTestId("note-body")).toHaveValue("We met ");
    expect(screen.getByTestId("note-preview")).toHaveAttribute("aria-pressed", "false");
    await user.tab();
    expect(screen.getByTestId("note-template"), "the template picker comes right after the body").toHaveFocus();
    await user.tab();
    expect(screen.getByTestId("note-preview"), "the toggle stays reachable, after the body's tools").toHaveFocus();
    expect(screen.getByTestId("note-preview")).toHaveAccessibleName("Preview");
  });

  it("leaves “Who did you meet?” with Escape, back to the dashboard", async () => {
    const user = journal();
    nav.view = { kind: "note" };
    render(NoteEditor);
    await screen.findByText("Dr. Amara Osei");
    await user.keyboard("{Escape}");
    expect(nav.view).toEqual({ kind: "dashboard" });
  });

  it("goes back to the note with Escape when the picker was opened to change its mentor", async () => {
    const user = journal();
    nav.view = { kind: "note", mentorId: 1 };
    render(NoteEditor, { props: { mentorId: 1 } });
    await user.click(await screen.findByRole("button", { name: "Dr. Amara Osei" }));
    expect(screen.queryByLabelText("Title")).toBeNull();
    await user.keyboard("{Escape}");
    expect(await screen.findByLabelText("Title")).toBeInTheDocument();
    expect(nav.view).toEqual({ kind: "note", mentorId: 1 });
  });
});

describe("NoteEditor, Cancel on a saved note", () => {
  async function editing() {
    const user = journal();
    render(NoteEditor, { props: { id: 9 } });
    await user.click(await screen.findByTestId("note-edit"));
    await screen.findByTestId("note-editor");
    return user;
  }

  it("goes back to reading at once when nothing changed (an empty new row is no change)", async () => {
    const user = await editing();
    await user.click(screen.getByRole("button", { name: "Add action item" }));
    await user.click(screen.getByTestId("note-cancel"));
    expect(await screen.findByTestId("note-view")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks before discarding a change; keeping on editing keeps it, discarding reads the note as saved", async () => {
    const user = await editing();
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "Changed my mind");
    await user.click(screen.getByTestId("note-cancel"));
    const dialog = await screen.findByRole("dialog", { name: "Discard your changes?" });
    expect(screen.getByTestId("note-editor"), "nothing is discarded before the user agrees").toBeInTheDocument();

    await user.click(within(dialog).getByTestId("confirm-cancel"));
    expect(screen.getByLabelText("Title")).toHaveValue("Changed my mind");

    await user.click(screen.getByTestId("note-cancel"));
    await user.click(within(await screen.findByRole("dialog", { name: "Discard your changes?" })).getByTestId("confirm-ok"));
    expect(await screen.findByTestId("note-view-title")).toHaveTextContent("Fellowship plans");
  });
});
