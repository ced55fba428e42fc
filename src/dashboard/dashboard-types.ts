// The dashboard's view models: plain data computed from the store by the build* functions, rendered to
// HTML by the render* functions and served as JSON by /api/v1. Scores are whole points.

import type { MutedRule } from "../coach/build-muted-rules.js";
import type { RuleEffectiveness } from "../coach/build-rule-effectiveness.js";
import type { Concern } from "../coach/types.js";
import type { DigestKudos, DigestRiskLevel, DigestWeakMerge } from "../digest/digest-types.js";

export interface ScorePoint {
  /** Short label for an axis ("W45", or a date). */
  label: string;
  /** The ISO instant the point is about (a week's end). */
  at: string;
  score: number | null;
  source: "snapshot" | "computed";
  /** Its window reaches back before the stored history (or the backfill is still running). */
  partial?: boolean;
}

export type CoverageKey = "architecture" | "security" | "edge-cases" | "testing" | "style-only";

export interface CoverageRow {
  key: CoverageKey;
  label: string;
  /** PRs that needed it (for style-only: reviewed PRs). */
  asked: number;
  /** Of those, the ones whose reviews covered it (for style-only: reviews that only covered style). */
  covered: number;
  share: number | null;
}

export interface NudgeOutcomes {
  sent: number;
  actedOn: number;
  dismissed: number;
  /** Would have fired in shadow mode. */
  shadow: number;
}

export interface RubberStampSummary {
  count: number;
  byRisk: Record<DigestRiskLevel, number>;
  weighted: number;
  totalWeight: number;
  share: number | null;
}

export interface PeriodInfo {
  /** Monday 00:00 UTC of the first week, inclusive. */
  from: string;
  /** Monday 00:00 UTC after the last complete week, exclusive. */
  to: string;
  weeks: number;
}

export interface RepositorySummary {
  id: number;
  fullName: string;
  /** The score now: the rolling window ending at the clock. */
  score: number | null;
  mergedInWindow: number;
  windowDays: number;
  /** Eight week ends, oldest first. */
  trend: ScorePoint[];
  /** Over the period (the last four complete weeks). */
  coverage: CoverageRow[];
  rubberStamps: RubberStampSummary;
  nudges: NudgeOutcomes;
  /** Distinct counted reviewers of the PRs merged in the window. */
  reviewers: number;
}

export interface ComparisonRow {
  fullName: string;
  score: number | null;
  securityShare: number | null;
  edgeCasesShare: number | null;
}

export interface InstallationOverview {
  installation: { id: number; accountLogin: string; accountType: string };
  period: PeriodInfo;
  repositories: RepositorySummary[];
  coverage: CoverageRow[];
  rubberStamps: RubberStampSummary;
  nudges: NudgeOutcomes;
  /** Repositories side by side: only those with at least five distinct reviewers, and only two or more. */
  comparison: { minimumReviewers: number; rows: ComparisonRow[]; footnote: string | null };
}

export interface WeekCoverage {
  isoWeek: string;
  weekEnd: string;
  coverage: CoverageRow[];
  mergedPullRequests: number;
}

export interface ConcernNudges extends NudgeOutcomes {
  concern: Concern;
}

export interface RepositoryConfigView {
  sources: string[];
  problems: Array<{ file: string; key: string; message: string }>;
  mode: string;
  windowDays: number;
  individuals: "kudos" | "none";
  badgeEnabled: boolean;
  /** The whole config in effect as YAML. */
  yaml: string;
  /** False when the app has not read it from GitHub yet and the defaults are shown. */
  loaded: boolean;
}

export interface RepositoryReport {
  summary: RepositorySummary;
  installationId: number;
  period: PeriodInfo;
  weeks: WeekCoverage[];
  weakHighRiskMerges: DigestWeakMerge[];
  kudos: DigestKudos[];
  namesReviewers: boolean;
  nudgesByConcern: ConcernNudges[];
  /** Per rule over the score's window ending with the latest week (as the digest shows it). */
  ruleEffectiveness: { windowDays: number; rows: RuleEffectiveness[] };
  /** Rules learning muted for this repository now, with their counts and since when. */
  mutedRules: MutedRule[];
  shadow: { wouldHaveFired: number; byConcern: Array<{ concern: Concern; count: number }>; inShadowMode: boolean };
  toneIssues: number;
  config: RepositoryConfigView;
}

export interface MyReviewFactor {
  name: string;
  weight: number;
  points: number;
  explanation: string;
}

export interface MyReview {
  id: number;
  repository: string;
  pullRequest: { number: number; title: string; url: string };
  url: string | null;
  submittedAt: string;
  state: string;
  score: number | null;
  flags: string[];
  factors: MyReviewFactor[];
  uncovered: number;
}

export interface MyNudge {
  repository: string;
  pullRequest: { number: number; title: string; url: string };
  concern: string;
  path: string;
  line: number | null;
  status: string;
  mode: string;
  createdAt: string;
}

export interface ToneSuggestion {
  repository: string;
  pullRequest: { number: number; title: string; url: string };
  tone: string;
  body: string;
  hints: string[];
  createdAt: string;
}

export interface OptOutSetting {
  repositoryId: number;
  repository: string;
  optedOut: boolean;
}

export interface MyCoaching {
  login: string;
  reviews: MyReview[];
  nudges: MyNudge[];
  toneSuggestions: ToneSuggestion[];
  /** My mean review score per week, eight weeks, oldest first. */
  trend: ScorePoint[];
  optOuts: OptOutSetting[];
}
