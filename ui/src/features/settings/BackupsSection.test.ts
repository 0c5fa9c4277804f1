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
  olderKey: false,
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

describe("BackupsSection, backups under an older key", () => {
  function core(list: () => Backup[], more: (cmd: string, args: unknown) => unknown = () => undefined) {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      const answer = more(cmd, args);
      if (answer !== undefined) return answer;
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      if (cmd === "backups_list") return list();
      return null;
    });
    return calls;
  }
  const old = (id: string): Backup => ({ ...backup(id, "2026-11-20T09:00:00Z", 500_000), olderKey: true });
  const openConfirm = () => document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-ok']");

  it("says nothing when every backup is under the current key", async () => {
    core(() => [backup("b1", "2026-12-01T09:00:00Z", 800_000)]);
    render(BackupsSection);
    await screen.findByTestId("backups-summary");
    expect(screen.queryByTestId("older-backups")).not.toBeInTheDocument();
    expect(screen.queryByTestId("backup-older-key")).not.toBeInTheDocument();
  });

  it("points them out honestly and marks each in the list", async () => {
    core(() => [backup("b3", "2026-12-01T09:00:00Z", 800_000), old("b2"), old("b1")]);
    render(BackupsSection);
    const notice = await screen.findByTestId("older-backups");
    expect(notice).toHaveTextContent(
      "2 backups were taken before your recovery key changed and are still encrypted with the old key. They open with your current passphrase — and with your old recovery key.",
    );
    expect(screen.getAllByTestId("backup-older-key")).toHaveLength(2);
  });

  it("removes them only after an irreversible confirmation", async () => {
    let list = [backup("b3", "2026-12-01T09:00:00Z", 800_000), old("b2"), old("b1")];
    const calls = core(
      () => list,
      (cmd) => {
        if (cmd !== "backups_remove_older") return undefined;
        list = list.filter((b) => !b.olderKey);
        return 2;
      },
    );
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("older-remove"));
    const dialog = document.querySelector("dialog[open]");
    expect(dialog).toHaveTextContent("Remove 2 older backups?");
    expect(dialog).toHaveTextContent("cannot be undone");
    expect(calls.map(([c]) => c)).not.toContain("backups_remove_older");
    await user.click(openConfirm()!);
    expect(await screen.findByTestId("older-note")).toHaveTextContent("Removed 2 older backups.");
    await vi.waitFor(() => expect(screen.queryByTestId("older-backups")).not.toBeInTheDocument());
    expect(calls.filter(([c]) => c === "backups_remove_older")).toHaveLength(1);
  });

  it("cancelling the removal removes nothing", async () => {
    const calls = core(() => [old("b1")]);
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("older-remove"));
    await user.click(document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-cancel']")!);
    expect(document.querySelector("dialog[open]")).toBeNull();
    expect(calls.map(([c]) => c)).not.toContain("backups_remove_older");
    expect(screen.getByTestId("older-backups")).toHaveTextContent("1 backup was taken");
  });

  it("re-encrypts them with the passphrase and says what became of each", async () => {
    const calls = core(
      () => [old("b2"), old("b1")],
      (cmd) => {
        if (cmd !== "backups_reencrypt_older") return undefined;
        const { passphrase } = calls.at(-1)![1] as { passphrase: string };
        if (passphrase !== "rounds at dawn, coffee at noon") throw { code: "WRONG_PASSPHRASE", message: "Wrong." };
        return { reencrypted: 1, left: 1 };
      },
    );
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("older-reencrypt"));
    const field = await screen.findByTestId("older-reencrypt-passphrase");
    await vi.waitFor(() => expect(field).toHaveFocus());
    await user.type(field, "not it");
    await user.click(screen.getByTestId("older-reencrypt-submit"));
    expect(await screen.findByText("That is not your passphrase.")).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, "rounds at dawn, coffee at noon");
    await user.click(screen.getByTestId("older-reencrypt-submit"));
    const note = await screen.findByTestId("older-note");
    expect(note).toHaveTextContent("1 backup re-encrypted");
    expect(note).toHaveTextContent("1 could not be and is still under the old key");
    expect(calls.filter(([c]) => c === "backups_reencrypt_older").map(([, a]) => a)).toEqual([
      { passphrase: "not it" },
      { passphrase: "rounds at dawn, coffee at noon" },
    ]);
  });
});

describe("BackupsSection, progress", () => {
  it("shows each stage of a backup the core reports, and goes when it is done", async () => {
    const { emit } = await import("@tauri-apps/api/event");
    mockIPC(
      (cmd) => {
        if (cmd === "backups_folder") return "/tmp/j/backups";
        if (cmd === "backup_place_get") return null;
        if (cmd === "backups_list") return [];
        return null;
      },
      { shouldMockEvents: true },
    );
    render(BackupsSection);
    await screen.findByTestId("backups-summary");
    expect(screen.queryByTestId("backup-progress")).not.toBeInTheDocument();
    await emit("backup-progress", { stage: "snapshot", fraction: 0.42 });
    const progress = await screen.findByTestId("backup-progress");
    expect(progress).toHaveTextContent("Copying your journal… 42%");
    expect(progress.querySelector("progress")).toHaveAttribute("value", "0.42");
    await emit("backup-progress", { stage: "verify", fraction: 1 });
    await vi.waitFor(() => expect(screen.getByTestId("backup-progress")).toHaveTextContent("Checking the copy…"));
    await emit("backup-progress", { stage: "secondPlace", fraction: 1 });
    await vi.waitFor(() => expect(screen.getByTestId("backup-progress")).toHaveTextContent("Copying to your second place…"));
    await emit("backup-progress", { stage: "done", fraction: 1 });
    await vi.waitFor(() => expect(screen.queryByTestId("backup-progress")).not.toBeInTheDocument());
  });
});

describe("BackupsSection, restore of an older-key backup", () => {
  it("says the recovery key of that time opens the journal now", async () => {
    mockIPC((cmd) => {
      if (cmd === "backups_folder") return "/tmp/j/backups";
      if (cmd === "backup_place_get") return null;
      if (cmd === "backups_list") return [{ ...backup("b1", "2026-11-30T09:00:00Z", 800_000), olderKey: true }];
      if (cmd === "backup_preview") return { mentors: 1, notes: 1, goals: 0, lastNoteOn: null, schemaVersion: 5 };
      if (cmd === "backup_restore")
        return {
          keptAside: "/j/replaced-x",
          preview: { mentors: 1, notes: 1, goals: 0, lastNoteOn: null, schemaVersion: 5 },
          olderKey: true,
        };
      return null;
    });
    const user = userEvent.setup();
    render(BackupsSection);
    await user.click(await screen.findByTestId("backup-restore"));
    await user.type(await screen.findByTestId("restore-secret"), "rounds at dawn, coffee at noon{Enter}");
    await screen.findByTestId("restore-preview");
    await user.click(document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-ok']")!);
    const note = await screen.findByTestId("restored-note");
    expect(note).toHaveTextContent("the recovery key from that time opens the journal now");
    expect(note).toHaveTextContent("Settings > Recovery key");
  });
});
