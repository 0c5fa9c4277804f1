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
  // Node re-reads TZ whenever it is assigned, so each zone below really is the local zone while
  // its case runs (checked through the UTC offset). A zone west of UTC catches a parse as UTC
  // midnight (the day before, locally); one east of UTC catches a conversion to UTC (the local
  // midnight is the previous UTC day). On a UTC machine neither shift shows, so UTC alone proves
  // nothing.
  const zones = [
    { tz: "America/Los_Angeles", west: true },
    { tz: "Pacific/Honolulu", west: true },
    { tz: "Asia/Tokyo", west: false },
    { tz: "Pacific/Kiritimati", west: false },
  ];
  const asCalendar = (y: number, m: number, d: number) =>
    new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
      year: "numeric",
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });

  // Vitest runs in Node; the app's tsconfig has no Node types, so `process.env` is typed here.
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

  it.each(zones)("shows a calendar date without shifting it across time zones ($tz)", ({ tz, west }) => {
    const saved = env.TZ;
    env.TZ = tz;
    try {
      const offset = new Date(2026, 2, 1).getTimezoneOffset();
      expect(west ? offset > 0 : offset < 0, `${tz} is in effect (offset ${offset} min)`).toBe(true);
      expect(formatDate("2026-03-01")).toBe(asCalendar(2026, 3, 1));
      expect(formatDate("2026-12-31")).toBe(asCalendar(2026, 12, 31));
      expect(formatDate("2026-01-01T00:00:00")).toBe(asCalendar(2026, 1, 1));
    } finally {
      if (saved === undefined) delete env.TZ;
      else env.TZ = saved;
    }
  });

  it("shows nothing for no date", () => {
    expect(formatDate(null)).toBe("");
  });
});
