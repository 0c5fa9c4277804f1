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
  /** Where focus goes once the offer is taken or goes away: the control that did what it undoes. */
  returnFocus: (() => HTMLElement | null | undefined) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #ms: number;

  constructor(ms = UNDO_SECONDS * 1000) {
    this.#ms = ms;
  }

  /**
   * Offers `undo` for the next few seconds, in place of any earlier offer. `returnFocus` finds the
   * control to focus after it (the item's checkbox, as it is once `undo` has resolved).
   */
  offer(message: string, undo: () => Promise<unknown>, returnFocus?: () => HTMLElement | null | undefined) {
    clearTimeout(this.#timer);
    this.undoing.reset();
    this.message = message;
    this.#undo = undo;
    this.returnFocus = returnFocus;
    this.#timer = setTimeout(() => this.dismiss(), this.#ms);
  }

  /** Runs the undo; true when it was undone. A refusal keeps the offer (and its reason) until dismissed. */
  async take(): Promise<boolean> {
    const undo = this.#undo;
    if (!undo || this.undoing.busy) return false;
    clearTimeout(this.#timer);
    const undone = await this.undoing.run(undo);
    if (undone) this.dismiss();
    return undone;
  }

  dismiss() {
    clearTimeout(this.#timer);
    this.message = undefined;
    this.#undo = undefined;
  }
}
