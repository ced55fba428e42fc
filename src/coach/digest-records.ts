// The records the digest and the dashboard read from the database: the store returns them, the digest
// builds on them. Plain data only; they live here, below both, so the store need not import the digest.

import type { Concern, RiskProfile } from "./types.js";

export type DigestRiskLevel = RiskProfile["level"];

export interface DigestReview {
  reviewerLogin: string;
  /** The review's own score 0-100; null when it could not be scored. */
  score: number | null;
  flags: string[];
  url: string | null;
  submittedAt: string;
  reviewerIsBot: boolean;
  /** The PR's author reviewing their own PR. Never counts as a review. */
  isSelfReview: boolean;
}

export interface DigestPullRequest {
  /** "owner/name". */
  repository: string;
  number: number;
  title: string;
  url: string;
  authorLogin: string;
  /** ISO time; only merged PRs count for the score and the week's figures. */
  mergedAt: string | null;
  openedAt: string;
  firstReviewRequestedAt: string | null;
  firstReviewedAt: string | null;
  riskLevel: DigestRiskLevel;
  /** >= 0: the PR's weight in the repo score (e.g. none 0.5, low 1, medium 2, high 3). */
  riskWeight: number;
  /** PR score 0-100: the union of its human, non-author reviews; null = no review. */
  score: number | null;
  /** Concerns the PR's risk profile asked for (findings at or above the threshold). */
  concernsAsked: Concern[];
  /** Concerns its reviews addressed. */
  concernsCovered: Concern[];
  /** Union of the review flags: "rubber-stamp" | "style-only" | "harsh-tone" | "exemplary". */
  flags: string[];
  reviews: DigestReview[];
}

export type DigestNudgeStatus = "sent" | "shadow" | "listed" | "dismissed" | "acted-on" | "ignored" | "failed";

export interface DigestNudge {
  repository: string;
  concern: Concern;
  /** The rule whose finding it was; null or absent for nudges recorded before rules were kept. */
  rule?: string | null;
  status: DigestNudgeStatus;
  mode: "nudge" | "summary" | "shadow";
  createdAt: string;
}

export interface DigestScoreSnapshot {
  /** "owner/name", or the org login for an org-wide snapshot. */
  repository: string;
  /** YYYY-MM-DD (UTC): the score as of the end of that day, i.e. 00:00 UTC the next day. */
  day: string;
  /** Unrounded, as scoreRepository gives it; null when nothing merged in the window. */
  score: number | null;
  mergedPullRequests: number;
}
