// One user action that calls Rust, as forms and pages run them: clear the last failure, mark the
// action busy, run it, and keep what Rust refused as a message (for a line under a form) and as a
// field-error map (for messages beside their fields). The rules stay in Rust; this only carries
// the `{ code, message, field }` envelope to where the user looks.
import { CommandError, errorsByField, toCommandError } from "../ipc";

export class Action {
  /** What the last run (or `fail`) refused, until the next run or `reset`. */
  failure = $state<CommandError | undefined>();
  busy = $state(false);
  /** The failure's message keyed by the field it is about ("form" when it names none). */
  readonly errors: Record<string, string> = $derived(this.failure ? errorsByField(this.failure) : {});

  /** The failure's message, whatever field it names. */
  get message(): string | undefined {
    return this.failure?.message;
  }

  /**
   * Runs `work` (calls and what follows them); true when it succeeded. A failure is kept, under
   * `field` when given (an error that belongs to one place whatever Rust says it is about).
   */
  async run(work: () => Promise<unknown>, field?: string): Promise<boolean> {
    this.failure = undefined;
    this.busy = true;
    try {
      await work();
      return true;
    } catch (error) {
      this.fail(error, field);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Records a refusal: a failure from `call`, or a message the UI says itself (as VALIDATION). */
  fail(reason: unknown, field?: string) {
    const failure = typeof reason === "string" ? new CommandError("VALIDATION", reason, field) : toCommandError(reason);
    this.failure = field === undefined || failure.field === field ? failure : new CommandError(failure.code, failure.message, field);
  }

  reset() {
    this.failure = undefined;
  }
}
