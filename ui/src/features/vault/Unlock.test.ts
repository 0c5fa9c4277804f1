import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import Unlock from "./Unlock.svelte";

describe("Unlock", () => {
  it("asks for a passphrase before calling the backend", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => void calls.push(cmd));
    const user = userEvent.setup();
    render(Unlock, { props: { onunlocked: vi.fn(), onrecover: vi.fn() } });
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Enter your passphrase.");
    expect(calls).toEqual([]);
  });

  it("shows the wrong-passphrase message and stays locked", async () => {
    mockIPC(() => {
      throw { code: "WRONG_PASSPHRASE", message: "That passphrase does not open this journal." };
    });
    const onunlocked = vi.fn();
    const user = userEvent.setup();
    render(Unlock, { props: { onunlocked, onrecover: vi.fn() } });
    await user.type(screen.getByLabelText("Passphrase"), "not the one{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("That passphrase does not open this journal.");
    expect(screen.getByLabelText("Passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(onunlocked).not.toHaveBeenCalled();
  });

  it("says why when unlocking takes long (a journal being updated), and not before", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let finish: (value: unknown) => void = () => undefined;
      mockIPC(() => new Promise((resolve) => (finish = resolve)));
      const onunlocked = vi.fn();
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(Unlock, { props: { onunlocked, onrecover: vi.fn() } });
      await user.type(screen.getByLabelText("Passphrase"), "correct horse battery staple{Enter}");
      await vi.advanceTimersByTimeAsync(1000);
      expect(screen.queryByTestId("unlock-slow")).not.toBeInTheDocument();
      await vi.advanceTimersByTimeAsync(2500);
      expect(screen.getByTestId("unlock-slow")).toHaveTextContent("backed up and reorganised once");
      finish(null);
      await vi.waitFor(() => expect(onunlocked).toHaveBeenCalledOnce());
      expect(screen.queryByTestId("unlock-slow")).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("unlocks with the right passphrase and offers the recovery key path", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const onunlocked = vi.fn();
    const onrecover = vi.fn();
    const user = userEvent.setup();
    render(Unlock, { props: { onunlocked, onrecover } });
    await user.type(screen.getByLabelText("Passphrase"), "correct horse battery staple{Enter}");
    await vi.waitFor(() => expect(onunlocked).toHaveBeenCalledOnce());
    expect(calls).toEqual([["vault_unlock", { passphrase: "correct horse battery staple" }]]);
    await user.click(screen.getByRole("button", { name: /use your recovery key/i }));
    expect(onrecover).toHaveBeenCalledOnce();
  });
});
