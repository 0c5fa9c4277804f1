import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import CategoryEditor from "./CategoryEditor.svelte";

type Category = { id: number; name: string; builtin: boolean; goals: number };

/** Answers the category commands from a list, refusing what the core refuses. */
function setup() {
  const categories: Category[] = [
    { id: 1, name: "Research", builtin: true, goals: 2 },
    { id: 2, name: "Networking", builtin: true, goals: 0 },
    { id: 8, name: "Teaching", builtin: false, goals: 1 },
  ];
  const calls: Array<[string, Record<string, unknown>]> = [];
  mockIPC((cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push([cmd, args]);
    if (cmd === "goal_category_list") return categories.map((c) => ({ ...c }));
    if (cmd === "goal_category_rename") {
      const name = String(args.name).trim();
      if (categories.some((c) => c.id !== args.id && c.name.toLowerCase() === name.toLowerCase()))
        throw { code: "VALIDATION", message: `There is already a category called “${name}”.`, field: "name" };
      const c = categories.find((c) => c.id === args.id)!;
      c.name = name;
      return c;
    }
    if (cmd === "goal_category_delete") {
      const i = categories.findIndex((c) => c.id === args.id);
      const target = categories.find((c) => c.id === args.moveTo);
      if (target) target.goals += categories[i]!.goals;
      categories.splice(i, 1);
      return null;
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(CategoryEditor);
  return { calls, user: userEvent.setup() };
}

describe("CategoryEditor", () => {
  it("keeps a refused new name in its field with the reason beside it", async () => {
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Rename Teaching" }));
    const input = screen.getByLabelText("New name for Teaching");
    await user.clear(input);
    await user.type(input, "research{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("already a category called “research”");
    expect(screen.getByLabelText("New name for Teaching")).toHaveValue("research");
    await user.clear(input);
    await user.type(input, "Teaching & education{Enter}");
    expect(await screen.findByText("Teaching & education")).toBeInTheDocument();
    expect(screen.getByTestId("category-note")).toHaveTextContent("its 1 goal show");
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Rename Teaching & education" })).toHaveFocus());
  });

  it("removes a category in use only once its goals have somewhere to go", async () => {
    const { calls, user } = setup();
    await user.click(await screen.findByRole("button", { name: "Remove Research" }));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("2 goals are in this category");
    await user.click(within(dialog).getByRole("button", { name: "Remove category" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose where its goals go.");
    expect(calls.some(([cmd]) => cmd === "goal_category_delete")).toBe(false);

    const options = within(dialog)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual(["Choose a category…", "Networking", "Teaching"]);
    await user.selectOptions(within(dialog).getByTestId("category-move-to"), "Teaching");
    await user.click(within(dialog).getByRole("button", { name: "Remove category" }));
    expect(await screen.findByText(/Removed “Research”; its goals are now in “Teaching”/)).toBeInTheDocument();
    expect(calls.find(([cmd]) => cmd === "goal_category_delete")?.[1]).toMatchObject({ id: 1, moveTo: 8 });
    expect(screen.getAllByTestId("category-name").map((n) => n.textContent)).toEqual(["Networking", "Teaching"]);
    expect(screen.getByText("3 goals")).toBeInTheDocument();
  });
});
