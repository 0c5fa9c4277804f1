import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import GoalsScreen from "./GoalsScreen.svelte";
import { goal } from "../../test/fixtures";

describe("GoalsScreen new goal", () => {
  it("opens the form with the cursor in its first field, and Escape closes it as Cancel does", async () => {
    mockIPC((cmd) => {
      if (cmd === "goals_list") return [goal()];
      if (cmd === "goal_categories" || cmd === "mentors_list") return [];
      throw new Error(`unexpected ${cmd}`);
    });
    const user = userEvent.setup();
    render(GoalsScreen);
    await user.click(await screen.findByTestId("goal-new"));
    await expect.poll(() => document.activeElement).toBe(screen.getByLabelText("Goal"));
    await user.keyboard("Present at grand rounds{Escape}");
    expect(screen.queryByTestId("goal-form")).not.toBeInTheDocument();
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId("goal-new"));
  });
});
