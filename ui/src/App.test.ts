import { afterEach, describe, expect, it } from "vitest";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { cleanup, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import App from "./App.svelte";
// The app imports the journal's screens dynamically once unlocked; loaded here first, the module is
// in the cache and the dynamic import resolves at once instead of transforming every screen then.
import "./Journal.svelte";

// The app stops listening for desktop events after unmounting, asynchronously: let that happen
// before the shared teardown removes the mocked event plugin.
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

const EMPTY_DASHBOARD = {
  today: "2026-12-01",
  reviewAfterWeeks: 4,
  goals: [],
  activeGoals: 0,
  mentors: [],
  actionItems: [],
  overdueItems: 0,
  itemsDueThisWeek: 0,
  waitingOutreach: [],
  activity: { months: [], series: [] },
  coverage: [],
};

function app(confirmed: boolean, withoutKeyFile = true) {
  const calls: string[] = [];
  mockWindows("main");
  mockIPC(
    (cmd) => {
      calls.push(cmd);
      if (cmd === "vault_status") return "present";
      if (cmd === "vault_recovery_status") return { confirmed, withoutKeyFile };
      if (cmd === "vault_rotate_key") return { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" };
      if (cmd === "settings_get")
        return { autoLockSeconds: 600, reviewAfterWeeks: 4, reminders: { enabled: false, quietFrom: 21, quietTo: 8 } };
      if (cmd === "dashboard") return EMPTY_DASHBOARD;
      if (cmd === "drafts_list") return [];
      return null;
    },
    { shouldMockEvents: true },
  );
  render(App);
  return { calls, user: userEvent.setup() };
}

describe("App", () => {
  it("Ctrl+Q closes the window, after locking when unlocked", async () => {
    const { calls, user } = app(true);
    await screen.findByTestId("unlock-passphrase");
    await user.keyboard("{Control>}q{/Control}");
    await vi.waitFor(() => expect(calls).toContain("plugin:window|close"));
    expect(calls).not.toContain("vault_lock");
  });

  it("an unlock of a journal whose recovery key was never confirmed offers a new one", async () => {
    const { calls, user } = app(false);
    await user.type(await screen.findByTestId("unlock-passphrase"), "rounds at dawn, coffee at noon{Enter}");
    expect(await screen.findByTestId("recovery-check")).toHaveTextContent("No recovery key was confirmed");
    await user.click(screen.getByTestId("recovery-check-issue"));
    await user.type(await screen.findByTestId("recovery-check-passphrase"), "rounds at dawn, coffee at noon");
    await user.click(screen.getByTestId("recovery-check-submit"));
    expect(await screen.findByTestId("recovery-key-text")).toHaveTextContent("ABCD-EFGH");
    await user.click(screen.getByTestId("recovery-saved"));
    await user.click(screen.getByTestId("recovery-continue"));
    await vi.waitFor(() => expect(calls).toContain("vault_confirm_recovery_key"));
    await user.keyboard("{Control>}q{/Control}");
    await vi.waitFor(() => expect(calls).toContain("plugin:window|close"));
    expect(calls.indexOf("vault_lock")).toBeGreaterThan(-1);
    expect(calls.indexOf("vault_lock")).toBeLessThan(calls.indexOf("plugin:window|close"));
  });
});

describe("App, recovery status", () => {
  it("a journal whose recovery key needs the key file is told so after the unlock, without 'I saved it'", async () => {
    const { user } = app(true, false);
    await user.type(await screen.findByTestId("unlock-passphrase"), "rounds at dawn, coffee at noon{Enter}");
    const check = await screen.findByTestId("recovery-check");
    expect(check).toHaveTextContent("needs the key file");
    expect(screen.queryByTestId("recovery-check-saved")).not.toBeInTheDocument();
  });

  it("a journal with a confirmed key that opens without the key file goes straight in", async () => {
    const { user } = app(true, true);
    await user.type(await screen.findByTestId("unlock-passphrase"), "rounds at dawn, coffee at noon{Enter}");
    expect(await screen.findByTestId("dashboard")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-check")).not.toBeInTheDocument();
  });
});

describe("App, Ctrl+Enter", () => {
  it("submits the form that has the focus", async () => {
    const { calls, user } = app(true);
    const field = await screen.findByTestId("unlock-passphrase");
    await user.type(field, "rounds at dawn, coffee at noon");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await vi.waitFor(() => expect(calls).toContain("vault_unlock"));
  });
});
