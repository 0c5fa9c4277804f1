import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import WellbeingCheck from "./WellbeingCheck.svelte";

describe("WellbeingCheck", () => {
  it("names both ends of each scale on screen and in every radio's accessible name", () => {
    render(WellbeingCheck, { props: { energy: null, stress: null } });
    expect(screen.getByText("1 drained")).toBeVisible();
    expect(screen.getByText("5 energised")).toBeVisible();
    expect(screen.getByText("1 calm")).toBeVisible();
    expect(screen.getByText("5 overwhelmed")).toBeVisible();

    const energy = screen.getByRole("radiogroup", { name: "Energy" });
    const stress = screen.getByRole("radiogroup", { name: "Stress" });
    expect(Array.from(energy.querySelectorAll("input")).map((r) => r.getAttribute("aria-label"))).toEqual([
      "Energy 1 of 5, drained",
      "Energy 2 of 5",
      "Energy 3 of 5",
      "Energy 4 of 5",
      "Energy 5 of 5, energised",
    ]);
    expect(stress.querySelectorAll("input[type=radio]")).toHaveLength(5);
    // One native group per scale, so arrow keys move within it and never into the other scale.
    const names = new Set(Array.from(document.querySelectorAll("input[type=radio]")).map((r) => (r as HTMLInputElement).name));
    expect(names.size, "energy and stress are separate radio groups").toBe(2);
  });

  it("shows the saved values and clears one scale without touching the other", async () => {
    const user = userEvent.setup();
    render(WellbeingCheck, { props: { energy: 4, stress: 2 } });
    expect(screen.getByRole("radio", { name: "Energy 4 of 5" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Stress 2 of 5" })).toBeChecked();

    await user.click(screen.getByRole("radio", { name: "Stress 5 of 5, overwhelmed" }));
    expect(screen.getByRole("radio", { name: "Stress 5 of 5, overwhelmed" })).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Clear energy" }));
    expect(screen.getAllByRole("radio", { checked: true }).map((r) => r.getAttribute("aria-label"))).toEqual([
      "Stress 5 of 5, overwhelmed",
    ]);
  });

  it("shows the focus ring after keys, not after a click (WebKit drops :focus-visible on arrow keys)", async () => {
    const user = userEvent.setup();
    render(WellbeingCheck, { props: { energy: null, stress: null } });
    const group = screen.getByTestId("wellbeing");
    await user.click(screen.getByRole("radio", { name: "Energy 3 of 5" }));
    expect(group).not.toHaveClass("via-keys");
    await user.keyboard("{ArrowRight}");
    expect(group).toHaveClass("via-keys");
  });
});
