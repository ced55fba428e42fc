import { classifyComment } from "../coach/classify-comment.js";
import { classifyReviewComments } from "../coach/classify-review-comments.js";
import { scoreStoredReview } from "../coach/score-stored-review.js";
import { toReviewState } from "../coach/to-review-state.js";
import type { ReviewScore, ReviewState } from "../coach/score-review.js";
import type { CommentClassification, RiskProfile } from "../coach/types.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { PullRequestPayload } from "../github/payloads.js";
import type { Logger } from "../log.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import type { Store } from "../store/open-store.js";
import { type CommentRecord, listReviews, saveReview, saveReviewScore } from "../store/reviews.js";
import type { SyntaxParser } from "../syntax/syntax-parser.js";
import { updatePullRequestScore } from "./update-pull-request-score.js";
import { ensureRiskProfile } from "./ensure-risk-profile.js";
import { recordPullRequest } from "./record-pull-request.js";
import type { MergedPull } from "./read-merged-pull-requests.js";

/** One review of an imported pull request, as stored and scored. */
export interface ImportedReview {
  id: number;
  reviewerLogin: string;
  state: ReviewState;
  body: string;
  submittedAt: string;
  htmlUrl: string;
  bodyClassification: CommentClassification;
  comments: CommentRecord[];
  score: ReviewScore;
}

export interface ImportedPullRequest {
  pullRequest: PullRequestPayload;
  profile: RiskProfile;
  /** The reviews scored, in the order GitHub lists them (submission order). */
  reviews: ImportedReview[];
  /** The PR's score, the union of its counted reviews; null when it had none. */
  pullRequestScore: ReviewScore | null;
}

export interface ImportIds {
  installationId: number;
  repositoryId: number;
}

/**
 * Reads one merged pull request from GitHub (its files and the changed files' texts, once per head; its
 * reviews; its review comments), scores it with the app's engine and stores it. The one read path of
 * history: the app's backfill and `review-coach preview` both import through here, so a preview and the
 * first digest after installing are built from the same records. Skipped, as the app skips them: pending
 * reviews, bots' reviews and the author's own.
 */
export async function importPullRequest(input: {
  deps: { github: GitHubClient; store: Store; log: Logger; syntax?: SyntaxParser };
  repo: RepoRef;
  ids: ImportIds;
  pr: MergedPull;
  loaded: LoadedRepoConfig;
  now: Date;
}): Promise<ImportedPullRequest> {
  const { deps, repo, ids, pr, loaded, now } = input;
  const { github, store, log } = deps;
  const payload: PullRequestPayload = {
    id: pr.id,
    number: pr.number,
    title: pr.title,
    html_url: pr.html_url,
    state: pr.state,
    draft: pr.draft ?? false,
    merged: true,
    user: { login: pr.user?.login ?? "ghost", id: pr.user?.id ?? 0, type: pr.user?.type ?? "User" },
    head: { sha: pr.head.sha, ref: pr.head.ref, repo: pr.head.repo ? { full_name: pr.head.repo.full_name } : null },
    base: { ref: pr.base.ref, sha: pr.base.sha },
    created_at: pr.created_at,
    merged_at: pr.merged_at,
    closed_at: pr.closed_at,
  };
  await recordPullRequest({ store, pr: payload, ids, now });
  const { profile } = await ensureRiskProfile({
    github,
    store,
    head: { repo, pullRequestId: pr.id, number: pr.number, headSha: pr.head.sha },
    config: loaded.config,
    now,
    log,
    ...(deps.syntax ? { syntax: deps.syntax } : {}),
  });
  const reviews = await github.listPullRequestReviews(repo, pr.number);
  const comments = await github.listPullRequestReviewComments(repo, pr.number);
  const imported: ImportedReview[] = [];
  for (const review of reviews) {
    const reviewer = review.user;
    if (!reviewer || reviewer.type === "Bot" || reviewer.login === payload.user.login || review.state === "PENDING") continue;
    const records = classifyReviewComments(
      comments.filter((c) => c.pull_request_review_id === review.id),
      { ...ids, pullRequestId: pr.id, reviewId: review.id, reviewerLogin: reviewer.login },
    );
    const body = review.body ?? "";
    const bodyClassification = classifyComment(body);
    const submittedAt = review.submitted_at ?? pr.created_at;
    await saveReview(
      store,
      {
        id: review.id,
        ...ids,
        pullRequestId: pr.id,
        reviewerLogin: reviewer.login,
        reviewerId: reviewer.id,
        state: toReviewState(review.state),
        body,
        commitSha: review.commit_id ?? null,
        submittedAt,
        htmlUrl: review.html_url,
      },
      bodyClassification,
      records,
      now,
    );
    const score = scoreStoredReview({ state: review.state, body, bodyClassification, comments: records }, profile, loaded.config.scoring.weights);
    await saveReviewScore(store, review.id, score, now);
    imported.push({ id: review.id, reviewerLogin: reviewer.login, state: toReviewState(review.state), body, submittedAt, htmlUrl: review.html_url, bodyClassification, comments: records, score });
  }
  const pullRequestScore = await updatePullRequestScore({ store, reviews: await listReviews(store, pr.id), pullRequest: payload, profile, weights: loaded.config.scoring.weights, now });
  return { pullRequest: payload, profile, reviews: imported, pullRequestScore };
}
