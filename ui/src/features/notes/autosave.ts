// Autosave for a note being written: a write some time after the last change, one write at a
// time, and a way to wait for the one in flight. A final save must wait for it: otherwise a draft
// still being created when Save is pressed would become a second, orphaned note.

export class Autosave {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inflight: Promise<void> = Promise.resolve();
  readonly #write: () => Promise<void>;
  readonly #delay: number;

  /** `write` saves the draft and reports its own failures (it should not reject). */
  constructor(write: () => Promise<void>, delayMs = 1200) {
    this.#write = write;
    this.#delay = delayMs;
  }

  /** Writes once the changes pause for the delay. */
  schedule() {
    this.cancel();
    this.#timer = setTimeout(() => void this.write(), this.#delay);
  }

  /** Forgets a scheduled write (one already running goes on). */
  cancel() {
    clearTimeout(this.#timer);
  }

  /** Writes now, after any write in flight. */
  write(): Promise<void> {
    this.#inflight = this.#inflight.then(() => this.#write()).catch(() => undefined);
    return this.#inflight;
  }

  /** A scheduled write happens now; resolves when it is done. */
  flush(): Promise<void> {
    this.cancel();
    return this.write();
  }

  /** Resolves when no write is running. */
  settled(): Promise<void> {
    return this.#inflight;
  }
}
