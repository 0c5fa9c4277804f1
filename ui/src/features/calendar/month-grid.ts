// The month laid out as weeks (Monday first) for the calendar grid, and moving by day or month.
// Only layout and arithmetic on calendar dates: what falls on each day is the core's.

/** YYYY-MM-DD of a local calendar date. */
export function iso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function parse(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The day `by` days from `day`. */
export function addDays(day: string, by: number): string {
  const d = parse(day);
  d.setDate(d.getDate() + by);
  return iso(d);
}

/** The same day of the month `by` months away, or that month's last day when it is shorter. */
export function addMonths(day: string, by: number): string {
  const d = parse(day);
  const target = new Date(d.getFullYear(), d.getMonth() + by, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d.getDate(), last));
  return iso(target);
}

/** Weeks of the month, Monday first; `null` pads the days outside it. */
export function weeks(year: number, month: number): Array<Array<string | null>> {
  const first = new Date(year, month - 1, 1);
  const days = new Date(year, month, 0).getDate();
  const lead = (first.getDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(iso(new Date(year, month - 1, d)));
  while (cells.length % 7 !== 0) cells.push(null);
  const out: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) out.push(cells.slice(i, i + 7));
  return out;
}

/** Monday to Sunday in the user's language, short ("Mon") and long ("Monday"). */
export function weekdayNames(): Array<{ short: string; long: string }> {
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(2024, 0, 1 + i); // 1 January 2024 was a Monday
    return {
      short: new Intl.DateTimeFormat(undefined, { weekday: "short" }).format(d),
      long: new Intl.DateTimeFormat(undefined, { weekday: "long" }).format(d),
    };
  });
}
