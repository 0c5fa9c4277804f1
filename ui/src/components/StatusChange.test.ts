import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import StatusChange from "./StatusChange.svelte";
import { CommandError } from "../ipc";
import { todayIso } from "../lib/format";

function setup(next: string[], onsave = vi.fn(async () => {})) {
  const onchanged = vi.fn();
  render(StatusChange<string>, {
    props: {
      next,
      prefix: "status",
      buttonLabel: (to: string) => `Make ${to}`,
      title: (to: string) => `${to}: Dr. Osei`,
      noteLabel: () => "Note (optional)",
      withDate: true,
      onsave,
      onchanged,
    },
  });
  return { onsave, onchanged, user: userEvent.setup() };
}

describe("StatusChange", () => {
  it("shows one button per offered status, in the order given, and no others", () => {
    setup(["paused", "ended"]);
    expect(screen.getAllByRole("button").map((b) => [b.dataset.testid, b.textContent])).toEqual([
      ["status-paused", "Make paused"],
      ["status-ended", "Make ended"],
    ]);
  });

  it("records the chosen status with its day and note, then closes", async () => {
    const { onsave, onchanged, user } = setup(["ended"]);
    await user.click(screen.getByRole("button", { name: "Make ended" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveAccessibleName("ended: Dr. Osei");
    expect(within(dialog).getByLabelText("Date")).toHaveValue(todayIso());
    await user.type(within(dialog).getByLabelText("Note (optional)"), "Moved away");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onchanged).toHaveBeenCalledOnce());
    expect(onsave).toHaveBeenCalledWith({ status: "ended", on: todayIso(), note: "Moved away" });
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("keeps the dialog open with a refusal about the day beside the date", async () => {
    const onsave = vi.fn(async () => {
      throw new CommandError("VALIDATION", "The day cannot be in the future.", "on");
    });
    const { onchanged, user } = setup(["paused"], onsave);
    await user.click(screen.getByRole("button", { name: "Make paused" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The day cannot be in the future.");
    expect(within(dialog).getByLabelText("Date")).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByLabelText("Note (optional)")).not.toHaveAttribute("aria-invalid");
    expect(onchanged).not.toHaveBeenCalled();
  });

  it("sends no day when the date field was emptied, so the core records today", async () => {
    const { onsave, user } = setup(["paused"]);
    await user.click(screen.getByRole("button", { name: "Make paused" }));
    const dialog = screen.getByRole("dialog");
    await user.clear(within(dialog).getByLabelText("Date"));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onsave).toHaveBeenCalledWith({ status: "paused", on: null, note: "" }));
  });
});
