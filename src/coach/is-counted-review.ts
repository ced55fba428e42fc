// Which reviews count. Self-approvals and bots are not reviews (DESIGN.md, flow 2): a PR whose only
// reviews are the author's own or a bot's was merged without review. Pure.

import { countsAsReview } from "./counts-as-review.js";
import type { DigestPullRequest, DigestReview } from "./digest-records.js";

export function isCountedReview(review: DigestReview, pullRequest: Pick<DigestPullRequest, "authorLogin">): boolean {
  return !review.reviewerIsBot && !review.isSelfReview && countsAsReview(review, pullRequest.authorLogin);
}

/** Whether the PR has at least one counted review. */
export function hasCountedReview(pullRequest: DigestPullRequest): boolean {
  return pullRequest.reviews.some((review) => isCountedReview(review, pullRequest));
}

/** The PR score the digest uses: its stored score when it has a counted review, else 0. */
export function effectivePullRequestScore(pullRequest: DigestPullRequest): number {
  if (!hasCountedReview(pullRequest)) return 0;
  const score = pullRequest.score;
  if (score === null || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, score));
}
