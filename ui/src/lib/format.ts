// Display words for the domain's vocabularies, and the one place that turns dates and times into
// text, in the user's locale.
import type { ActionStatus } from "../bindings/ActionStatus";
import type { CadenceStatus } from "../bindings/CadenceStatus";
import type { Channel } from "../bindings/Channel";
import type { GoalStatus } from "../bindings/GoalStatus";
import type { TargetStatus } from "../bindings/TargetStatus";
import type { MentorStatus } from "../bindings/MentorStatus";
import type { Origin } from "../bindings/Origin";
import type { OutreachOutcome } from "../bindings/OutreachOutcome";
import type { Owner } from "../bindings/Owner";

export const STATUS_LABELS: Record<MentorStatus, string> = {
  prospective: "Prospect",
  active: "Active",
  paused: "Paused",
  ended: "Ended",
};

/** How a mentorship came about, in a trainee's words ("organic" is the core's name, not hers). */
export const ORIGIN_LABELS: Record<Origin, string> = {
  assigned: "Assigned by my program",
  organic: "We found each other",
  peer: "Peer mentor",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  in_person: "In person",
  video: "Video call",
  phone: "Phone",
  coffee: "Coffee",
  email: "Email",
  message: "Message",
};

export const OUTCOME_LABELS: Record<OutreachOutcome, string> = {
  pending: "Waiting",
  no_answer: "No answer",
  declined: "Declined",
  introduced: "Introduced someone",
  agreed: "Agreed",
};

/** Who owes an action item, the same words wherever it is chosen or shown. */
export const OWNER_LABELS: Record<Owner, string> = { me: "I owe it", mentor: "Mentor owes it" };

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", done: "Done", dropped: "Dropped" };

/**
 * "Overdue 3 days", "Due today", "On track", ... with a tone for the badge. A pause says it in a
 * sentence ("Overdue 4 days, paused for ICU nights until Feb 28") and, for a pill beside a name,
 * in `short` ("Paused until Feb 28").
 */
export function cadenceBadge(c: CadenceStatus): { label: string; tone: "danger" | "warning" | "ok" | "muted"; short?: string } {
  switch (c.kind) {
    case "overdue":
      return { label: `Overdue ${c.daysOverdue} ${c.daysOverdue === 1 ? "day" : "days"}`, tone: "danger" };
    case "neverMet":
      return { label: "First meeting due", tone: "warning" };
    case "dueSoon":
      return {
        label: c.dueInDays === 0 ? "Due today" : `Due in ${c.dueInDays} ${c.dueInDays === 1 ? "day" : "days"}`,
        tone: "warning",
      };
    case "onTrack":
      return { label: "On track", tone: "ok" };
    case "notTracked":
      return { label: "", tone: "muted" };
    case "paused": {
      // The core says what the mentor would be without the pause; the pause only names it.
      const otherwise = cadenceBadge(c.otherwise).label || "Due";
      const until = formatDay(c.until, false);
      return { label: `${otherwise}, paused for ${c.blockTitle} until ${until}`, tone: "muted", short: `Paused until ${until}` };
    }
  }
}

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  active: "Active",
  achieved: "Achieved",
  paused: "Paused",
  dropped: "Dropped",
};

function days(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}

/** "Overdue 3 days", "Due in 5 days", "Due 12 Mar 2026" for a goal's target date. */
export function targetBadge(t: TargetStatus, target: string | null): { label: string; tone: "danger" | "warning" | "muted" } {
  switch (t.kind) {
    case "overdue":
      return { label: `Target passed ${days(t.daysOverdue)} ago`, tone: "danger" };
    case "dueSoon":
      return { label: t.dueInDays === 0 ? "Target today" : `Target in ${days(t.dueInDays)}`, tone: "warning" };
    case "later":
      return { label: `Target ${formatDate(target)}`, tone: "muted" };
    case "noTarget":
      return { label: "No target date", tone: "muted" };
  }
}

// Dates and times: every one the UI shows goes through the functions below, so they all read
// alike, in the system's locale (`undefined` as the locale means the system's). A formatter is
// made per call rather than cached: Intl fixes its time zone when it is created.

/** A calendar date: "YYYY-MM-DD" (a time after it is ignored) as a local day, or a Date. */
function toDay(value: string | Date): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d);
}

/** A calendar date (YYYY-MM-DD) shown in the user's locale, without time-zone shifts: "Dec 1, 2026". */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const day = toDay(value);
  if (!day) return typeof value === "string" ? value : "";
  return new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" }).format(day);
}

/** A day without its year ("Dec 1"), or with it when `withYear` ("Dec 1, 2026"): chart ticks. */
export function formatDay(value: string | Date, withYear: boolean): string {
  const day = toDay(value);
  if (!day) return typeof value === "string" ? value : "";
  return new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}) }).format(day);
}

/** Two calendar days (YYYY-MM-DD, the last included) as one range: "Feb 1 – 28, 2027", or one day. */
export function formatDayRange(first: string, last: string): string {
  const [a, b] = [toDay(first), toDay(last)];
  if (!a || !b) return `${first} – ${last}`;
  const format = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
  return first === last ? format.format(a) : format.formatRange(a, b);
}

/** A month ("2026-03" or a Date) as "Mar 2026", or "Mar" when `withYear` is false. */
export function formatMonth(value: string | Date, withYear = true): string {
  const day = toDay(typeof value === "string" && value.length === 7 ? `${value}-01` : value);
  if (!day) return typeof value === "string" ? value : "";
  return new Intl.DateTimeFormat(undefined, { month: "short", ...(withYear ? { year: "numeric" } : {}) }).format(day);
}

/** A local date-time (YYYY-MM-DDTHH:MM[:SS], or a Date) in the user's locale: "Dec 1, 2026, 8:10 PM". */
export function formatDateTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value.length === 16 ? `${value}:00` : value);
  if (Number.isNaN(date.getTime())) return typeof value === "string" ? value : "";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A time of day in the user's locale, as formatDateTime shows it: "8:10 PM" or "20:10". */
export function formatTime(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value.length === 16 ? `${value}:00` : value);
  if (Number.isNaN(date.getTime())) return typeof value === "string" ? value : "";
  return new Intl.DateTimeFormat(undefined, { timeStyle: "short" }).format(date);
}

/**
 * How long ago a number of whole days is: "today", "yesterday", "12 days ago". A negative count
 * (a date after today, from a clock or time-zone difference) is never shown as a number: it is
 * "in the future".
 */
export function relativeDays(days: number): string {
  if (!Number.isFinite(days)) return "";
  const n = Math.floor(days);
  if (n < 0) return "in the future";
  if (n === 0) return "today";
  if (n === 1) return "yesterday";
  return `${n} days ago`;
}

/** Whole calendar days from the date `iso` to `today` (both YYYY-MM-DD), whatever the time zone. */
export function daysBetween(iso: string, today: string = todayIso()): number {
  const utcDay = (d: string) => {
    const [y, m, day] = d.slice(0, 10).split("-").map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1) / 86_400_000;
  };
  return Math.round(utcDay(today) - utcDay(iso));
}

/** "3 days ago" for a YYYY-MM-DD date, relative to today. */
export function daysAgo(iso: string, today: string = todayIso()): string {
  return relativeDays(daysBetween(iso, today));
}

/** The dashboard's line for a mentor: "Never met", "Met today", "Last met 3 days ago". */
export function lastMetLabel(days: number | null): string {
  if (days === null) return "Never met";
  if (days < 0) return "Last met: a date after today";
  if (days === 0) return "Met today";
  return `Last met ${relativeDays(days)}`;
}

/** Today as YYYY-MM-DD in local time, for date inputs. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now as YYYY-MM-DDTHH:MM in local time, for datetime-local inputs. */
export function nowLocalIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${todayIso()}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** A size on disk in the user's locale: "840 kB", "12.5 MB". */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [Math.max(bytes, 0) / 1_000, "kilobyte"];
  return new Intl.NumberFormat(undefined, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}
