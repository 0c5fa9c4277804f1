import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import VirtualList from "./VirtualList.svelte";

interface Row {
  id: number;
}
const items: Row[] = Array.from({ length: 1_000 }, (_, i) => ({ id: i + 1 }));
const row = createRawSnippet((item: () => Row) => ({ render: () => `<span class="row">Row ${item().id}</span>` }));
const mounted = (root: HTMLElement) => root.querySelectorAll("[data-index]").length;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("VirtualList", () => {
  it("renders every row as a plain list where nothing can be measured (jsdom)", () => {
    const { container } = render(VirtualList<Row>, { props: { items, key: (r: Row) => r.id, row, testid: "rows" } });
    expect(mounted(container)).toBe(1_000);
    expect(container.querySelector("ul > li[data-index='999']")).toHaveTextContent("Row 1000");
  });

  it("mounts only the rows near the viewport where it can measure", async () => {
    // Every box measures 400 px high: the viewport holds ten rows of 40.
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(private readonly report: ResizeObserverCallback) {}
        observe(target: Element) {
          queueMicrotask(() => this.report([{ target, contentRect: { width: 300, height: 400 } } as unknown as ResizeObserverEntry], this));
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const { container } = render(VirtualList<Row>, { props: { items, key: (r: Row) => r.id, row, itemSize: 40, own: true } });
    await vi.waitFor(() => expect(mounted(container)).toBeGreaterThan(0));
    const count = mounted(container);
    expect(count, "the first rows are shown").toBeGreaterThan(0);
    expect(count, "a thousand rows are not all in the document").toBeLessThan(50);
    expect(container.querySelector("[data-index='0']")).toHaveTextContent("Row 1");
  });
});
