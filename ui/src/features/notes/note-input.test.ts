import { describe, expect, it } from "vitest";
import { blankNote, toConversationInput } from "./note-input";

describe("toConversationInput", () => {
  it("sends what was typed as Rust takes it, items only when given", () => {
    const note = { ...blankNote(), occurredAt: "2026-11-22T10:30", duration: " 45 ", takeaways: ["Email the lab", " ", ""] };
    expect(toConversationInput(note, 3)).toMatchObject({
      mentorId: 3,
      occurredAt: "2026-11-22T10:30:00",
      durationMinutes: 45,
      takeaways: ["Email the lab"],
      actionItems: [],
    });
    expect(toConversationInput(note, 3, [{ title: "Revise my CV", dueOn: "2026-12-01", owner: "me" }]).actionItems).toEqual([
      { title: "Revise my CV", dueOn: "2026-12-01", owner: "me", mentorId: null, conversationId: null, goalId: null },
    ]);
  });
});
