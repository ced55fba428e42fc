import { isBot, type ReviewCommentPayload } from "../github/payloads.js";
import { readNudgeMarker } from "../coach/render/render-nudge.js";
import type { Logger } from "../log.js";
import { findNudgeByComment, markNudgeDismissed } from "../store/nudges.js";
import type { Store } from "../store/open-store.js";
import { findPullRequest } from "../store/pull-requests.js";

/**
 * Resolving a nudge's thread without a reply dismisses the nudge (a reply is an answer: it counts as acted
 * on when it takes the concern up, see answerComment).
 */
export async function dismissResolvedNudges(input: {
  ctx: { store: Store; log: Logger; now: () => Date };
  pullRequestId: number;
  comments: ReviewCommentPayload[];
}): Promise<void> {
  const { ctx, pullRequestId, comments } = input;
  if (!(await findPullRequest(ctx.store, pullRequestId))) return;
  if (comments.some((comment) => comment.user && !isBot(comment.user))) {
    ctx.log.info("review thread resolved after a reply: not a dismissal");
    return;
  }
  for (const comment of comments) {
    if (!readNudgeMarker(comment.body)) continue;
    const nudge = await findNudgeByComment(ctx.store, comment.id);
    if (nudge && (await markNudgeDismissed(ctx.store, nudge.id, ctx.now()))) {
      ctx.log.info({ nudgeId: nudge.id }, "nudge dismissed: its thread was resolved");
    }
  }
}
