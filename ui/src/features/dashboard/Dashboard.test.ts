import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import Dashboard from "./Dashboard.svelte";
import type { Dashboard as Data } from "../../bindings/Dashboard";

const data: Data = {
  today: "2026-12-01",
  reviewAfterWeeks: 4,
  goals: [],
  activeGoals: 0,
  mentors: [
    {
      id: 1,
      name: "Dr. Osei",
      cadenceDays: 28,
      cadence: { kind: "onTrack", dueInDays: 28 },
      lastMet: "2026-12-01",
      daysSinceLast: 0,
      check: { kind: "notScheduled" },
    },
    {
      id: 2,
      name: "Dr. Kim",
      cadenceDays: null,
      cadence: { kind: "notTracked" },
      lastMet: null,
      daysSinceLast: null,
      check: { kind: "due", since: "2026-11-30" },
    },
  ],
  actionItems: [],
  overdueItems: 0,
  itemsDueThisWeek: 0,
  waitingOutreach: [
    {
      outreach: { id: 4, mentorId: 2, madeOn: "2026-11-10", request: "Would you mentor me on research?", outcome: "pending", note: "" },
      mentorName: "Dr. Kim",
      daysWaiting: 21,
      followUp: true,
    },
    {
      outreach: { id: 5, mentorId: 3, madeOn: "2026-11-25", request: "Coffee to talk about surgery?", outcome: "pending", note: "" },
      mentorName: "Dr. Lee",
      daysWaiting: 6,
      followUp: false,
    },
  ],
  activity: { months: [], series: [] },
  coverage: [],
};

describe("Dashboard", () => {
  it("lists outreach waiting for an answer, with a nudge after two weeks", async () => {
    mockIPC((cmd) => (cmd === "dashboard" ? data : []));
    render(Dashboard);
    const rows = await screen.findAllByTestId("dashboard-outreach-item");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Dr. Kim");
    expect(rows[0]).toHaveTextContent("Would you mentor me on research?");
    expect(rows[0]).toHaveTextContent("Asked 21 days ago");
    expect(within(rows[0] as HTMLElement).getByText("Time to follow up")).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).queryByText("Time to follow up")).not.toBeInTheDocument();
    const mentors = screen.getAllByTestId("dashboard-mentor");
    expect(mentors[0]).toHaveTextContent("Met today");
    expect(within(mentors[0] as HTMLElement).queryByTestId("dashboard-check-due")).not.toBeInTheDocument();
  });

  it("says when a mentor's relationship check is due, and opens the mentor page where it is asked", async () => {
    mockIPC((cmd) => (cmd === "dashboard" ? data : []));
    render(Dashboard);
    const rows = await screen.findAllByTestId("dashboard-mentor");
    const due = within(rows[1] as HTMLElement).getByTestId("dashboard-check-due");
    expect(due).toHaveTextContent("Relationship check due");
    expect(due.tagName).toBe("BUTTON");
  });
});
