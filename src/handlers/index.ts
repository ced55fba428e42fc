import { handleIssueComment, handlePullRequestReviewComment, handlePullRequestReviewThread } from "./comments.js";
import type { WebhookHandler } from "./handler-context.js";
import { handleInstallation, handleInstallationRepositories } from "./installation.js";
import { handlePullRequest } from "./pull-request.js";
import { handlePullRequestReview } from "./pull-request-review.js";

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
