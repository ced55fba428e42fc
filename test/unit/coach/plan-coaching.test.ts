import { describe, expect, it } from "@jest/globals";
import type { RuleOutcome } from "../../../src/coach/build-muted-rules.js";
import type { GitHubReviewComment } from "../../../src/coach/classify-review-comments.js";
import type { StoredReview } from "../../../src/coach/coaching-records.js";
import { type CoachingInput, type CoachingPlan, planCoaching, type RecordedNudge } from "../../../src/coach/plan-coaching.js";
import type { Finding, RiskProfile } from "../../../src/coach/types.js";

// planCoaching on plain data: what one submitted review leads to, as the reviewer and the PR's readers
// see it (the scores, the coaching review, the check run) and as the store records it (acted-on ids,
// the nudges). No database, no GitHub, no clock.

const NOW = new Date("2026-11-20T10:00:00.000Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const finding = (concern: Finding["concern"], path: string, line: number | null, rule: string, reason: string, severity: Finding["severity"] = "high"): Finding => ({
  concern,
  path,
  line,
  severity,
  confidence: "high",
  reason,
  fingerprint: `${rule}:${path}:${line ?? "file"}`,
  rule,
});

const SESSION = finding("security", "src/auth/session.ts", 42, "sensitive-path", "Changes how a session token is checked");
const QUERY = finding("performance", "src/orders/list-orders.ts", 18, "query-in-loop", "Runs a database query once per order in a loop");
const MIGRATION = finding("edge-cases", "migrations/0042_orders.sql", 3, "migration", "Alters a table that holds live data", "medium");
const UNTESTED = finding("testing", "src/orders/refund.ts", null, "untested-change", "Changes refund logic without a test", "medium");
const DEPENDENCY = finding("security", "package.json", 27, "new-dependency", "Adds a dependency that runs install scripts", "medium");

const RISKY: RiskProfile = {
  findings: [SESSION, QUERY, MIGRATION, UNTESTED, DEPENDENCY],
  level: "high",
  skipped: [],
  stats: { files: 6, additions: 240, deletions: 31 },
};

const REVIEW = { id: 9001, reviewerLogin: "octo-reviewer", reviewerId: 5001, state: "approved", body: "LGTM", commitId: "ab12c3e", submittedAt: ago(0), htmlUrl: "https://github.example/r/9001" };

const comment = (id: number, path: string, line: number, body: string): GitHubReviewComment => ({
  id,
  body,
  path,
  line,
  diff_hunk: `@@ -1,3 +1,4 @@\n+${path}`,
  user: { login: REVIEW.reviewerLogin, id: REVIEW.reviewerId },
  created_at: ago(0),
});

function input(overrides: Partial<CoachingInput> = {}, settings: Partial<CoachingInput["settings"]> = {}): CoachingInput {
  return {
    now: NOW,
    settings: {
      mode: "nudge",
      weights: undefined,
      policy: { minSeverity: "medium", minConfidence: "high", maxPerReview: 2, maxPerPullRequest: 4, maxListed: 3 },
      pins: {},
      learning: { enabled: true, muteDays: 90 },
      gate: { enabled: false, minScore: 60 },
      publicScores: true,
      configProblems: null,
      scoreWindowDays: 28,
      ...settings,
    },
    installationId: 1,
    repositoryId: 10,
    pullRequest: { id: 700, number: 2, title: "Refunds for partial orders", url: "https://github.example/pull/2", authorLogin: "the-author", openedAt: ago(2), mergedAt: null },
    review: REVIEW,
    profile: RISKY,
    profileBuiltNow: false,
    storedRiskWeight: 3,
    comments: [],
    reviews: [],
    storedComments: [],
    nudges: [],
    ruleOutcomes: [],
    ruleResets: [],
    optedOut: false,
    windowPullRequests: [],
    ...overrides,
  };
}

/** What people read and what the store records, without the classifier's evidence. */
function readable(plan: CoachingPlan) {
  return {
    review: { state: plan.review.state, score: plan.review.score.score, flags: plan.review.score.flags, concerns: plan.review.comments.map((c) => c.classification.concerns) },
    pullRequestScore: plan.pullRequestScore && { score: plan.pullRequestScore.score, addressed: plan.pullRequestScore.addressed },
    firstReviewedAt: plan.firstReviewedAt,
    actedOnNudgeIds: plan.actedOnNudgeIds,
    mutedRules: plan.mutedRules.map((m) => `${m.rule} (${m.scope}, ${m.dismissed} dismissed of ${m.sent})`),
    coachingReview: plan.coachingReview && {
      body: plan.coachingReview.body,
      listedBody: plan.coachingReview.listedBody,
      comments: plan.coachingReview.comments,
      nudges: plan.coachingReview.nudges.map((n) => `${n.inline ? "inline" : "listed"} ${n.record.fingerprint} (${n.record.rule} ${n.record.ruleVersion}, ${n.record.mode})`),
    },
    checkRun: plan.checkRun,
  };
}

const recorded = (id: number, fields: Partial<RecordedNudge>): RecordedNudge => ({
  id,
  status: "sent",
  reviewerLogin: REVIEW.reviewerLogin,
  concern: "security",
  reviewId: 8000,
  fingerprint: `earlier-${id}`,
  repositoryId: 10,
  rule: "sensitive-path",
  ruleVersion: "v1",
  createdAt: ago(1),
  ...fields,
});

describe("planCoaching", () => {
  it("answers an LGTM approval on a risky PR with inline nudges and the other findings listed", () => {
    const plan = planCoaching(input());
    expect(plan.review.score.flags).toContain("rubber-stamp");
    expect(plan.coachingReview?.comments.map((c) => c.path)).toEqual([SESSION.path, QUERY.path]);
    expect(readable(plan)).toMatchSnapshot();
  });

  it("posts nothing to a thorough review, and counts it as acting on the reviewer's earlier nudge", () => {
    const plan = planCoaching(
      input({
        review: { ...REVIEW, id: 9002, state: "changes_requested", body: "Two things to settle before this merges, see the comments." },
        comments: [
          comment(31, SESSION.path, 42, "This compares the session token with ===, which leaks timing. Could we use a constant-time comparison here? Otherwise an attacker can guess the token byte by byte."),
          comment(32, QUERY.path, 18, "This runs one query per order inside the loop, an N+1 on a page of 500 orders. Could we load them in one query with an IN clause?"),
          comment(33, MIGRATION.path, 3, "What happens to existing rows when this column becomes NOT NULL? The migration fails on the rows that have no value; we need a default or a backfill first."),
          comment(34, "src/orders/refund.ts", 12, "There is no test for a partial refund; please add one for the zero-amount edge case."),
        ],
        nudges: [recorded(1, { concern: "security", fingerprint: SESSION.fingerprint })],
      }),
    );
    expect(plan.coachingReview).toBeNull();
    expect(plan.actedOnNudgeIds).toEqual([1]);
    expect(readable(plan)).toMatchSnapshot();
  });

  it("leaves out a rule the repository muted by dismissing it, and says so on the check run", () => {
    const dismissed = (day: number): RuleOutcome => ({ rule: "sensitive-path", ruleVersion: "v1", repositoryId: 10, outcome: "dismissed", sentAt: ago(day + 1), outcomeAt: ago(day) });
    const plan = planCoaching(input({ ruleOutcomes: [dismissed(10), dismissed(8), dismissed(6)] }));
    expect(plan.mutedRules.map((m) => m.rule)).toEqual(["sensitive-path"]);
    expect(plan.coachingReview?.nudges.map((n) => n.record.rule)).not.toContain("sensitive-path");
    expect(readable(plan)).toMatchSnapshot();
  });

  it("lists what the review's budget leaves over within the PR's, after the nudges already made", () => {
    const plan = planCoaching(
      input(
        { nudges: [recorded(1, { status: "dismissed", fingerprint: "elsewhere-1" })] },
        { policy: { minSeverity: "medium", minConfidence: "high", maxPerReview: 1, maxPerPullRequest: 4, maxListed: 3 } },
      ),
    );
    expect(plan.coachingReview?.nudges.map((n) => n.inline)).toEqual([true, false, false]);
    expect(readable(plan)).toMatchSnapshot();
  });

  it("scores the PR from every stored review, the repository from its merged PRs, and records in shadow mode without a check run", () => {
    const earlier: StoredReview = {
      id: 8000,
      installationId: 1,
      repositoryId: 10,
      pullRequestId: 700,
      reviewerLogin: "second-reviewer",
      reviewerId: 5002,
      state: "COMMENTED",
      body: "Is the refund capped at the order total? A refund larger than the payment would be a problem.",
      commitSha: "ab12c3e",
      submittedAt: ago(1),
      htmlUrl: null,
      bodyClassification: { concerns: ["edge-cases"], signals: ["question"], tone: "respectful", actionable: true, evidence: [] },
      score: 40,
      result: null,
      flags: [],
      comments: [],
    };
    const shadow = planCoaching(input({ reviews: [earlier] }, { mode: "shadow" }));
    expect(shadow.checkRun).toBeNull();
    expect(shadow.coachingReview?.nudges.every((n) => n.record.mode === "shadow")).toBe(true);
    const merged = planCoaching(input({ reviews: [earlier], pullRequest: { ...input().pullRequest, mergedAt: ago(1) } }));
    expect(merged.checkRun?.summary).toContain("| Repository (risk-weighted, merged PRs) |");
    expect({ firstReviewedAt: shadow.firstReviewedAt, prScore: shadow.pullRequestScore?.score, repositoryRow: merged.checkRun?.summary.split("\n").find((l) => l.startsWith("| Repository")) }).toMatchSnapshot();
  });

  it("only scores and renders the check run for a reviewer who opted out", () => {
    const plan = planCoaching(input({ optedOut: true }));
    expect(plan.coachingReview).toBeNull();
    expect(plan.checkRun?.title).toBeTruthy();
  });
});
