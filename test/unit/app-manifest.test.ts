import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import YAML, { isMap, isPair, isScalar } from "yaml";

// Least privilege (DESIGN.md): the manifest asks only for what a feature uses, each with its reason.
describe("app.yml", () => {
  const doc = YAML.parseDocument(readFileSync("app.yml", "utf8"));
  const permissions = doc.get("default_permissions");

  it("asks for exactly the permissions the app's features use", () => {
    expect(YAML.parse(readFileSync("app.yml", "utf8")).default_permissions).toEqual({
      pull_requests: "write", // files, reviews, comments, the coaching review
      checks: "write", // the review-coach and config check runs
      contents: "read", // .github/review-coach.yml
      issues: "write", // the digest issue, /coach replies in the conversation
      metadata: "read", // mandatory
    });
  });

  it("says why, above each permission", () => {
    if (!isMap(permissions)) throw new Error("default_permissions is not a mapping");
    permissions.items.forEach((pair, index) => {
      if (!isPair(pair) || !isScalar(pair.key)) throw new Error("unexpected manifest shape");
      // YAML puts the first entry's comment on the mapping itself
      const comment = index === 0 ? permissions.commentBefore : pair.key.commentBefore;
      expect({ permission: pair.key.value, reason: (comment ?? "").trim().length > 20 }).toEqual({ permission: pair.key.value, reason: true });
    });
  });
});
