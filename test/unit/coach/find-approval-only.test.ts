import { describe, expect, it } from "@jest/globals";
import { findApproval } from "../../../src/coach/classify/find-approval-only.js";

describe("findApproval", () => {
  it.each([
    ["LGTM, thanks!", "LGTM"],
    ["Nice, +1 on this change", "+1"],
    ["👍", "👍"],
    ["✅ ship it", "✅"],
    ["looks good to me", "looks good to me"],
    ["xlgtm +12", null],
    // The letters that fold to ASCII ones ("ſ" to "s", the Kelvin sign to "k") are read as the u flag reads them.
    ["ſhip it", "ſhip it"],
    ["\u212Algtm", null],
  ])("%j: %j", (text, phrase) => {
    expect(findApproval(text)?.phrase ?? null).toBe(phrase);
  });

  it("finds the approval of each comment, one after another", () => {
    expect(findApproval("lgtm, lgtm")?.phrase).toBe("lgtm");
    expect(findApproval("lgtm")?.phrase).toBe("lgtm");
  });
});
