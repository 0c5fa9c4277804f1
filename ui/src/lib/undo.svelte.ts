// An offer to take back what was just done ("Marked done · Undo"), for a few seconds. The undo
// itself is a call to Rust like any other; its failure is kept and shown where the offer is.
import { Action } from "./action.svelte";

export const UNDO_SECONDS = 6;

export class UndoOffer {
  /** What was done, while it can be undone. */
  message = $state<string | undefined>();
  /** The undo's own call: busy while it runs, its refusal after. */
  readonly undoing = new Action();
  #undo: (() => Promise<unknown>) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #ms: number;

  constructor(ms = UNDO_SECONDS * 1000) {
    this.#ms = ms;
  }

  /** Offers `undo` for the next few seconds, in place of any earlier offer. */
  offer(message: string, undo: () => Promise<unknown>) {
    clearTimeout(this.#timer);
    this.undoing.reset();
    this.message = message;
    this.#undo = undo;
    this.#timer = setTimeout(() => this.dismiss(), this.#ms);
  }

  /** Runs the undo; a refusal keeps the offer (and its reason) until dismissed. */
  async take() {
    const undo = this.#undo;
    if (!undo || this.undoing.busy) return;
    clearTimeout(this.#timer);
    if (await this.undoing.run(undo)) this.dismiss();
  }

  dismiss() {
    clearTimeout(this.#timer);
    this.message = undefined;
    this.#undo = undefined;
  }
}
