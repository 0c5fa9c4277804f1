import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import CreateJournal from "../features/vault/CreateJournal.svelte";
import SettingsScreen from "../features/settings/SettingsScreen.svelte";

// What the app tells the user: no promise of a feature it does not have, and help text about what
// happens to them and their journal, not about how the storage works inside.
describe("wording", () => {
  it("the first screen says the journal stays here, encrypted, and promises no export", () => {
    mockIPC(() => null);
    render(CreateJournal, { props: { oncreated: () => undefined } });
    const text = document.body.textContent ?? "";
    expect(text).toMatch(/stays on this computer, encrypted/);
    expect(text, "nothing can be exported yet").not.toMatch(/export/i);
  });

  it("settings explain what each action means for the user, without engineering terms", async () => {
    mockIPC((cmd) => {
      if (cmd === "settings_get")
        return { autoLockSeconds: 600, reviewAfterWeeks: 4, reminders: { enabled: false, quietFrom: 21, quietTo: 8 } };
      if (cmd === "goal_categories" || cmd === "goal_category_list" || cmd === "backups_list" || cmd === "templates_list") return [];
      return null;
    });
    render(SettingsScreen);
    await screen.findByRole("heading", { name: "Settings" });
    const text = (document.body.textContent ?? "").replace(/\s+/g, " ");
    for (const jargon of [/atomic/i, /sealed/i, /authentication code/i, /database/i, /wiped from memory/i, /random key/i, /every page/i]) {
      expect(text, `settings speak to the user, not an engineer (${jargon})`).not.toMatch(jargon);
    }
    // Each risky action says what happens and what is safe.
    expect(text).toMatch(/your recovery key keeps working/);
    expect(text).toMatch(/old passphrase still opens the journal/);
    expect(text).toMatch(/the old recovery key stops opening the journal/);
    expect(text).toMatch(/Backups taken before stay under the old key/);
    expect(text).toMatch(/It changes nothing/);
  });
});
