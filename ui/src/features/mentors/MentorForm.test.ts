import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import MentorForm from "./MentorForm.svelte";
import { mentor } from "../../test/fixtures";

describe("MentorForm", () => {
  it("asks once before renaming a mentor to a name another mentor has", async () => {
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      if (cmd === "mentors_named_like") {
        const { name, except } = args as { name: string; except: number };
        expect(except).toBe(2);
        return name.toLowerCase().includes("osei") ? [{ id: 1, name: "Dr. Amara Osei" }] : [];
      }
      if (cmd === "mentor_update") return mentor({ id: 2, name: "Amara Osei" });
      return [];
    });
    const onsaved = vi.fn();
    const user = userEvent.setup();
    render(MentorForm, { props: { mentor: mentor({ id: 2, name: "Dr. Kim" }), others: [], onsaved, oncancel: vi.fn() } });
    const name = screen.getByTestId("mf-name");
    await user.clear(name);
    await user.type(name, "Amara Osei");
    await user.click(screen.getByTestId("mf-save"));
    expect(await screen.findByTestId("mf-duplicate")).toHaveTextContent("Dr. Amara Osei already has this name");
    expect(onsaved).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("mf-save"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(calls.filter((c) => c === "mentors_named_like")).toHaveLength(1);
  });
});
