// Chart.js, registered once with only the parts the app draws (tree-shaken), and colours taken
// from the theme's custom properties so charts follow light and dark mode like everything else.
// Dates go on Chart.js's time scale (date-fns as its adapter, working in local time) and every
// label comes from lib/format, so the charts read like the rest of the app.
import "chartjs-adapter-date-fns";
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
  TimeScale,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import type { Activity } from "../bindings/Activity";
import type { GoalReview } from "../bindings/GoalReview";
import type { ProgressPoint } from "../bindings/ProgressPoint";
import { formatDate, formatDay, formatMonth, todayIso } from "./format";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
);

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

const DAY_MS = 86_400_000;

/** A YYYY-MM-DD date as the timestamp of its local midnight: where the time scale puts that day. */
export function dayTime(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

export interface TimeAxis {
  min: number;
  max: number;
  unit: "day" | "month" | "year";
  /** The axis runs across more than one calendar year, so its labels carry the year. */
  withYear: boolean;
}

/**
 * The x axis for a set of days: from a little before the first to a little after the last (at
 * least a month wide, so one review is not a lone dot on an axis of hours), ticks on whole days,
 * months or years by the span.
 */
export function timeAxis(days: string[]): TimeAxis {
  const times = days.map(dayTime);
  const first = times.length > 0 ? Math.min(...times) : dayTime(todayIso());
  const last = times.length > 0 ? Math.max(...times) : first;
  const pad = Math.max(3 * DAY_MS, (last - first) * 0.05, (30 * DAY_MS - (last - first)) / 2);
  const min = first - pad;
  const max = last + pad;
  const span = (max - min) / DAY_MS;
  const unit = span <= 62 ? "day" : span <= 4 * 366 ? "month" : "year";
  return { min, max, unit, withYear: new Date(min).getFullYear() !== new Date(max).getFullYear() };
}

/** A tick's label: "Dec 1", "Dec", "2027", with the year wherever the axis spans years. */
export function tickLabel(time: number, axis: TimeAxis): string {
  const date = new Date(time);
  if (axis.unit === "year") return String(date.getFullYear());
  return axis.unit === "month" ? formatMonth(date, axis.withYear) : formatDay(date, axis.withYear);
}

/**
 * The goal chart: the reviews' estimates as a line and, once milestones are ticked off, the
 * progress they compute as a stepped second line, both on one time axis.
 */
export function progressChartConfig(reviews: GoalReview[], milestones: ProgressPoint[], t: Theme): ChartConfiguration<"line"> {
  const axis = timeAxis([...reviews.map((r) => r.reviewedOn), ...milestones.map((p) => p.on)]);
  return {
    type: "line",
    data: {
      datasets: [
        {
          label: "Reviews",
          data: reviews.map((r) => ({ x: dayTime(r.reviewedOn), y: r.progress })),
          borderColor: t.accent,
          backgroundColor: t.accent,
          pointRadius: 4,
          tension: 0,
        },
        {
          label: "Milestones done",
          data: milestones.map((p) => ({ x: dayTime(p.on), y: p.progress })),
          borderColor: t.series[1],
          backgroundColor: t.series[1],
          borderDash: [6, 4],
          pointRadius: 4,
          pointStyle: "rectRot",
          stepped: true,
        },
      ].filter((d) => d.data.length > 0),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: reviews.length > 0 && milestones.length > 0, labels: { color: t.text, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items) => formatDate(new Date(items[0]?.parsed.x ?? 0)),
            label: (item) => `${item.dataset.label ?? ""}: ${item.parsed.y} %`,
          },
        },
      },
      scales: {
        x: {
          type: "time",
          min: axis.min,
          max: axis.max,
          time: { unit: axis.unit },
          ticks: {
            color: t.muted,
            maxTicksLimit: 7,
            maxRotation: 0,
            callback: (value) => tickLabel(Number(value), axis),
          },
          grid: { color: t.grid },
        },
        y: { min: 0, max: 100, ticks: { color: t.muted, stepSize: 25, callback: (v) => `${v} %` }, grid: { color: t.grid } },
      },
    },
  };
}

/** The activity chart's month labels: "Dec 2025", "Jan 2026", "Feb", ...: the year where it changes. */
export function monthLabels(months: string[]): string[] {
  return months.map((m, i) => formatMonth(m, i === 0 || m.endsWith("-01")));
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
