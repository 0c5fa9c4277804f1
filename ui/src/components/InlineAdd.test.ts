import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import InlineAddForm from "../test/InlineAddForm.svelte";

function setup(message?: string) {
  const onadd = vi.fn();
  render(InlineAddForm, { props: { onadd, message } });
  return { onadd, user: userEvent.setup(), input: screen.getByLabelText("New thing") };
}

describe("InlineAdd", () => {
  it("hands what was typed to onsubmit, by the button or by Enter, and shows the page clearing it", async () => {
    const { onadd, user, input } = setup();
    expect(input).toHaveAttribute("placeholder", "A thing, e.g. Teaching");
    expect(input).toHaveAttribute("data-testid", "thing-new");
    const button = screen.getByRole("button", { name: "Add thing" });
    expect(button).toHaveAttribute("data-testid", "thing-add");
    expect(button.closest("form")).toHaveClass("inline-form");
    expect(button.closest("form")).toHaveAttribute("novalidate");

    await user.type(input, "Teaching");
    await user.click(button);
    expect(onadd).toHaveBeenCalledExactlyOnceWith("Teaching");
    expect(input).toHaveValue("");

    await user.type(input, "Research{Enter}");
    expect(onadd).toHaveBeenLastCalledWith("Research");
    expect(onadd).toHaveBeenCalledTimes(2);
  });

  it("shows no error and leaves the field valid while there is no message", () => {
    const { input } = setup();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
  });

  it("shows the refusal under the form by its id, and marks the field invalid and described by it", () => {
    const { input } = setup("A category with that name exists.");
    const error = screen.getByRole("alert");
    expect(error).toHaveTextContent("A category with that name exists.");
    expect(error).toHaveAttribute("id", "thing-error");
    expect(error.previousElementSibling).toBe(input.closest("form"));
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("aria-describedby", "thing-error");
    expect(input).toHaveAccessibleDescription("A category with that name exists.");
  });
});
