// The records of flow 2 as the store keeps them and the coaching plan reads and writes them: a review,
// its comments, the nudges. Plain data only; they live here, below the store, so the plan need not
// import it.

import type { ReviewScore } from "./score-review.js";
import type { CommentClassification } from "./types.js";

export interface ReviewRecord {
  id: number;
  installationId: number;
  repositoryId: number;
  pullRequestId: number;
  reviewerLogin: string;
  reviewerId: number;
  state: string;
  body: string;
  commitSha: string | null;
  submittedAt: string;
  htmlUrl: string | null;
}

export interface CommentRecord {
  id: number;
  installationId: number;
  repositoryId: number;
  pullRequestId: number;
  reviewId: number | null;
  authorLogin: string;
  /** GitHub user id of the author, when GitHub said. */
  authorId: number | null;
  path: string | null;
  line: number | null;
  inReplyToId: number | null;
  body: string;
  classification: CommentClassification;
  createdAt: string;
}

export interface StoredReview extends ReviewRecord {
  bodyClassification: CommentClassification;
  score: number | null;
  result: ReviewScore | null;
  flags: string[];
  comments: CommentRecord[];
}

export type NudgeStatus = "sent" | "listed" | "shadow" | "dismissed" | "acted-on" | "ignored" | "failed";

export interface NudgeRecord {
  installationId: number;
  repositoryId: number;
  pullRequestId: number;
  reviewId: number;
  reviewerLogin: string;
  concern: string;
  path: string;
  line: number | null;
  fingerprint: string;
  severity: string;
  mode: string;
  status: NudgeStatus;
  githubReviewId: number | null;
  body: string;
  rule: string;
  ruleVersion: string;
}

/** A nudge as recorded: what was decided, where it went on GitHub and what became of it. */
export interface StoredNudge extends Omit<NudgeRecord, "status" | "rule" | "ruleVersion"> {
  id: number;
  /** A NudgeStatus, as stored (read as it is, not checked). */
  status: string;
  /** The inline comment GitHub created for it, when posted inline. */
  githubCommentId: number | null;
  /** Null for nudges recorded before rules were kept. */
  rule: string | null;
  ruleVersion: string | null;
  createdAt: string;
  updatedAt: string;
  dismissedAt: string | null;
  actedOnAt: string | null;
  /** When its pull request closed with the nudge neither acted on nor dismissed. */
  ignoredAt: string | null;
}
