import { describe, expect, it } from "@jest/globals";
import { ARCHITECTURE } from "../../../src/coach/classify/cues/architecture-cues.js";
import { DOCUMENTATION } from "../../../src/coach/classify/cues/documentation-cues.js";
import { EDGE_CASES } from "../../../src/coach/classify/cues/edge-cases-cues.js";
import { SIGNAL_CUES } from "../../../src/coach/classify/cues/signal-cues.js";
import { STYLE } from "../../../src/coach/classify/cues/style-cues.js";
import { TONE_CUES } from "../../../src/coach/classify/cues/tone-cues.js";
import { words } from "../../../src/coach/classify/cues/cue.js";
import { ONE_BEFORE, regexKeys } from "../../../src/coach/classify/leading-keys.js";
import { execIfWords, execIndexed, mayMatch, replaceIfWords } from "../../../src/coach/classify/word-index.js";

const sorted = (keys: Set<string> | null): string[] | null => (keys === null ? null : [...keys].sort());

/** The keys of the words `re` needs, or null when it cannot tell. */
const leadingKeys = (re: RegExp): Set<string> | null => regexKeys(re)?.needs ?? null;

describe("regexKeys: the words a regex needs", () => {
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
    expect(leadingKeys(/\s|\bwhy\b/)).toBeNull(); // a match with no word and no mark
    expect(leadingKeys(/(a)\1/)).toBeNull();
    expect(leadingKeys(/\bfoo/m)).toBeNull();
    expect(leadingKeys(/\w+ing\b/)).toBeNull();
  });

  it("keys a match without a word by a mark: punctuation or half of an emoji", () => {
    expect(sorted(leadingKeys(/\?|\bwhy\b/))).toEqual(["?", "why"]);
    expect(sorted(leadingKeys(/->|=>/g))).toEqual(["=", ">"]); // the rarer mark of each
    expect(leadingKeys(/💩/g)?.size).toBe(1);
    expect(sorted(leadingKeys(/[.!?]/g))).toEqual(["!", ".", "?"]); // a few marks are followed one by one
    expect(leadingKeys(/[-.,;:!?"'()]/g)).toBeNull(); // too many: any character
  });

  it("prefers a less common word to a common one", () => {
    expect(sorted(leadingKeys(/\bi like\b/gi))).toEqual(["like"]);
    expect(sorted(leadingKeys(/\bthe code\b/gi))).toEqual(["the"]);
  });

  it("knows the first word of every match when each starts a word", () => {
    expect(sorted(regexKeys(words("edge cases?", "(?:the|a) comments?", "tabs?"))?.starts ?? null)).toEqual(["a", "edge", "tab", "tabs", "the"]);
    expect(sorted(regexKeys(words("(?:new )? ?approach"))?.starts ?? null)).toEqual([`${ONE_BEFORE}appr`, "appr", "new"]);
    expect(regexKeys(words("(?:new)?  approach"))?.starts).toBeNull(); // two characters before the word
    expect(regexKeys(/n't (?:handle|check)/g)?.starts).toBeNull(); // "n't" starts inside a word
    expect(regexKeys(/\b(?:why\b|\?)/g)?.starts).toBeNull(); // "?" is no word
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

  it("finds every match, and leaves lastIndex, as exec does", () => {
    const run = (next: (re: RegExp, text: string) => RegExpExecArray | null, re: RegExp, text: string): unknown[] => {
      const found: unknown[] = [];
      re.lastIndex = 0;
      for (let m = next(re, text); m !== null && found.length < 50; m = next(re, text)) {
        found.push([m.index, m[0], re.lastIndex]);
        if (m[0].length === 0) re.lastIndex += 1;
      }
      return [...found, re.lastIndex];
    };
    const plain = /\b(?:a|b)c\b|\bq/gi;
    const spaced = words("(?:the )? ?(?:case|list)", "empty");
    for (const re of [...regexes, plain, spaced, /\bthe\b/i]) {
      for (const text of texts.flatMap((t) => [t, t.toUpperCase(), `${t} ${t}`])) {
        const copy = new RegExp(re.source, re.flags);
        expect([re.source, text, run(execIndexed, re, text)]).toEqual([re.source, text, run((r, t) => r.exec(t), copy, text)]);
      }
    }
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
