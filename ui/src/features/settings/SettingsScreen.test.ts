import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import SettingsScreen from "./SettingsScreen.svelte";

function setup(core: (cmd: string) => unknown = () => null) {
  mockIPC((cmd) => {
    if (cmd === "settings_get")
      return { autoLockSeconds: 600, reviewAfterWeeks: 4, reminders: { enabled: false, quietFrom: 21, quietTo: 8 } };
    if (cmd === "passphrase_strength") return { score: 4, acceptable: true, advice: "" };
    if (cmd === "backups_list" || cmd === "goal_categories" || cmd === "goal_category_list" || cmd === "templates_list") return [];
    if (cmd === "backups_folder") return "/journal/backups";
    return core(cmd);
  });
  render(SettingsScreen);
  return userEvent.setup();
}

/** The confirm button of the dialog that is open (the page has several, closed). */
function openConfirm(): HTMLElement {
  const button = document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-ok']");
  if (!button) throw new Error("no dialog is open");
  return button;
}

describe("SettingsScreen outcomes", () => {
  it("says a changed passphrase in a success status that is hard to miss", async () => {
    const user = setup();
    await user.type(screen.getByLabelText("Current passphrase"), "old correct horse");
    await user.type(screen.getByLabelText("New passphrase"), "new battery staple lamp");
    await user.type(screen.getByLabelText("Type it again"), "new battery staple lamp");
    await user.click(screen.getByTestId("change-submit"));
    const note = screen.getByTestId("change-note");
    await expect.poll(() => note.textContent).toMatch(/Passphrase changed/);
    expect(note).toHaveAttribute("role", "status");
    expect(note).toHaveClass("callout", "success");
  });

  it("says a refused change as an error, not as a success", async () => {
    const user = setup((cmd) => {
      if (cmd === "vault_change_passphrase") throw { code: "IO", message: "The key file could not be written." };
      return null;
    });
    await user.type(screen.getByLabelText("Current passphrase"), "old correct horse");
    await user.type(screen.getByLabelText("New passphrase"), "new battery staple lamp");
    await user.type(screen.getByLabelText("Type it again"), "new battery staple lamp");
    await user.click(screen.getByTestId("change-submit"));
    const note = screen.getByTestId("change-note");
    await expect.poll(() => note.textContent).toMatch(/could not be written/);
    expect(note).not.toHaveClass("success");
    expect(note).toHaveClass("error");
  });

  it("says an intact journal in a success status", async () => {
    const user = setup();
    await user.click(screen.getByTestId("verify"));
    const note = screen.getByTestId("verify-note");
    await expect.poll(() => note.textContent).toMatch(/intact/);
    expect(note).toHaveAttribute("role", "status");
    expect(note).toHaveClass("callout", "success");
  });

  it("shows the check's progress and stops it when asked, as a plain note rather than an error", async () => {
    const { emit } = await import("@tauri-apps/api/event");
    let finish: (value: unknown) => void = () => undefined;
    const calls: string[] = [];
    mockIPC(
      (cmd) => {
        calls.push(cmd);
        if (cmd === "settings_get")
          return { autoLockSeconds: 600, reviewAfterWeeks: 4, reminders: { enabled: false, quietFrom: 21, quietTo: 8 } };
        if (cmd === "backups_list" || cmd === "goal_categories" || cmd === "goal_category_list" || cmd === "templates_list") return [];
        if (cmd === "vault_verify") return new Promise((_, reject) => (finish = reject));
        return null;
      },
      { shouldMockEvents: true },
    );
    render(SettingsScreen);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("verify"));
    expect(screen.getByTestId("verify")).toBeDisabled();
    expect(await screen.findByTestId("verify-progress")).toHaveTextContent("Checking every page's seal…");
    await emit("verify-progress", { stage: "structure", fraction: 0.62 });
    await vi.waitFor(() => expect(screen.getByTestId("verify-progress")).toHaveTextContent("structure… 62%"));
    expect(screen.getByRole("progressbar", { name: "Verifying the journal" })).toHaveAttribute("value", "0.62");

    await user.click(screen.getByTestId("verify-stop"));
    await vi.waitFor(() => expect(calls).toContain("vault_verify_cancel"));
    finish({ code: "CONFLICT", message: "The check was stopped; nothing was changed." });
    const note = screen.getByTestId("verify-note");
    await expect.poll(() => note.textContent).toMatch(/Stopped\. Nothing was changed/);
    expect(note).not.toHaveClass("error");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByTestId("verify-progress")).not.toBeInTheDocument();
    expect(screen.getByTestId("verify")).toBeEnabled();
  });

  it("says a damaged journal as an error, whatever the progress said", async () => {
    const user = setup((cmd) => {
      if (cmd === "vault_verify") throw { code: "CORRUPT", message: "The journal failed its integrity check (2 problems)." };
      return null;
    });
    await user.click(screen.getByTestId("verify"));
    expect(await screen.findByText(/failed its integrity check/)).toBeInTheDocument();
    expect(screen.queryByTestId("verify-progress")).not.toBeInTheDocument();
  });

  it("explains the recovery key and making a new one in one section, with what the user must know", () => {
    setup();
    expect(screen.queryByRole("heading", { name: "Re-encrypt with a new key" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("recovery-regenerate")).not.toBeInTheDocument();
    const heading = screen.getByRole("heading", { name: "Recovery key" });
    const text = heading.nextElementSibling?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    expect(text.length).toBeLessThan(560);
    expect(text).toMatch(/even if the key file is lost/);
    expect(text).toMatch(/re-encrypts the journal/);
    expect(text).toMatch(/someone may have a copy of your journal/);
    expect(text).toMatch(/Your passphrase stays/);
    expect(text).toMatch(/old recovery key stops opening the journal/);
    expect(text).toMatch(/Backups taken before stay under the old key/);
    expect(text).toMatch(/nothing is lost/);
    expect(screen.queryByTestId("recovery-keyfile-warning")).not.toBeInTheDocument();
  });

  it("warns when the recovery key needs the key file, and a new key lists the backups again", async () => {
    let withoutKeyFile = false;
    const calls: string[] = [];
    const user = setup((cmd) => {
      calls.push(cmd);
      if (cmd === "vault_recovery_status") return { confirmed: true, withoutKeyFile };
      if (cmd === "vault_rotate_key") {
        withoutKeyFile = true;
        return { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" };
      }
      return null;
    });
    expect(await screen.findByTestId("recovery-keyfile-warning")).toHaveTextContent("recoverable without the key file");
    const listed = () => calls.filter((c) => c === "backup_place_get").length;
    await vi.waitFor(() => expect(listed()).toBe(1));
    await user.type(screen.getByTestId("rotate-passphrase"), "rounds at dawn, coffee at noon");
    await user.click(screen.getByTestId("rotate-submit"));
    await user.click(openConfirm());
    expect(await screen.findByTestId("recovery-key-text")).toHaveTextContent("ABCD-EFGH");
    await vi.waitFor(() => expect(listed()).toBe(2));
    await user.click(screen.getByTestId("recovery-saved"));
    await user.click(screen.getByTestId("recovery-continue"));
    expect(screen.queryByTestId("recovery-keyfile-warning")).not.toBeInTheDocument();
  });

  it("says a wrong passphrase for a new recovery key on the field", async () => {
    const user = setup((cmd) => {
      if (cmd === "vault_rotate_key") throw { code: "WRONG_PASSPHRASE", message: "The passphrase does not open this journal." };
      return null;
    });
    await user.type(screen.getByTestId("rotate-passphrase"), "not it");
    await user.click(screen.getByTestId("rotate-submit"));
    await user.click(openConfirm());
    expect(await screen.findByText("That is not your passphrase.")).toBeInTheDocument();
  });
});
