import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import LinkGuard from "./LinkGuard.svelte";

function page(href: string) {
  const calls: Array<[string, unknown]> = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    return null;
  });
  render(LinkGuard);
  const link = document.createElement("a");
  link.href = href;
  link.textContent = "the link";
  document.body.append(link);
  return { calls, link, user: userEvent.setup() };
}

describe("LinkGuard", () => {
  it("asks before opening a web link outside, and opens it only on confirm", async () => {
    const { calls, link, user } = page("https://www.aamc.org/");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(await screen.findByTestId("link-url")).toHaveTextContent("https://www.aamc.org/");
    expect(calls).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Open in browser" }));
    expect(calls).toEqual([["link_open", { url: "https://www.aamc.org/" }]]);
    link.remove();
  });

  it("holds back a middle click too, and cancelling opens nothing", async () => {
    const { calls, link, user } = page("mailto:osei@example.org");
    const middle = new MouseEvent("auxclick", { bubbles: true, cancelable: true, button: 1 });
    link.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);
    expect(await screen.findByText("Write this email in your mail app?")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(calls).toEqual([]);
    link.remove();
  });

  it("never follows any other link and offers no link context menu", async () => {
    const { calls, link } = page("notes.html");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(screen.queryByTestId("link-url")).not.toBeInTheDocument();
    expect(await fireEvent.contextMenu(link)).toBe(false);
    expect(calls).toEqual([]);
    link.remove();
  });
});

describe("LinkGuard, when no browser opens the link", () => {
  it("says so in plain words and offers to copy the address", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "link_open") throw { code: "IO", message: "No browser or mail app on this computer would open the link." };
      return null;
    });
    render(LinkGuard);
    const link = document.createElement("a");
    link.href = "https://www.aamc.org/";
    document.body.append(link);
    const user = userEvent.setup();
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    await user.click(await screen.findByRole("button", { name: "Open in browser" }));
    const error = await screen.findByTestId("link-error");
    expect(error).toHaveTextContent("No browser or mail app");
    expect(error).toHaveTextContent("https://www.aamc.org/");
    await user.click(screen.getByTestId("link-copy"));
    expect(calls.at(-1)).toEqual(["clipboard_copy", { text: "https://www.aamc.org/" }]);
    link.remove();
  });
});
