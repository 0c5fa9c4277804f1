// Display words for the domain's vocabularies, and dates in the user's locale.
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

export const ORIGIN_LABELS: Record<Origin, string> = {
  assigned: "Assigned by program",
  organic: "Organic",
  peer: "Peer",
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

export const OWNER_LABELS: Record<Owner, string> = { me: "Me", mentor: "Mentor" };

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", done: "Done", dropped: "Dropped" };

/** "Overdue 3 days", "Due today", "On track", ... with a tone for the badge. */
export function cadenceBadge(c: CadenceStatus): { label: string; tone: "danger" | "warning" | "ok" | "muted" } {
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

/** A calendar date (YYYY-MM-DD) shown in the user's locale, without time-zone shifts. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** A local date-time (YYYY-MM-DDTHH:MM[:SS]) shown in the user's locale. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso.length === 16 ? `${iso}:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
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
