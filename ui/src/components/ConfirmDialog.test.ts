import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import ConfirmDialog from "./ConfirmDialog.svelte";

describe("ConfirmDialog", () => {
  it("gives each instance its own title id, so several on a page stay labelled", () => {
    const props = {
      open: true,
      confirmLabel: "OK",
      onconfirm: () => {},
      oncancel: () => {},
      children: createRawSnippet(() => ({ render: () => "<p>Body</p>" })),
    };
    render(ConfirmDialog, { props: { ...props, title: "First" } });
    render(ConfirmDialog, { props: { ...props, title: "Second" } });
    const [first, second] = screen.getAllByTestId("confirm-dialog");
    const ids = [first, second].map((d) => d?.getAttribute("aria-labelledby"));
    expect(new Set(ids).size).toBe(2);
    expect(first).toHaveAccessibleName("First");
    expect(second).toHaveAccessibleName("Second");
  });
});
