// A long list read from Rust a page at a time. Rust decides what a page is and says whether
// another follows; this only keeps the pages in order, asks for the next one when the list's end
// comes into view (or the user asks for more), and never shows a list as complete while the core
// said there is more. A newer `reset` (new search text, another mentor) wins over a page still
// on its way for the old one.
import { CommandError, toCommandError } from "../ipc";

/** One page as the core answered it: its rows, whether more follow, where the next one starts. */
export interface Page<T, C> {
  items: T[];
  more: boolean;
  next: C;
}

export class Paged<T, C> {
  /** Replaced whole on every page (never changed in place), so no deep proxy is made. */
  items = $state.raw<T[]>([]);
  /** The core has rows after the last one shown. */
  more = $state(false);
  /** A page is on its way. */
  loading = $state(false);
  /** The first page has arrived (an empty list is then really empty). */
  loaded = $state(false);
  failure = $state<CommandError | undefined>();
  #next: C | undefined;
  #generation = 0;
  readonly #fetch: (after: C | undefined) => Promise<Page<T, C>>;
  readonly #key: (item: T) => string | number;

  /** `fetch` reads the page after `after` (the first page for `undefined`); `key` tells rows apart. */
  constructor(fetch: (after: C | undefined) => Promise<Page<T, C>>, key: (item: T) => string | number) {
    this.#fetch = fetch;
    this.#key = key;
  }

  get message(): string | undefined {
    return this.failure?.message;
  }

  /** Forgets every page and reads the first again. */
  async reset(): Promise<void> {
    const generation = ++this.#generation;
    this.#next = undefined;
    this.loading = true;
    await this.#read(generation, undefined, true);
  }

  /** Appends the next page, when there is one and none is on its way already. */
  async next(): Promise<void> {
    if (!this.more || this.loading || !this.loaded) return;
    this.loading = true;
    await this.#read(this.#generation, this.#next, false);
  }

  /** Empties the list (nothing to ask for, e.g. a search field cleared). */
  clear() {
    this.#generation++;
    this.items = [];
    this.more = false;
    this.loading = false;
    this.loaded = false;
    this.failure = undefined;
  }

  /** Replaces one row in place (a row changed where it is shown). */
  replace(item: T) {
    const key = this.#key(item);
    this.items = this.items.map((old) => (this.#key(old) === key ? item : old));
  }

  async #read(generation: number, after: C | undefined, first: boolean) {
    try {
      const page = await this.#fetch(after);
      if (generation !== this.#generation) return;
      // A row can come twice when notes were added between two pages; it is shown once.
      const key = this.#key;
      const shown = first ? [] : this.items.map(key);
      const fresh = page.items.filter(
        (item, i, all) => !shown.includes(key(item)) && all.findIndex((other) => key(other) === key(item)) === i,
      );
      this.items = first ? fresh : [...this.items, ...fresh];
      this.more = page.more;
      this.#next = page.next;
      this.failure = undefined;
      this.loaded = true;
    } catch (error) {
      if (generation === this.#generation) this.failure = toCommandError(error);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }
}
