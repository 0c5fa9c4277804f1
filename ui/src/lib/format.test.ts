import { describe, expect, it } from "vitest";
import { cadenceBadge, formatDate } from "./format";

describe("cadenceBadge", () => {
  it("says how overdue or due a mentor is, with the right tone", () => {
    expect(cadenceBadge({ kind: "overdue", daysOverdue: 1 })).toEqual({ label: "Overdue 1 day", tone: "danger" });
    expect(cadenceBadge({ kind: "overdue", daysOverdue: 12 }).label).toBe("Overdue 12 days");
    expect(cadenceBadge({ kind: "dueSoon", dueInDays: 0 })).toEqual({ label: "Due today", tone: "warning" });
    expect(cadenceBadge({ kind: "dueSoon", dueInDays: 3 }).label).toBe("Due in 3 days");
    expect(cadenceBadge({ kind: "neverMet" }).tone).toBe("warning");
    expect(cadenceBadge({ kind: "onTrack", dueInDays: 20 })).toEqual({ label: "On track", tone: "ok" });
    expect(cadenceBadge({ kind: "notTracked" }).label).toBe("");
  });
});

describe("formatDate", () => {
  it("shows a calendar date without shifting it across time zones", () => {
    const shown = formatDate("2026-03-01");
    expect(shown).toMatch(/2026/);
    expect(shown).toMatch(/1/);
    expect(formatDate(null)).toBe("");
  });
});
