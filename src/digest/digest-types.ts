// The digest's input (what the app reads from its database) and output (what the renderers need).
// Plain data only: no I/O, no clock. See DESIGN.md, "engineering lead" and flow 6.

import type { RuleEffectiveness } from "../coach/build-rule-effectiveness.js";
import type { Concern } from "../coach/types.js";
import type { DigestNudge, DigestPullRequest, DigestRiskLevel } from "../coach/digest-records.js";

export type {
  DigestNudge,
  DigestNudgeStatus,
  DigestPullRequest,
  DigestReview,
  DigestRiskLevel,
  DigestScoreSnapshot,
} from "../coach/digest-records.js";

/** How much of a repository's history is stored (see build-repository-history.ts). */
export interface DigestRepositoryHistory {
  /** "owner/name". */
  repository: string;
  /** "none" is never used: a repository without a backfill state has "not-started". */
  backfill: "done" | "in-progress" | "not-started";
  /** Every PR merged at or after this instant (ISO) is stored. */
  completeFrom: string;
  /** What the running backfill has yet to import: merges in [from, to). */
  missing: { from: string; to: string } | null;
  importedPullRequests: number;
}

export interface DigestTarget {
  kind: "repository" | "org";
  /** "owner/name" or the org login. */
  name: string;
}

export interface DigestInput {
  target: DigestTarget;
  /** ISO clock. */
  now: string;
  /** Rolling window of the score in days (default 28). */
  windowDays: number;
  individuals: "kudos" | "none";
  /** Optional extra filter: may this reviewer be named in kudos? */
  kudosConsent?: (login: string) => boolean;
  /** PRs of the target; may include older and unmerged ones. */
  pullRequests: DigestPullRequest[];
  nudges: DigestNudge[];
  /** How much history each repository of the target has: windows reaching before it are partial. */
  history: DigestRepositoryHistory[];
  /** Harsh or toxic comments in the week, counted anonymously. */
  toneIssues: number;
  /** Repositories in shadow mode. */
  shadowRepositories: string[];
}

// ---------------------------------------------------------------------------------------------------
// Output: everything the renderers need, already decided. Scores are rounded to whole points.

export interface DigestWeek {
  /** "2026-W45". */
  isoWeek: string;
  /** Monday 00:00 UTC, inclusive (ISO instant). */
  start: string;
  /** The next Monday 00:00 UTC, exclusive (ISO instant). */
  end: string;
  /** "2026-11-02": the Monday. */
  firstDay: string;
  /** "2026-11-08": the Sunday. */
  lastDay: string;
}

/** A pull request as the digest links it. No people: the author is never part of it. */
export interface DigestPullRequestLink {
  repository: string;
  number: number;
  title: string;
  url: string;
}

export interface DigestScore {
  /** Score as of the end of the week (0-100, rounded); null when nothing merged in the window. */
  current: number | null;
  /** Score as of one week earlier. */
  previous: number | null;
  /** current - previous, when both are known. */
  change: number | null;
  /** PRs merged in the window ending at the end of the week. */
  mergedInWindow: number;
  /** The window reaches back before the stored history (see DigestData.partialHistory). */
  partial: boolean;
  windowDays: number;
}

export interface DigestTrendPoint {
  isoWeek: string;
  /** The week's end (the next Monday 00:00 UTC). */
  weekEnd: string;
  score: number | null;
  /** The window reaches back before the stored history (or the backfill is still running). */
  partial: boolean;
}

export interface DigestActivity {
  mergedPullRequests: number;
  /** Merged PRs with at least one counted review (human, not the author). */
  reviewedPullRequests: number;
  /** Merged PRs without a counted review. */
  unreviewedMerges: number;
}

export interface DigestConcernCoverage {
  concern: Concern;
  /** Merged PRs whose risk profile asked for the concern. */
  asked: number;
  /** Of those, the ones whose reviews covered it. */
  covered: number;
  /** covered / asked; null ("n/a") when asked is 0. */
  share: number | null;
}

export interface DigestCoverage {
  concerns: DigestConcernCoverage[];
  /** Merged, reviewed PRs whose reviews only addressed style. */
  styleOnly: { count: number; reviewed: number; share: number | null };
}

export interface DigestRubberStamps {
  /** Merged PRs approved on a rubber stamp. */
  count: number;
  byRisk: Record<DigestRiskLevel, number>;
  /** Sum of the risk weights of those PRs. */
  weighted: number;
  /** Sum of the risk weights of all merged PRs of the week. */
  totalWeight: number;
  /** weighted / totalWeight; null when totalWeight is 0. */
  share: number | null;
}

export interface DigestWeakMerge extends DigestPullRequestLink {
  /** The PR score, null when it had no counted review. */
  score: number | null;
}

export interface DigestTimeToFirstReview {
  /** PRs measured: first review in the week, review requested before it. */
  measured: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface DigestNudgeCounts {
  /** Posted to the reviewer, inline or in the check-run summary (sent, listed, acted on or dismissed). */
  delivered: number;
  actedOn: number;
  dismissed: number;
  /** Would have been posted, in shadow mode. */
  shadow: number;
  /** Could not be posted. */
  failed: number;
}

export interface DigestNudges {
  byConcern: Array<{ concern: Concern } & DigestNudgeCounts>;
  total: DigestNudgeCounts;
  /** actedOn / delivered; null when nothing was delivered. */
  actedOnShare: number | null;
  /** Shadow-mode repositories of the target. */
  shadowRepositories: string[];
  /** Per rule, over the `byRuleWindowDays` ending with the week: sent, acted on, dismissed, ignored, effective false-positive rate. */
  byRule: RuleEffectiveness[];
  byRuleWindowDays: number;
}

export interface DigestKudos extends DigestPullRequestLink {
  /** The reviewer, only when individuals are named (individuals: "kudos") and they consent; else null. */
  reviewer: string | null;
  /** Link to the review itself when known, else the PR. */
  reviewUrl: string;
}

export type DigestAgendaTopic =
  | "security"
  | "edge-cases"
  | "architecture"
  | "testing"
  | "weak-high-risk-merges"
  | "rubber-stamps"
  | "unreviewed-merges"
  | "style-only"
  | "slow-first-review"
  | "dismissed-nudges"
  | "tone"
  | "shadow-mode"
  | "kudos"
  | "walkthrough"
  | "pair-review"
  | "checklist"
  | "keep-going";

export interface DigestAgendaItem {
  topic: DigestAgendaTopic;
  /** Plain text (renderers escape it): concrete, kind, never about a person. */
  text: string;
}

export interface DigestGroupRow {
  /** The group: a repository of the org. */
  name: string;
  score: number | null;
  mergedPullRequests: number;
  securityShare: number | null;
  edgeCasesShare: number | null;
}

export interface DigestGroupComparison {
  groupKind: "repository";
  minimumReviewers: number;
  /** Groups with at least `minimumReviewers` distinct reviewers; empty when the comparison is omitted. */
  rows: DigestGroupRow[];
  /** Groups left out because they have fewer reviewers. */
  omittedGroups: number;
  /** Why rows are missing or the comparison is omitted, for a footnote; null when nothing was left out. */
  footnote: string | null;
}

export interface DigestData {
  target: DigestTarget;
  week: DigestWeek;
  score: DigestScore;
  /** Eight points, oldest first, the last one the end of the reported week. */
  trend: DigestTrendPoint[];
  /** Repositories whose stored history does not cover the score's window for the week; empty: complete. */
  partialHistory: DigestRepositoryHistory[];
  activity: DigestActivity;
  coverage: DigestCoverage;
  rubberStamps: DigestRubberStamps;
  weakHighRiskMerges: DigestWeakMerge[];
  timeToFirstReview: DigestTimeToFirstReview;
  nudges: DigestNudges;
  kudos: DigestKudos[];
  /** Whether kudos name reviewers (individuals: "kudos"). */
  namesReviewers: boolean;
  /** Exactly three items. */
  agenda: DigestAgendaItem[];
  toneIssues: number;
  /** Per-repository comparison in an org digest; null for a repository digest. */
  comparison: DigestGroupComparison | null;
}
