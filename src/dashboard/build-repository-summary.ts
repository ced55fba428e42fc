// A repository's dashboard figures, from the same pure helpers as the weekly digest: one buildDigest per
// week for the last eight complete ISO weeks (Monday to Sunday, UTC), so the dashboard and the digest
// never disagree, plus the live score of the rolling window ending now. Pure: the clock is passed in.

import { CONCERNS, type Concern } from "../coach/types.js";
import { buildDigest, selectComparableRepositories, TREND_WEEKS } from "../digest/build-digest.js";
import { buildDigestWeek, WEEK_MS } from "../digest/build-digest-week.js";
import type { DigestData, DigestNudge, DigestPullRequest, DigestRepositoryHistory } from "../digest/digest-types.js";
import { formatConcern } from "../digest/format-digest-figures.js";
import { isCountedReview } from "../coach/is-counted-review.js";
import { isMergedBetween, scoreRepository } from "../coach/score-repository.js";
import type {
  ConcernNudges,
  CoverageRow,
  NudgeOutcomes,
  PeriodInfo,
  RepositoryReport,
  RepositorySummary,
  RubberStampSummary,
  ScorePoint,
  WeekCoverage,
} from "./dashboard-types.js";

/** Lists and totals cover the last four complete weeks, i.e. the default 28-day window. */
export const PERIOD_WEEKS = 4;

export interface RepositoryInputs {
  id: number;
  fullName: string;
  pullRequests: DigestPullRequest[];
  nudges: DigestNudge[];
  /** How much history is stored: trend points whose window reaches before it are partial. */
  history: DigestRepositoryHistory;
  /** When each harsh or toxic comment of the repository was written (ISO). */
  toneCommentTimes: string[];
  /** Logins (lower case) that declined being named in kudos (`/coach kudos off`). */
  declinedKudos?: ReadonlySet<string>;
}

export interface RepositoryFigures {
  summary: RepositorySummary;
  period: PeriodInfo;
  /** Newest first: digests[0] reports on the last complete week. */
  digests: DigestData[];
}

const round = (value: number) => Math.round(value);
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function buildRepositoryFigures(
  inputs: RepositoryInputs,
  options: { now: Date; windowDays: number; individuals: "kudos" | "none"; shadow: boolean },
): RepositoryFigures {
  const { now, windowDays } = options;
  const digests: DigestData[] = [];
  for (let weeksBack = 0; weeksBack < TREND_WEEKS; weeksBack += 1) {
    const at = new Date(now.getTime() - weeksBack * WEEK_MS);
    const week = buildDigestWeek(at);
    const weekStart = Date.parse(week.start);
    const weekEnd = Date.parse(week.end);
    digests.push(
      buildDigest({
        target: { kind: "repository", name: inputs.fullName },
        now: at.toISOString(),
        windowDays,
        individuals: options.individuals,
        kudosConsent: (login) => !inputs.declinedKudos?.has(login.toLowerCase()),
        pullRequests: inputs.pullRequests,
        nudges: inputs.nudges,
        history: [inputs.history],
        toneIssues: inputs.toneCommentTimes.filter((time) => Date.parse(time) >= weekStart && Date.parse(time) < weekEnd).length,
        shadowRepositories: options.shadow ? [inputs.fullName] : [],
      }),
    );
  }
  const latest = digests[0] as DigestData;
  const period = digests.slice(0, PERIOD_WEEKS);
  const live = scoreRepository(inputs.pullRequests, now, windowDays);
  const trend: ScorePoint[] = latest.trend.map((point) => ({
    label: point.isoWeek.slice(5),
    at: point.weekEnd,
    score: point.score,
    source: "computed",
    partial: point.partial,
  }));
  const end = Date.parse(latest.week.end);
  const summary: RepositorySummary = {
    id: inputs.id,
    fullName: inputs.fullName,
    score: live.score === null ? null : round(live.score),
    mergedInWindow: live.mergedPullRequests,
    windowDays,
    trend,
    coverage: sumCoverage(period),
    rubberStamps: sumRubberStamps(period),
    nudges: sumNudges(period),
    reviewers: countReviewers(inputs.pullRequests, now.getTime() - windowDays * 86_400_000, now.getTime()),
  };
  return {
    summary,
    period: { from: new Date(end - PERIOD_WEEKS * WEEK_MS).toISOString(), to: latest.week.end, weeks: PERIOD_WEEKS },
    digests,
  };
}

/** The repository page: the summary plus weekly coverage, weak merges, kudos, nudges by concern and shadow counts. */
export function buildRepositoryReport(
  figures: RepositoryFigures,
  extra: Pick<RepositoryReport, "installationId" | "config" | "mutedRules"> & { inShadowMode: boolean },
): RepositoryReport {
  const period = figures.digests.slice(0, PERIOD_WEEKS);
  const weeks: WeekCoverage[] = [...figures.digests].reverse().map((digest) => ({
    isoWeek: digest.week.isoWeek,
    weekEnd: digest.week.end,
    coverage: coverageRows(digest),
    mergedPullRequests: digest.activity.mergedPullRequests,
  }));
  const byConcern = new Map<Concern, ConcernNudges>();
  for (const digest of period) {
    for (const row of digest.nudges.byConcern) {
      const counts = byConcern.get(row.concern) ?? { concern: row.concern, sent: 0, actedOn: 0, dismissed: 0, shadow: 0 };
      counts.sent += row.delivered;
      counts.actedOn += row.actedOn;
      counts.dismissed += row.dismissed;
      counts.shadow += row.shadow;
      byConcern.set(row.concern, counts);
    }
  }
  const nudgesByConcern = CONCERNS.flatMap((concern) => {
    const counts = byConcern.get(concern);
    return counts ? [counts] : [];
  });
  return {
    summary: figures.summary,
    installationId: extra.installationId,
    period: figures.period,
    weeks,
    weakHighRiskMerges: period.flatMap((digest) => digest.weakHighRiskMerges),
    kudos: period.flatMap((digest) => digest.kudos),
    namesReviewers: extra.config.individuals === "kudos",
    nudgesByConcern,
    ruleEffectiveness: { windowDays: figures.digests[0]?.nudges.byRuleWindowDays ?? figures.summary.windowDays, rows: figures.digests[0]?.nudges.byRule ?? [] },
    mutedRules: extra.mutedRules,
    shadow: {
      wouldHaveFired: nudgesByConcern.reduce((sum, row) => sum + row.shadow, 0),
      byConcern: nudgesByConcern.filter((row) => row.shadow > 0).map((row) => ({ concern: row.concern, count: row.shadow })),
      inShadowMode: extra.inShadowMode,
    },
    toneIssues: period.reduce((sum, digest) => sum + digest.toneIssues, 0),
    config: extra.config,
  };
}

/** Repositories with enough distinct reviewers to be shown side by side (see MINIMUM_GROUP_REVIEWERS). */
export function selectComparable(pullRequests: readonly DigestPullRequest[], now: Date, windowDays: number): string[] {
  return selectComparableRepositories(pullRequests, now.getTime(), windowDays);
}

function countReviewers(pullRequests: readonly DigestPullRequest[], start: number, end: number): number {
  const logins = new Set<string>();
  for (const pullRequest of pullRequests) {
    if (!isMergedBetween(pullRequest, start, end)) continue;
    for (const review of pullRequest.reviews) if (isCountedReview(review, pullRequest)) logins.add(review.reviewerLogin.toLowerCase());
  }
  return logins.size;
}

export function coverageRows(digest: DigestData): CoverageRow[] {
  return [
    ...digest.coverage.concerns.map((row) => ({
      key: row.concern as CoverageRow["key"],
      label: formatConcern(row.concern),
      asked: row.asked,
      covered: row.covered,
      share: row.share,
    })),
    {
      key: "style-only" as const,
      label: "Style only",
      asked: digest.coverage.styleOnly.reviewed,
      covered: digest.coverage.styleOnly.count,
      share: digest.coverage.styleOnly.share,
    },
  ];
}

/** Adds up coverage rows (of several weeks or several repositories) by key. */
export function sumCoverageRows(lists: readonly CoverageRow[][]): CoverageRow[] {
  const first = lists[0];
  if (!first) return [];
  return first.map((row) => {
    let asked = 0;
    let covered = 0;
    for (const list of lists) {
      const same = list.find((other) => other.key === row.key);
      asked += same?.asked ?? 0;
      covered += same?.covered ?? 0;
    }
    return { key: row.key, label: row.label, asked, covered, share: share(covered, asked) };
  });
}

function sumCoverage(digests: readonly DigestData[]): CoverageRow[] {
  return sumCoverageRows(digests.map(coverageRows));
}

export function sumRubberStampSummaries(list: readonly RubberStampSummary[]): RubberStampSummary {
  const total: RubberStampSummary = { count: 0, byRisk: { none: 0, low: 0, medium: 0, high: 0 }, weighted: 0, totalWeight: 0, share: null };
  for (const stamps of list) {
    total.count += stamps.count;
    for (const level of ["none", "low", "medium", "high"] as const) total.byRisk[level] += stamps.byRisk[level];
    total.weighted += stamps.weighted;
    total.totalWeight += stamps.totalWeight;
  }
  total.weighted = Math.round(total.weighted * 100) / 100;
  total.totalWeight = Math.round(total.totalWeight * 100) / 100;
  total.share = share(total.weighted, total.totalWeight);
  return total;
}

function sumRubberStamps(digests: readonly DigestData[]): RubberStampSummary {
  return sumRubberStampSummaries(digests.map((digest) => ({ ...digest.rubberStamps })));
}

export function sumNudgeOutcomes(list: readonly NudgeOutcomes[]): NudgeOutcomes {
  return list.reduce(
    (total, counts) => ({
      sent: total.sent + counts.sent,
      actedOn: total.actedOn + counts.actedOn,
      dismissed: total.dismissed + counts.dismissed,
      shadow: total.shadow + counts.shadow,
    }),
    { sent: 0, actedOn: 0, dismissed: 0, shadow: 0 },
  );
}

function sumNudges(digests: readonly DigestData[]): NudgeOutcomes {
  return sumNudgeOutcomes(
    digests.map((digest) => ({
      sent: digest.nudges.total.delivered,
      actedOn: digest.nudges.total.actedOn,
      dismissed: digest.nudges.total.dismissed,
      shadow: digest.nudges.total.shadow,
    })),
  );
}
