import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import BackupsSection from "./BackupsSection.svelte";
import type { Backup } from "../../bindings/Backup";

const backup = (id: string, takenAt: string, bytes: number): Backup => ({
  id,
  takenAt,
  reason: "daily",
  schemaVersion: 5,
  bytes,
  verifiedAt: takenAt,
});

describe("BackupsSection", () => {
  it("says when the last backup was taken and checked, and how much room they take", async () => {
    mockIPC((cmd) => {
      if (cmd === "backups_folder") return "/home/u/.local/share/mentor-journal/journal/backups";
      if (cmd === "backup_place_get") return null;
      return [backup("b2", "2026-12-01T09:00:00Z", 2_500_000), backup("b1", "2026-11-30T09:00:00Z", 2_000_000)];
    });
    render(BackupsSection);
    const summary = await screen.findByTestId("backups-summary");
    expect(summary).toHaveTextContent("checked and intact");
    expect(summary).toHaveTextContent("2 copies, 4.5 MB in all");
    expect(screen.getAllByTestId("backup-item")).toHaveLength(2);
  });

  it("backs up now and lists the new copy", async () => {
    let list: Backup[] = [];
    mockIPC((cmd) => {
      if (cmd === "backups_folder") return "/tmp/journal/backups";
      if (cmd === "backup_place_get") return null;
      if (cmd === "backup_now") {
        list = [backup("b1", "2026-12-01T09:00:00Z", 800_000)];
        return list[0];
      }
      return list;
    });
    const user = userEvent.setup();
    render(BackupsSection);
    expect(await screen.findByTestId("backups-summary")).toHaveTextContent("No backup yet");
    await user.click(screen.getByTestId("backup-now"));
    await vi.waitFor(() => expect(screen.getByTestId("backup-note")).toHaveTextContent("Backed up and checked."));
    expect(screen.getByTestId("backups-summary")).toHaveTextContent("1 copy, 800 kB in all");
  });
});

describe("BackupsSection, restore", () => {
  it("opens the restore dialog for the chosen copy", async () => {
    mockIPC((cmd) => {
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      return [backup("b1", "2026-11-30T09:00:00Z", 800_000)];
    });
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("backup-restore"));
    expect(await screen.findByTestId("restore-secret")).toBeInTheDocument();
  });
});

describe("BackupsSection, second place", () => {
  it("says when the second place cannot be reached, and that local backups are safe", async () => {
    mockIPC((cmd) => {
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get")
        return { path: "/media/usb", reachable: false, problem: "The folder is not there (is the drive plugged in?).", lastCopiedAt: null };
      return [];
    });
    render(BackupsSection);
    const problem = await screen.findByTestId("backup-place-problem");
    expect(problem).toHaveTextContent("is the drive plugged in?");
    expect(problem).toHaveTextContent("Your backups on this computer are safe");
    expect(screen.getByTestId("backup-place-choose")).toHaveTextContent("Choose another folder");
  });

  it("chooses a folder with the native chooser and forgets it again", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "plugin:dialog|open") return "/media/usb";
      if (cmd === "backup_place_set") {
        const { path } = args as { path: string | null };
        return path ? { path, reachable: true, problem: "", lastCopiedAt: "2026-12-01T09:00:00Z" } : null;
      }
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      return [];
    });
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("backup-place-choose"));
    expect(await screen.findByTestId("backup-place")).toHaveTextContent("Copying to /media/usb");
    await user.click(screen.getByTestId("backup-place-forget"));
    await vi.waitFor(() => expect(screen.queryByTestId("backup-place")).not.toBeInTheDocument());
    expect(calls.filter(([c]) => c === "backup_place_set").map(([, a]) => a)).toEqual([{ path: "/media/usb" }, { path: null }]);
  });
});

describe("BackupsSection, retention", () => {
  it("shows how many copies are kept and saves a change through the core", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "backup_retention_get") return { daily: 5, weekly: 4, monthly: 12 };
      if (cmd === "backup_retention_set") return (args as { retention: unknown }).retention;
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      return [];
    });
    const user = userEvent.setup();
    render(BackupsSection);
    const daily = await screen.findByTestId("retention-daily");
    await vi.waitFor(() => expect(daily).toHaveValue(5));
    await fireEvent.input(daily, { target: { value: "3" } });
    await user.click(screen.getByTestId("retention-save"));
    expect(await screen.findByTestId("retention-note")).toHaveTextContent("Saved");
    expect(calls.find(([c]) => c === "backup_retention_set")?.[1]).toEqual({ retention: { daily: 3, weekly: 4, monthly: 12 } });
  });

  it("shows the core's refusal beside the form", async () => {
    mockIPC((cmd) => {
      if (cmd === "backup_retention_get") return { daily: 5, weekly: 4, monthly: 12 };
      if (cmd === "backup_retention_set") throw { code: "VALIDATION", message: "Keep 1 to 90 daily copies.", field: "daily" };
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      return [];
    });
    const user = userEvent.setup();
    render(BackupsSection);
    const daily = await screen.findByTestId("retention-daily");
    await vi.waitFor(() => expect(daily).toHaveValue(5));
    await fireEvent.input(daily, { target: { value: "0" } });
    await user.click(screen.getByTestId("retention-save"));
    expect(await screen.findByTestId("retention-error")).toHaveTextContent("Keep 1 to 90 daily copies.");
  });
});
