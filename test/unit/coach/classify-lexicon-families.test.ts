import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Lexicon additions of issue 10's fourth pass, one positive and one negative each, written for the project.

const concernsOf = (text: string): string[] => classifyComment(text).concerns;

describe("authentication in shorthand", () => {
  it("authed routes are security", () => expect(concernsOf("Only authed routes should set this header.")).toContain("security"));
  it("the author is not security", () => expect(concernsOf("The author of this route set this header.")).not.toContain("security"));
});
