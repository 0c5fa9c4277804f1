import { afterEach, describe, expect, it, vi } from "vitest";
import { Autosave } from "./autosave";

describe("Autosave", () => {
  afterEach(() => vi.useRealTimers());

  it("writes once the changes pause", async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const autosave = new Autosave(write, 1000);
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(600);
    autosave.schedule();
    await vi.advanceTimersByTimeAsync(600);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(write).toHaveBeenCalledOnce();
  });

  it("runs writes one at a time, and settles after the last", async () => {
    const order: string[] = [];
    let release = () => {};
    let first = true;
    const autosave = new Autosave(async () => {
      if (first) {
        first = false;
        order.push("first starts");
        await new Promise<void>((resolve) => (release = resolve));
        order.push("first ends");
      } else order.push("second");
    });
    void autosave.write();
    const second = autosave.write();
    await Promise.resolve();
    release();
    await second;
    await autosave.settled();
    expect(order).toEqual(["first starts", "first ends", "second"]);
  });
});
