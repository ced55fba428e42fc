import { describe, expect, it } from "@jest/globals";
import { compareText, isEnglishLocale } from "../../../src/coach/compare-text.js";

const ASCII = [..."\t\n\v\f\r", ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))];
const localeSign = (a: string, b: string) => Math.sign(a.localeCompare(b));

/** A small deterministic generator (mulberry32), so a failure names texts that reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("compareText", () => {
  it("orders every pair of printable ASCII characters and whitespace controls as localeCompare does", () => {
    const mismatches = ASCII.flatMap((a) => ASCII.filter((b) => compareText(a, b) !== localeSign(a, b)).map((b) => [a, b]));
    expect(mismatches).toEqual([]);
  });

  it("orders random texts as localeCompare does: case pairs, prefixes, punctuation, digits and non-ASCII", () => {
    const next = random(7);
    const alphabet = [...ASCII, "é", "É", "ß", "\u0301", "\u0000", "\u007f", "ı", "😀"];
    const pick = (chars: string[]) => chars[Math.floor(next() * chars.length)]!;
    const text = (chars: string[]) => Array.from({ length: Math.floor(next() * 8) }, () => pick(chars)).join("");
    const mismatches: string[][] = [];
    for (let n = 0; n < 20_000; n++) {
      // Mostly texts built from a few characters, so equal prefixes and case-only differences are common.
      const chars = next() < 0.8 ? [pick(ASCII), pick(ASCII), "a", "A", "-", "_", "/", "."] : alphabet;
      const a = text(chars);
      const b = next() < 0.3 ? a.toUpperCase() : text(chars);
      if (compareText(a, b) !== localeSign(a, b)) mismatches.push([a, b]);
    }
    expect(mismatches).toEqual([]);
  });

  it("sorts paths and rule ids as localeCompare does", () => {
    const paths = ["src/a.ts", "src/B.ts", "src/b.ts", "src/a-b.ts", "src/a_b.ts", "src/a/b.ts", "src/A.ts", "README.md", "readme.md", "src/a10.ts", "src/a9.ts", "src/é.ts"];
    expect([...paths].sort(compareText)).toEqual([...paths].sort((a, b) => a.localeCompare(b)));
  });
});

describe("isEnglishLocale", () => {
  it("reads ICU's default locale from LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(isEnglishLocale({})).toBe(true);
    expect(isEnglishLocale({ LANG: "C.UTF-8" })).toBe(true);
    expect(isEnglishLocale({ LANG: "POSIX" })).toBe(true);
    expect(isEnglishLocale({ LANG: "en_GB.UTF-8" })).toBe(true);
    expect(isEnglishLocale({ LANG: "da_DK.UTF-8" })).toBe(false);
    expect(isEnglishLocale({ LANG: "en_US.UTF-8", LC_MESSAGES: "sv_SE" })).toBe(false);
    expect(isEnglishLocale({ LANG: "de_DE", LC_ALL: "en_US.UTF-8" })).toBe(true);
  });
});
