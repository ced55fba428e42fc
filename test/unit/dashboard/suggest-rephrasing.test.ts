import { describe, expect, it } from "@jest/globals";
import { suggestRephrasing } from "../../../src/dashboard/suggest-rephrasing.js";

describe("suggestRephrasing", () => {
  it("points at the personal remark, the absolute and the sarcasm of a harsh comment", () => {
    const hints = suggestRephrasing("This is obviously wrong. Did you even run it?!");
    expect(hints.slice(0, 3)).toEqual([
      'Talk about the code, not the person: drop "did you even" and name the line or behaviour you mean ("this loop", "this query") instead of "you".',
      'Remove absolutes like "obviously": say what you observed ("I think", "when the list is empty…") so the author can weigh it.',
      "Leave out sarcasm and rhetorical punctuation: it reads as mockery in writing. State the concern plainly.",
    ]);
    expect(hints).toHaveLength(4);
  });

  it("turns a bare verdict into a question, and asks for the why and an alternative", () => {
    const hints = suggestRephrasing("This approach is terrible");
    expect(hints[0]).toMatch(/^Turn the verdict \("this approach is terrible"\) into a question/);
    expect(hints).toContain('Explain why: what breaks, for whom, and when ("because an empty cart makes this divide by zero").');
    expect(hints.some((hint) => hint.startsWith("Offer an alternative"))).toBe(true);
  });

  it("flags shouting", () => {
    expect(suggestRephrasing("NEVER do THIS again!!")).toContain("Lower the volume: no capitals or repeated exclamation marks for emphasis.");
  });

  it("always gives at least one hint, at most four", () => {
    expect(suggestRephrasing("What happens when the list is empty? Consider a guard, because the loop would spin.")).toEqual([
      "Say what you noticed, why it matters, and ask how the author sees it.",
    ]);
    expect(suggestRephrasing("wtf, this is garbage, you clearly never tested it, obviously broken!!").length).toBe(4);
  });
});
