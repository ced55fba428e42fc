import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import { classifyComment } from "../../../src/coach/classify-comment.js";
import { scorePullRequest } from "../../../src/coach/score-pull-request.js";
import { scoreReview } from "../../../src/coach/score-review.js";
import type { CommentClassification } from "../../../src/coach/types.js";
import { addedFile, modifiedFile } from "./risk-fixtures.js";

function classification(partial: Partial<CommentClassification>): CommentClassification {
  return { concerns: [], signals: [], tone: "respectful", actionable: false, evidence: [], ...partial };
}
const EMPTY = classification({});
const LGTM = classification({ signals: ["approval-only"] });

/** Two risks in different files: a shell command from input, and a swallowed error. */
const profile = buildRiskProfile(
  [
    addedFile("src/tools/convert.ts", [
      "import { exec } from \"node:child_process\";",
      "export function convert(file: string) {",
      "  exec(`convert ${file} out.png`);",
      "}",
    ]),
    modifiedFile("src/jobs/cleanup.ts", ["@@ -4,3 +4,5 @@", " export async function cleanup() {", "+  try {", "+    await removeOld();", "+  } catch (e) {}", " }"]),
    addedFile("test/convert.test.ts", ["it(\"converts\", () => {});"]),
  ],
  DEFAULT_RISK_CONFIG,
);
const shell = profile.findings.find((f) => f.rule === "shell-from-variable");
const swallowed = profile.findings.find((f) => f.rule === "swallowed-error");

describe("scorePullRequest", () => {
  it("has the two findings the test relies on", () => {
    expect(shell).toMatchObject({ concern: "security", severity: "high", line: 3 });
    expect(swallowed).toMatchObject({ concern: "edge-cases", severity: "medium", line: 7 });
  });

  it("pools the comments of all reviews: one reviewer's coverage counts for the PR", () => {
    const security = {
      review: { state: "COMMENTED" as const, body: "", bodyClassification: EMPTY },
      comments: [{ path: "src/tools/convert.ts", line: 3, classification: classification({ concerns: ["security"], signals: ["rationale"], actionable: true }) }],
    };
    const edgeCases = {
      review: { state: "APPROVED" as const, body: "", bodyClassification: EMPTY },
      comments: [{ path: "src/jobs/cleanup.ts", line: 7, classification: classification({ concerns: ["edge-cases"], signals: ["question"], actionable: true }) }],
    };
    const pr = scorePullRequest({ reviews: [security, edgeCases], riskProfile: profile });
    const first = scoreReview({ ...security, riskProfile: profile });
    const second = scoreReview({ ...edgeCases, riskProfile: profile });
    expect(pr.addressed).toEqual(expect.arrayContaining([shell?.fingerprint, swallowed?.fingerprint]));
    expect(pr.score).toBeGreaterThan(Math.max(first.score, second.score));
    expect(pr.evidence.map((e) => e.reviewIndex)).toEqual(expect.arrayContaining([0, 1]));
    expect(pr.flags).not.toContain("rubber-stamp");
  });

  it("is a rubber stamp when every review approved without substance", () => {
    const stamp = { review: { state: "APPROVED" as const, body: "LGTM", bodyClassification: LGTM }, comments: [] };
    const pr = scorePullRequest({ reviews: [stamp, stamp], riskProfile: profile });
    expect(pr.flags).toContain("rubber-stamp");
    expect(pr.score).toBeLessThanOrEqual(20);
  });

  it("scores 0 with no reviews at all", () => {
    const pr = scorePullRequest({ reviews: [], riskProfile: profile });
    expect(pr.score).toBe(0);
    expect(pr.flags).toEqual([]);
    expect(pr.uncovered).toHaveLength(profile.findings.length);
    expect(pr.breakdown.every((f) => f.points === 0)).toBe(true);
  });
});

// End-to-end calibration through the real classifier (only the parts that do not depend on its
// finer labels: an "LGTM" is approval-only, and a reasoned comment on the risky line is substantive).
describe("calibration through classifyComment", () => {
  it("an LGTM approval on the risky PR is a rubber stamp; a reasoned comment on the line is not", () => {
    const stamp = scoreReview({
      review: { state: "APPROVED", body: "LGTM 👍", bodyClassification: classifyComment("LGTM 👍") },
      comments: [],
      riskProfile: profile,
    });
    expect(stamp.score).toBeLessThanOrEqual(20);
    expect(stamp.flags).toContain("rubber-stamp");

    const text =
      "`file` comes from the upload form and goes straight into a shell command, so a name like `x; rm -rf ~` runs. " +
      "Could we use `execFile` with an argument array instead?";
    const reasoned = scoreReview({
      review: { state: "CHANGES_REQUESTED", body: "", bodyClassification: classifyComment("") },
      comments: [{ path: "src/tools/convert.ts", line: 3, classification: classifyComment(text, { path: "src/tools/convert.ts" }) }],
      riskProfile: profile,
    });
    expect(reasoned.addressed).toContain(shell?.fingerprint);
    expect(reasoned.score).toBeGreaterThan(stamp.score + 40);
  });
});
