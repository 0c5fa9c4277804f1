import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ImportSection from "./ImportSection.svelte";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { ImportReport } from "../../bindings/ImportReport";

type Core = (cmd: string, args: Record<string, unknown>) => unknown;

const summary = (id: number, name: string) => ({
  mentor: { id, name },
  lastMet: null,
  conversations: 0,
  openActionItems: 0,
  cadence: { kind: "none" },
});

const PREVIEW: ImportPreview = {
  format: "dayOne",
  entries: 5,
  firstOn: "2024-04-17",
  lastOn: "2024-04-21",
  alreadyImported: 0,
  tags: [
    { tag: "dev-testing-tag", entries: 1, suggested: null },
    { tag: "amara", entries: 3, suggested: { id: 1, name: "Dr. Amara Osei" } },
    { tag: "misc", entries: 2, suggested: null },
  ],
  withoutTags: 1,
  media: 4,
  notes: ["2 entries had rich text: kept as Markdown."],
};

const REPORT: ImportReport = {
  added: 5,
  alreadyImported: 0,
  newMentors: 1,
  withoutMentor: 2,
  mediaNotImported: ["photo 646FD9CE.jpeg (2024-04-17)", "video 6F9B2DC7.mov (2024-04-21)"],
  notes: [],
};

function setup(core: Core, props: { onimported?: () => void } = {}) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push([cmd, a]);
      if (cmd === "mentors_list") return [summary(1, "Dr. Amara Osei"), summary(2, "Dr. Tomasz Wierzbicki")];
      if (cmd === "plugin:dialog|open") return "/home/u/Dev Journal.json";
      return core(cmd, a);
    },
    { shouldMockEvents: true },
  );
  render(ImportSection, props);
  const of = (name: string) => calls.filter(([c]) => c === name).map(([, a]) => a);
  return { user: userEvent.setup(), of };
}

describe("ImportSection, jrnl and Day One", () => {
  it("previews, maps each tag, and sends exactly those mappings", async () => {
    const onimported = vi.fn();
    const { user, of } = setup(
      (cmd) => {
        if (cmd === "import_preview") return PREVIEW;
        if (cmd === "import_run") return REPORT;
        return null;
      },
      { onimported },
    );
    await user.click(screen.getByTestId("import-source-dayone"));
    await user.click(screen.getByTestId("import-choose"));
    const preview = await screen.findByTestId("import-preview");
    expect(preview).toHaveTextContent("5 entries in a Day One export");
    expect(preview).toHaveTextContent("4 photos, recordings and files");
    expect(preview).toHaveTextContent("kept as Markdown");
    expect(of("import_preview")).toEqual([{ path: "/home/u/Dev Journal.json", source: "dayOne", password: null }]);
    const dialog = (of("plugin:dialog|open")[0]?.options ?? {}) as { filters?: Array<{ extensions: string[] }> };
    expect(dialog.filters?.[0]?.extensions).toEqual(["zip", "json"]);
    // Nothing written before the user says so.
    expect(of("import_run")).toHaveLength(0);

    // The suggested mentor is chosen already; the others keep their tag until told.
    expect(screen.getByTestId("import-map-amara")).toHaveValue("m:1");
    expect(screen.getByTestId("import-map-misc")).toHaveValue("nobody");
    await user.selectOptions(screen.getByTestId("import-map-dev-testing-tag"), "new");
    const name = screen.getByTestId("import-new-name-dev-testing-tag");
    expect(name).toHaveValue("Dev Testing Tag");
    await user.clear(name);
    await user.type(name, "Dr. Dev Tester");
    await user.selectOptions(screen.getByTestId("import-map-amara"), "Dr. Tomasz Wierzbicki");

    expect(screen.getByTestId("import-submit")).toHaveTextContent("Import 5 entries");
    await user.click(screen.getByTestId("import-submit"));
    const report = await screen.findByTestId("import-report");
    expect(of("import_run")).toEqual([
      {
        path: "/home/u/Dev Journal.json",
        source: "dayOne",
        password: null,
        mappings: [
          { tag: "dev-testing-tag", to: { kind: "newMentor", name: "Dr. Dev Tester" } },
          { tag: "amara", to: { kind: "mentor", id: 2 } },
          { tag: "misc", to: { kind: "nobody" } },
        ],
      },
    ]);
    expect(report).toHaveTextContent("Imported 5 entries");
    expect(report).toHaveTextContent("1 new mentor added");
    expect(report).toHaveTextContent("2 notes are about no single mentor");
    expect(report).toHaveTextContent("2 media items not imported");
    expect(screen.getByTestId("import-media-list").querySelectorAll("li")).toHaveLength(2);
    expect(onimported).toHaveBeenCalledOnce();
  });

  it("asks for a new mentor's name before running", async () => {
    const { user, of } = setup((cmd) => (cmd === "import_preview" ? PREVIEW : REPORT));
    await user.click(screen.getByTestId("import-choose"));
    await user.selectOptions(await screen.findByTestId("import-map-misc"), "new");
    await user.clear(screen.getByTestId("import-new-name-misc"));
    await user.click(screen.getByTestId("import-submit"));
    expect(await screen.findByText("Give the new mentor a name.")).toBeInTheDocument();
    expect(of("import_run")).toHaveLength(0);
  });

  it("asks for an encrypted jrnl journal's password and tries again, saying when it is wrong", async () => {
    const { user, of } = setup((cmd, args) => {
      if (cmd !== "import_preview") return null;
      if (args.password === null)
        throw { code: "VALIDATION", message: "This jrnl journal is encrypted: enter its password.", field: "password" };
      if (args.password !== "right one")
        throw { code: "VALIDATION", message: "That is not the password of this journal.", field: "password" };
      return { ...PREVIEW, format: "jrnlEncrypted", tags: [] };
    });
    await user.click(screen.getByTestId("import-choose"));
    const field = await screen.findByTestId("import-password");
    expect(screen.getByText("This jrnl journal is encrypted: enter its password.")).toBeInTheDocument();
    await user.type(field, "wrong");
    await user.click(screen.getByTestId("import-password-submit"));
    expect(await screen.findByText("That is not the password of this journal.")).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, "right one");
    await user.click(screen.getByTestId("import-password-submit"));
    expect(await screen.findByTestId("import-preview")).toHaveTextContent("an encrypted jrnl journal");
    expect(screen.getByTestId("import-no-tags")).toHaveTextContent("no single mentor");
    expect(of("import_preview").map((a) => a.password)).toEqual([null, "wrong", "right one"]);
  });

  it("shows progress and cancels the run with nothing written", async () => {
    let finish: ((value: unknown) => void) | undefined;
    let fail: ((reason: unknown) => void) | undefined;
    const { user, of } = setup((cmd) => {
      if (cmd === "import_preview") return PREVIEW;
      if (cmd === "import_run")
        return new Promise((resolve, reject) => {
          finish = resolve;
          fail = reject;
        });
      if (cmd === "import_cancel") {
        fail?.({ code: "CONFLICT", message: "The import was cancelled; nothing was written." });
        return null;
      }
      return null;
    });
    await user.click(screen.getByTestId("import-choose"));
    await user.click(await screen.findByTestId("import-submit"));
    const cancel = await screen.findByTestId("import-cancel");
    // Focus moves to Cancel, so Escape or Enter stops it from the keyboard.
    await vi.waitFor(() => expect(cancel).toHaveFocus());
    await emit("import-progress", { done: 2, total: 5 });
    expect(await screen.findByText("2 of 5 entries…")).toBeInTheDocument();
    expect(screen.getByLabelText("Importing")).toHaveAttribute("value", "2");
    await user.click(cancel);
    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent("nothing was written");
    expect(of("import_cancel")).toHaveLength(1);
    // Back at the preview, ready to try again; nothing reported as imported.
    expect(screen.getByTestId("import-submit")).toBeEnabled();
    expect(screen.queryByTestId("import-report")).not.toBeInTheDocument();
    expect(finish).toBeDefined();
  });

  it("cancels a run with Escape too", async () => {
    let fail: ((reason: unknown) => void) | undefined;
    const { user, of } = setup((cmd) => {
      if (cmd === "import_preview") return PREVIEW;
      if (cmd === "import_run") return new Promise((_, reject) => (fail = reject));
      if (cmd === "import_cancel") fail?.({ code: "CONFLICT", message: "The import was cancelled; nothing was written." });
      return null;
    });
    await user.click(screen.getByTestId("import-choose"));
    await user.click(await screen.findByTestId("import-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("import-cancel")).toHaveFocus());
    await user.keyboard("{Escape}");
    expect(await screen.findByTestId("import-cancelled")).toHaveTextContent("nothing was written");
    expect(of("import_cancel")).toHaveLength(1);
  });

  it("says when every entry is already imported, and offers no import", async () => {
    const { user } = setup((cmd) => (cmd === "import_preview" ? { ...PREVIEW, alreadyImported: 5 } : null));
    await user.click(screen.getByTestId("import-choose"));
    const preview = await screen.findByTestId("import-preview");
    expect(preview).toHaveTextContent("All of them were imported before");
    expect(screen.getByTestId("import-nothing-new")).toHaveTextContent("nothing new to import");
    expect(screen.getByTestId("import-submit")).toBeDisabled();
  });

  it("says a file with no entries holds nothing to import", async () => {
    const { user } = setup((cmd) =>
      cmd === "import_preview"
        ? { ...PREVIEW, entries: 0, firstOn: null, lastOn: null, tags: [], withoutTags: 0, media: 0, notes: [] }
        : null,
    );
    await user.click(screen.getByTestId("import-choose"));
    expect(await screen.findByTestId("import-empty")).toHaveTextContent("holds no entries");
    expect(screen.getByTestId("import-submit")).toBeDisabled();
  });

  it("shows a file the reader cannot read, and Escape leaves the preview", async () => {
    let bad = true;
    const { user } = setup((cmd) => {
      if (cmd !== "import_preview") return null;
      if (bad) throw { code: "VALIDATION", message: "This is not a Day One export: it has no entries list.", field: "file" };
      return PREVIEW;
    });
    await user.click(screen.getByTestId("import-choose"));
    expect(await screen.findByTestId("import-error")).toHaveTextContent("not a Day One export");
    bad = false;
    await user.click(screen.getByTestId("import-choose"));
    await screen.findByTestId("import-preview");
    screen.getByTestId("import-map-misc").focus();
    await user.keyboard("{Escape}");
    await vi.waitFor(() => expect(screen.queryByTestId("import-preview")).not.toBeInTheDocument());
    expect(screen.getByTestId("import-choose")).toBeInTheDocument();
  });

  it("does nothing when the file dialog is cancelled", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    render(ImportSection);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("import-choose"));
    await vi.waitFor(() => expect(calls).toContain("plugin:dialog|open"));
    expect(calls).not.toContain("import_preview");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("ImportSection, a Mentor Journal export", () => {
  it("explains it needs an empty journal, confirms, and shows the counts", async () => {
    const { user, of } = setup((cmd) => (cmd === "import_json" ? { rows: 30, mentors: 2, notes: 9, goals: 1 } : null));
    await user.click(screen.getByTestId("import-source-mentorjournal"));
    expect(screen.getByTestId("import-json-explain")).toHaveTextContent("only into an empty one");
    await user.click(screen.getByTestId("import-choose"));
    const ok = await vi.waitFor(() => {
      const button = document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-ok']");
      if (!button) throw new Error("no dialog open");
      return button;
    });
    expect(of("import_json")).toHaveLength(0);
    await user.click(ok);
    expect(await screen.findByTestId("import-report")).toHaveTextContent("2 mentors, 9 notes and 1 goal");
    expect(of("import_json")).toEqual([{ path: "/home/u/Dev Journal.json" }]);
  });

  it("shows the refusal when the journal is not empty", async () => {
    const { user } = setup((cmd) => {
      if (cmd === "import_json")
        throw { code: "VALIDATION", message: "This journal is not empty: import into a new journal.", field: "file" };
      return null;
    });
    await user.click(screen.getByTestId("import-source-mentorjournal"));
    await user.click(screen.getByTestId("import-choose"));
    await vi.waitFor(() => expect(document.querySelector("dialog[open]")).not.toBeNull());
    await user.click(document.querySelector<HTMLElement>("dialog[open] [data-testid='confirm-ok']") as HTMLElement);
    expect(await screen.findByTestId("import-error")).toHaveTextContent("not empty");
    expect(screen.queryByTestId("import-report")).not.toBeInTheDocument();
  });
});
