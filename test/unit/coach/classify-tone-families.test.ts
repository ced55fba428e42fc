import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Tone cases of issue 10 (fourth pass), written for the project: technical senses and self-deprecation stay out.

const toneOf = (text: string): string => classifyComment(text).tone;

describe("a namespace prefix is not an expletive", () => {
  it("drop the WTF:: prefix is respectful", () => expect(toneOf("nit: no need for the WTF:: prefix here.")).toBe("respectful"));
  it("wtf as an exclamation is harsh", () => expect(toneOf("wtf is this loop doing")).toBe("harsh"));
});

describe("idioms around pejoratives", () => {
  it.each(["I'm not crazy about this helper, but it can stay for now.", "I hate to be picky, but the indent is off by one."])(
    "%s is respectful",
    (text) => expect(toneOf(text)).toBe("respectful"),
  );
  it.each(["This helper is crazy.", "I hate this helper."])("%s is harsh", (text) => expect(toneOf(text)).toBe("harsh"));
});

describe("pejoratives aimed at one's own proposal", () => {
  it("a stupid suggestion of one's own is respectful", () =>
    expect(toneOf("Maybe a stupid suggestion, but could the cache key include the locale?")).toBe("respectful"));
  it("a stupid design aimed at the change is harsh", () =>
    expect(toneOf("This is a stupid design, the cache key ignores the locale.")).toBe("harsh"));
});

describe("mild pejoratives", () => {
  it.each(["You are being anal about one byte here.", "This wrapper is clumsy.", "Someone stupidly set the retries to zero."])(
    "%s is harsh",
    (text) => expect(toneOf(text)).toBe("harsh"),
  );
  it.each(["The analysis of this loop looks right.", "This wrapper is compact."])("%s is respectful", (text) =>
    expect(toneOf(text)).toBe("respectful"),
  );
});
