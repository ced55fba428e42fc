import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";

// Lexicon additions of issue 10's fourth pass, one positive and one negative each, written for the project.

const concernsOf = (text: string): string[] => classifyComment(text).concerns;

describe("documentation left stale by the change", () => {
  it.each(["This part is outdated now.", "The usage section should be updated for the new flag.", "Maybe add a short blurb on the retry flag."])(
    "%s is documentation",
    (text) => expect(concernsOf(text)).toContain("documentation"),
  );
  it("a counter that is updated is not documentation", () =>
    expect(concernsOf("The counter is updated on every retry.")).not.toContain("documentation"));
});

describe("where code belongs", () => {
  it("belonging in a module is architecture", () => expect(concernsOf("This parsing belongs in the config module.")).toContain("architecture"));
  it("a value belonging to a user is not", () => expect(concernsOf("This value belongs to the signed-in user.")).not.toContain("architecture"));
});

describe("quoted wording versus quoted markup", () => {
  it("a quoted sentence on offer is documentation", () =>
    expect(concernsOf('Maybe say "retries the upload once" instead.')).toContain("documentation"));
  it("a quoted template expression is not", () =>
    expect(concernsOf('Maybe use class="<%= item.active ? 1 : 0 %>" instead.')).not.toContain("documentation"));
});
