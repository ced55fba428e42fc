import { describeCommentAuthor, pullRequestReviewCommentEventSchema } from "../github/payloads.js";
import { answerComment } from "../use-cases/answer-comment.js";
import { recordPullRequest } from "../use-cases/record-pull-request.js";
import type { WebhookHandler } from "./handler-context.js";

/** pull_request_review_comment (flow 3): replies to nudges, /coach commands, the app's own nudges. */
export const handlePullRequestReviewComment: WebhookHandler = async (ctx) => {
  const event = pullRequestReviewCommentEventSchema.parse(ctx.payload);
  if (event.action !== "created") return;
  const { comment, pull_request: pr } = event;
  const ids = { installationId: event.installation.id, repositoryId: event.repository.id };
  await recordPullRequest({ store: ctx.store, pr, ids, now: ctx.now() });
  await answerComment({
    ctx,
    event: {
      repo: { owner: event.repository.owner.login, repo: event.repository.name },
      ...ids,
      pullRequestId: pr.id,
      pullNumber: pr.number,
      kind: "review",
      comment: {
        id: comment.id,
        body: comment.body,
        ...describeCommentAuthor(comment.user),
        inReplyToId: comment.in_reply_to_id ?? null,
        path: comment.path ?? null,
        line: comment.line ?? null,
        reviewId: comment.pull_request_review_id ?? null,
        createdAt: comment.created_at,
      },
    },
  });
};
