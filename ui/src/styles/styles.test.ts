import { afterEach, describe, expect, it } from "vitest";

// The stylesheet itself, applied to plain markup. jsdom computes no layout and few computed
// values, so the test reads the declarations of every rule whose selector matches an element.
// Vitest hands CSS imports (even `?raw`) over empty, so the file is read from disk; the app's
// tsconfig has no Node types, hence the typed dynamic import.
const { readFileSync } = (await import("node:fs" as string)) as { readFileSync(path: string, encoding: "utf8"): string };
const css = (name: string) => readFileSync(`src/styles/${name}.css`, "utf8");
const forms = css("forms");

function withForms(markup: string, sheets: string[] = [forms]): HTMLElement {
  for (const text of sheets) {
    const style = document.createElement("style");
    style.textContent = text;
    document.head.append(style);
  }
  const root = document.createElement("div");
  root.innerHTML = markup;
  document.body.append(root);
  return root;
}

/**
 * Every value the stylesheets give `property` on `el`, in source order. With `state` (":hover"),
 * only rules for that state count, as if the element were in it (jsdom matches no :hover).
 */
function declared(el: Element, property: string, state?: string): string[] {
  const values: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule)) continue;
      if (state !== undefined && !rule.selectorText.includes(state)) continue;
      const selector = state === undefined ? rule.selectorText : rule.selectorText.split(state).join("");
      if (el.matches(selector)) {
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

describe("app styles", () => {
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

  it("draws checkboxes and radios from the theme's tokens, not the engine's white boxes", () => {
    // WebKitGTK painted native ones white in dark mode, and blue (the system's accent) when checked.
    const root = withForms(`<input type="checkbox" checked /><input type="radio" /><input class="visually-hidden" type="radio" />`, [
      forms,
      css("base"),
    ]);
    const [checkbox, radio, hidden] = Array.from(root.querySelectorAll("input"));
    for (const control of [checkbox!, radio!]) {
      expect(declared(control, "appearance")).toContain("none");
      expect(declared(control, "background")).toContain("var(--surface)");
      expect(declared(control, "border").join(" "), "a boundary with 3:1 contrast in both themes").toContain("var(--muted)");
    }
    expect(declared(checkbox!, "background").at(-1), "checked takes the accent").toBe("var(--accent)");
    expect(declared(hidden!, "width").at(-1), "a visually hidden radio stays hidden").toBe("1px");
  });

  it("draws no outline around the sidebar item under the pointer, so only the current page looks selected", () => {
    // The generic button hover (an accent border) outlined a sidebar item in green while the
    // pointer rested on it after a click, though another page was showing.
    const root = withForms(
      `<nav class="sidebar"><button class="nav">Goals</button><button class="nav" aria-current="page">Mentors</button></nav>`,
      [forms, css("layout")],
    );
    const [other, current] = Array.from(root.querySelectorAll("button"));
    expect(declared(other!, "border-color", ":hover").at(-1), "the last hover border rule wins").toBe("transparent");
    expect(declared(other!, "background", ":hover").at(-1)).toBe("var(--surface-sunken)");
    expect(declared(current!, "background", ":hover"), "the current page keeps its own tint").toEqual([]);
  });

  it("keeps a focus ring for keyboard focus only", () => {
    withForms("<button>Go</button>", [css("base")]);
    const rules = Array.from(document.styleSheets[0]!.cssRules).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
    const ring = rules.find((r) => r.selectorText === ":focus-visible");
    expect(ring?.style.getPropertyValue("outline")).toContain("var(--focus)");
    // Date and time fields are the one exception: WebKit never matches :focus-visible on them
    // (the focus is on a part inside), and like text fields they are typed into, where any focus
    // shows the ring anyway.
    const typed = /^input:is\(\[type="date"\], \[type="datetime-local"\], \[type="time"\]\):focus$/;
    const plainFocus = rules.filter(
      (r) => /:focus(?!-visible|:not\(:focus-visible\))/.test(r.selectorText) && r.style.getPropertyValue("outline") !== "none",
    );
    expect(plainFocus.map((r) => r.selectorText).filter((s) => !typed.test(s))).toEqual([]);
    expect(
      plainFocus.map((r) => r.selectorText).filter((s) => typed.test(s)),
      "date fields show the ring on any focus",
    ).toHaveLength(1);
  });

  it("gives links in a rendered note the theme's accent, visited ones too, with a focus ring", () => {
    // WebKit's blue and lavender ignored both themes; the accent is a token, so dark follows.
    const root = withForms(`<div class="rendered"><p><a href="https://example.org">the lab</a></p></div>`, [css("base")]);
    const link = root.querySelector("a")!;
    expect(declared(link, "color").at(-1)).toBe("var(--accent)");
    expect(declared(link, "color", ":visited").at(-1), "a visited link keeps the accent").toBe("var(--accent)");
    const rules = Array.from(document.styleSheets[0]!.cssRules).filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
    const ring = rules.find((r) => r.selectorText === ".rendered a:focus-visible");
    expect(ring?.style.getPropertyValue("outline"), "a link reached by Tab shows where it is").toContain("var(--focus)");
    const tokens = css("tokens");
    expect(tokens.match(/--accent:/g), "the accent is defined for light and dark").toHaveLength(2);
  });

  it("wraps long titles and names without spaces wherever they are shown", () => {
    // A 190-character title ran out of its timeline card and under the Edit button.
    const root = withForms(
      `<header class="page-head"><div class="page-title"><h1>T</h1></div></header>
       <h2>S</h2>
       <ol class="list timeline"><li class="item"><button class="entry"><strong>T</strong></button></li></ol>
       <ul class="list"><li class="item"><span class="name">N</span><span class="badge">Active</span></li></ul>
       <span class="title">T</span>`,
      [css("base"), css("layout")],
    );
    const wraps = (selector: string) => declared(root.querySelector(selector)!, "overflow-wrap").at(-1);
    expect(wraps("h1"), "page headings and the reading view's title").toBe("anywhere");
    expect(wraps("h2")).toBe("anywhere");
    expect(wraps(".page-title")).toBe("anywhere");
    expect(wraps(".timeline > li"), "a timeline entry (inherited by its button and title)").toBe("anywhere");
    expect(wraps(".name")).toBe("anywhere");
    expect(wraps(".title"), "an action item's title").toBe("anywhere");
    expect(wraps(".badge"), "a badge keeps its word whole").toBe("normal");
  });
});
