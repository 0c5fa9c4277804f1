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

  it("takes initials from letters only, skipping emoji and punctuation", () => {
    // "😊 Sam" once gave "S😊": the emoji counted as the last word's first letter.
    expect(initials("😊 Sam Lee")).toBe("SL");
    expect(initials("Sam 😊")).toBe("S");
    expect(initials("Sam Lee 👍🏽")).toBe("SL");
    expect(initials("(Sam) Lee")).toBe("SL");
    expect(initials("Dr. 🩺 Amara Osei")).toBe("AO");
  });

  it("keeps a letter whole when its accent is a separate mark, and handles other scripts", () => {
    expect(initials("E\u0301lodie Zoe")).toBe("E\u0301Z");
    expect(initials("Ана Петрова")).toBe("АП");
    expect(initials("李 明")).toBe("李明");
  });

  it("falls back to the name's first character when it has no letter at all", () => {
    expect(initials("😊")).toBe("😊");
    expect(initials("👨‍⚕️ ")).toBe("👨‍⚕️");
    expect(initials("   ")).toBe("?");
  });
});
