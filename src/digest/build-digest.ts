// Builds the weekly digest for engineering leads (DESIGN.md, "engineering lead" and flow 6) as plain
// data: everything the renderers need, already counted and decided. Pure: the clock is `input.now`.
//
// What it reports on (see build-digest-week.ts): the last complete ISO week in UTC, Monday 00:00 to the
// next Monday 00:00 (exclusive), that ended at or before `now`. All figures are about that week, so a
// digest built late or built twice says the same thing:
// - the score is as of the end of the week (the window of `windowDays` ending then), its change is
//   against the score one week earlier, and the trend has one point per week end for eight weeks. Each
//   point is buildDailySnapshot of the day that ends there, over the PRs given (the function the stored
//   snapshots come from), and is partial when its window reaches back before the stored history;
// - coverage, rubber stamps and weak merges are about the PRs merged in the week;
// - time to first review is over the PRs whose first review came in the week, measured from the first
//   review request (a wait that started the week before counts, so long waits are not hidden);
// - nudges are those created in the week; kudos are exemplary reviews submitted in the week.
// Self-reviews and bot reviews never count: a PR that only had those was merged without review.
// Privacy: reviewers are named only in kudos, only with individuals "kudos" and their consent; nothing
// negative is ever attached to a person; groups are compared only when each has 5+ distinct reviewers.

import { buildRuleEffectiveness } from "../coach/build-rule-effectiveness.js";
import { CONCERNS, type Concern } from "../coach/types.js";
import { buildAgenda } from "./build-agenda.js";
import { buildDigestWeek, WEEK_MS } from "./build-digest-week.js";
import { buildDailySnapshot, snapshotDayEndingAt } from "./build-daily-snapshot.js";
import { isWindowCovered } from "./build-repository-history.js";
import { buildMedian, buildPercentile } from "./build-percentile.js";
import type {
  DigestConcernCoverage,
  DigestCoverage,
  DigestData,
  DigestGroupComparison,
  DigestInput,
  DigestKudos,
  DigestNudge,
  DigestNudgeCounts,
  DigestNudges,
  DigestPullRequest,
  DigestRiskLevel,
  DigestRubberStamps,
  DigestTimeToFirstReview,
  DigestTrendPoint,
  DigestWeakMerge,
} from "./digest-types.js";
import { isoWeek } from "./iso-week.js";
import { effectivePullRequestScore, hasCountedReview, isCountedReview } from "../coach/is-counted-review.js";
import { isMergedBetween, riskWeightOf, scoreRepository } from "../coach/score-repository.js";
import { compareText } from "../coach/compare-text.js";

/** The concerns whose coverage the digest reports. */
export const COVERAGE_CONCERNS: readonly Concern[] = ["architecture", "security", "edge-cases", "testing"];
/** A PR score below this is a weak review. */
export const WEAK_REVIEW_SCORE = 50;
/** Groups are compared only when each has at least this many distinct reviewers. */
export const MINIMUM_GROUP_REVIEWERS = 5;
export const TREND_WEEKS = 8;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const round = (value: number, digits = 0): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const inRange = (iso: string | null, start: number, end: number): boolean => {
  if (iso === null) return false;
  const time = Date.parse(iso);
  return Number.isFinite(time) && time >= start && time < end;
};

export function buildDigest(input: DigestInput): DigestData {
  const now = new Date(input.now);
  if (Number.isNaN(now.getTime())) throw new RangeError(`buildDigest: "now" is not an ISO time: "${input.now}"`);
  const windowDays = input.windowDays > 0 ? input.windowDays : 28;
  const week = buildDigestWeek(now);
  const start = Date.parse(week.start);
  const end = Date.parse(week.end);
  // A repository digest counts that repository's PRs only, as its snapshots do.
  const pullRequests =
    input.target.kind === "repository" ? input.pullRequests.filter((pullRequest) => pullRequest.repository === input.target.name) : input.pullRequests;

  // 1. The score, its change and the trend, each point partial when its window reaches before the history.
  const uncoveredAt = (instant: number) => input.history.filter((history) => !isWindowCovered(history, instant - windowDays * DAY_MS));
  const trend: DigestTrendPoint[] = [];
  for (let weeksBack = TREND_WEEKS - 1; weeksBack >= 0; weeksBack -= 1) {
    const weekEnd = end - weeksBack * WEEK_MS;
    const { score } = buildDailySnapshot(pullRequests, input.target, snapshotDayEndingAt(new Date(weekEnd)), windowDays);
    trend.push({
      isoWeek: isoWeek(new Date(weekEnd - WEEK_MS)),
      weekEnd: new Date(weekEnd).toISOString(),
      score: score === null ? null : round(score),
      partial: uncoveredAt(weekEnd).length > 0,
    });
  }
  const current = trend[trend.length - 1]?.score ?? null;
  const previous = trend[trend.length - 2]?.score ?? null;
  // A score over part of its window is not compared: the change would measure the missing history.
  const comparable = !trend[trend.length - 1]?.partial && !trend[trend.length - 2]?.partial;
  const partialHistory = uncoveredAt(end);

  // 2. The week's merged PRs.
  const merged = pullRequests.filter((pullRequest) => isMergedBetween(pullRequest, start, end));
  const reviewed = merged.filter(hasCountedReview);
  const unreviewed = merged.filter((pullRequest) => !hasCountedReview(pullRequest));
  const coverage = buildCoverage(merged);

  const weakHighRisk = merged
    .filter((pullRequest) => pullRequest.riskLevel === "high" && (!hasCountedReview(pullRequest) || effectivePullRequestScore(pullRequest) < WEAK_REVIEW_SCORE))
    .sort((a, b) => effectivePullRequestScore(a) - effectivePullRequestScore(b) || compareLinks(a, b));
  const weakHighRiskMerges: DigestWeakMerge[] = weakHighRisk.map((pullRequest) => ({
    ...linkOf(pullRequest),
    score: hasCountedReview(pullRequest) ? round(effectivePullRequestScore(pullRequest)) : null,
  }));

  const nudges = buildNudges(input, start, end, windowDays);
  const shadowNudges = nudges.total.shadow;
  const kudos = buildKudos(input, start, end);
  const rubberStamps = buildRubberStamps(merged);
  const timeToFirstReview = buildTimeToFirstReview(pullRequests, start, end);
  const toneIssues = Number.isFinite(input.toneIssues) ? Math.max(0, Math.floor(input.toneIssues)) : 0;

  const uncovered: Partial<Record<Concern, DigestPullRequest[]>> = {};
  for (const concern of COVERAGE_CONCERNS) {
    uncovered[concern] = merged.filter((pullRequest) => asks(pullRequest, concern) && !covers(pullRequest, concern));
  }
  const logins = new Set<string>();
  for (const pullRequest of pullRequests) {
    logins.add(pullRequest.authorLogin.toLowerCase());
    for (const review of pullRequest.reviews) logins.add(review.reviewerLogin.toLowerCase());
  }

  const agenda = buildAgenda({
    targetKind: input.target.kind,
    uncovered,
    weakHighRiskMerges: weakHighRisk,
    unreviewedMerges: unreviewed,
    mergedPullRequests: merged.length,
    coverage,
    rubberStamps,
    timeToFirstReview,
    nudges,
    shadowNudges,
    toneIssues,
    kudos: kudos.length,
    logins,
    nameableRepositories: new Set(input.target.kind === "org" ? selectComparableRepositories(pullRequests, end, windowDays) : []),
  });

  return {
    target: { ...input.target },
    week,
    score: {
      current,
      previous,
      change: current !== null && previous !== null && comparable ? current - previous : null,
      mergedInWindow: buildDailySnapshot(pullRequests, input.target, week.lastDay, windowDays).mergedPullRequests,
      windowDays,
      partial: partialHistory.length > 0,
    },
    trend,
    partialHistory: partialHistory.map((history) => ({ ...history })),
    activity: { mergedPullRequests: merged.length, reviewedPullRequests: reviewed.length, unreviewedMerges: unreviewed.length },
    coverage,
    rubberStamps,
    weakHighRiskMerges,
    timeToFirstReview,
    nudges,
    kudos,
    namesReviewers: input.individuals === "kudos",
    agenda,
    toneIssues,
    comparison: input.target.kind === "org" ? buildGroupComparison(pullRequests, start, end, windowDays) : null,
  };
}

function asks(pullRequest: DigestPullRequest, concern: Concern): boolean {
  return pullRequest.concernsAsked.includes(concern);
}

/** Covered by a counted review: a PR with only self or bot reviews covered nothing. */
function covers(pullRequest: DigestPullRequest, concern: Concern): boolean {
  return hasCountedReview(pullRequest) && pullRequest.concernsCovered.includes(concern);
}

function hasFlag(pullRequest: DigestPullRequest, flag: string): boolean {
  return hasCountedReview(pullRequest) && pullRequest.flags.includes(flag);
}

function linkOf(pullRequest: DigestPullRequest): { repository: string; number: number; title: string; url: string } {
  return { repository: pullRequest.repository, number: pullRequest.number, title: pullRequest.title, url: pullRequest.url };
}

function compareLinks(a: DigestPullRequest, b: DigestPullRequest): number {
  return compareText(a.repository, b.repository) || a.number - b.number;
}

function buildConcernCoverage(merged: readonly DigestPullRequest[], concern: Concern): DigestConcernCoverage {
  const asked = merged.filter((pullRequest) => asks(pullRequest, concern));
  const covered = asked.filter((pullRequest) => covers(pullRequest, concern)).length;
  return { concern, asked: asked.length, covered, share: share(covered, asked.length) };
}

/** What the reviews of these merged PRs covered, per concern the digest reports. Pure. */
export function buildCoverage(merged: readonly DigestPullRequest[]): DigestCoverage {
  const reviewed = merged.filter(hasCountedReview);
  const styleOnly = reviewed.filter((pullRequest) => pullRequest.flags.includes("style-only")).length;
  return {
    concerns: COVERAGE_CONCERNS.map((concern) => buildConcernCoverage(merged, concern)),
    styleOnly: { count: styleOnly, reviewed: reviewed.length, share: share(styleOnly, reviewed.length) },
  };
}

/** Rubber-stamped merges among these PRs, by risk. Pure. */
export function buildRubberStamps(merged: readonly DigestPullRequest[]): DigestRubberStamps {
  const byRisk: Record<DigestRiskLevel, number> = { high: 0, medium: 0, low: 0, none: 0 };
  let weighted = 0;
  let totalWeight = 0;
  let count = 0;
  for (const pullRequest of merged) {
    totalWeight += riskWeightOf(pullRequest);
    if (!hasFlag(pullRequest, "rubber-stamp")) continue;
    count += 1;
    byRisk[pullRequest.riskLevel] += 1;
    weighted += riskWeightOf(pullRequest);
  }
  return { count, byRisk, weighted: round(weighted, 2), totalWeight: round(totalWeight, 2), share: share(weighted, totalWeight) };
}

function buildTimeToFirstReview(pullRequests: readonly DigestPullRequest[], start: number, end: number): DigestTimeToFirstReview {
  const hours: number[] = [];
  for (const pullRequest of pullRequests) {
    if (pullRequest.firstReviewRequestedAt === null || !inRange(pullRequest.firstReviewedAt, start, end)) continue;
    const requested = Date.parse(pullRequest.firstReviewRequestedAt);
    const reviewed = Date.parse(pullRequest.firstReviewedAt as string);
    if (!Number.isFinite(requested) || requested > reviewed) continue;
    hours.push((reviewed - requested) / HOUR_MS);
  }
  const median = buildMedian(hours);
  const p90 = buildPercentile(hours, 90);
  return {
    measured: hours.length,
    medianHours: median === null ? null : round(median, 1),
    p90Hours: p90 === null ? null : round(p90, 1),
  };
}

function emptyCounts(): DigestNudgeCounts {
  return { delivered: 0, actedOn: 0, dismissed: 0, shadow: 0, failed: 0 };
}

function countNudge(counts: DigestNudgeCounts, nudge: DigestNudge): void {
  if (nudge.status === "shadow" || nudge.mode === "shadow") {
    counts.shadow += 1;
  } else if (nudge.status === "failed") {
    counts.failed += 1;
  } else {
    counts.delivered += 1;
    if (nudge.status === "acted-on") counts.actedOn += 1;
    if (nudge.status === "dismissed") counts.dismissed += 1;
  }
}

function buildNudges(input: DigestInput, start: number, end: number, windowDays: number): DigestNudges {
  const total = emptyCounts();
  const byConcern = new Map<Concern, DigestNudgeCounts>();
  for (const nudge of input.nudges) {
    if (!inRange(nudge.createdAt, start, end)) continue;
    countNudge(total, nudge);
    let counts = byConcern.get(nudge.concern);
    if (counts === undefined) {
      counts = emptyCounts();
      byConcern.set(nudge.concern, counts);
    }
    countNudge(counts, nudge);
  }
  const shadowRepositories = [
    ...new Set(
      input.target.kind === "repository"
        ? input.shadowRepositories.filter((repository) => repository === input.target.name)
        : input.shadowRepositories,
    ),
  ].sort();
  return {
    byConcern: CONCERNS.flatMap((concern) => {
      const counts = byConcern.get(concern);
      return counts === undefined ? [] : [{ concern, ...counts }];
    }),
    total,
    actedOnShare: share(total.actedOn, total.delivered),
    shadowRepositories,
    // Per rule over the score's window, not the week: a rate needs more than a week's handful of nudges.
    byRule: buildRuleEffectiveness(input.nudges.filter((n) => inRange(n.createdAt, end - windowDays * DAY_MS, end)).map((n) => ({ rule: n.rule ?? null, status: n.status, mode: n.mode }))),
    byRuleWindowDays: windowDays,
  };
}

function buildKudos(input: DigestInput, start: number, end: number): DigestKudos[] {
  const named = input.individuals === "kudos";
  const kudos: Array<DigestKudos & { submittedAt: number }> = [];
  const seen = new Set<string>();
  for (const pullRequest of input.pullRequests) {
    for (const review of pullRequest.reviews) {
      if (!isCountedReview(review, pullRequest) || !review.flags.includes("exemplary")) continue;
      if (!inRange(review.submittedAt, start, end)) continue;
      const key = `${pullRequest.repository}#${pullRequest.number}@${review.reviewerLogin.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const consents = named && (input.kudosConsent?.(review.reviewerLogin) ?? true);
      kudos.push({
        ...linkOf(pullRequest),
        reviewer: consents ? review.reviewerLogin : null,
        reviewUrl: review.url ?? pullRequest.url,
        submittedAt: Date.parse(review.submittedAt),
      });
    }
  }
  return kudos
    .sort((a, b) => a.submittedAt - b.submittedAt || compareText(a.repository, b.repository) || a.number - b.number)
    .map(({ submittedAt: _submittedAt, ...rest }) => rest);
}

/**
 * The repositories with at least MINIMUM_GROUP_REVIEWERS distinct counted reviewers on the PRs merged in
 * the score window ending at `end`: the only ones a digest may single out, in a table or by name.
 */
export function selectComparableRepositories(pullRequests: readonly DigestPullRequest[], end: number, windowDays: number): string[] {
  const windowStart = end - windowDays * 86_400_000;
  const reviewers = new Map<string, Set<string>>();
  for (const pullRequest of pullRequests) {
    if (!isMergedBetween(pullRequest, windowStart, end)) continue;
    let logins = reviewers.get(pullRequest.repository);
    if (logins === undefined) {
      logins = new Set();
      reviewers.set(pullRequest.repository, logins);
    }
    for (const review of pullRequest.reviews) {
      if (isCountedReview(review, pullRequest)) logins.add(review.reviewerLogin.toLowerCase());
    }
  }
  return [...reviewers]
    .filter(([, logins]) => logins.size >= MINIMUM_GROUP_REVIEWERS)
    .map(([repository]) => repository)
    .sort();
}

/**
 * Org digests compare repositories, but only those with at least MINIMUM_GROUP_REVIEWERS distinct
 * reviewers on the PRs merged in the score window: with fewer, a group's figures point at a person.
 * With fewer than two such repositories there is nothing to compare and the table is omitted.
 */
function buildGroupComparison(
  pullRequests: readonly DigestPullRequest[],
  start: number,
  end: number,
  windowDays: number,
): DigestGroupComparison {
  const windowStart = end - windowDays * 86_400_000;
  const active = pullRequests.filter((pullRequest) => isMergedBetween(pullRequest, windowStart, end));
  const repositories = [...new Set(active.map((pullRequest) => pullRequest.repository))].sort();
  const qualifying = selectComparableRepositories(pullRequests, end, windowDays);
  const base = { groupKind: "repository" as const, minimumReviewers: MINIMUM_GROUP_REVIEWERS };
  const rule = `at least ${MINIMUM_GROUP_REVIEWERS} distinct reviewers in the last ${windowDays} days`;
  const why = "so that no one can be singled out";
  if (qualifying.length < 2) {
    return {
      ...base,
      rows: [],
      omittedGroups: repositories.length,
      footnote:
        repositories.length < 2
          ? null
          : `The per-repository comparison is omitted: it needs two or more repositories with ${rule}, ${why}.`,
    };
  }
  const omitted = repositories.length - qualifying.length;
  const rows = qualifying.map((repository) => {
    const own = pullRequests.filter((pullRequest) => pullRequest.repository === repository);
    const merged = own.filter((pullRequest) => isMergedBetween(pullRequest, start, end));
    const { score } = scoreRepository(own, new Date(end), windowDays);
    return {
      name: repository,
      score: score === null ? null : round(score),
      mergedPullRequests: merged.length,
      securityShare: buildConcernCoverage(merged, "security").share,
      edgeCasesShare: buildConcernCoverage(merged, "edge-cases").share,
    };
  });
  return {
    ...base,
    rows,
    omittedGroups: omitted,
    footnote:
      omitted === 0
        ? null
        : `${omitted === 1 ? "1 repository is" : `${omitted} repositories are`} left out of this comparison: only repositories with ${rule} are compared, ${why}.`,
  };
}
