import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { call, CommandError, errorsByField, toCommandError } from "./ipc";
import { emptyMentor } from "./features/mentors/mentor-input";

describe("call", () => {
  it("sends the command name and arguments and returns the result", async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return { id: 1, name: "Dr. Osei", createdAt: "2026-11-22T10:00:00Z" };
    });
    const mentor = await call("mentor_add", { mentor: emptyMentor("Dr. Osei") });
    expect(mentor.name).toBe("Dr. Osei");
    expect(seen).toEqual([["mentor_add", { mentor: emptyMentor("Dr. Osei") }]]);
  });

  it("turns the Rust error envelope into a CommandError with code and field", async () => {
    mockIPC(() => {
      throw { code: "VALIDATION", message: "Give the mentor a name.", field: "name" };
    });
    const failure = await call("mentor_add", { mentor: emptyMentor("") }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: "VALIDATION", message: "Give the mentor a name.", field: "name" });
  });

  it("keeps WRONG_PASSPHRASE distinct so the unlock screen can branch on it", async () => {
    mockIPC(() => {
      throw { code: "WRONG_PASSPHRASE", message: "That passphrase does not open this journal." };
    });
    const failure = await call("vault_unlock", { passphrase: "nope" }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "WRONG_PASSPHRASE", field: undefined });
  });
});

describe("toCommandError", () => {
  it("maps anything unexpected to INTERNAL without losing its message", () => {
    expect(toCommandError("window closed")).toMatchObject({ code: "INTERNAL", message: "window closed" });
    expect(toCommandError(new Error("boom"))).toMatchObject({ code: "INTERNAL", message: "boom" });
    expect(toCommandError({ code: "NOT_A_CODE", message: "x" }).code).toBe("INTERNAL");
    expect(toCommandError({ code: "toString", message: "x" }).code).toBe("INTERNAL");
    expect(toCommandError(null).message).toMatch(/something went wrong/i);
  });
});

describe("the known codes", () => {
  it("accepts every code Rust sends", () => {
    const codes = ["WRONG_PASSPHRASE", "LOCKED", "NOT_FOUND", "VALIDATION", "CONFLICT", "CORRUPT", "IO", "INTERNAL"] as const;
    for (const code of codes) expect(toCommandError({ code, message: "m" }).code).toBe(code);
  });
});

describe("errorsByField", () => {
  it("keys the message by its field, or by form when it names none", () => {
    expect(errorsByField(new CommandError("VALIDATION", "Give the goal a title.", "title"))).toEqual({ title: "Give the goal a title." });
    expect(errorsByField(new CommandError("LOCKED", "The journal is locked."))).toEqual({ form: "The journal is locked." });
    expect(errorsByField(new Error("boom"))).toEqual({ form: "boom" });
  });
});
