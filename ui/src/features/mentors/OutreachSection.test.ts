import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import OutreachSection from "./OutreachSection.svelte";

/** An outreach form whose core refuses every log with `refusal`. */
function setup(refusal: { message: string; field?: string }) {
  mockIPC((cmd) => {
    if (cmd === "outreach_log") throw { code: "VALIDATION", ...refusal };
    throw new Error(`unexpected ${cmd}`);
  });
  render(OutreachSection, { props: { mentorId: 1, outreach: [], onoutcome: () => {}, onlogged: async () => {} } });
  return userEvent.setup();
}

describe("OutreachSection refusals", () => {
  it("marks the date when the core refuses the date, not the request", async () => {
    const AHEAD = "Log an outreach on or after the day you made it, not ahead.";
    const user = setup({ message: AHEAD, field: "madeOn" });
    await user.type(screen.getByLabelText("What you asked"), "A question after rounds");
    await user.click(screen.getByRole("button", { name: "Log outreach" }));
    const date = screen.getByLabelText("Date asked");
    await expect.poll(() => date.getAttribute("aria-invalid")).toBe("true");
    expect(date).toHaveAccessibleDescription(AHEAD);
    expect(screen.getByLabelText("What you asked")).not.toHaveAttribute("aria-invalid");
    expect(screen.getAllByText(AHEAD)).toHaveLength(1);
  });

  it("marks the request when the core refuses the request", async () => {
    const EMPTY = "Say what you asked.";
    const user = setup({ message: EMPTY, field: "request" });
    await user.click(screen.getByRole("button", { name: "Log outreach" }));
    const request = screen.getByLabelText("What you asked");
    await expect.poll(() => request.getAttribute("aria-invalid")).toBe("true");
    expect(request).toHaveAccessibleDescription(EMPTY);
    expect(screen.getByLabelText("Date asked")).not.toHaveAttribute("aria-invalid");
  });

  it("shows a refusal about no field under the form", async () => {
    const user = setup({ message: "The journal is locked." });
    await user.click(screen.getByRole("button", { name: "Log outreach" }));
    expect(await screen.findByText("The journal is locked.")).toBeInTheDocument();
  });

  it("keeps the placeholder short enough to show whole", () => {
    setup({ message: "" });
    expect(screen.getByLabelText("What you asked").getAttribute("placeholder")!.length).toBeLessThanOrEqual(30);
  });
});
