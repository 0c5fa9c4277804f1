import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import FieldsForm from "../test/FieldsForm.svelte";

describe("Field", () => {
  it("shows Rust's refusal beside the field it names, wired to the control", async () => {
    mockIPC(() => {
      throw { code: "VALIDATION", message: "That does not look like an email address.", field: "email" };
    });
    const user = userEvent.setup();
    render(FieldsForm);
    const email = screen.getByLabelText("Email");
    const name = screen.getByLabelText("Name");
    expect(email).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByRole("alert")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Save" }));
    const error = await screen.findByRole("alert");
    expect(error).toHaveTextContent("That does not look like an email address.");
    expect(error).toHaveAttribute("data-testid", "email-error");
    expect(error.closest(".field")).toBe(email.closest(".field"));
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("That does not look like an email address.");
    expect(name).not.toHaveAttribute("aria-invalid");
    expect(name).not.toHaveAccessibleDescription();
  });

  it("shows a failure that names no field under the form", async () => {
    mockIPC(() => {
      throw { code: "LOCKED", message: "The journal is locked." };
    });
    const user = userEvent.setup();
    render(FieldsForm);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveAttribute("data-testid", "form-error");
    expect(screen.getByLabelText("Email")).not.toHaveAttribute("aria-invalid");
  });
});
