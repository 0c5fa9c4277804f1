import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ActionItemRow from "./ActionItemRow.svelte";
import type { ActionStatus } from "../../bindings/ActionStatus";
import { actionItem } from "../notes/fixtures";

describe("ActionItemRow, with its own undo", () => {
  it("puts focus back on the item's checkbox once Undo is taken, so the keyboard user stays in place", async () => {
    const item = actionItem({ id: 31, title: "Revise my CV" });
    const changes: ActionStatus[] = [];
    mockIPC((cmd, raw) => {
      const args = raw as { id: number; status: ActionStatus };
      if (cmd !== "action_item_set_status") throw new Error(`unexpected ${cmd}`);
      changes.push(args.status);
      return { ...item, status: args.status };
    });
    render(ActionItemRow, { props: { item, onchanged: () => {} } });
    const user = userEvent.setup();
    const box = screen.getByRole("checkbox", { name: "Revise my CV" });
    box.focus();
    await user.keyboard(" ");
    await screen.findByRole("button", { name: "Undo" });
    await user.tab();
    expect(screen.getByRole("button", { name: "Undo" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await expect.poll(() => changes).toEqual(["done", "open"]);
    await expect.poll(() => screen.queryByRole("button", { name: "Undo" })).toBeNull();
    await expect.poll(() => document.activeElement, { message: "focus did not fall to the page when Undo went" }).toBe(box);
  });
});
