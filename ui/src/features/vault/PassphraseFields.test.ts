import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import PassphraseFields from "./PassphraseFields.svelte";

const SHORT = "Use at least 10 characters. Four or five unrelated words, or a sentence only you would write, will pass.";

function setup(passphraseError?: string) {
  mockIPC((cmd) => {
    if (cmd === "passphrase_strength") return { score: 0, acceptable: false, advice: SHORT };
    throw new Error(`unexpected ${cmd}`);
  });
  render(PassphraseFields, { props: { passphrase: "short", confirm: "short", passphraseError, idPrefix: "create" } });
}

describe("PassphraseFields", () => {
  it("gives the core's advice under the field while nothing was refused", async () => {
    setup();
    expect(await screen.findByTestId("create-strength")).toHaveTextContent(`Very weak. ${SHORT}`);
  });

  it("gives the advice once after a refusal: the hint keeps only the strength", async () => {
    setup(SHORT);
    expect(await screen.findByTestId("create-strength")).toHaveTextContent(/^Very weak\.$/);
    expect(screen.getByTestId("create-passphrase-error")).toHaveTextContent(SHORT);
    expect(screen.getAllByText(new RegExp(SHORT.slice(0, 27)))).toHaveLength(1);
    expect(screen.getByLabelText("Passphrase")).toHaveAccessibleDescription(`Very weak. ${SHORT}`);
  });
});
