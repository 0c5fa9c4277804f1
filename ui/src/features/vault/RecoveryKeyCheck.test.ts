import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import RecoveryKeyCheck from "./RecoveryKeyCheck.svelte";
import type { RecoveryStatus } from "../../bindings/RecoveryStatus";

const UNCONFIRMED: RecoveryStatus = { confirmed: false, withoutKeyFile: true };
const NEEDS_KEY_FILE: RecoveryStatus = { confirmed: true, withoutKeyFile: false };

function setup(status: RecoveryStatus, core: (cmd: string, args: unknown) => unknown = () => null) {
  const calls: Array<[string, unknown]> = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    return core(cmd, args);
  });
  const onissued = vi.fn();
  const ondone = vi.fn();
  render(RecoveryKeyCheck, { props: { status, onissued, ondone } });
  return { calls, onissued, ondone, user: userEvent.setup() };
}

describe("RecoveryKeyCheck", () => {
  it("offers three real buttons, the primary one last", () => {
    setup(UNCONFIRMED);
    const buttons = within(screen.getByTestId("recovery-check")).getAllByRole("button");
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(["Later", "I saved the key I was shown", "Issue a new recovery key"]);
    // "Later" is a button that looks like one, not a borderless text.
    for (const b of buttons) {
      expect(b).not.toHaveClass("ghost");
      expect(b).not.toHaveClass("link");
    }
    expect(buttons.at(-1)).toHaveClass("primary");
    expect(buttons.filter((b) => b.classList.contains("primary"))).toHaveLength(1);
  });

  it("asks for the passphrase before a new key, and says a wrong one on the field", async () => {
    const { calls, onissued, user } = setup(UNCONFIRMED, (cmd) => {
      if (cmd === "vault_rotate_key") throw { code: "WRONG_PASSPHRASE", message: "The passphrase does not open this journal." };
      return null;
    });
    await user.click(screen.getByTestId("recovery-check-issue"));
    const field = await screen.findByTestId("recovery-check-passphrase");
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByTestId("recovery-check")).toHaveTextContent("re-encrypts your journal");
    expect(screen.getByTestId("recovery-check")).toHaveTextContent("nothing is lost");
    await user.type(field, "not it");
    await user.click(screen.getByTestId("recovery-check-submit"));
    expect(await screen.findByText("That is not your passphrase.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(calls.find(([c]) => c === "vault_rotate_key")?.[1]).toEqual({ passphrase: "not it" });
    expect(onissued).not.toHaveBeenCalled();
  });

  it("an empty passphrase is not sent", async () => {
    const { calls, user } = setup(UNCONFIRMED);
    await user.click(screen.getByTestId("recovery-check-issue"));
    await user.click(await screen.findByTestId("recovery-check-submit"));
    expect(await screen.findByText("Enter your passphrase.")).toBeInTheDocument();
    expect(calls.map(([c]) => c)).not.toContain("vault_rotate_key");
  });

  it("re-encrypts with the passphrase and hands over the new key", async () => {
    let finish: (value: unknown) => void = () => undefined;
    const { onissued, user } = setup(UNCONFIRMED, (cmd) =>
      cmd === "vault_rotate_key" ? new Promise((resolve) => (finish = resolve)) : null,
    );
    await user.click(screen.getByTestId("recovery-check-issue"));
    await user.type(await screen.findByTestId("recovery-check-passphrase"), "rounds at dawn, coffee at noon");
    await user.click(screen.getByTestId("recovery-check-submit"));
    // Re-encrypting a big journal takes seconds: the screen says it is working.
    expect(await screen.findByLabelText("Re-encrypting")).toBeInstanceOf(HTMLProgressElement);
    expect(screen.getByTestId("recovery-check-submit")).toBeDisabled();
    finish({ recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" });
    await vi.waitFor(() => expect(onissued).toHaveBeenCalledWith("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"));
  });

  it("for a journal whose recovery key needs the key file, says so and a new key fixes it", () => {
    setup(NEEDS_KEY_FILE);
    const check = screen.getByTestId("recovery-check");
    expect(within(check).getByRole("heading")).toHaveTextContent("Your recovery key needs the key file");
    expect(check).toHaveTextContent("cannot be recovered except from a backup");
    expect(check).toHaveTextContent("A new recovery key fixes that");
    expect(check).not.toHaveTextContent("no record that you saved");
    // Nothing was shown to save: only "Later" and a new key.
    expect(screen.queryByTestId("recovery-check-saved")).not.toBeInTheDocument();
    expect(screen.getByTestId("recovery-check-later")).toBeInTheDocument();
    expect(screen.getByTestId("recovery-check-issue")).toBeInTheDocument();
  });
});
