import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { classifyComment } from "../../../src/coach/classify-comment.js";
import { planReplayedNudges, type ReplayPolicy, type ReplayedReview } from "../../../src/coach/plan-replayed-nudges.js";
import { scoreReview, type ReviewState } from "../../../src/coach/score-review.js";
import { RISKY_FILES } from "../../fixtures/risky-pull-request-files.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";

const profile = buildRiskProfile(RISKY_FILES.map((f) => ({ ...f, status: "modified" as const })), DEFAULT_RISK_CONFIG);
const POLICY: ReplayPolicy = { mode: "nudge", minSeverity: "medium", maxPerReview: 2, maxPerPullRequest: 4, ignoredReviewers: [], scoreOptions: {} };
const PR = { authorLogin: "alice-dev", riskProfile: profile };

let nextId = 1;
function review(login: string, state: ReviewState, body: string, comments: Array<{ path: string; line: number; text: string }> = []): ReplayedReview {
  const scored = comments.map((c, index) => ({ id: index, path: c.path, line: c.line, text: c.text, classification: classifyComment(c.text, { path: c.path }) }));
  const reviewed = { state, body, bodyClassification: classifyComment(body) };
  return { id: nextId++, reviewerLogin: login, review: reviewed, comments: scored, score: scoreReview({ review: reviewed, comments: scored, riskProfile: profile }) };
}
const fingerprints = (plan: ReturnType<typeof planReplayedNudges>) => plan.flatMap((c) => [...c.inline, ...c.listed].map((f) => f.fingerprint));

describe("planReplayedNudges", () => {
  it("replays reviews in order: a later review is not nudged again about what an earlier nudge raised", () => {
    const plan = planReplayedNudges([review("carol-rev", "APPROVED", "LGTM"), review("dave-rev", "APPROVED", "LGTM")], PR, POLICY);
    expect(plan.map((c) => c.reviewerLogin)).toEqual(["carol-rev"]);
    // The rubber stamp gets the inline nudges and the rest listed, within the PR's budget of 4.
    expect(plan[0]!.inline.map((f) => f.concern)).toEqual(["security", "security"]);
    expect(plan[0]!.listed.map((f) => f.concern)).toEqual(["edge-cases"]);
    expect(new Set(fingerprints(plan)).size).toBe(fingerprints(plan).length);
  });

  it("counts what the reviews so far covered: a rubber stamp after a thorough review of the same PR is not nudged", () => {
    const sql = { path: "src/users/find-user.ts", line: 13, text: "This concatenates req.query.name into the SQL: injection. Use a bound parameter ($1)?" };
    const thorough = review("dave-rev", "COMMENTED", "", [sql]);
    expect(thorough.score.uncovered).toEqual([]);
    expect(planReplayedNudges([thorough, review("erin-rev", "APPROVED", "LGTM")], PR, POLICY)).toEqual([]);
    // The same approval alone is nudged.
    expect(planReplayedNudges([review("erin-rev", "APPROVED", "LGTM")], PR, POLICY).map((c) => c.reviewerLogin)).toEqual(["erin-rev"]);
  });

  it("never coaches the author, bots or ignored reviewers, and posts nothing in summary or off mode", () => {
    const reviews = [review("alice-dev", "APPROVED", "LGTM"), review("renovate[bot]", "APPROVED", "LGTM"), review("zed-rev", "APPROVED", "LGTM")];
    expect(planReplayedNudges(reviews, PR, { ...POLICY, ignoredReviewers: ["Zed-Rev"] })).toEqual([]);
    expect(planReplayedNudges([review("carol-rev", "APPROVED", "LGTM")], PR, { ...POLICY, mode: "summary" })).toEqual([]);
    expect(planReplayedNudges([review("carol-rev", "APPROVED", "LGTM")], PR, { ...POLICY, mode: "off" })).toEqual([]);
    expect(planReplayedNudges([review("carol-rev", "APPROVED", "LGTM")], PR, { ...POLICY, mode: "shadow" })).toHaveLength(1);
  });
});
