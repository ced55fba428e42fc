import type { RulePins } from "./build-muted-rules.js";
import type { CommentRecord, NudgeRecord, NudgeStatus } from "./coaching-records.js";
import { renderCoachingReview } from "./render/render-coaching-review.js";
import { renderNudge } from "./render/render-nudge.js";
import { getRuleVersion } from "./risk/rule-versions.js";
import { isStyleOnly, type ReviewFlag } from "./score-review.js";
import { type NudgeHistoryEntry, planReviewNudges } from "./select-nudges.js";
import type { Confidence, Finding, Severity } from "./types.js";

/** The thresholds and budgets of nudging (the `strictness` dial and the keys that override it). */
export interface NudgingPolicy {
  minSeverity: Severity;
  minConfidence: Confidence;
  maxPerReview: number;
  maxPerPullRequest: number;
  maxListed: number;
}

export interface CoachingReviewInput {
  policy: NudgingPolicy;
  pins: RulePins;
  muted: ReadonlySet<string>;
  findings: readonly Finding[];
  /** Fingerprints some review of the PR addressed. */
  addressed: ReadonlySet<string>;
  history: readonly NudgeHistoryEntry[];
  flags: readonly ReviewFlag[];
  /** The coached review's comments (its style points are acknowledged). */
  comments: readonly CommentRecord[];
  /** The nudges' ids and addressee. */
  nudge: Pick<NudgeRecord, "installationId" | "repositoryId" | "pullRequestId" | "reviewId" | "reviewerLogin" | "mode">;
}

/** A nudge to record, before the write decides its status. */
export interface PlannedNudge {
  /** Posted on its line (else listed in the body). */
  inline: boolean;
  record: Omit<NudgeRecord, "status" | "githubReviewId">;
}

/** The app's COMMENT review coaching one review. */
export interface CoachingReviewPlan {
  /** With the findings nudged inline. */
  body: string;
  /** When GitHub refuses an inline line: every finding listed in the body. */
  listedBody: string;
  /** The inline comments, one per inline nudge. */
  comments: Array<{ path: string; line: number; body: string }>;
  nudges: PlannedNudge[];
}

/** How the coaching review reached GitHub: as planned, every finding listed, or not at all (shadow mode). */
export type CoachingVariant = "inline" | "listed" | "shadow";

/** The hidden line in the app's coaching review that ties it to the review it coaches. */
export function renderCoachingReviewMarker(reviewId: number): string {
  return `<!-- review-coach:coaching-review ${reviewId} -->`;
}

/**
 * What to post to the reviewer (DESIGN.md, coaching policy): the inline nudges and the listed findings
 * within the budgets, with the review's body both as planned and all listed. Null when there is nothing
 * to nudge. Pure.
 */
export function planCoachingReview(input: CoachingReviewInput): CoachingReviewPlan | null {
  const selection = planReviewNudges({
    ...input.policy,
    findings: input.findings,
    addressed: input.addressed,
    history: input.history,
    pins: input.pins,
    muted: input.muted,
    flags: input.flags,
  });
  const { inline, listed } = selection;
  if (inline.length === 0 && listed.length === 0) return null;
  const reviewer = input.nudge.reviewerLogin;
  const view = { reviewerLogin: reviewer, flags: input.flags, styleComments: input.comments.filter((c) => isStyleOnly(c.classification)).length, inline, listed };
  const marker = renderCoachingReviewMarker(input.nudge.reviewId);
  const record = (finding: Finding): PlannedNudge["record"] => ({
    ...input.nudge,
    concern: finding.concern,
    path: finding.path,
    line: finding.line,
    fingerprint: finding.fingerprint,
    severity: finding.severity,
    body: renderNudge(finding, reviewer),
    rule: finding.rule,
    ruleVersion: getRuleVersion(finding.rule),
  });
  return {
    body: `${renderCoachingReview(view) ?? ""}\n\n${marker}`,
    listedBody: `${renderCoachingReview({ ...view, inline: [], listed: [...inline, ...listed] }) ?? ""}\n\n${marker}`,
    comments: inline.map((f) => ({ path: f.path, line: f.line!, body: renderNudge(f, reviewer) })),
    nudges: [...inline.map((f) => ({ inline: true, record: record(f) })), ...listed.map((f) => ({ inline: false, record: record(f) }))],
  };
}

/** The nudges to record once the coaching review went out as `variant` (GitHub's review id, if posted). Pure. */
export function buildNudgeRecords(plan: CoachingReviewPlan, variant: CoachingVariant, githubReviewId: number | null): NudgeRecord[] {
  const status = (nudge: PlannedNudge): NudgeStatus => (variant === "inline" ? (nudge.inline ? "sent" : "listed") : variant);
  return plan.nudges.map((n) => ({ ...n.record, status: status(n), githubReviewId }));
}
