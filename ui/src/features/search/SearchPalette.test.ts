import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import SearchPalette from "./SearchPalette.svelte";
import { nav } from "../../lib/nav.svelte";
import type { SearchHit } from "../../bindings/SearchHit";

const hit = (kind: SearchHit["kind"], itemId: number, title: string): SearchHit => ({
  kind,
  itemId,
  mentorId: 1,
  date: "2026-11-30",
  titleHtml: title,
  snippetHtml: "",
});

describe("SearchPalette", () => {
  it("moves through the results with the arrow keys and opens one with Enter", async () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    Element.prototype.scrollIntoView ??= () => undefined;
    mockIPC((cmd) => {
      if (cmd === "mentors_list") return [];
      return [
        hit("goal", 7, "Publish the half-written paper"),
        hit("conversation", 3, "Half-written draft"),
        hit("conversation", 4, "Follow-up"),
      ];
    });
    const user = userEvent.setup();
    render(SearchPalette);
    nav.searchOpen = true;
    const input = await screen.findByTestId("search-input");
    await user.type(input, "half-written");
    const options = await within(screen.getByTestId("search-results")).findAllByRole("option");
    expect(options).toHaveLength(3);
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowDown}");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("aria-activedescendant", "search-hit-conversation-4");
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(input).toHaveAttribute("aria-activedescendant", "search-hit-conversation-3");
    await user.keyboard("{ArrowUp}{Enter}");
    expect(nav.view).toEqual({ kind: "goal", id: 7 });
    expect(nav.searchOpen).toBe(false);
  });
});
