// The report of `review-coach preview`: what the app would have scored and posted on a repository's
// recent merged pull requests. `--format json` prints exactly this shape (schemaVersion 1); the README
// documents it field by field. Additive changes keep the version; anything else bumps it.

import { z } from "zod";
import { CONCERNS, SEVERITIES } from "../coach/types.js";

const riskLevel = z.enum(["none", ...SEVERITIES]);
const concern = z.enum(CONCERNS);

export const previewFactorSchema = z.object({
  /** coverage, depth, actionability or tone. */
  name: z.string(),
  /** Effective weight out of 100. */
  weight: z.number(),
  /** 0..1. */
  value: z.number(),
  /** weight × value. */
  points: z.number(),
  explanation: z.string(),
});

export const previewReviewSchema = z.object({
  id: z.number().int(),
  reviewer: z.string(),
  state: z.enum(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"]),
  submittedAt: z.string(),
  url: z.string(),
  /** The review's own score, 0..100. */
  score: z.number().int(),
  flags: z.array(z.string()),
  breakdown: z.array(previewFactorSchema),
  /** Whether it counts toward the PR's score (not the author's own, not dismissed). */
  counted: z.boolean(),
});

export const previewNudgeSchema = z.object({
  reviewId: z.number().int(),
  reviewer: z.string(),
  /** "inline": a comment on the line; "listed": a line of the coaching review's body. */
  placement: z.enum(["inline", "listed"]),
  concern,
  severity: z.enum(SEVERITIES),
  rule: z.string(),
  path: z.string(),
  line: z.number().int().nullable(),
  /** The comment as it would be posted (inline), or the finding as listed in the review body. */
  text: z.string(),
  /** The line (or file) in the pull request's diff on GitHub. */
  link: z.string(),
});

export const previewPullRequestSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  author: z.string(),
  mergedAt: z.string(),
  risk: z.object({
    level: riskLevel,
    findings: z.number().int(),
    /** Concerns the risk profile asks a review to cover, most important first. */
    concerns: z.array(concern),
  }),
  /** The PR's score (union of its counted reviews), 0..100; null when it was merged without review. */
  score: z.number().int().nullable(),
  reviews: z.array(previewReviewSchema),
  nudges: z.array(previewNudgeSchema),
  /** The bodies of the COMMENT reviews that would carry the nudges, by review id. */
  coachingReviews: z.array(z.object({ reviewId: z.number().int(), body: z.string() })),
});

export const previewReportSchema = z.object({
  schemaVersion: z.literal(1),
  repository: z.string(),
  /** github.com, or the GitHub Enterprise Server host. */
  host: z.string(),
  generatedAt: z.string(),
  /** Merged since this time (--since, or the config's backfill.weeks before this ISO week), or the PRs asked for (--prs). */
  window: z.object({ since: z.string().nullable(), pullRequests: z.array(z.number().int()).nullable() }),
  config: z.object({
    /** Files merged into the config, lowest precedence first. */
    sources: z.array(z.string()),
    mode: z.enum(["nudge", "summary", "shadow", "off"]),
    severity: z.enum(SEVERITIES),
    maxNudgesPerReview: z.number().int(),
    maxNudgesPerPullRequest: z.number().int(),
  }),
  pullRequests: z.array(previewPullRequestSchema),
  /** PRs asked for with --prs that were not replayed, and why. */
  skipped: z.array(z.object({ number: z.number().int(), reason: z.string() })),
  totals: z.object({
    pullRequests: z.number().int(),
    reviews: z.number().int(),
    nudges: z.number().int(),
    /** Counts only, by ISO week of the review and reviewer, ordered by week then login: never a ranking. */
    nudgesPerReviewerPerWeek: z.array(z.object({ week: z.string(), reviewer: z.string(), nudges: z.number().int() })),
    rubberStamps: z.object({ count: z.number().int(), byRisk: z.record(riskLevel, z.number().int()) }),
    coverage: z.array(z.object({ concern, asked: z.number().int(), covered: z.number().int(), share: z.number().nullable() })),
    /** The risk-weighted repository score at the end of the run's window. */
    repositoryScore: z.object({ score: z.number().int().nullable(), windowDays: z.number().int() }),
  }),
  /** The last complete week's digest, as the app would deliver it after a backfill of the same history. */
  digest: z.object({ isoWeek: z.string(), markdown: z.string() }),
  requests: z.object({ made: z.number().int(), rateLimitRemaining: z.number().int().nullable() }),
});
export type PreviewReport = z.infer<typeof previewReportSchema>;
export type PreviewPullRequest = z.infer<typeof previewPullRequestSchema>;
export type PreviewNudge = z.infer<typeof previewNudgeSchema>;
