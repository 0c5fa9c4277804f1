import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import RestoreDialog from "./RestoreDialog.svelte";
import type { Backup } from "../../bindings/Backup";

const backup: Backup = {
  id: "20261130T090000Z-daily",
  takenAt: "2026-11-30T09:00:00Z",
  reason: "daily",
  schemaVersion: 5,
  bytes: 200_000,
  verifiedAt: "2026-11-30T09:00:01Z",
  olderKey: false,
};

describe("RestoreDialog", () => {
  it("opens the backup first, shows what it holds, and restores only on the second step", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "backup_preview") return { mentors: 2, notes: 1, goals: 0, lastNoteOn: "2026-11-29", schemaVersion: 5 };
      return { keptAside: "/j/replaced-x", preview: { mentors: 2, notes: 1, goals: 0, lastNoteOn: "2026-11-29", schemaVersion: 5 } };
    });
    const onrestored = vi.fn();
    const user = userEvent.setup();
    render(RestoreDialog, { props: { source: { backup }, onrestored, oncancel: vi.fn() } });
    await user.type(screen.getByTestId("restore-secret"), "rounds at dawn, coffee at noon{Enter}");
    expect(await screen.findByTestId("restore-preview")).toHaveTextContent("2 mentors, 1 note and 0 goals");
    expect(calls.map(([cmd]) => cmd)).toEqual(["backup_preview"]);
    expect(onrestored).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Restore this backup" }));
    await vi.waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(calls[1]).toEqual(["backup_restore", { id: backup.id, passphrase: "rounds at dawn, coffee at noon", recoveryKey: null }]);
  });

  it("shows a refusal (a wrong passphrase) and restores nothing", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      throw { code: "WRONG_PASSPHRASE", message: "That passphrase does not open the journal." };
    });
    const user = userEvent.setup();
    render(RestoreDialog, { props: { source: { backup }, onrestored: vi.fn(), oncancel: vi.fn() } });
    await user.click(screen.getByTestId("restore-use-recovery"));
    await user.type(screen.getByTestId("restore-secret"), "ABCD{Enter}");
    expect(await screen.findByTestId("restore-error")).toHaveTextContent("does not open");
    expect(calls).toEqual(["backup_preview"]);
  });
});

describe("RestoreDialog, from a folder on disk", () => {
  it("previews and restores the chosen folder by its path", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "backup_preview_from") return { mentors: 1, notes: 0, goals: 0, lastNoteOn: null, schemaVersion: 5 };
      return { keptAside: "/j/replaced-x", preview: { mentors: 1, notes: 0, goals: 0, lastNoteOn: null, schemaVersion: 5 } };
    });
    const onrestored = vi.fn();
    const user = userEvent.setup();
    render(RestoreDialog, { props: { source: { path: "/media/usb/old" }, onrestored, oncancel: vi.fn() } });
    expect(screen.getByText("Restore the backup in /media/usb/old?")).toBeInTheDocument();
    await user.type(screen.getByTestId("restore-secret"), "rounds at dawn, coffee at noon{Enter}");
    await screen.findByTestId("restore-preview");
    await user.click(screen.getByRole("button", { name: "Restore this backup" }));
    await vi.waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(calls.map(([c, a]) => [c, (a as { path: string }).path])).toEqual([
      ["backup_preview_from", "/media/usb/old"],
      ["backup_restore_from", "/media/usb/old"],
    ]);
  });
});
