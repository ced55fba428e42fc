// A fixed week of one repository and an org, for the digest tests. The clock: Monday 2026-11-09 08:00
// UTC, so the digest reports on 2026-W45 (2026-11-02 to 2026-11-08).

import type { Concern } from "../../../src/coach/types.js";
import type {
  DigestInput,
  DigestNudge,
  DigestPullRequest,
  DigestReview,
} from "../../../src/digest/digest-types.js";

export const NOW = "2026-11-09T08:00:00.000Z";
export const REPOSITORY = "acme/shop";
const WEIGHT = { none: 0.5, low: 1, medium: 2, high: 3 } as const;

export function review(reviewerLogin: string, overrides: Partial<DigestReview> = {}): DigestReview {
  return {
    reviewerLogin,
    score: 60,
    flags: [],
    url: null,
    submittedAt: "2026-11-04T12:00:00.000Z",
    reviewerIsBot: false,
    isSelfReview: false,
    ...overrides,
  };
}

export function pullRequest(
  number: number,
  overrides: Partial<DigestPullRequest> & { riskLevel?: DigestPullRequest["riskLevel"] } = {},
): DigestPullRequest {
  const riskLevel = overrides.riskLevel ?? "medium";
  return {
    repository: REPOSITORY,
    number,
    title: `Change ${number}`,
    url: `https://github.com/${overrides.repository ?? REPOSITORY}/pull/${number}`,
    authorLogin: "author-a",
    mergedAt: "2026-11-04T15:00:00.000Z",
    openedAt: "2026-11-03T09:00:00.000Z",
    firstReviewRequestedAt: null,
    firstReviewedAt: null,
    riskLevel,
    riskWeight: WEIGHT[riskLevel],
    score: 60,
    concernsAsked: [],
    concernsCovered: [],
    flags: [],
    reviews: [review("reviewer-x")],
    ...overrides,
  };
}

/** Two merged PRs a week for the ten weeks before W45, their scores climbing, for the trend. */
function history(): DigestPullRequest[] {
  const pullRequests: DigestPullRequest[] = [];
  for (let weeksBack = 1; weeksBack <= 10; weeksBack += 1) {
    const merged = new Date(Date.parse("2026-11-04T15:00:00.000Z") - weeksBack * 7 * 86_400_000).toISOString();
    const score = 70 - weeksBack * 3;
    pullRequests.push(
      pullRequest(10 + weeksBack * 2, { title: `Maintenance ${weeksBack}a`, mergedAt: merged, riskLevel: "low", score, reviews: [review("bob")] }),
      pullRequest(11 + weeksBack * 2, { title: `Maintenance ${weeksBack}b`, mergedAt: merged, riskLevel: "high", score: score - 10, reviews: [review("dave")] }),
    );
  }
  return pullRequests;
}

const asked = (...concerns: Concern[]): Concern[] => concerns;

/** The week's PRs. Reviewer and author logins never appear in a title. */
export function weekPullRequests(): DigestPullRequest[] {
  return [
    pullRequest(101, {
      title: "fix(auth): validate session token expiry, thanks @mallory <b>now</b>",
      riskLevel: "high",
      score: 35,
      concernsAsked: asked("security", "edge-cases"),
      concernsCovered: asked("style"),
      flags: ["style-only"],
      firstReviewRequestedAt: "2026-11-02T09:00:00.000Z",
      firstReviewedAt: "2026-11-02T11:00:00.000Z",
      reviews: [review("bob", { score: 35, flags: ["style-only"] })],
    }),
    pullRequest(102, {
      title: "feat(auth): add OAuth login <script>alert(1)</script>",
      authorLogin: "carol",
      riskLevel: "high",
      score: 70,
      concernsAsked: asked("security", "architecture"),
      concernsCovered: asked("security"),
      firstReviewRequestedAt: "2026-10-30T09:00:00.000Z",
      firstReviewedAt: "2026-11-03T09:00:00.000Z",
      reviews: [
        review("carol", { isSelfReview: true, score: 70 }),
        review("dependabot[bot]", { reviewerIsBot: true, score: 70 }),
      ],
    }),
    pullRequest(103, {
      title: "Add CSV export for invoices, closes #99",
      riskLevel: "medium",
      score: 82,
      concernsAsked: asked("edge-cases", "testing"),
      concernsCovered: asked("edge-cases", "testing"),
      flags: ["exemplary"],
      firstReviewRequestedAt: "2026-11-03T08:00:00.000Z",
      firstReviewedAt: "2026-11-03T14:00:00.000Z",
      reviews: [review("dave", { score: 82, flags: ["exemplary"], url: "https://github.com/acme/shop/pull/103#pullrequestreview-1" })],
    }),
    pullRequest(104, {
      title: "chore: bump lodash",
      riskLevel: "low",
      score: 10,
      concernsAsked: asked("security"),
      flags: ["rubber-stamp"],
      firstReviewRequestedAt: "2026-11-04T10:00:00.000Z",
      firstReviewedAt: "2026-11-04T10:30:00.000Z",
      reviews: [review("erin", { score: 10, flags: ["rubber-stamp"] })],
    }),
    pullRequest(105, {
      title: "fix(auth): rate-limit password reset",
      riskLevel: "high",
      score: 90,
      concernsAsked: asked("security", "edge-cases"),
      concernsCovered: asked("security", "edge-cases"),
      flags: ["exemplary"],
      firstReviewRequestedAt: "2026-11-05T08:00:00.000Z",
      firstReviewedAt: "2026-11-06T20:00:00.000Z",
      reviews: [review("frank", { score: 90, flags: ["exemplary"], url: "https://github.com/acme/shop/pull/105#pullrequestreview-2" })],
    }),
    pullRequest(106, {
      title: "docs: update README **bold** [link](http://evil.example) | pipe",
      riskLevel: "none",
      score: 60,
      concernsCovered: asked("documentation"),
      reviews: [review("bob")],
    }),
    pullRequest(107, {
      title: "refactor(billing): split invoice service",
      riskLevel: "medium",
      score: 20,
      concernsAsked: asked("architecture", "testing"),
      flags: ["rubber-stamp"],
      reviews: [review("gina", { score: 20, flags: ["rubber-stamp"] })],
    }),
    // Open, first reviewed this week: counts for time to first review only.
    pullRequest(108, {
      title: "feat(search): fuzzy matching",
      mergedAt: null,
      score: null,
      firstReviewRequestedAt: "2026-11-05T10:00:00.000Z",
      firstReviewedAt: "2026-11-06T16:00:00.000Z",
      reviews: [review("bob", { score: 40 })],
    }),
    // Merged after the week ended (before the clock): not in this digest.
    pullRequest(109, { title: "fix: hotfix on Monday", mergedAt: "2026-11-09T01:00:00.000Z", riskLevel: "high", score: 0, reviews: [] }),
  ];
}

function nudge(concern: Concern, status: DigestNudge["status"], mode: DigestNudge["mode"] = "nudge", createdAt = "2026-11-04T12:00:00.000Z"): DigestNudge {
  return { repository: REPOSITORY, concern, rule: RULE_OF[concern], status, mode, createdAt };
}

/** The rule each concern's nudges come from in the fixture. */
const RULE_OF: Partial<Record<Concern, string>> = { security: "sql-from-variable", "edge-cases": "swallowed-error", testing: "untested-change", architecture: "changed-export" };

export function weekNudges(): DigestNudge[] {
  return [
    nudge("security", "acted-on"),
    nudge("security", "sent"),
    nudge("security", "dismissed"),
    nudge("edge-cases", "acted-on"),
    nudge("edge-cases", "listed", "summary"),
    nudge("testing", "failed"),
    nudge("architecture", "ignored", "nudge", "2026-10-28T12:00:00.000Z"), // the week before (in the per-rule window)
  ];
}

export function repositoryInput(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    target: { kind: "repository", name: REPOSITORY },
    now: NOW,
    windowDays: 28,
    individuals: "kudos",
    kudosConsent: (login) => login !== "frank",
    pullRequests: [...weekPullRequests(), ...history()],
    nudges: weekNudges(),
    history: [{ repository: REPOSITORY, backfill: "done", completeFrom: "2026-06-01T00:00:00.000Z", missing: null, importedPullRequests: 40 }],
    toneIssues: 2,
    shadowRepositories: [],
    ...overrides,
  };
}

/** Every login in the fixture: none may appear outside kudos. */
export const LOGINS = ["bob", "carol", "dave", "erin", "frank", "gina", "author-a", "reviewer-x"];
