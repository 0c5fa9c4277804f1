import { describe, expect, it } from "vitest";
import { addDays, addMonths, weeks } from "./month-grid";

describe("month grid", () => {
  it("lays a month out in weeks from Monday", () => {
    const feb = weeks(2027, 2); // 1 February 2027 is a Monday, 28 days
    expect(feb).toHaveLength(4);
    expect(feb[0]![0]).toBe("2027-02-01");
    expect(feb[3]![6]).toBe("2027-02-28");
    const dec = weeks(2026, 12); // 1 December 2026 is a Tuesday
    expect(dec[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(dec.at(-1)!.filter((d) => d === null)).toHaveLength(3);
  });

  it("moves by days across months and by months to a shorter month's last day", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });
});
