import type { CadenceStatus } from "../bindings/CadenceStatus";
import { describe, expect, it } from "vitest";
import {
  cadenceBadge,
  daysAgo,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatTime,
  lastMetLabel,
  relativeDays,
} from "./format";

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

  it("says what a paused mentor would be, and which block pauses them until when", () => {
    const paused = (otherwise: CadenceStatus) =>
      cadenceBadge({
        kind: "paused",
        blockId: 1,
        blockTitle: "ICU nights",
        until: "2027-02-28",
        resumesOn: "2027-03-01",
        otherwise,
      });
    expect(paused({ kind: "overdue", daysOverdue: 4 })).toEqual({
      label: `Overdue 4 days, paused for ICU nights until ${formatDay("2027-02-28", false)}`,
      tone: "muted",
      short: `Paused until ${formatDay("2027-02-28", false)}`,
    });
    expect(paused({ kind: "dueSoon", dueInDays: 0 }).label).toBe(
      `Due today, paused for ICU nights until ${formatDay("2027-02-28", false)}`,
    );
    expect(paused({ kind: "neverMet" }).label).toBe(`First meeting due, paused for ICU nights until ${formatDay("2027-02-28", false)}`);
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

describe("one way to show dates and times", () => {
  it("shows a time exactly as a date-time shows it (no 20:09 next to 8:10 PM)", () => {
    for (const iso of ["2026-12-01T20:09", "2026-12-01T08:10:00", "2027-01-02T00:05"]) {
      const time = formatTime(new Date(iso.length === 16 ? `${iso}:00` : iso));
      expect(time, "a time has hours and minutes").toMatch(/\d{1,2}\D\d{2}/);
      expect(formatDateTime(iso), `${iso}: the date-time's time part is formatTime's`).toContain(time);
      expect(formatTime(iso)).toBe(time);
    }
  });

  it("shows a date-time's date as formatDate shows that day", () => {
    expect(formatDateTime("2026-12-01T20:09")).toContain(formatDate("2026-12-01"));
    expect(formatDate(new Date(2026, 11, 1))).toBe(formatDate("2026-12-01"));
  });

  it("adds the year to a chart's day or month only when asked", () => {
    expect(formatDay("2026-12-01", false)).not.toMatch(/2026/);
    expect(formatDay("2026-12-01", true)).toMatch(/2026/);
    expect(formatMonth("2026-03")).toMatch(/2026/);
    expect(formatMonth("2026-03", false)).not.toMatch(/2026/);
    expect(formatMonth("2026-03", false)).toBe(formatMonth(new Date(2026, 2, 15), false));
  });

  it("leaves text it cannot read as it is, and shows nothing for nothing", () => {
    expect(formatDate("someday")).toBe("someday");
    expect(formatDateTime("not a time")).toBe("not a time");
    expect(formatDate(undefined)).toBe("");
  });
});

describe("relative days", () => {
  it("never shows a negative number of days", () => {
    // The dashboard once said "Last met -44925 days ago" for a note dated 2149.
    for (const days of [-44925, -1, -0.5]) {
      expect(relativeDays(days)).toBe("in the future");
      expect(lastMetLabel(days)).not.toMatch(/-|\d/);
    }
    expect(daysAgo("2149-12-01", "2026-12-02")).toBe("in the future");
  });

  it("says today, yesterday, then the count", () => {
    expect(relativeDays(0)).toBe("today");
    expect(relativeDays(1)).toBe("yesterday");
    expect(relativeDays(12)).toBe("12 days ago");
    expect(lastMetLabel(null)).toBe("Never met");
    expect(lastMetLabel(0)).toBe("Met today");
    expect(lastMetLabel(3)).toBe("Last met 3 days ago");
  });

  it("counts calendar days, across month ends, leap days and clock changes", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-28", "2026-03-30"), "across the European clock change").toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysAgo("2026-12-01", "2026-12-01")).toBe("today");
  });
});
