import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import ReflectionsScreen from "./ReflectionsScreen.svelte";
import { nav } from "../../lib/nav.svelte";
import { conversation } from "../notes/fixtures";

describe("ReflectionsScreen", () => {
  it("says what a reflection is when there is none, and starts one", async () => {
    mockIPC((cmd) => (cmd === "reflections_list" ? [[], false] : null));
    render(ReflectionsScreen);
    expect(await screen.findByTestId("reflections-empty")).toHaveTextContent("No reflections yet.");
    await userEvent.setup().click(screen.getByTestId("reflection-new"));
    expect(nav.view).toEqual({ kind: "note", reflection: true });
  });

  it("lists the reflections newest first and opens one", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "reflections_list") return null;
      asked.push(args);
      return [[conversation({ id: 9, mentorId: null, title: "" }), conversation({ id: 4, mentorId: null, title: "A hard week" })], false];
    });
    render(ReflectionsScreen);
    const rows = await screen.findAllByTestId("timeline-entry");
    expect(rows.map((r) => r.querySelector("strong")?.textContent)).toEqual(["Reflection", "A hard week"]);
    expect(asked[0]).toEqual({ after: null });
    await userEvent.setup().click(rows[1] as HTMLElement);
    expect(nav.view).toEqual({ kind: "note", id: 4 });
  });
});
