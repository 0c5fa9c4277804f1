// The only module that calls Tauri's `invoke`. Every command name, argument object and result type
// comes from the generated `bindings/Commands.ts`, so a renamed field in Rust fails `svelte-check`.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Commands } from "./bindings/Commands";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { BackupProgress } from "./features/settings/progress";
import type { VerifyProgress } from "./bindings/VerifyProgress";

export type CommandName = keyof Commands;
export type Args<K extends CommandName> = Commands[K]["args"];
export type Result<K extends CommandName> = Commands[K]["result"];

/**
 * Every code Rust can send, keyed by the generated `ErrorCode` union: a code added to or removed
 * from the Rust enum makes this object a type error until the list follows.
 */
const KNOWN_CODES: Record<ErrorCode, true> = {
  WRONG_PASSPHRASE: true,
  LOCKED: true,
  NOT_FOUND: true,
  VALIDATION: true,
  CONFLICT: true,
  CORRUPT: true,
  IO: true,
  INTERNAL: true,
};

/** A failed command: the UI branches on `code`, shows `message`, and puts it beside `field`. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = "CommandError";
    this.code = code;
    this.field = field;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(KNOWN_CODES, value);
}

/** Turns whatever `invoke` rejected with into a `CommandError`, never losing the message. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  if (typeof error === "object" && error !== null) {
    const { code, message, field } = error as Record<string, unknown>;
    if (isErrorCode(code) && typeof message === "string") {
      return new CommandError(code, message, typeof field === "string" ? field : undefined);
    }
  }
  if (typeof error === "string" && error.length > 0) return new CommandError("INTERNAL", error);
  if (error instanceof Error && error.message) return new CommandError("INTERNAL", error.message);
  return new CommandError("INTERNAL", "Something went wrong. Please try again.");
}

/** What to tell the user about a failure, whatever was thrown. */
export function messageOf(failure: unknown): string {
  return toCommandError(failure).message;
}

/** A failure's message keyed by the field it is about ("form" when none), for a form's error map. */
export function errorsByField(failure: unknown): Record<string, string> {
  const error = toCommandError(failure);
  return { [error.field ?? "form"]: error.message };
}

type ArgList<K extends CommandName> = keyof Args<K> extends never ? [] : [args: Args<K>];

/** Calls a Rust command, typed end to end; rejects only with `CommandError`. */
export async function call<K extends CommandName>(name: K, ...args: ArgList<K>): Promise<Result<K>> {
  try {
    return await invoke<Result<K>>(name, (args[0] ?? {}) as Record<string, unknown>);
  } catch (error) {
    throw toCommandError(error);
  }
}

/**
 * The desktop asked to lock (screen locked, going to sleep): `requested` comes first so drafts can
 * be saved, `locked` once Rust has locked regardless. Returns a function that stops listening.
 */
export async function onDesktopLock(handlers: { requested: () => void; locked: () => void }): Promise<UnlistenFn> {
  const stops = await Promise.all([
    listen("lock-requested", () => handlers.requested()),
    listen("journal-locked", () => handlers.locked()),
  ]);
  return () => stops.forEach((stop) => stop());
}

/** Each step of a backup (the one the user asked for or an automatic one), as the core reports it. */
export async function onBackupProgress(handler: (progress: BackupProgress) => void): Promise<UnlistenFn> {
  return listen<BackupProgress>("backup-progress", (event) => handler(event.payload));
}

/** How far a check of the journal has got (`vault_verify`), as the core reports it. */
export async function onVerifyProgress(handler: (progress: VerifyProgress) => void): Promise<UnlistenFn> {
  return listen<VerifyProgress>("verify-progress", (event) => handler(event.payload));
}

/** How far an import has got: `done` of `total` entries written (nothing is kept until the end). */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Each step of an import under way, as the core reports it with the `import-progress` event. */
export async function onImportProgress(handler: (progress: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("import-progress", (event) => handler(event.payload));
}
