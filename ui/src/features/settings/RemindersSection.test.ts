import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import RemindersSection from "./RemindersSection.svelte";
import type { Settings } from "../../bindings/Settings";

describe("RemindersSection", () => {
  it("is off by default, keeps the other settings when turned on, and shows a refused hour", async () => {
    let stored: Settings = { autoLockSeconds: 300, reviewAfterWeeks: 6, reminders: { enabled: false, quietFrom: 21, quietTo: 8 } };
    const sent: Settings[] = [];
    mockIPC((cmd, raw) => {
      if (cmd === "settings_get") return stored;
      if (cmd === "settings_update") {
        const s = (raw as { settings: Settings }).settings;
        sent.push(s);
        if (s.reminders.quietTo === 3) throw { code: "VALIDATION", message: "Pick an hour from 0 to 23.", field: "reminders.quietTo" };
        stored = s;
        return s;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(RemindersSection);
    const user = userEvent.setup();
    const box = await screen.findByTestId<HTMLInputElement>("reminders-enabled");
    expect(box.checked).toBe(false);
    expect(screen.getByTestId("reminders-quiet-from")).toBeDisabled();

    await user.click(box);
    await screen.findByText("Reminders are on.");
    expect(sent[0]).toEqual({ autoLockSeconds: 300, reviewAfterWeeks: 6, reminders: { enabled: true, quietFrom: 21, quietTo: 8 } });

    await user.selectOptions(screen.getByTestId("reminders-quiet-to"), screen.getAllByRole("option")[24 + 3]!);
    expect(await screen.findByText("Pick an hour from 0 to 23.")).toBeInTheDocument();
  });
});
