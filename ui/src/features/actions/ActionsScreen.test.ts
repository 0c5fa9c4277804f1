import { afterEach, describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ActionsScreen from "./ActionsScreen.svelte";
import type { ActionItem } from "../../bindings/ActionItem";
import type { ActionStatus } from "../../bindings/ActionStatus";
import { actionItem } from "../notes/fixtures";

/** An open list of two items, kept by a fake core that records every status change. */
function setup() {
  const items: ActionItem[] = [actionItem({ id: 1, title: "Revise my CV" }), actionItem({ id: 2, title: "Send the lab contact" })];
  const changes: Array<{ id: number; status: ActionStatus }> = [];
  mockIPC((cmd, raw) => {
    const args = raw as { id: number; status: ActionStatus; filter: { status: ActionStatus }; item: { title: string } };
    switch (cmd) {
      case "mentors_list":
        return [];
      case "action_items_list":
        return items.filter((i) => i.status === args.filter.status);
      case "action_item_set_status": {
        changes.push({ id: args.id, status: args.status });
        const item = items.find((i) => i.id === args.id)!;
        item.status = args.status;
        return { ...item };
      }
      case "action_item_add": {
        const added = actionItem({ id: 3, title: args.item.title });
        items.push(added);
        return added;
      }
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(ActionsScreen);
  return { changes };
}

const titles = () => screen.queryAllByTestId("action-item").map((li) => within(li).getByText(/./, { selector: ".title" }).textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe("ActionsScreen", () => {
  it("offers to undo a tick: the item leaves the open list, and Undo brings it back open", async () => {
    const { changes } = setup();
    const user = userEvent.setup();
    await expect.poll(titles).toEqual(["Revise my CV", "Send the lab contact"]);

    await user.click(screen.getAllByTestId("action-tick")[0]!);
    await expect.poll(titles).toEqual(["Send the lab contact"]);
    const offer = screen.getByRole("status");
    expect(offer).toHaveTextContent("Marked done: Revise my CV");

    await user.click(within(offer).getByRole("button", { name: "Undo" }));
    await expect.poll(titles).toEqual(["Revise my CV", "Send the lab contact"]);
    expect(changes).toEqual([
      { id: 1, status: "done" },
      { id: 1, status: "open" },
    ]);
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("reaches Undo by keyboard, focus moving to it when the ticked row goes", async () => {
    const { changes } = setup();
    const user = userEvent.setup();
    await expect.poll(titles).toHaveLength(2);
    screen.getAllByTestId("action-tick")[1]!.focus();
    await user.keyboard(" ");
    await expect.poll(titles).toEqual(["Revise my CV"]);
    const undo = within(screen.getByRole("status")).getByRole("button", { name: "Undo" });
    await expect.poll(() => document.activeElement).toBe(undo);
    await user.keyboard("{Enter}");
    await expect.poll(titles).toEqual(["Revise my CV", "Send the lab contact"]);
    expect(changes.at(-1)).toEqual({ id: 2, status: "open" });
  });

  it("puts focus back on the ticked item's checkbox after Undo", async () => {
    setup();
    const user = userEvent.setup();
    await expect.poll(titles).toHaveLength(2);
    screen.getAllByTestId("action-tick")[1]!.focus();
    await user.keyboard(" ");
    const undo = await within(screen.getByRole("status")).findByRole("button", { name: "Undo" });
    await expect.poll(() => document.activeElement).toBe(undo);
    await user.keyboard("{Enter}");
    await expect.poll(titles).toEqual(["Revise my CV", "Send the lab contact"]);
    const back = within(screen.getAllByTestId("action-item")[1]!).getByRole("checkbox");
    await expect.poll(() => document.activeElement, { message: "focus is on “Send the lab contact”, not the first item" }).toBe(back);
  });

  it("takes the offer away after about six seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    setup();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await expect.poll(titles).toHaveLength(2);
    await user.click(screen.getAllByTestId("action-tick")[0]!);
    await expect.poll(() => screen.getByRole("status").textContent).toContain("Marked done");
    await act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByRole("status")).toHaveTextContent("Marked done");
    await act(() => vi.advanceTimersByTime(1500));
    expect(screen.getByRole("status")).toBeEmptyDOMElement();
  });

  it("puts focus back in the title after adding, ready for the next item", async () => {
    setup();
    const user = userEvent.setup();
    await expect.poll(titles).toHaveLength(2);
    const title = screen.getByLabelText("New action item");
    await user.type(title, "Draft the study protocol");
    await user.click(screen.getByRole("button", { name: "Add" }));
    await expect.poll(titles).toContain("Draft the study protocol");
    expect(title).toHaveValue("");
    expect(title).toHaveFocus();
  });
});
