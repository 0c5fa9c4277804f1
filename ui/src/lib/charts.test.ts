import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "@testing-library/svelte";
import { Chart } from "chart.js";
import ProgressChart from "../features/goals/ProgressChart.svelte";
import type { GoalReview } from "../bindings/GoalReview";
import { activityStacks, dayTime, monthLabels, tickLabel, timeAxis } from "./charts";

describe("activity stacks", () => {
  const activity = {
    months: ["2026-01", "2026-02"],
    series: [
      { mentorId: 1, name: "Osei", counts: [3, 1] },
      { mentorId: 2, name: "Park", counts: [1, 1] },
      { mentorId: 3, name: "Ng", counts: [0, 2] },
      { mentorId: 4, name: "Lee", counts: [1, 0] },
    ],
  };

  it("keeps the most active mentors and sums the rest per month", () => {
    expect(activityStacks(activity, 2)).toEqual([
      { label: "Osei", counts: [3, 1] },
      { label: "Park", counts: [1, 1] },
      { label: "Others (2)", counts: [1, 2] },
    ]);
  });

  it("adds no Others stack when everyone fits", () => {
    expect(activityStacks(activity, 4).map((s) => s.label)).toEqual(["Osei", "Park", "Ng", "Lee"]);
  });
});

describe("activity month labels", () => {
  it("name the year on the first month and where it changes, never as a two-digit day look-alike", () => {
    const month = (m: number, year: boolean) =>
      new Intl.DateTimeFormat(undefined, { month: "short", ...(year ? { year: "numeric" } : {}) }).format(new Date(2026, m - 1, 1));
    const labels = monthLabels(["2025-12", "2026-01", "2026-02"]);
    expect(labels[0]).toContain("2025");
    expect(labels[1]).toBe(month(1, true));
    expect(labels[2]).toBe(month(2, false));
  });
});

// The goal chart as the page draws it. jsdom has no canvas, so the canvas gets a 2D context that
// draws nothing and measures text roughly; Chart.js then lays out its scales as in the app.
describe("goal progress chart", () => {
  const saved = {
    getContext: HTMLCanvasElement.prototype.getContext,
    matchMedia: window.matchMedia,
    ResizeObserver: globalThis.ResizeObserver,
    rect: Element.prototype.getBoundingClientRect,
  };
  beforeAll(() => {
    const context = (canvas: HTMLCanvasElement): unknown =>
      new Proxy(
        { canvas, measureText: (text: string) => ({ width: String(text).length * 7 }) },
        { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined), set: () => true },
      );
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
      return context(this);
    } as typeof HTMLCanvasElement.prototype.getContext;
    window.matchMedia = () =>
      ({ matches: false, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList;
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    // The chart's box, as the page's 14rem-high chart is about this wide.
    Element.prototype.getBoundingClientRect = () => DOMRect.fromRect({ width: 640, height: 224 });
  });
  afterAll(() => {
    HTMLCanvasElement.prototype.getContext = saved.getContext;
    window.matchMedia = saved.matchMedia;
    globalThis.ResizeObserver = saved.ResizeObserver;
    Element.prototype.getBoundingClientRect = saved.rect;
  });

  const review = (id: number, reviewedOn: string, progress: number): GoalReview => ({
    id,
    reviewedOn,
    progress,
    note: "",
    oldTitle: null,
    newTitle: null,
    oldCriteria: null,
    newCriteria: null,
    reason: "",
  });

  /** The x axis's tick labels and, for each review, the labels of the ticks either side of it. */
  function drawn(reviews: GoalReview[]) {
    const { container } = render(ProgressChart, { props: { reviews, milestones: [] } });
    const chart = Chart.getChart(container.querySelector("canvas")!);
    expect(chart, "the chart was drawn").toBeDefined();
    const x = chart!.scales.x!;
    const ticks = x.ticks.map((t) => ({ label: String(t.label), px: x.getPixelForValue(t.value) }));
    const points = chart!.getDatasetMeta(0).data.map((p) => p.x);
    return {
      labels: ticks.map((t) => t.label),
      around: points.map((px) => [ticks.filter((t) => t.px <= px).at(-1)?.label, ticks.find((t) => t.px > px)?.label]),
    };
  }

  const monthName = (m: number) => new Intl.DateTimeFormat(undefined, { month: "short" }).format(new Date(2026, m - 1, 1));

  it("keeps one review's axis around its day, not years away with the years left out", () => {
    // The bug: on a linear axis of day numbers, one point widened the axis by 5 % of its value
    // (±1039 days) and ticks fell on multiples of 500 days: "May 23 … Mar 27", the Dec 1, 2026
    // review between "Feb 16" and "Jul 1", none with a year because the data had only one.
    const { labels, around } = drawn([review(1, "2026-12-01", 40)]);
    expect(labels.length, "the axis has ticks").toBeGreaterThan(1);
    for (const label of labels) {
      expect(
        [monthName(11), monthName(12)].some((m) => label.includes(m)),
        `"${label}" is a day near Dec 1, 2026`,
      ).toBe(true);
    }
    const [before, after] = around[0]!;
    expect(before, "a tick before the review is in Nov or Dec").toMatch(new RegExp(`${monthName(11)}|${monthName(12)}`));
    expect(after, "a tick after the review is in Dec").toMatch(new RegExp(monthName(12)));
  });

  it("shows the year on every tick when the axis runs across a year boundary", () => {
    for (const reviews of [
      [review(1, "2026-12-28", 40)],
      [review(1, "2026-11-10", 20), review(2, "2027-02-01", 45)],
      [review(1, "2025-06-01", 10), review(2, "2026-12-01", 40), review(3, "2027-03-15", 70)],
    ]) {
      const { labels, around } = drawn(reviews);
      for (const label of labels) expect(label, `"${label}" names its year`).toMatch(/20\d\d/);
      // Each review lies between ticks that are in order around it (same year or the one after).
      for (const [i, [before, after]] of around.entries()) {
        const year = Number(reviews[i]!.reviewedOn.slice(0, 4));
        if (before) expect(Number(before.match(/20\d\d/)?.[0]), `tick before ${reviews[i]!.reviewedOn}`).toBeLessThanOrEqual(year);
        if (after) expect(Number(after.match(/20\d\d/)?.[0]), `tick after ${reviews[i]!.reviewedOn}`).toBeGreaterThanOrEqual(year);
      }
    }
  });
});

describe("time axis", () => {
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

  it.each(["America/Los_Angeles", "Asia/Tokyo", "UTC"])("puts a day on its own local midnight and labels it as that day (%s)", (tz) => {
    // A day number read back as UTC (or a UTC midnight read locally) is a day off west or east of UTC.
    const saved = env.TZ;
    env.TZ = tz;
    try {
      const t = dayTime("2026-12-01");
      expect([new Date(t).getFullYear(), new Date(t).getMonth(), new Date(t).getDate(), new Date(t).getHours()]).toEqual([2026, 11, 1, 0]);
      const axis = timeAxis(["2026-12-01"]);
      expect(tickLabel(t, { ...axis, unit: "day", withYear: true })).toBe(
        new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", year: "numeric" }).format(new Date(2026, 11, 1)),
      );
    } finally {
      if (saved === undefined) delete env.TZ;
      else env.TZ = saved;
    }
  });

  it("is at least a month wide around one review, and says when it crosses a year", () => {
    const one = timeAxis(["2026-12-01"]);
    expect(one.unit).toBe("day");
    expect((one.max - one.min) / 86_400_000).toBeCloseTo(30);
    expect(one.withYear).toBe(false);
    expect(timeAxis(["2026-12-28"]).withYear).toBe(true);
    const long = timeAxis(["2025-11-20", "2026-12-01"]);
    expect([long.unit, long.withYear]).toEqual(["month", true]);
    expect(timeAxis(["2020-01-01", "2026-12-01"]).unit).toBe("year");
  });
});
