import { afterEach, describe, expect, it } from "vitest";

// The stylesheet itself, applied to plain markup. jsdom computes no layout and few computed
// values, so the test reads the declarations of every rule whose selector matches an element.
// Vitest hands CSS imports (even `?raw`) over empty, so the file is read from disk; the app's
// tsconfig has no Node types, hence the typed dynamic import.
const { readFileSync } = (await import("node:fs" as string)) as { readFileSync(path: string, encoding: "utf8"): string };
const forms = readFileSync("src/styles/forms.css", "utf8");

function withForms(markup: string): HTMLElement {
  const style = document.createElement("style");
  style.textContent = forms;
  document.head.append(style);
  const root = document.createElement("div");
  root.innerHTML = markup;
  document.body.append(root);
  return root;
}

/** Every value the stylesheets give `property` on `el`, in source order. */
function declared(el: Element, property: string): string[] {
  const values: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSStyleRule && el.matches(rule.selectorText)) {
        const value = rule.style.getPropertyValue(property);
        if (value) values.push(value);
      }
    }
  }
  return values;
}

afterEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

describe("forms.css", () => {
  it("keeps radios and checkboxes at their own size, beside their label", () => {
    // A radio given the text inputs' `width: 100%` and padding pushed its label away and
    // squeezed the label to one word per line (the goal form's "Progress comes from").
    const root = withForms(
      `<label class="check"><input type="radio" name="r" /> My reviews (I estimate it)</label>
       <label class="check"><input type="checkbox" /> Milestones</label>
       <input type="text" /><input type="date" />`,
    );
    const [radio, checkbox, text, date] = Array.from(root.querySelectorAll("input"));
    expect(declared(radio!, "width"), "a radio is not stretched like a text field").not.toContain("100%");
    expect(declared(radio!, "padding-left")).toEqual([]);
    expect(declared(checkbox!, "width")).not.toContain("100%");
    expect(declared(text!, "width"), "text fields still fill their column").toContain("100%");
    expect(declared(date!, "width")).toContain("100%");
  });
});
