import type { CommentRecord, StoredReview } from "./coaching-records.js";
import { countsAsReview } from "./counts-as-review.js";
import { scorePullRequest } from "./score-pull-request.js";
import { type ReviewScore, type ScoreOptions, type ScoredComment, scoreReview } from "./score-review.js";
import { toReviewState } from "./to-review-state.js";
import type { CommentClassification, RiskProfile } from "./types.js";

/** The score weights of a repository's config (`scoring.weights`). */
export type ScoreWeightsSetting = ScoreOptions["weights"];

/** A review as stored: its state (any case), body and comments. */
export interface ReviewToScore {
  state: string;
  body: string;
  bodyClassification: CommentClassification;
  comments: readonly CommentRecord[];
}

/** Scores one review, as stored, against the PR's risk profile. Pure. */
export function scoreStoredReview(review: ReviewToScore, profile: RiskProfile, weights: ScoreWeightsSetting): ReviewScore {
  return scoreReview(
    {
      review: { state: toReviewState(review.state), body: review.body, bodyClassification: review.bodyClassification },
      comments: review.comments.map(toScoredComment),
      riskProfile: profile,
      pullRequest: pullRequestFacts(profile),
    },
    { weights },
  );
}

/** A PR's score and first review time, from its stored reviews. */
export interface StoredPullRequestScore {
  /** Null when no review counts. */
  score: ReviewScore | null;
  firstReviewedAt: string | null;
}

/** Scores the PR from every counted review (not the author's own, not bots', not dismissed). Pure. */
export function scoreStoredPullRequest(reviews: readonly StoredReview[], authorLogin: string, profile: RiskProfile, weights: ScoreWeightsSetting): StoredPullRequestScore {
  const counted = reviews.filter((r) => countsAsReview(r, authorLogin));
  const score =
    counted.length === 0
      ? null
      : scorePullRequest(
          {
            reviews: counted.map((r) => ({
              review: { state: toReviewState(r.state), body: r.body, bodyClassification: r.bodyClassification },
              comments: r.comments.map(toScoredComment),
            })),
            riskProfile: profile,
            pullRequest: pullRequestFacts(profile),
          },
          { weights },
        );
  return { score, firstReviewedAt: counted.map((r) => r.submittedAt).sort()[0] ?? null };
}

/** A stored comment as the scorer reads it. */
export function toScoredComment(c: CommentRecord): ScoredComment {
  return { id: c.id, path: c.path ?? undefined, line: c.line, classification: c.classification, text: c.body };
}

/** Size facts from the diff itself: review webhooks' PR objects do not carry them. */
export function pullRequestFacts(profile: RiskProfile) {
  return { additions: profile.stats.additions, deletions: profile.stats.deletions, changedFiles: profile.stats.files };
}
