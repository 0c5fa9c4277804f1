import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
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
    mockIPC((cmd) => (cmd === "backups_folder" ? "/tmp/j/backups" : [backup("b1", "2026-11-30T09:00:00Z", 800_000)]));
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("backup-restore"));
    expect(await screen.findByTestId("restore-secret")).toBeInTheDocument();
  });
});
