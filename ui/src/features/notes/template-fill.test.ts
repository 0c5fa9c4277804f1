import { describe, expect, it } from "vitest";
import { template } from "../../test/fixtures";
import { blankNote } from "./note-input";
import { fillFromTemplate, untouched } from "./template-fill";

const checkIn = template();

describe("filling a note from a template", () => {
  it("replaces the body and takeaways and keeps the rest as typed", () => {
    const note = { ...blankNote(), title: "Fellowship", energy: 4, body: "old", takeaways: ["old one"] };
    const filled = fillFromTemplate(note, checkIn);
    expect(filled.body).toBe(checkIn.body);
    expect(filled.takeaways).toEqual(["Next time: …"]);
    expect(filled.title).toBe("Fellowship");
    expect(filled.energy).toBe(4);
    expect(filled.takeaways).not.toBe(checkIn.takeaways);
  });

  it("leaves one empty takeaway to type into when the template has none", () => {
    expect(fillFromTemplate(blankNote(), { ...checkIn, takeaways: [] }).takeaways).toEqual([""]);
  });

  it("counts an empty note and an unchanged template as untouched", () => {
    expect(untouched(blankNote())).toBe(true);
    expect(untouched({ ...blankNote(), body: "  \n", takeaways: ["", " "] })).toBe(true);
    const filled = fillFromTemplate(blankNote(), checkIn);
    expect(untouched(filled, checkIn)).toBe(true);
    expect(untouched({ ...filled, takeaways: [...filled.takeaways, ""] }, checkIn)).toBe(true);
  });

  it("counts typed text as touched, in the body or a takeaway", () => {
    const filled = fillFromTemplate(blankNote(), checkIn);
    expect(untouched({ ...filled, body: `${filled.body}We talked about ICU.` }, checkIn)).toBe(false);
    expect(untouched({ ...filled, takeaways: ["Next time: bring the abstract"] }, checkIn)).toBe(false);
    expect(untouched({ ...blankNote(), body: "typed" })).toBe(false);
    expect(untouched({ ...blankNote(), body: "typed" }, checkIn)).toBe(false);
  });
});
