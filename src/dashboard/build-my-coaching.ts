// The signed-in reviewer's private page: their reviews with scores and breakdowns, the nudges they got,
// rephrasing hints for their harsh comments, their weekly trend and their opt-outs. Pure.

import { z } from "zod";
import { TREND_WEEKS } from "../digest/build-digest.js";
import { startOfIsoWeek, WEEK_MS } from "../digest/build-digest-week.js";
import { isoWeek } from "../digest/iso-week.js";
import { reviewScoreSchema } from "../coach/score-review.js";
import type { ReviewerNudge } from "../store/nudges.js";
import type { ReviewerComment, ReviewerReview } from "../store/reviews.js";
import { flagsSchema } from "../store/stored-json.js";
import type { MyCoaching, MyNudge, MyReview, OptOutSetting, ScorePoint, ToneSuggestion } from "./dashboard-types.js";
import { suggestRephrasing } from "./suggest-rephrasing.js";
import { compareText } from "../coach/compare-text.js";

const storedBreakdownSchema = z.object({ result: z.unknown().optional() }).passthrough();

function readReview(row: ReviewerReview): MyReview {
  let factors: MyReview["factors"] = [];
  let uncovered = 0;
  try {
    const stored = storedBreakdownSchema.parse(row.breakdown ? JSON.parse(row.breakdown) : {});
    const result = stored.result === undefined ? null : reviewScoreSchema.safeParse(stored.result);
    if (result?.success) {
      factors = result.data.breakdown.map((factor) => ({
        name: factor.name,
        weight: factor.weight,
        points: factor.points,
        explanation: factor.explanation,
      }));
      uncovered = result.data.uncovered.length;
    }
  } catch {
    // an unreadable breakdown shows as no breakdown
  }
  const flags = flagsSchema.safeParse(safeJson(row.flags));
  return {
    id: row.id,
    repository: row.repository,
    pullRequest: { number: row.number, title: row.title, url: row.url },
    url: row.htmlUrl,
    submittedAt: row.submittedAt,
    state: row.state,
    score: row.score,
    flags: flags.success ? flags.data : [],
    factors,
    uncovered,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Mean of my review scores per week, for the eight complete weeks before the clock. */
export function buildMyTrend(reviews: ReadonlyArray<{ submittedAt: string; score: number | null }>, now: Date): ScorePoint[] {
  const end = startOfIsoWeek(now).getTime();
  const points: ScorePoint[] = [];
  for (let weeksBack = TREND_WEEKS - 1; weeksBack >= 0; weeksBack -= 1) {
    const weekEnd = end - weeksBack * WEEK_MS;
    const weekStart = weekEnd - WEEK_MS;
    const scores = reviews
      .filter((review) => review.score !== null && Date.parse(review.submittedAt) >= weekStart && Date.parse(review.submittedAt) < weekEnd)
      .map((review) => review.score as number);
    points.push({
      label: isoWeek(new Date(weekStart)).slice(5),
      at: new Date(weekEnd).toISOString(),
      score: scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
      source: "computed",
    });
  }
  return points;
}

export function buildMyCoaching(input: {
  login: string;
  now: Date;
  reviews: ReviewerReview[];
  nudges: ReviewerNudge[];
  comments: ReviewerComment[];
  optOuts: OptOutSetting[];
}): MyCoaching {
  const reviews = [...input.reviews]
    .sort((a, b) => compareText(b.submittedAt, a.submittedAt) || b.id - a.id)
    .map(readReview);
  const nudges: MyNudge[] = [...input.nudges]
    .sort((a, b) => compareText(b.createdAt, a.createdAt))
    .map((row) => ({
      repository: row.repository,
      pullRequest: { number: row.number, title: row.title, url: row.url },
      concern: row.concern,
      path: row.path,
      line: row.line,
      status: row.status,
      mode: row.mode,
      createdAt: row.createdAt,
    }));
  const toneSuggestions: ToneSuggestion[] = input.comments
    .filter((row) => row.tone === "harsh" || row.tone === "toxic")
    .sort((a, b) => compareText(b.createdAt, a.createdAt))
    .map((row) => ({
      repository: row.repository,
      pullRequest: { number: row.number, title: row.title, url: row.url },
      tone: row.tone,
      body: row.body,
      hints: suggestRephrasing(row.body),
      createdAt: row.createdAt,
    }));
  return {
    login: input.login,
    reviews,
    nudges,
    toneSuggestions,
    trend: buildMyTrend(input.reviews, input.now),
    optOuts: [...input.optOuts].sort((a, b) => compareText(a.repository, b.repository)),
  };
}
