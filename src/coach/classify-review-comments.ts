import { classifyComment } from "./classify-comment.js";
import type { CommentRecord } from "./coaching-records.js";

/** A review comment as GitHub's REST API returns it (the fields the app reads). */
export interface GitHubReviewComment {
  id: number;
  body: string;
  path: string;
  line?: number | null;
  in_reply_to_id?: number;
  diff_hunk: string;
  user: { login: string; id?: number } | null;
  created_at: string;
}

/** Classifies a review's comments and shapes them for the store. Pure. */
export function classifyReviewComments(
  comments: readonly GitHubReviewComment[],
  ids: { installationId: number; repositoryId: number; pullRequestId: number; reviewId: number; reviewerLogin: string },
): CommentRecord[] {
  return comments.map((c) => ({
    id: c.id,
    installationId: ids.installationId,
    repositoryId: ids.repositoryId,
    pullRequestId: ids.pullRequestId,
    reviewId: ids.reviewId,
    authorLogin: c.user?.login ?? ids.reviewerLogin,
    authorId: c.user?.id ?? null,
    path: c.path,
    line: c.line ?? null,
    inReplyToId: c.in_reply_to_id ?? null,
    body: c.body,
    classification: classifyComment(c.body, { path: c.path, diffHunk: c.diff_hunk, isReply: c.in_reply_to_id !== undefined }),
    createdAt: c.created_at,
  }));
}
