import { isBot, pullRequestReviewEventSchema } from "../github/payloads.js";
import { coachReview, type ReviewEvent } from "../use-cases/coach-review.js";
import { rescoreReview } from "../use-cases/rescore-review.js";
import type { WebhookHandler } from "./handler-context.js";

/**
 * pull_request_review (flow 2): a submitted review is scored and coached; an edited or dismissed one
 * is rescored. Ignored: the app itself and all bots, the PR author's own reviews, drafts (unless the
 * repository coaches drafts), and reviewers the repository's config ignores.
 */
export const handlePullRequestReview: WebhookHandler = async (ctx) => {
  const event = pullRequestReviewEventSchema.parse(ctx.payload);
  const { review, pull_request: pr } = event;
  const reviewer = review.user;
  if (!reviewer || isBot(reviewer)) return;
  if (reviewer.login.toLowerCase() === pr.user.login.toLowerCase()) {
    ctx.log.debug("the author's own review: not coached");
    return;
  }
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  const loaded = await ctx.loadConfig(repo);
  const { config } = loaded;
  if (pr.draft && !config.coachDrafts) return;
  if (config.reviewers.ignored.some((login) => login.toLowerCase() === reviewer.login.toLowerCase())) return;

  const reviewEvent: ReviewEvent = {
    repo,
    installationId: event.installation.id,
    repositoryId: event.repository.id,
    pullRequest: pr,
    review: {
      id: review.id,
      reviewerLogin: reviewer.login,
      reviewerId: reviewer.id,
      state: review.state,
      body: review.body ?? "",
      commitId: review.commit_id ?? null,
      submittedAt: review.submitted_at ?? ctx.now().toISOString(),
      htmlUrl: review.html_url ?? null,
    },
  };
  if (event.action === "submitted") await coachReview({ ctx, event: reviewEvent, loaded });
  else if (event.action === "edited" || event.action === "dismissed") await rescoreReview({ ctx, event: reviewEvent, loaded });
};
