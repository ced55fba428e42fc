import type { Confidence, Severity } from "../coach/types.js";
import type { RepoConfig } from "./schema.js";

export type Strictness = RepoConfig["strictness"];

/** The thresholds and budgets nudge selection works with (named as planReviewNudges takes them). */
export interface NudgePolicy {
  minSeverity: Severity;
  minConfidence: Confidence;
  maxPerReview: number;
  maxPerPullRequest: number;
  /** Most other findings listed in a coaching review's body (rubber stamp, style-only review). */
  maxListed: number;
}

/** What each position of the `strictness` dial means. */
export const STRICTNESS_POLICIES: Readonly<Record<Strictness, NudgePolicy>> = {
  quiet: { minSeverity: "high", minConfidence: "high", maxPerReview: 1, maxPerPullRequest: 2, maxListed: 0 },
  balanced: { minSeverity: "medium", minConfidence: "high", maxPerReview: 2, maxPerPullRequest: 4, maxListed: 3 },
  thorough: { minSeverity: "low", minConfidence: "medium", maxPerReview: 3, maxPerPullRequest: 8, maxListed: 3 },
};

/** The dial's policy, with each key the config sets explicitly winning over it. Pure. */
export function buildNudgePolicy(config: RepoConfig): NudgePolicy {
  const dial = STRICTNESS_POLICIES[config.strictness];
  return {
    minSeverity: config.severity ?? dial.minSeverity,
    minConfidence: config.confidence ?? dial.minConfidence,
    maxPerReview: config.maxNudgesPerReview ?? dial.maxPerReview,
    maxPerPullRequest: config.maxNudgesPerPullRequest ?? dial.maxPerPullRequest,
    maxListed: dial.maxListed,
  };
}
