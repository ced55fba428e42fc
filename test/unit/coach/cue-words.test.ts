import { describe, expect, it } from "@jest/globals";
import { byLeadingLetter, words } from "../../../src/coach/classify/cues/cue.js";

describe("words: alternatives gathered by their leading letter", () => {
  it("gathers neighbours that start with one plain letter, keeping their order", () => {
    expect(byLeadingLetter(["abc", "ade", "b", "Axe"])).toBe("a(?:bc|de|xe)|b");
  });

  it("leaves alternatives of other shapes where they are, ending a run", () => {
    expect(byLeadingLetter(["ab", String.raw`(?:x|y)z`, "ac"])).toBe(String.raw`ab|(?:x|y)z|ac`);
    expect(byLeadingLetter(["a?b", "ac"])).toBe("a?b|ac"); // a quantified first letter is not a prefix
    expect(byLeadingLetter(["ab|cd", "ae"])).toBe("ab|cd|ae"); // a top-level | is two alternatives
    expect(byLeadingLetter([String.raw`a\|b`, "a[|]c", "a(?:x|y)"])).toBe(String.raw`a(?:\|b|[|]c|(?:x|y))`);
  });

  it("matches what the plain alternation matched, at the same place", () => {
    const alternatives = ["test", "tests?", "testing", String.raw`(?:unit|integration)[ -]tests?`, "tested", "t", "coverage", "cover"];
    const grouped = words(...alternatives);
    const plain = new RegExp(String.raw`\b(?<![\w-])(?:${alternatives.join("|")})(?![\w])`, "gi");
    for (const text of ["needs a Test here", "unit-tests missing", "was it tested?", "t is odd", "no coverage", "cover it", "retest", "tests"]) {
      expect([...text.matchAll(grouped)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(plain)].map((m) => [m.index, m[0]]));
    }
  });
});
