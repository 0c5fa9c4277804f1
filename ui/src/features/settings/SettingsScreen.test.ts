import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import SettingsScreen from "./SettingsScreen.svelte";

function setup(core: (cmd: string) => unknown = () => null) {
  mockIPC((cmd) => {
    if (cmd === "settings_get") return { autoLockSeconds: 600, reviewAfterWeeks: 4 };
    if (cmd === "passphrase_strength") return { score: 4, acceptable: true, advice: "" };
    if (cmd === "backups_list" || cmd === "goal_categories" || cmd === "goal_category_list") return [];
    if (cmd === "backups_folder") return "/journal/backups";
    return core(cmd);
  });
  render(SettingsScreen);
  return userEvent.setup();
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

  it("explains re-encryption briefly, with what the user must know", () => {
    setup();
    const heading = screen.getByRole("heading", { name: "Re-encrypt with a new key" });
    const text = heading.nextElementSibling?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    expect(text.length).toBeLessThan(380);
    expect(text).toMatch(/^Use this if someone may have a copy of your journal/);
    expect(text).toMatch(/keeps the passphrase you have/);
    expect(text).not.toMatch(/stays the same/);
    expect(text).toMatch(/new recovery key, shown only once/);
    expect(text).toMatch(/Keep the app open until it finishes/);
    expect(text).toMatch(/nothing is lost/);
  });
});
