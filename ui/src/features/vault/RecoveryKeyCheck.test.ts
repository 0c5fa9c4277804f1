import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import RecoveryKeyCheck from "./RecoveryKeyCheck.svelte";

describe("RecoveryKeyCheck", () => {
  it("offers three real buttons, the primary one last", () => {
    mockIPC(() => null);
    render(RecoveryKeyCheck, { props: { onissued: () => undefined, ondone: () => undefined } });
    const buttons = within(screen.getByTestId("recovery-check")).getAllByRole("button");
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(["Later", "I saved the key I was shown", "Issue a new recovery key"]);
    // "Later" is a button that looks like one, not a borderless text.
    for (const b of buttons) {
      expect(b).not.toHaveClass("ghost");
      expect(b).not.toHaveClass("link");
    }
    expect(buttons.at(-1)).toHaveClass("primary");
    expect(buttons.filter((b) => b.classList.contains("primary"))).toHaveLength(1);
  });
});
