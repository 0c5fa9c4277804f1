import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ExportSection from "./ExportSection.svelte";
import { defaultExportName, tagAsName, yearBefore } from "./transfer";

type Core = (cmd: string, args: Record<string, unknown>) => unknown;

const mentor = (id: number, name: string) => ({
  mentor: { id, name },
  lastMet: null,
  conversations: 0,
  openActionItems: 0,
  cadence: { kind: "none" },
});

/** Renders the section over a fake core; every call is recorded with its arguments. */
function setup(core: Core = () => null) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    if (cmd === "mentors_list") return [mentor(1, "Dr. Amara Osei"), mentor(2, "Dr. Tomasz Wierzbicki")];
    if (cmd === "passphrase_strength") return core(cmd, a) ?? { score: 4, acceptable: true, advice: "" };
    return core(cmd, a);
  });
  render(ExportSection);
  const of = (name: string) => calls.filter(([c]) => c === name).map(([, a]) => a);
  return { user: userEvent.setup(), calls, of };
}

describe("transfer wording", () => {
  it("offers names that say what and when", () => {
    expect(defaultExportName("json", { today: "2026-12-02", to: "2026-12-02", encrypted: false })).toBe("Mentor Journal 2026-12-02.json");
    expect(defaultExportName("json", { today: "2026-12-02", to: "2026-12-02", encrypted: true })).toBe(
      "Mentor Journal 2026-12-02.json.age",
    );
    expect(defaultExportName("markdown", { today: "2026-12-02", to: "2026-12-02", encrypted: false })).toBe("Mentor Journal 2026-12-02");
    expect(defaultExportName("markdown", { today: "2026-12-02", to: "2026-12-02", encrypted: true })).toBe(
      "Mentor Journal 2026-12-02.zip.age",
    );
    expect(defaultExportName("portfolio", { today: "2026-12-02", to: "2026-12-02", encrypted: false })).toBe(
      "Mentorship portfolio 2026.pdf",
    );
    expect(defaultExportName("summary", { today: "2026-12-02", to: "2026-12-02", mentorName: "Dr. A/B", encrypted: false })).toBe(
      "Summary for Dr. A-B.pdf",
    );
  });

  it("goes back a year and names a tag as a person", () => {
    expect(yearBefore("2026-12-02")).toBe("2025-12-02");
    expect(yearBefore("2028-02-29")).toBe("2027-02-28");
    expect(tagAsName("dev-testing-tag")).toBe("Dev Testing Tag");
    expect(tagAsName("@DrSmith")).toBe("Dr Smith");
  });
});

describe("ExportSection", () => {
  it("says the file leaves the encryption, then writes plain JSON where the save dialog says", async () => {
    const { user, of } = setup((cmd) => {
      if (cmd === "plugin:dialog|save") return "/home/u/Mentor Journal.json";
      if (cmd === "export_json") return { rows: 40, mentors: 2, notes: 12, goals: 3 };
      return null;
    });
    expect(screen.getByTestId("export")).toHaveTextContent("anyone who gets it can read it");
    await user.click(screen.getByTestId("export-submit"));
    const note = screen.getByTestId("export-note");
    await vi.waitFor(() => expect(note).toHaveTextContent("2 mentors, 12 notes, 3 goals"));
    expect(note).toHaveTextContent("/home/u/Mentor Journal.json");
    expect(note).not.toHaveTextContent("age -d");
    expect(of("export_json")).toEqual([{ path: "/home/u/Mentor Journal.json", passphrase: null }]);
    const options = (of("plugin:dialog|save")[0]?.options ?? {}) as { defaultPath?: string };
    expect(options.defaultPath).toMatch(/^Mentor Journal \d{4}-\d{2}-\d{2}\.json$/);
  });

  it("does nothing when the save dialog is cancelled", async () => {
    const { user, of } = setup((cmd) => (cmd === "plugin:dialog|save" ? null : null));
    await user.click(screen.getByTestId("export-submit"));
    await vi.waitFor(() => expect(of("plugin:dialog|save")).toHaveLength(1));
    expect(of("export_json")).toHaveLength(0);
    expect(screen.getByTestId("export-note")).toBeEmptyDOMElement();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("encrypts with a passphrase typed twice; a mismatch blocks before the dialog", async () => {
    const { user, of } = setup((cmd) => {
      if (cmd === "plugin:dialog|save") return "/home/u/export.json.age";
      if (cmd === "export_json") return { rows: 5, mentors: 1, notes: 2, goals: 0 };
      return null;
    });
    await user.click(screen.getByTestId("export-encrypt"));
    await user.type(screen.getByTestId("export-passphrase"), "lantern orchard ferry");
    await user.type(screen.getByTestId("export-confirm"), "lantern orchard fery");
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByTestId("export-confirm-error")).toHaveTextContent("do not match");
    expect(of("plugin:dialog|save")).toHaveLength(0);

    await user.clear(screen.getByTestId("export-confirm"));
    await user.type(screen.getByTestId("export-confirm"), "lantern orchard ferry");
    await user.click(screen.getByTestId("export-submit"));
    const note = screen.getByTestId("export-note");
    await vi.waitFor(() => expect(note).toHaveTextContent("age -d"));
    expect(of("export_json")).toEqual([{ path: "/home/u/export.json.age", passphrase: "lantern orchard ferry" }]);
    const options = (of("plugin:dialog|save")[0]?.options ?? {}) as { defaultPath?: string };
    expect(options.defaultPath).toMatch(/\.json\.age$/);
  });

  it("shows the core's refusal of a weak passphrase on the field", async () => {
    const { user, of } = setup((cmd) => {
      if (cmd === "plugin:dialog|save") return "/home/u/export.json.age";
      if (cmd === "export_json") throw { code: "VALIDATION", message: "Too easy to guess: add another word or two.", field: "passphrase" };
      return null;
    });
    await user.click(screen.getByTestId("export-encrypt"));
    await user.type(screen.getByTestId("export-passphrase"), "password1");
    await user.type(screen.getByTestId("export-confirm"), "password1");
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByTestId("export-passphrase-error")).toHaveTextContent("Too easy to guess");
    expect(screen.getByTestId("export-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("export-note")).toBeEmptyDOMElement();
    expect(of("export_json")).toHaveLength(1);
    // A different passphrase clears the refusal at once.
    await user.type(screen.getByTestId("export-passphrase"), "x");
    expect(screen.queryByTestId("export-passphrase-error")).not.toBeInTheDocument();
  });

  it("asks the core's strength rule before the save dialog, and a weak passphrase never reaches it", async () => {
    const { user, of } = setup((cmd) => {
      if (cmd === "passphrase_strength") return { score: 1, acceptable: false, advice: "Add another word or two." };
      if (cmd === "plugin:dialog|save") return "/home/u/export.json.age";
      return null;
    });
    await user.click(screen.getByTestId("export-encrypt"));
    expect(screen.getByTestId("export-leaves")).toHaveTextContent("encrypted with the passphrase you choose");
    await user.type(screen.getByTestId("export-passphrase"), "letmein");
    await user.type(screen.getByTestId("export-confirm"), "letmein");
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByTestId("export-passphrase-error")).toHaveTextContent("Add another word or two.");
    expect(of("passphrase_strength")).toEqual([{ passphrase: "letmein" }]);
    expect(of("plugin:dialog|save")).toHaveLength(0);
    expect(of("export_json")).toHaveLength(0);
  });

  it("exports a portfolio for the last 12 months by default, and shows a date refusal on its field", async () => {
    let refuse = true;
    const { user, of } = setup((cmd) => {
      if (cmd === "plugin:dialog|save") return "/home/u/portfolio.pdf";
      if (cmd === "export_portfolio") {
        if (refuse) throw { code: "VALIDATION", message: "The range ends before it starts.", field: "to" };
        return null;
      }
      return null;
    });
    await user.click(screen.getByTestId("export-kind-portfolio"));
    const from = screen.getByTestId<HTMLInputElement>("export-from");
    const to = screen.getByTestId<HTMLInputElement>("export-to");
    expect(from.value).toBe(yearBefore(to.value));
    await user.click(screen.getByTestId("export-submit"));
    await vi.waitFor(() => expect(to).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText("The range ends before it starts.")).toBeInTheDocument();
    refuse = false;
    await user.click(screen.getByTestId("export-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("export-note")).toHaveTextContent("portfolio"));
    expect(of("export_portfolio")[1]).toEqual({
      path: "/home/u/portfolio.pdf",
      from: from.value,
      to: to.value,
      withReviews: false,
      passphrase: null,
    });
    await user.click(screen.getByTestId("export-with-reviews"));
    await user.click(screen.getByTestId("export-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("export-note")).toHaveTextContent("with its reviews"));
    expect(of("export_portfolio")[2]).toMatchObject({ withReviews: true });
    const options = (of("plugin:dialog|save")[0]?.options ?? {}) as { defaultPath?: string };
    expect(options.defaultPath).toBe(`Mentorship portfolio ${to.value.slice(0, 4)}.pdf`);
  });

  it("asks which mentor a summary is for, and names the file after them", async () => {
    const { user, of } = setup((cmd) => (cmd === "plugin:dialog|save" ? "/home/u/summary.pdf" : null));
    await user.click(screen.getByTestId("export-kind-summary"));
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByText("Choose the mentor the summary is for.")).toBeInTheDocument();
    expect(of("plugin:dialog|save")).toHaveLength(0);
    await user.selectOptions(await screen.findByTestId("export-mentor"), "Dr. Tomasz Wierzbicki");
    await user.click(screen.getByTestId("export-submit"));
    await vi.waitFor(() => expect(screen.getByTestId("export-note")).toHaveTextContent("summary for Dr. Tomasz Wierzbicki"));
    expect(of("export_summary")).toEqual([{ path: "/home/u/summary.pdf", mentorId: 2, passphrase: null }]);
    const options = (of("plugin:dialog|save")[0]?.options ?? {}) as { defaultPath?: string };
    expect(options.defaultPath).toBe("Summary for Dr. Tomasz Wierzbicki.pdf");
  });

  it("writes Markdown into a new folder and says a refused path under the button", async () => {
    const { user, of } = setup((cmd) => {
      if (cmd === "plugin:dialog|save") return "/home/u/Existing";
      if (cmd === "export_markdown") throw { code: "VALIDATION", message: "That folder already exists: choose a new name.", field: "path" };
      return null;
    });
    await user.click(screen.getByTestId("export-kind-markdown"));
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByTestId("export-error")).toHaveTextContent("already exists");
    expect(of("export_markdown")).toEqual([{ path: "/home/u/Existing", passphrase: null }]);
    const options = (of("plugin:dialog|save")[0]?.options ?? {}) as { defaultPath?: string; filters?: unknown[] };
    expect(options.defaultPath).toMatch(/^Mentor Journal \d{4}-\d{2}-\d{2}$/);
  });
});
