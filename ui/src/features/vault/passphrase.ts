// Rules and hints for choosing a passphrase. The core enforces the minimum again; these exist so the
// user learns about a problem while typing, not after a half-second key derivation.
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";

export const MIN_PASSPHRASE_CHARS = 10;

export interface PassphraseProblems {
  passphrase?: string;
  confirm?: string;
}

/** Problems with a new passphrase and its confirmation; empty when it may be submitted. */
export function checkNewPassphrase(passphrase: string, confirm: string): PassphraseProblems {
  const problems: PassphraseProblems = {};
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
    problems.passphrase = `Use at least ${MIN_PASSPHRASE_CHARS} characters.`;
  }
  if (confirm !== passphrase) {
    problems.confirm = "The two passphrases do not match.";
  }
  return problems;
}

export interface Strength {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

let dictionariesLoaded: Promise<void> | undefined;

/** Loads the common-password dictionaries once, lazily: they are large and only needed here. */
function loadDictionaries(): Promise<void> {
  dictionariesLoaded ??= import("@zxcvbn-ts/language-common").then((common) => {
    zxcvbnOptions.setOptions({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
  });
  return dictionariesLoaded;
}

/** How hard the passphrase is to guess, with one line of advice. */
export async function estimateStrength(passphrase: string): Promise<Strength> {
  await loadDictionaries();
  const result = zxcvbn(passphrase);
  const score = result.score;
  const hint =
    score >= 3 ? "Good. Write it down somewhere safe until you know it by heart." : "Longer is stronger: try four or five unrelated words.";
  return { score, label: LABELS[score], hint };
}
