import {
  isBot,
  issueCommentEventSchema,
  pullRequestReviewCommentEventSchema,
  pullRequestReviewThreadEventSchema,
} from "../github/payloads.js";
import { readNudgeMarker } from "../coach/render/render-nudge.js";
import { findPullRequest, findPullRequestByNumber } from "../store/pull-requests.js";
import { findNudgeByComment, markNudgeDismissed } from "../store/nudges.js";
import { answerComment } from "../use-cases/answer-comment.js";
import { recordPullRequest } from "../use-cases/record-pull-request.js";
import type { WebhookHandler } from "./handler-context.js";

/** pull_request_review_comment (flow 3): replies to nudges, /coach commands, the app's own nudges. */
export const handlePullRequestReviewComment: WebhookHandler = async (ctx) => {
  const event = pullRequestReviewCommentEventSchema.parse(ctx.payload);
  if (event.action !== "created") return;
  const { comment, pull_request: pr } = event;
  const ids = { installationId: event.installation.id, repositoryId: event.repository.id };
  await recordPullRequest(ctx.store, pr, ids, ctx.now());
  await answerComment(ctx, {
    repo: { owner: event.repository.owner.login, repo: event.repository.name },
    ...ids,
    pullRequestId: pr.id,
    pullNumber: pr.number,
    kind: "review",
    comment: {
      id: comment.id,
      body: comment.body,
      authorLogin: comment.user?.login ?? "",
      authorId: comment.user?.id ?? null,
      authorIsBot: !comment.user || isBot(comment.user),
      inReplyToId: comment.in_reply_to_id ?? null,
      path: comment.path ?? null,
      line: comment.line ?? null,
      reviewId: comment.pull_request_review_id ?? null,
      createdAt: comment.created_at,
    },
  });
};

/** issue_comment (flow 3): /coach commands and comments in a pull request's conversation. */
export const handleIssueComment: WebhookHandler = async (ctx) => {
  const event = issueCommentEventSchema.parse(ctx.payload);
  if (event.action !== "created" || !event.issue.pull_request) return;
  const { comment } = event;
  const pr = await findPullRequestByNumber(ctx.store, event.repository.id, event.issue.number);
  await answerComment(ctx, {
    repo: { owner: event.repository.owner.login, repo: event.repository.name },
    installationId: event.installation.id,
    repositoryId: event.repository.id,
    pullRequestId: pr?.id ?? null,
    pullNumber: event.issue.number,
    kind: "issue",
    comment: {
      id: comment.id,
      body: comment.body,
      authorLogin: comment.user?.login ?? "",
      authorId: comment.user?.id ?? null,
      authorIsBot: !comment.user || isBot(comment.user),
      inReplyToId: null,
      path: null,
      line: null,
      reviewId: null,
      createdAt: comment.created_at,
    },
  });
};

/**
 * pull_request_review_thread (flow 3): resolving a nudge's thread without a reply dismisses the nudge
 * (a reply is an answer: it counts as acted on when it takes the concern up, see answerComment).
 */
export const handlePullRequestReviewThread: WebhookHandler = async (ctx) => {
  const event = pullRequestReviewThreadEventSchema.parse(ctx.payload);
  if (event.action !== "resolved") return;
  if (!(await findPullRequest(ctx.store, event.pull_request.id))) return;
  if (event.thread.comments.some((comment) => comment.user && !isBot(comment.user))) {
    ctx.log.info("review thread resolved after a reply: not a dismissal");
    return;
  }
  for (const comment of event.thread.comments) {
    if (!readNudgeMarker(comment.body)) continue;
    const nudge = await findNudgeByComment(ctx.store, comment.id);
    if (nudge && (await markNudgeDismissed(ctx.store, nudge.id, ctx.now()))) {
      ctx.log.info({ nudgeId: nudge.id }, "nudge dismissed: its thread was resolved");
    }
  }
};
