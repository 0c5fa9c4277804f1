import { describe, expect, it } from "vitest";
import { blankNote, currentErrors, toConversationInput } from "./note-input";

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

describe("currentErrors", () => {
  it("drops an error once its field differs from the refused value; others stay", () => {
    const refused = { ...blankNote(), title: "x".repeat(300), duration: "an hour", energy: 6, takeaways: ["a"] };
    const errors = {
      title: "Too long.",
      durationMinutes: "Minutes.",
      energy: "1 to 5.",
      takeaways: "Too long.",
      "actionItems.1": "Say what.",
      form: "No.",
    };
    expect(currentErrors(errors, refused, { ...refused })).toEqual(errors);
    expect(currentErrors(errors, refused, { ...refused, title: "Short", duration: "60", energy: 3, takeaways: ["a", "b"] })).toEqual({
      "actionItems.1": "Say what.",
      form: "No.",
    });
    expect(currentErrors(errors, refused, { ...refused, body: "typed" }), "a change elsewhere keeps them all").toEqual(errors);
    expect(currentErrors(errors, undefined, blankNote()), "without the refused values nothing is dropped").toEqual(errors);
  });
});
