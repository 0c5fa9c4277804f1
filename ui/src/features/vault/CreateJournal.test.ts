import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import CreateJournal from "./CreateJournal.svelte";
import { checkNewPassphrase } from "./passphrase";

function setup() {
  const calls: Array<[string, unknown]> = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    return { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" };
  });
  const oncreated = vi.fn();
  render(CreateJournal, { props: { oncreated } });
  return { calls, oncreated, user: userEvent.setup() };
}

describe("checkNewPassphrase", () => {
  it("counts characters, not bytes, and requires a match", () => {
    expect(checkNewPassphrase("ééééééééé", "ééééééééé").passphrase).toMatch(/at least 10/);
    expect(checkNewPassphrase("éééééééééé", "éééééééééé")).toEqual({});
    expect(checkNewPassphrase("long enough!", "long enough?").confirm).toMatch(/do not match/);
  });
});

describe("CreateJournal", () => {
  it("refuses a short passphrase without calling the backend", async () => {
    const { calls, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "short");
    await user.type(screen.getByLabelText("Type it again"), "short");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByText("Use at least 10 characters.")).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it("refuses mismatched passphrases and keeps what was typed", async () => {
    const { calls, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrasf");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByText("The two passphrases do not match.")).toBeInTheDocument();
    expect(screen.getByLabelText("Passphrase")).toHaveValue("a long passphrase");
    expect(calls).toEqual([]);
  });

  it("creates the journal and hands over the recovery key", async () => {
    const { calls, oncreated, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrase");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    await vi.waitFor(() => expect(oncreated).toHaveBeenCalledWith("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"));
    expect(calls).toEqual([["vault_create", { passphrase: "a long passphrase" }]]);
  });

  it("shows a backend validation error beside the passphrase field", async () => {
    mockIPC(() => {
      throw { code: "VALIDATION", message: "That passphrase is too long.", field: "passphrase" };
    });
    const user = userEvent.setup();
    render(CreateJournal, { props: { oncreated: vi.fn() } });
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrase");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    const message = await screen.findByTestId("create-passphrase-error");
    expect(message).toHaveTextContent("That passphrase is too long.");
    expect(screen.getByLabelText("Passphrase")).toHaveAttribute("aria-invalid", "true");
  });
});
