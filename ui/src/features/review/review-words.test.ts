import { describe, expect, it } from "vitest";
import { itemsLine, meetingsLine, noteLabel } from "./review-words";

describe("review wording", () => {
  it("puts meetings against the cadence without judging", () => {
    expect(meetingsLine({ held: 6, cadenceDays: 28, expected: 12 })).toBe("Met 6 times. Every 4 weeks, as agreed, would have been 12.");
    expect(meetingsLine({ held: 1, cadenceDays: 10, expected: 30 })).toBe("Met once. Every 10 days, as agreed, would have been 30.");
    expect(meetingsLine({ held: 2, cadenceDays: 7, expected: 4 })).toBe("Met 2 times. Every week, as agreed, would have been 4.");
    expect(meetingsLine({ held: 0, cadenceDays: null, expected: null })).toBe("Not met in this period. No cadence was agreed.");
  });

  it("says the items both ways and what the note is for", () => {
    expect(itemsLine(0, 0)).toBe("No action items with this mentor.");
    expect(itemsLine(1, 2)).toBe("Action items: 1 done in this period, 2 open.");
    expect(noteLabel("end")).toMatch(/private/);
    expect(noteLabel("refine")).toBe("What changes in the agreement");
  });
});
