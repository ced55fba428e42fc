import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Performance named without a performance word (issue 10, fourth pass): memory, call counts, copies, cached results.

const concernsOf = (text: string): string[] => classifyComment(text).concerns;

describe("performance without a performance word", () => {
  it.each([
    "This reads the entire archive into memory before parsing it.",
    "Each row triggers a lot of queries against the orders table.",
    "Take the vector by const reference here.",
    "Could you cache result of the parser call?",
  ])("%s is performance", (text) => expect(concernsOf(text)).toContain("performance"));
  it.each([
    "The archive is kept in memory only in tests.",
    "Each row should link to the orders table.",
    "The docs say this reference is optional.",
    "Could we log the results of the parser?",
  ])("%s is not performance", (text) => expect(concernsOf(text)).not.toContain("performance"));
});
