import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import GoalPage from "./GoalPage.svelte";
import type { GoalStatus } from "../../bindings/GoalStatus";
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
