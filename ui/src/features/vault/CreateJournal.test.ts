import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import CreateJournal from "./CreateJournal.svelte";
import { confirmProblem } from "./passphrase.svelte";

const SHORT = "Use at least 10 characters. Four or five unrelated words, or a sentence only you would write, will pass.";

/** The core as the page meets it: strength asked while typing, refusals of short passphrases. */
function setup() {
  const calls: Array<[string, unknown]> = [];
  mockIPC((cmd, args) => {
    const passphrase = (args as { passphrase?: string }).passphrase ?? "";
    if (cmd === "passphrase_strength") {
      const acceptable = passphrase.length >= 10;
      return { score: acceptable ? 4 : 0, acceptable, advice: acceptable ? "" : SHORT };
    }
    calls.push([cmd, args]);
    if (passphrase.length < 10) throw { code: "VALIDATION", message: SHORT, field: "passphrase" };
    return { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" };
  });
  const oncreated = vi.fn();
  render(CreateJournal, { props: { oncreated } });
  return { calls, oncreated, user: userEvent.setup() };
}

describe("confirmProblem", () => {
  it("requires the same passphrase twice", () => {
    expect(confirmProblem("éééééééééé", "éééééééééé")).toBeUndefined();
    expect(confirmProblem("long enough!", "long enough?")).toMatch(/do not match/);
  });
});

describe("CreateJournal", () => {
  it("shows the core's advice while typing and its refusal beside the field", async () => {
    const { calls, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "short");
    expect(await screen.findByTestId("create-strength")).toHaveTextContent(`Very weak. ${SHORT}`);
    await user.type(screen.getByLabelText("Type it again"), "short");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByTestId("create-passphrase-error")).toHaveTextContent(SHORT);
    expect(calls).toEqual([["vault_create", { passphrase: "short" }]]);
  });

  it("drops an error as soon as what it was about is fixed", async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "short");
    await user.type(screen.getByLabelText("Type it again"), "shirt");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByText("The two passphrases do not match.")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Type it again"));
    await user.type(screen.getByLabelText("Type it again"), "short");
    expect(screen.queryByText("The two passphrases do not match.")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByTestId("create-passphrase-error")).toHaveTextContent(SHORT);
    await user.type(screen.getByLabelText("Passphrase"), " and longer");
    expect(screen.queryByTestId("create-passphrase-error")).not.toBeInTheDocument();
  });

  it("refuses mismatched passphrases and keeps what was typed", async () => {
    const { calls, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrasf");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    expect(await screen.findByText("The two passphrases do not match.")).toBeInTheDocument();
    expect(screen.getByLabelText("Passphrase")).toHaveValue("a long passphrase");
    expect(calls).toEqual([]);
  });

  it("creates the journal and hands over the recovery key", async () => {
    const { calls, oncreated, user } = setup();
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    expect(await screen.findByTestId("create-strength")).toHaveTextContent("Very strong. Good.");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrase");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    await vi.waitFor(() => expect(oncreated).toHaveBeenCalledWith("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"));
    expect(calls).toEqual([["vault_create", { passphrase: "a long passphrase" }]]);
  });

  it("shows a backend validation error beside the passphrase field", async () => {
    mockIPC((cmd) => {
      if (cmd === "passphrase_strength") return { score: 4, acceptable: true, advice: "" };
      throw { code: "VALIDATION", message: "That passphrase is too long.", field: "passphrase" };
    });
    const user = userEvent.setup();
    render(CreateJournal, { props: { oncreated: vi.fn() } });
    await user.type(screen.getByLabelText("Passphrase"), "a long passphrase");
    await user.type(screen.getByLabelText("Type it again"), "a long passphrase");
    await user.click(screen.getByRole("button", { name: "Create journal" }));
    const message = await screen.findByTestId("create-passphrase-error");
    expect(message).toHaveTextContent("That passphrase is too long.");
    expect(screen.getByLabelText("Passphrase")).toHaveAttribute("aria-invalid", "true");
  });
});
