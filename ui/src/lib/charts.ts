// Chart.js, registered once with only the parts the app draws (tree-shaken), and colours taken
// from the theme's custom properties so charts follow light and dark mode like everything else.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import type { Activity } from "../bindings/Activity";

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export { Chart };

export interface Theme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  series: string[];
}

/** The current theme's colours, read from the CSS custom properties in styles/tokens.css. */
export function theme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v("--text"),
    muted: v("--muted"),
    grid: v("--border"),
    accent: v("--accent"),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--chart-${i}`)),
  };
}

/** Calls `redraw` when the system switches between light and dark; returns the unsubscribe. */
export function onThemeChange(redraw: () => void): () => void {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  query.addEventListener("change", redraw);
  return () => query.removeEventListener("change", redraw);
}

/** Days since 1970-01-01 for a YYYY-MM-DD date: a linear x axis keeps real gaps between reviews. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** A day number as "Sep 24", or "Sep 24, 2026" when the chart spans more than one year. */
export function dayLabel(day: number, withYear = false): string {
  return new Date(day * 86_400_000).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

/** "2026-03" as "Mar 26". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString(undefined, { month: "short", year: "2-digit", timeZone: "UTC" });
}

/**
 * The activity chart's stacks: the `keep` most active mentors by name, the rest summed as
 * "Others", so the legend stays readable with fifty mentors.
 */
export function activityStacks(activity: Activity, keep: number): Array<{ label: string; counts: number[] }> {
  const stacks = activity.series.slice(0, keep).map((s) => ({ label: s.name, counts: [...s.counts] }));
  const rest = activity.series.slice(keep);
  if (rest.length > 0) {
    stacks.push({
      label: `Others (${rest.length})`,
      counts: activity.months.map((_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0)),
    });
  }
  return stacks;
}
