// Choosing a passphrase: every rule (length, how easy it is to guess) is the core's, asked while
// the user types so they learn about a problem before a half-second key derivation. Typing it
// twice is the page's own concern, so the match is checked here.
import { call } from "../../ipc";
import type { PassphraseStrength } from "../../bindings/PassphraseStrength";

export const STRENGTH_LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

/** Why the confirmation is refused, or undefined when it matches. */
export function confirmProblem(passphrase: string, confirm: string): string | undefined {
  return confirm === passphrase ? undefined : "The two passphrases do not match.";
}

/** The core's estimate for a passphrase being chosen. */
export function strengthOf(passphrase: string): Promise<PassphraseStrength> {
  return call("passphrase_strength", { passphrase });
}

/**
 * A passphrase the core refused, with its message, shown only while that passphrase is still the
 * one typed: a fixed passphrase clears the error at once.
 */
export class Refusal {
  #of = $state<string | undefined>();
  #message = $state<string | undefined>();

  set(passphrase: string, message: string | undefined) {
    this.#of = passphrase;
    this.#message = message;
  }

  for(passphrase: string): string | undefined {
    return this.#of === passphrase ? this.#message : undefined;
  }
}
