// Templates in the note editor: a mentor's default fills a new note, Ctrl+T offers every template
// by keyboard, and a template never replaces typed text without asking.
import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import NoteEditor from "./NoteEditor.svelte";
import type { ConversationInput } from "../../bindings/ConversationInput";
import type { TemplateId } from "../../bindings/TemplateId";
import { mentor, template } from "../../test/fixtures";

const checkIn = template();
const feedback = template({ id: 3, name: "Feedback on a task", description: "In their words.", body: "## The task\n", takeaways: [] });

function setup(defaultTemplateId: TemplateId | null) {
  const sent: Array<{ cmd: string; conversation?: ConversationInput }> = [];
  mockIPC((cmd, raw) => {
    const args = raw as { conversation?: ConversationInput };
    sent.push({ cmd, conversation: args.conversation });
    if (cmd === "mentors_list") return [{ mentor: mentor({ id: 1, defaultTemplateId }) }];
    if (cmd === "template_for_new_note") return defaultTemplateId === null ? null : checkIn;
    if (cmd === "templates_list") return [checkIn, feedback];
    if (cmd === "conversation_add" || cmd === "conversation_update") return { id: 9, mentorId: 1, isDraft: true };
    throw new Error(`unexpected ${cmd}`);
  });
  render(NoteEditor, { props: { mentorId: 1 } });
  return { sent, user: userEvent.setup() };
}

const body = () => screen.getByTestId<HTMLTextAreaElement>("note-body");

describe("NoteEditor templates", () => {
  it("starts a new note from the mentor's default template, and keeps no draft of the bare skeleton", async () => {
    const { sent } = setup(checkIn.id);
    await expect.poll(() => body().value).toBe(checkIn.body);
    expect(screen.getByTestId("note-template-used")).toHaveTextContent("From “Regular check-in”");
    expect(screen.getAllByTestId<HTMLInputElement>("takeaway").map((t) => t.value)).toEqual(["Next time: …"]);
    await new Promise((r) => setTimeout(r, 1600));
    expect(sent.some((s) => s.cmd === "conversation_add")).toBe(false);
  });

  it("starts blank when the mentor has no default", async () => {
    setup(null);
    await screen.findByTestId("note-body");
    await new Promise((r) => setTimeout(r, 50));
    expect(body().value).toBe("");
    expect(screen.queryByTestId("note-template-used")).toBeNull();
  });

  it("picks a template with Ctrl+T, typing and Enter", async () => {
    const { user } = setup(null);
    await user.click(await screen.findByTestId("note-body"));
    await user.keyboard("{Control>}t{/Control}");
    const filter = await screen.findByTestId("template-filter");
    await expect.poll(() => document.activeElement).toBe(filter);
    await user.keyboard("feed");
    expect(screen.getAllByTestId("template-option")).toHaveLength(1);
    await user.keyboard("{Enter}");
    await expect.poll(() => body().value).toBe(feedback.body);
    expect(screen.getByTestId("note-template-used")).toHaveTextContent("Feedback on a task");
  });

  it("asks before a template replaces typed text, and keeps the text when told to", async () => {
    const { user } = setup(null);
    await user.type(await screen.findByTestId("note-body"), "We talked about nights.");
    await user.click(screen.getByTestId("note-template"));
    await screen.findByTestId("template-filter");
    await user.keyboard("{ArrowDown}{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Replace what you wrote?" });
    expect(dialog).toHaveTextContent("title, time and well-being check stay");
    await user.click(screen.getByRole("button", { name: "Keep my text" }));
    expect(body().value).toBe("We talked about nights.");

    await user.click(screen.getByTestId("note-template"));
    await screen.findByTestId("template-filter");
    await user.keyboard("{Enter}");
    await user.click(await screen.findByRole("button", { name: "Use “Regular check-in”" }));
    await expect.poll(() => body().value).toBe(checkIn.body);
  });
});

describe("NoteEditor reflections", () => {
  it("writes a private reflection from the picker's last row, telling the core it is one", async () => {
    const sent: Array<{ cmd: string; conversation?: ConversationInput; draft?: boolean }> = [];
    mockIPC((cmd, raw) => {
      const args = raw as { conversation?: ConversationInput; draft?: boolean };
      sent.push({ cmd, conversation: args.conversation, draft: args.draft });
      if (cmd === "mentors_list") return [{ mentor: mentor({ id: 1 }) }];
      if (cmd === "conversation_add") return { id: 9, mentorId: null, isDraft: args.draft };
      throw new Error(`unexpected ${cmd}`);
    });
    render(NoteEditor, {});
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("mentor-picker"));
    await user.keyboard("{ArrowDown}{Enter}");
    expect(await screen.findByRole("heading", { name: "New reflection" })).toBeInTheDocument();
    await user.type(screen.getByTestId("note-body"), "A hard week of nights.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => sent.filter((s) => s.cmd === "conversation_add" && s.draft === false).length).toBe(1);
    const saved = sent.find((s) => s.cmd === "conversation_add" && s.draft === false)?.conversation;
    expect(saved).toMatchObject({ mentorId: null, reflection: true, body: "A hard week of nights." });
  });
});
