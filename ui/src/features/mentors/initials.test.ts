import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("skips titles and takes the first and last names", () => {
    expect(initials("Dr. Amara Osei")).toBe("AO");
    expect(initials("prof Tomasz de Wierzbicki")).toBe("TW");
    expect(initials("Chen")).toBe("C");
  });

  it("falls back to the first character when the name is only a title", () => {
    expect(initials("Dr.")).toBe("D");
    expect(initials("Élodie Zoë")).toBe("ÉZ");
  });
});
