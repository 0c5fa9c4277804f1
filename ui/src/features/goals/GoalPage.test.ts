import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import GoalPage from "./GoalPage.svelte";
import type { GoalDetail } from "../../bindings/GoalDetail";
import type { GoalStatus } from "../../bindings/GoalStatus";
import { formatDate } from "../../lib/format";
import { goalDetail } from "../../test/fixtures";

/** A goal the core lets go only where `next` says; `goal_set_status` answers with `refuse` if given. */
function setup(status: GoalStatus, next: GoalStatus[], refuse?: { message: string; field: string }) {
  const changes: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "goal_get") return goalDetail({ status, nextStatuses: next });
    if (cmd === "goal_set_status") {
      changes.push((args as { change: unknown }).change);
      if (refuse) throw { code: "VALIDATION", ...refuse };
      return goalDetail().goal;
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(GoalPage, { props: { id: 5 } });
  return { changes, user: userEvent.setup() };
}

const statusButtons = () =>
  screen.queryAllByTestId(/^goal-status-(active|achieved|paused|dropped)$/).map((b) => [b.dataset.testid, b.textContent]);

describe("GoalPage status changes", () => {
  it("offers exactly the changes the core allows, in its order", async () => {
    setup("paused", ["dropped", "active"]);
    await screen.findByTestId("goal-title");
    expect(statusButtons()).toEqual([
      ["goal-status-dropped", "Drop"],
      ["goal-status-active", "Resume"],
    ]);
  });

  it("offers none when the core allows none", async () => {
    setup("achieved", []);
    await screen.findByTestId("goal-title");
    expect(statusButtons()).toEqual([]);
  });

  it("keeps a refused change in the dialog with the reason and what was typed", async () => {
    const { changes, user } = setup("active", ["achieved", "paused", "dropped"], {
      message: "Add a short note: what happened, and what comes next?",
      field: "note",
    });
    await user.click(await screen.findByRole("button", { name: "Pause" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveAccessibleName("Paused: Submit the registry paper");
    const note = within(dialog).getByLabelText("A short note: why, and what next?");
    await user.type(note, "  ");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    const error = await within(dialog).findByTestId("goal-status-error");
    expect(error).toHaveTextContent("Add a short note");
    expect(error).toHaveAttribute("role", "alert");
    expect(note).toHaveAttribute("aria-invalid", "true");
    expect(note).toHaveAccessibleDescription("Add a short note: what happened, and what comes next?");
    expect(note).toHaveValue("  ");
    expect(changes).toEqual([{ status: "paused", on: null, note: "  " }]);
  });
});

describe("GoalPage progress source", () => {
  const review = (id: number, reviewedOn: string, progress: number) => ({
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
  const saved = window.matchMedia;
  const getContext = HTMLCanvasElement.prototype.getContext;
  beforeAll(() => {
    HTMLCanvasElement.prototype.getContext = () => null;
    // The chart follows the system theme; jsdom has no matchMedia (and no canvas: the chart stays blank).
    window.matchMedia = () => ({ addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList;
  });
  afterAll(() => {
    HTMLCanvasElement.prototype.getContext = getContext;
    window.matchMedia = saved;
  });

  function show(detail: GoalDetail) {
    mockIPC((cmd) => {
      if (cmd === "goal_get") return detail;
      throw new Error(`unexpected ${cmd}`);
    });
    render(GoalPage, { props: { id: 5 } });
    return userEvent.setup();
  }

  it("says the headline counts milestones, and keeps the review's own 40 % in view", async () => {
    // The user recorded 40 % and the headline said 33 % with no word why.
    const detail = goalDetail({
      progressFrom: "milestones",
      progress: 33,
      milestonesDone: 2,
      milestonesTotal: 6,
      lastReviewed: "2026-12-01",
    });
    detail.reviews = [review(1, "2026-12-01", 40)];
    const user = show(detail);
    const heading = await screen.findByRole("heading", { name: /^Progress/ });
    expect(heading).toHaveTextContent("33 % · from milestones (2 of 6 done)");
    expect(screen.getByTestId("goal-progress-note")).toHaveTextContent(/latest review estimated 40 %/);
    const log = screen.getByTestId("review-log");
    expect(within(log).getByTestId("review-entry")).toHaveTextContent("40 % (your estimate)");
    expect(screen.getByTestId("review-log-note")).toHaveTextContent(/counts its milestones/);

    await user.click(screen.getByRole("button", { name: "Record review" }));
    const form = screen.getByTestId("review-form");
    expect(within(form).getByTestId("rv-milestones-note")).toHaveTextContent(
      "This goal's progress comes from its milestones: 33 % (2 of 6 done). Your estimate is kept in the log",
    );
    expect(within(form).getByLabelText("Your estimate (%)")).toBeInTheDocument();
  });

  it("says a reviewed goal's figure is the latest review's, and adds no milestone wording", async () => {
    const detail = goalDetail({ progressFrom: "reviews", progress: 40, lastReviewed: "2026-12-01" });
    detail.reviews = [review(1, "2026-12-01", 40)];
    const user = show(detail);
    const heading = await screen.findByRole("heading", { name: /^Progress/ });
    expect(heading).toHaveTextContent(`40 % · from your review of ${formatDate("2026-12-01")}`);
    expect(screen.queryByTestId("goal-progress-note")).toBeNull();
    expect(screen.queryByTestId("review-log-note")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Record review" }));
    expect(screen.queryByTestId("rv-milestones-note")).toBeNull();
    expect(within(screen.getByTestId("review-form")).getByLabelText("Progress (%)")).toBeInTheDocument();
  });
});

describe("GoalPage review form", () => {
  it("opens with the cursor in its first field, and Escape closes it as Cancel does", async () => {
    const { user } = setup("active", ["achieved"]);
    await user.click(await screen.findByRole("button", { name: "Record review" }));
    await expect.poll(() => document.activeElement).toBe(screen.getByLabelText("Date"));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("review-form")).not.toBeInTheDocument();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId("goal-review-open"));
  });
});
