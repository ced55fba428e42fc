import { describeCommentAuthor, issueCommentEventSchema } from "../github/payloads.js";
import { findPullRequestByNumber } from "../store/pull-requests.js";
import { answerComment } from "../use-cases/answer-comment.js";
import type { WebhookHandler } from "./handler-context.js";

/** issue_comment (flow 3): /coach commands and comments in a pull request's conversation. */
export const handleIssueComment: WebhookHandler = async (ctx) => {
  const event = issueCommentEventSchema.parse(ctx.payload);
  if (event.action !== "created" || !event.issue.pull_request) return;
  const { comment } = event;
  const pr = await findPullRequestByNumber(ctx.store, event.repository.id, event.issue.number);
  await answerComment({
    ctx,
    event: {
      repo: { owner: event.repository.owner.login, repo: event.repository.name },
      installationId: event.installation.id,
      repositoryId: event.repository.id,
      pullRequestId: pr?.id ?? null,
      pullNumber: event.issue.number,
      kind: "issue",
      comment: {
        id: comment.id,
        body: comment.body,
        ...describeCommentAuthor(comment.user),
        inReplyToId: null,
        path: null,
        line: null,
        reviewId: null,
        createdAt: comment.created_at,
      },
    },
  });
};
