import { describe, expect, it } from "vitest";
import { tick } from "svelte";
import { focusOnMount } from "./focus";

describe("focusOnMount", () => {
  it("takes focus from a button that was just clicked (autofocus would not)", async () => {
    const button = document.createElement("button");
    document.body.append(button);
    button.focus();
    const input = document.createElement("input");
    input.autofocus = true;
    document.body.append(input);
    expect(document.activeElement).toBe(button);
    focusOnMount(input);
    await tick();
    expect(document.activeElement).toBe(input);
    button.remove();
    input.remove();
  });
});
