import { describe, expect, it } from "vitest";
import { Paged, type Page } from "./paged.svelte";

/** A core holding `total` rows, answering pages of `size` from an offset, recording each ask. */
function core(total: number, size: number) {
  const asked: Array<number | undefined> = [];
  const rows = Array.from({ length: total }, (_, i) => ({ id: i + 1 }));
  const fetch = async (after: number | undefined): Promise<Page<{ id: number }, number>> => {
    asked.push(after);
    const from = after ?? 0;
    return { items: rows.slice(from, from + size), more: from + size < total, next: from + size };
  };
  return { asked, fetch };
}

describe("Paged", () => {
  it("appends the next page where the last ended, and stops asking when the core has no more", async () => {
    const { asked, fetch } = core(120, 50);
    const list = new Paged(fetch, (r) => r.id);
    await list.reset();
    expect(list.items).toHaveLength(50);
    expect(list.more).toBe(true);
    await list.next();
    await list.next();
    expect(list.items.map((r) => r.id)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(list.more, "the third page was the last").toBe(false);
    await list.next();
    expect(asked, "no page is asked for after the last").toEqual([undefined, 50, 100]);
  });

  it("shows a row the core sends twice once, and asks for one page at a time", async () => {
    let release: () => void = () => {};
    const asked: Array<number | undefined> = [];
    const list = new Paged<{ id: number }, number>(
      async (after) => {
        asked.push(after);
        if (after === undefined) return { items: [{ id: 1 }, { id: 2 }], more: true, next: 2 };
        await new Promise<void>((r) => (release = r));
        // A note written meanwhile pushed row 2 onto this page as well.
        return { items: [{ id: 2 }, { id: 3 }], more: false, next: 4 };
      },
      (r) => r.id,
    );
    await list.reset();
    const first = list.next();
    void list.next();
    expect(list.loading).toBe(true);
    release();
    await first;
    expect(asked).toEqual([undefined, 2]);
    expect(list.items.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("drops a page that arrives for a list reset since (new search text)", async () => {
    let release: () => void = () => {};
    let text = "old";
    const list = new Paged<{ id: string }, number>(
      async () => {
        const mine = text;
        if (mine === "old") await new Promise<void>((r) => (release = r));
        return { items: [{ id: mine }], more: false, next: 1 };
      },
      (r) => r.id,
    );
    const stale = list.reset();
    text = "new";
    await list.reset();
    release();
    await stale;
    expect(list.items).toEqual([{ id: "new" }]);
    expect(list.loading).toBe(false);
  });

  it("keeps what the core refused as a message and the rows already shown", async () => {
    let fail = false;
    const list = new Paged<{ id: number }, number>(
      async (after) => {
        if (fail) throw { code: "LOCKED", message: "The journal is locked." };
        return { items: [{ id: after ?? 0 }], more: true, next: 1 };
      },
      (r) => r.id,
    );
    await list.reset();
    fail = true;
    await list.next();
    expect(list.message).toBe("The journal is locked.");
    expect(list.items).toEqual([{ id: 0 }]);
    expect(list.more, "still more to read once it works again").toBe(true);
  });
});
