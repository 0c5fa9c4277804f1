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

describe("SearchPalette paging", () => {
  it("says how many are shown, reads the next page from where the last ended, and offers no more after the last", async () => {
    Element.prototype.scrollIntoView ??= () => undefined;
    const all = Array.from({ length: 60 }, (_, i) => hit("conversation", 100 - i, `Rounds ${i + 1}`));
    const asked: Array<{ limit: number | null; offset: number | null }> = [];
    mockIPC((cmd, args) => {
      if (cmd === "mentors_list") return [];
      const { limit, offset } = (args as { query: { limit: number; offset: number } }).query;
      asked.push({ limit, offset });
      return all.slice(offset, offset + limit);
    });
    const user = userEvent.setup();
    render(SearchPalette);
    nav.searchOpen = true;
    const input = await screen.findByTestId("search-input");
    await user.type(input, "rounds");
    const results = screen.getByTestId("search-results");
    await expect.poll(() => within(results).queryAllByRole("option").length).toBe(50);
    expect(screen.getByTestId("search-count")).toHaveTextContent("Newest 50 results shown; more load as you scroll.");
    expect(asked.at(-1), "one more than a page, to know whether another follows").toEqual({ limit: 51, offset: 0 });

    // The arrow keys past the last result shown read the next page instead of wrapping round.
    for (let i = 0; i < 49; i++) await user.keyboard("{ArrowDown}");
    expect(input).toHaveAttribute("aria-activedescendant", "search-hit-conversation-51");
    await user.keyboard("{ArrowDown}");
    await expect.poll(() => within(results).queryAllByRole("option").length).toBe(60);
    expect(asked.at(-1)).toEqual({ limit: 51, offset: 50 });
    expect(input, "the mark stays on the result it was on").toHaveAttribute("aria-activedescendant", "search-hit-conversation-51");
    await user.keyboard("{ArrowDown}");
    expect(input).toHaveAttribute("aria-activedescendant", "search-hit-conversation-50");
    expect(screen.getByTestId("search-count")).toHaveTextContent("60 results.");
    expect(screen.queryByTestId("search-more")).not.toBeInTheDocument();
  });

  it("asks for the next page with Show more", async () => {
    const all = Array.from({ length: 51 }, (_, i) => hit("goal", i + 1, `Goal ${i + 1}`));
    const offsets: number[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "mentors_list") return [];
      const { limit, offset } = (args as { query: { limit: number; offset: number } }).query;
      offsets.push(offset);
      return all.slice(offset, offset + limit);
    });
    const user = userEvent.setup();
    render(SearchPalette);
    nav.searchOpen = true;
    await user.type(await screen.findByTestId("search-input"), "goal");
    await user.click(await screen.findByTestId("search-more"));
    await expect.poll(() => screen.queryAllByTestId("search-hit").length).toBe(51);
    expect(offsets.filter((o) => o > 0)).toEqual([50]);
    expect(screen.getByTestId("search-count")).toHaveTextContent("51 results.");
  });
});
