import { describe, expect, it } from "vitest";
import { activityStacks, dayNumber } from "./charts";

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

describe("day numbers", () => {
  it("count real days, across month ends and leap days", () => {
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
    expect(dayNumber("1970-01-02")).toBe(1);
  });
});
