import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { call, CommandError } from "../ipc";
import { Action } from "./action.svelte";

describe("Action", () => {
  it("maps a refusal to its field, and clears it on the next run", async () => {
    mockIPC(() => {
      throw { code: "VALIDATION", message: "Give the goal a title.", field: "title" };
    });
    const action = new Action();
    expect(await action.run(() => call("goal_categories"))).toBe(false);
    expect(action.errors).toEqual({ title: "Give the goal a title." });
    expect(action.message).toBe("Give the goal a title.");
    expect(action.failure?.code).toBe("VALIDATION");

    mockIPC(() => ["Research"]);
    expect(await action.run(() => call("goal_categories"))).toBe(true);
    expect(action.errors).toEqual({});
    expect(action.message).toBeUndefined();
  });

  it("is busy while the work runs", async () => {
    const action = new Action();
    let release = () => {};
    const running = action.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(action.busy).toBe(true);
    release();
    await running;
    expect(action.busy).toBe(false);
  });

  it("puts a failure under the field it is told to, and keeps the UI's own refusals", async () => {
    const action = new Action();
    await action.run(async () => {
      throw new CommandError("LOCKED", "The journal is locked.");
    }, "body");
    expect(action.errors).toEqual({ body: "The journal is locked." });
    expect(action.failure?.code).toBe("LOCKED");
    action.fail("Minutes as a whole number.", "durationMinutes");
    expect(action.errors).toEqual({ durationMinutes: "Minutes as a whole number." });
    action.reset();
    expect(action.errors).toEqual({});
  });
});
