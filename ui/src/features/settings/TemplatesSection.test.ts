import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import TemplatesSection from "./TemplatesSection.svelte";
import type { TemplateInput } from "../../bindings/TemplateInput";
import { template } from "../../test/fixtures";

function setup() {
  const sent: Array<{ cmd: string; template?: TemplateInput }> = [];
  let list = [template({ defaultForMentors: 2 })];
  mockIPC((cmd, raw) => {
    const args = raw as { template?: TemplateInput };
    sent.push({ cmd, template: args.template });
    if (cmd === "templates_list") return list;
    if (cmd === "template_add") {
      if (args.template?.name.trim() === "") throw { code: "VALIDATION", message: "Give the template a name.", field: "name" };
      const added = template({ id: 7, builtinKey: null, ...args.template });
      list = [...list, added];
      return added;
    }
    if (cmd === "template_delete") {
      list = [];
      return null;
    }
    if (cmd === "templates_restore_builtin") return [template({ name: "Career advice" })];
    throw new Error(`unexpected ${cmd}`);
  });
  render(TemplatesSection);
  return { sent, user: userEvent.setup() };
}

describe("TemplatesSection", () => {
  it("adds a template, with each takeaway line on its own and a refusal beside its field", async () => {
    const { sent, user } = setup();
    await user.click(await screen.findByTestId("template-add"));
    await user.click(screen.getByTestId("template-save"));
    const name = screen.getByTestId("template-name");
    await expect.poll(() => name.getAttribute("aria-invalid")).toBe("true");
    expect(name).toHaveAccessibleDescription("Give the template a name.");

    await user.type(name, "Research meeting");
    await user.type(screen.getByTestId("template-body"), "## Data");
    await user.type(screen.getByTestId("template-takeaways"), "Next analysis: …{Enter}{Enter}  Deadline: …  ");
    await user.click(screen.getByTestId("template-save"));
    await screen.findByText("Added “Research meeting”.");
    const add = sent.filter((s) => s.cmd === "template_add").at(-1);
    expect(add?.template).toEqual({
      name: "Research meeting",
      description: "",
      body: "## Data",
      takeaways: ["Next analysis: …", "Deadline: …"],
    });
    expect(screen.getAllByTestId("template-row")).toHaveLength(2);
  });

  it("says before deleting how many mentors start from it, and how to get a built-in back", async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId("template-delete"));
    const dialog = await screen.findByRole("dialog", { name: "Delete “Regular check-in”?" });
    expect(dialog).toHaveTextContent("2 mentors' new notes will start blank instead.");
    expect(dialog).toHaveTextContent("Restore built-in templates");
    await user.click(screen.getByRole("button", { name: "Delete template" }));
    await screen.findByTestId("templates-empty");
  });

  it("names the built-in templates it restored", async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId("templates-restore"));
    await screen.findByText("Restored “Career advice”.");
  });
});
