import type { WebhookHandler } from "./handler-context.js";
import { handleInstallation } from "./installation.js";
import { handleInstallationRepositories } from "./installation-repositories.js";
import { handleIssueComment } from "./issue-comment.js";
import { handlePullRequest } from "./pull-request.js";
import { handlePullRequestReview } from "./pull-request-review.js";
import { handlePullRequestReviewComment } from "./pull-request-review-comment.js";
import { handlePullRequestReviewThread } from "./pull-request-review-thread.js";

/** Event name → handler. Deliveries of other events are recorded and acknowledged, not queued. */
export const webhookHandlers: Readonly<Record<string, WebhookHandler>> = {
  installation: handleInstallation,
  installation_repositories: handleInstallationRepositories,
  pull_request: handlePullRequest,
  pull_request_review: handlePullRequestReview,
  pull_request_review_comment: handlePullRequestReviewComment,
  pull_request_review_thread: handlePullRequestReviewThread,
  issue_comment: handleIssueComment,
};
