import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import GoalActionItems from "./GoalActionItems.svelte";
import type { ActionItem } from "../../bindings/ActionItem";
import type { ActionStatus } from "../../bindings/ActionStatus";
import { actionItem } from "../notes/fixtures";

describe("GoalActionItems", () => {
  it("puts focus back in the title after adding, ready for the next item", async () => {
    mockIPC((cmd) => {
      if (cmd === "action_item_add") return actionItem({ goalId: 5 });
      throw new Error(`unexpected ${cmd}`);
    });
    const onadded = vi.fn(async () => undefined);
    render(GoalActionItems, { props: { goalId: 5, items: [], mentors: [], onitemchanged: () => undefined, onadded } });
    const user = userEvent.setup();
    const title = screen.getByLabelText("New action item");
    await user.type(title, "Book the statistician");
    await user.click(screen.getByRole("button", { name: "Add" }));
    await expect.poll(() => onadded.mock.calls.length).toBe(1);
    expect(title).toHaveValue("");
    expect(title).toHaveFocus();
  });

  it("offers to undo a tick in the row, back to open", async () => {
    const changes: ActionStatus[] = [];
    mockIPC((cmd, raw) => {
      if (cmd !== "action_item_set_status") throw new Error(`unexpected ${cmd}`);
      const { status } = raw as { status: ActionStatus };
      changes.push(status);
      return actionItem({ goalId: 5, status });
    });
    let items: ActionItem[] = [actionItem({ goalId: 5 })];
    const { rerender } = render(GoalActionItems, {
      props: { goalId: 5, items, mentors: [], onitemchanged: (i: ActionItem) => void (items = [i]), onadded: async () => undefined },
    });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("action-tick"));
    await rerender({ items });
    const row = screen.getByTestId("action-item");
    const offer = within(row).getByRole("status");
    await expect.poll(() => offer.textContent).toContain("Marked done");
    await user.click(within(offer).getByRole("button", { name: "Undo" }));
    await expect.poll(() => changes).toEqual(["done", "open"]);
    await rerender({ items });
    expect(screen.getByTestId("action-tick")).not.toBeChecked();
    expect(within(row).getByRole("status")).toBeEmptyDOMElement();
  });

  it("names who owes an item in the words the note form and the action list use", () => {
    render(GoalActionItems, {
      props: { goalId: 5, items: [], mentors: [], onitemchanged: () => undefined, onadded: async () => undefined },
    });
    const options = within(screen.getByLabelText("Who owes it")).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["I owe it", "Mentor owes it"]);
  });
});
