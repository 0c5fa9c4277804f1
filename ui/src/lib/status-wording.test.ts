import { describe, expect, it } from "vitest";
import { goalStatusAction, mentorStatusAction } from "./status-wording";

describe("status wording", () => {
  it("words a mentor's change by where it starts", () => {
    expect(mentorStatusAction("prospective", "active")).toBe("They agreed: make active");
    expect(mentorStatusAction("prospective", "ended")).toBe("Stop pursuing");
    expect(mentorStatusAction("active", "paused")).toBe("Pause");
    expect(mentorStatusAction("active", "ended")).toBe("End relationship");
    expect(mentorStatusAction("paused", "active")).toBe("Resume");
    expect(mentorStatusAction("paused", "ended")).toBe("End relationship");
    expect(mentorStatusAction("ended", "active")).toBe("Reactivate");
  });

  it("words a goal's change by where it starts", () => {
    expect(goalStatusAction("active", "achieved")).toBe("Mark achieved");
    expect(goalStatusAction("active", "paused")).toBe("Pause");
    expect(goalStatusAction("active", "dropped")).toBe("Drop");
    expect(goalStatusAction("paused", "active")).toBe("Resume");
    expect(goalStatusAction("achieved", "active")).toBe("Reactivate");
    expect(goalStatusAction("dropped", "active")).toBe("Reactivate");
  });
});
