// Scores a pull request as the union of its reviews: the comments of every review are pooled and
// scored as one review, so what one reviewer covered counts for the PR. Pure.

import {
  scoreCommentSources,
  toSource,
  type CommentSource,
  type PullRequestFacts,
  type ReviewScore,
  type ScoredComment,
  type ScoredReview,
  type ScoreOptions,
} from "./score-review.js";
import type { RiskProfile } from "./types.js";

export interface ReviewWithComments {
  review: ScoredReview;
  comments: readonly ScoredComment[];
}

export interface ScorePullRequestInput {
  reviews: readonly ReviewWithComments[];
  riskProfile: RiskProfile;
  pullRequest?: PullRequestFacts | undefined;
}

/**
 * The PR's score. With no reviews at all it is 0 (nothing was reviewed), whatever the risk.
 * A PR counts as approved when any of its (not dismissed) reviews approved.
 */
export function scorePullRequest(input: ScorePullRequestInput, options: ScoreOptions = {}): ReviewScore {
  const sources: CommentSource[] = [];
  input.reviews.forEach(({ review, comments }, reviewIndex) => {
    if (review.body.trim() !== "") {
      sources.push({ source: "body", index: 0, reviewIndex, classification: review.bodyClassification, text: review.body });
    }
    comments.forEach((comment, index) => sources.push(toSource(comment, index, reviewIndex)));
  });
  const result = scoreCommentSources(
    {
      sources,
      approved: input.reviews.some(({ review }) => review.state === "APPROVED"),
      riskProfile: input.riskProfile,
      pullRequest: input.pullRequest,
    },
    options,
  );
  if (input.reviews.length > 0) return result;
  return {
    ...result,
    score: 0,
    breakdown: result.breakdown.map((factor) => ({
      ...factor,
      value: 0,
      points: 0,
      explanation: "No review: nothing was checked.",
    })),
    flags: [],
  };
}
