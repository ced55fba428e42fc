import { describe, expect, it } from "@jest/globals";
import { ARCHITECTURE } from "../../../src/coach/classify/cues/architecture-cues.js";
import { DOCUMENTATION } from "../../../src/coach/classify/cues/documentation-cues.js";
import { EDGE_CASES } from "../../../src/coach/classify/cues/edge-cases-cues.js";
import { SIGNAL_CUES } from "../../../src/coach/classify/cues/signal-cues.js";
import { STYLE } from "../../../src/coach/classify/cues/style-cues.js";
import { TONE_CUES } from "../../../src/coach/classify/cues/tone-cues.js";
import { words } from "../../../src/coach/classify/cues/cue.js";
import { leadingKeys } from "../../../src/coach/classify/leading-keys.js";
import { execIfWords, mayMatch, replaceIfWords } from "../../../src/coach/classify/word-index.js";

const sorted = (keys: Set<string> | null): string[] | null => (keys === null ? null : [...keys].sort());

describe("leadingKeys: the words a regex needs", () => {
  it("keeps the first four letters of the least common word of each alternative", () => {
    expect(sorted(leadingKeys(words("edge cases?", "(?:the|a) comments?", "tabs?")))).toEqual(["comm", "edge", "tab", "tabs"]);
  });

  it("reads a later word when the first one may start inside a word", () => {
    expect(sorted(leadingKeys(/n't (?:handle|check)/g))).toEqual(["chec", "hand"]);
  });

  it("keeps a short word only where the regex says the word ends there", () => {
    expect(sorted(leadingKeys(/\b(?:CI|QA)\b/g))).toEqual(["ci", "qa"]);
    expect(leadingKeys(/\bci/g)).toBeNull(); // "cider" starts so too
  });

  it("gives up on what it cannot follow", () => {
    expect(leadingKeys(/\?|\bwhy\b/)).toBeNull(); // a match with no word
    expect(leadingKeys(/(a)\1/)).toBeNull();
    expect(leadingKeys(/\bfoo/m)).toBeNull();
    expect(leadingKeys(/\w+ing\b/)).toBeNull();
  });
});

describe("mayMatch: skipping a regex changes nothing", () => {
  const texts = [
    "Nit: this could be simpler, and the edge case of an empty list isn't handled.",
    "Why not use a map here? It'd be O(1) instead of O(n).",
    "LGTM, thanks for the cleanup!",
    "Please add a comment explaining the retry; also the docstring is out of date.",
    "This is a terrible hack, wtf.",
    "I'd rename `fooBar` to `barFoo` and move it into the service layer.",
    "s/recieve/receive/",
    "Is this thread-safe? Two callers could race on the cache.",
    "",
  ];
  const cues = [...ARCHITECTURE, ...DOCUMENTATION, ...EDGE_CASES, ...SIGNAL_CUES, ...STYLE].map((c) => c.re);
  const regexes = [...cues, ...TONE_CUES.map((c) => c.re)];

  it("never says no to a text the regex matches", () => {
    for (const re of regexes) {
      for (const text of texts.flatMap((t) => [t, t.toUpperCase()])) {
        const matches = new RegExp(re.source, re.flags.replace("g", "")).test(text);
        if (matches) expect([re.source, text, mayMatch(text, re)]).toEqual([re.source, text, true]);
      }
    }
  });

  it("skips the cue regexes on a text without their words", () => {
    const skipped = cues.filter((re) => !mayMatch("Thanks, merged.", re));
    expect(skipped.length).toBeGreaterThan(cues.length / 2);
  });

  it("leaves a global regex's lastIndex as a failed search would", () => {
    const re = /\bquux\b/g;
    re.lastIndex = 5;
    expect(execIfWords(re, "nothing to see here")).toBeNull();
    expect(re.lastIndex).toBe(0);
    re.lastIndex = 3;
    expect(replaceIfWords("no such word", re, () => "")).toBe("no such word");
    expect(re.lastIndex).toBe(0);
  });
});
