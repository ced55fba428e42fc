// Scores one review (0–100) against the pull request's risk profile: how much of the risk it
// covered, how deep it went, whether it asked for concrete changes, and how it was said.
// Pure and deterministic: no clock, no I/O. The formula is documented in docs/scoring.md.

import { z } from "zod";
import { findSubjectMention } from "./coverage/find-subject-mention.js";
import { type CommentClassification, CONCERNS, type Finding, type RiskProfile, type Severity } from "./types.js";

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";

/** A submitted review: its state and its top-level body with that body's classification. */
export interface ScoredReview {
  state: ReviewState;
  body: string;
  bodyClassification: CommentClassification;
}

/** One comment of a review. `line` is the new-file line (RIGHT side); no path or line for general comments. */
export interface ScoredComment {
  path?: string | undefined;
  line?: number | null | undefined;
  classification: CommentClassification;
  /** The comment's text: read for the finding's subject ("bind the parameter", "escape the origin"). */
  text?: string | undefined;
  /** Echoed in evidence (e.g. the GitHub comment id). */
  id?: string | number | undefined;
}

export interface PullRequestFacts {
  additions: number;
  deletions: number;
  changedFiles: number;
}

export const scoreWeightsSchema = z.object({
  coverage: z.number().min(0).max(100).describe("Share of the PR's risk (by severity) the review addressed."),
  depth: z.number().min(0).max(100).describe("Rationale, questions and suggestions in substantive comments."),
  actionability: z.number().min(0).max(100).describe("Comments that say what to change or check."),
  tone: z.number().min(0).max(100).describe("Respectful comments; harsh and toxic ones cost points."),
});
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;

/** Factor weights (they are normalised to sum to 100). Repo config: `scoring.weights`. */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { coverage: 60, depth: 15, actionability: 10, tone: 15 };

/** How much each finding counts, by severity, in coverage and in the PR's demand. */
export const DEFAULT_SEVERITY_WEIGHTS: Record<Severity, number> = { low: 0.5, medium: 3, high: 10 };

/** A comment within this many lines of a finding, on the same file, is "on the finding". */
export const DEFAULT_NEAR_LINES = 3;

/** Risk weight at which a PR asks for a full review (one high finding, or four medium ones). */
export const FULL_DEMAND_RISK = 10;

export interface ScoreOptions {
  weights?: Partial<ScoreWeights> | undefined;
  severityWeights?: Partial<Record<Severity, number>> | undefined;
  nearLines?: number | undefined;
}

export const REVIEW_FLAGS = ["rubber-stamp", "style-only", "harsh-tone", "exemplary"] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const scoreFactorSchema = z.object({
  name: z.enum(["coverage", "depth", "actionability", "tone"]),
  /** Effective weight, out of 100. */
  weight: z.number(),
  /** 0..1 */
  value: z.number(),
  /** weight × value, rounded to one decimal. */
  points: z.number(),
  explanation: z.string(),
});
export type ScoreFactor = z.infer<typeof scoreFactorSchema>;

export const coverageEvidenceSchema = z.object({
  fingerprint: z.string(),
  concern: z.enum(CONCERNS),
  /** The review body, or one of its comments. */
  source: z.enum(["body", "comment"]),
  /** Index of the comment in the input (0 for a body). */
  index: z.number(),
  /** For pull-request scores: which review it came from. */
  reviewIndex: z.number().optional(),
  commentId: z.union([z.string(), z.number()]).optional(),
  /**
   * On or near the finding's lines (substantive, or speaking of its subject), elsewhere in the finding's file
   * naming its subject ("subject"), or anywhere by naming the finding's concern.
   */
  via: z.enum(["line", "subject", "concern"]),
});
export type CoverageEvidence = z.infer<typeof coverageEvidenceSchema>;

export const reviewScoreSchema = z.object({
  /** 0..100, integer. */
  score: z.number(),
  breakdown: z.array(scoreFactorSchema),
  evidence: z.array(coverageEvidenceSchema),
  flags: z.array(z.enum(REVIEW_FLAGS)),
  /** Fingerprints of findings the review addressed, in profile order. */
  addressed: z.array(z.string()),
  /** Fingerprints of findings nobody addressed, in profile order. */
  uncovered: z.array(z.string()),
  /** 0..1: how much this PR asks of a review (risk weight / FULL_DEMAND_RISK, capped). */
  demand: z.number(),
});
export type ReviewScore = z.infer<typeof reviewScoreSchema>;

export interface ScoreReviewInput {
  review: ScoredReview;
  comments: readonly ScoredComment[];
  riskProfile: RiskProfile;
  pullRequest?: PullRequestFacts | undefined;
}

export function scoreReview(input: ScoreReviewInput, options: ScoreOptions = {}): ReviewScore {
  const sources: CommentSource[] = [];
  if (input.review.body.trim() !== "") {
    sources.push({ source: "body", index: 0, classification: input.review.bodyClassification, text: input.review.body });
  }
  input.comments.forEach((comment, index) => sources.push(toSource(comment, index)));
  return scoreCommentSources(
    { sources, approved: input.review.state === "APPROVED", riskProfile: input.riskProfile, pullRequest: input.pullRequest },
    options,
  );
}

// ---------------------------------------------------------------------------------------------
// The shared core (also used by scorePullRequest, which pools the comments of all reviews).

/** A body or comment, ready for scoring. */
export interface CommentSource {
  source: "body" | "comment";
  index: number;
  reviewIndex?: number;
  commentId?: string | number;
  path?: string | undefined;
  line?: number | null | undefined;
  classification: CommentClassification;
  text?: string | undefined;
}

export function toSource(comment: ScoredComment, index: number, reviewIndex?: number): CommentSource {
  const source: CommentSource = {
    source: "comment",
    index,
    path: comment.path,
    line: comment.line,
    classification: comment.classification,
  };
  if (comment.text !== undefined) source.text = comment.text;
  if (reviewIndex !== undefined) source.reviewIndex = reviewIndex;
  if (comment.id !== undefined) source.commentId = comment.id;
  return source;
}

export interface CommentSourceSet {
  sources: readonly CommentSource[];
  /** Whether the review (or, for a PR, any review) approved. */
  approved: boolean;
  riskProfile: RiskProfile;
  pullRequest?: PullRequestFacts | undefined;
}

/** Per-comment depth points and the target sum for full depth ("about two well-argued comments"). */
const DEPTH_POINTS = { rationale: 0.4, question: 0.2, suggestion: 0.2, actionable: 0.2 } as const;
const DEPTH_TARGET = 1.2;
/** Style-only comments and nits count for this share of their depth. */
const STYLE_DEPTH_SHARE = 0.25;
const HARSH_PENALTY = 0.5;
const TOXIC_PENALTY = 1;
const EXEMPLARY_MIN_SCORE = 80;
const EXEMPLARY_MIN_COVERAGE = 0.8;
const EXEMPLARY_MIN_DEMAND = 0.3;

export function scoreCommentSources(set: CommentSourceSet, options: ScoreOptions = {}): ReviewScore {
  const weights = normaliseWeights({ ...DEFAULT_SCORE_WEIGHTS, ...definedOnly(options.weights) });
  const severityWeights = { ...DEFAULT_SEVERITY_WEIGHTS, ...definedOnly(options.severityWeights) };
  const nearLines = options.nearLines ?? DEFAULT_NEAR_LINES;
  const { sources, riskProfile } = set;
  const findings = riskProfile.findings;
  const pullRequest = set.pullRequest ?? {
    additions: riskProfile.stats.additions,
    deletions: riskProfile.stats.deletions,
    changedFiles: riskProfile.stats.files,
  };

  // Coverage: which findings some comment addressed, and how.
  const evidence: CoverageEvidence[] = [];
  const addressed: string[] = [];
  const uncovered: string[] = [];
  let totalRisk = 0;
  let coveredRisk = 0;
  for (const finding of findings) {
    const weight = severityWeights[finding.severity];
    totalRisk += weight;
    let isAddressed = false;
    for (const source of sources) {
      const via = addressedVia(source, finding, nearLines);
      if (!via) continue;
      isAddressed = true;
      evidence.push(toEvidence(finding, source, via));
    }
    if (isAddressed) {
      coveredRisk += weight;
      addressed.push(finding.fingerprint);
    } else {
      uncovered.push(finding.fingerprint);
    }
  }
  const demand = Math.min(1, totalRisk / FULL_DEMAND_RISK);
  const baseline = 1 - demand;
  const rawCoverage = totalRisk === 0 ? 1 : coveredRisk / totalRisk;

  // Depth and actionability.
  let depthSum = 0;
  let rationaleCount = 0;
  let questionCount = 0;
  let suggestionCount = 0;
  let substantiveCount = 0;
  let actionableCount = 0;
  let harshCount = 0;
  let toxicCount = 0;
  let styleOnlyCount = 0;
  for (const { classification: c } of sources) {
    const signals = new Set(c.signals);
    const styleOnly = isStyleOnly(c);
    if (styleOnly) styleOnlyCount += 1;
    if (isSubstantive(c)) substantiveCount += 1;
    if (signals.has("rationale")) rationaleCount += 1;
    if (signals.has("question")) questionCount += 1;
    if (signals.has("suggestion")) suggestionCount += 1;
    if (c.actionable || signals.has("question")) actionableCount += 1;
    if (c.tone === "harsh") harshCount += 1;
    if (c.tone === "toxic") toxicCount += 1;
    depthSum += commentDepth(c) * (styleOnly ? STYLE_DEPTH_SHARE : 1);
  }
  const rawDepth = Math.min(1, depthSum / DEPTH_TARGET);
  const changedLines = pullRequest.additions + pullRequest.deletions;
  const actionableTarget = changedLines < 100 ? 1 : changedLines < 500 ? 2 : 3;
  const rawActionability = Math.min(1, actionableCount / actionableTarget);
  const toneValue = Math.max(0, 1 - HARSH_PENALTY * harshCount - TOXIC_PENALTY * toxicCount);

  const lowBar = demand < 1 ? ` A PR with this little risk asks for less (floor ${percent(baseline)}).` : "";
  const breakdown: ScoreFactor[] = [
    factor(
      "coverage",
      weights.coverage,
      Math.max(rawCoverage, baseline),
      findings.length === 0
        ? "Nothing in the diff called for a closer look: full credit."
        : `Addressed ${addressed.length} of ${findings.length} findings: ${percent(rawCoverage)} of the risk by severity` +
            `${describeUncovered(findings, uncovered)}.${rawCoverage < baseline ? lowBar : ""}`,
    ),
    factor(
      "depth",
      weights.depth,
      Math.max(rawDepth, baseline),
      sources.length === 0
        ? `No comments.${baseline > 0 ? lowBar : ""}`
        : `${substantiveCount} substantive comment${plural(substantiveCount)}; rationale in ${rationaleCount}, questions in ${questionCount}, ` +
            `suggestions in ${suggestionCount}${styleOnlyCount > 0 ? `; ${styleOnlyCount} style-only (count a quarter)` : ""}.` +
            `${rawDepth < baseline ? lowBar : ""}`,
    ),
    factor(
      "actionability",
      weights.actionability,
      Math.max(rawActionability, baseline),
      `${actionableCount} comment${plural(actionableCount)} ${actionableCount === 1 ? "says" : "say"} what to change or check (a PR of ${changedLines} changed lines asks for ${actionableTarget}).` +
        `${rawActionability < baseline ? lowBar : ""}`,
    ),
    factor(
      "tone",
      weights.tone,
      toneValue,
      harshCount + toxicCount === 0
        ? "Nothing harsh or toxic."
        : `${harshCount} harsh and ${toxicCount} toxic comment${plural(harshCount + toxicCount)}: correct without belittling.`,
    ),
  ];
  const score = Math.max(0, Math.min(100, Math.round(breakdown.reduce((sum, f) => sum + f.weight * f.value, 0))));

  // Flags.
  const flags: ReviewFlag[] = [];
  const highRisk = riskProfile.level === "high" || demand >= 1;
  if (set.approved && substantiveCount === 0 && highRisk) flags.push("rubber-stamp");
  const uncoveredSet = new Set(uncovered);
  const leftSomethingMedium = findings.some((f) => uncoveredSet.has(f.fingerprint) && f.severity !== "low");
  if (styleOnlyCount > 0 && substantiveCount === 0 && leftSomethingMedium) flags.push("style-only");
  if (harshCount + toxicCount > 0) flags.push("harsh-tone");
  const missedHigh = findings.some((f) => uncoveredSet.has(f.fingerprint) && f.severity === "high");
  if (
    score >= EXEMPLARY_MIN_SCORE &&
    demand >= EXEMPLARY_MIN_DEMAND &&
    rawCoverage >= EXEMPLARY_MIN_COVERAGE &&
    !missedHigh &&
    rationaleCount > 0 &&
    harshCount + toxicCount === 0
  ) {
    flags.push("exemplary");
  }

  return { score, breakdown, evidence, flags, addressed, uncovered, demand: round(demand, 3) };
}

/** Substantive: about something other than style, or explaining or asking something (and not a nit). */
export function isSubstantive(c: CommentClassification): boolean {
  if (isStyleOnly(c)) return false;
  if (c.concerns.some((concern) => concern !== "style")) return true;
  return c.signals.includes("rationale") || c.signals.includes("question");
}

/** Style-only: only the style concern, or a nit that names nothing beyond style. */
export function isStyleOnly(c: CommentClassification): boolean {
  const beyondStyle = c.concerns.some((concern) => concern !== "style");
  if (beyondStyle) return false;
  return c.concerns.includes("style") || c.signals.includes("nit");
}

function commentDepth(c: CommentClassification): number {
  let points = 0;
  if (c.signals.includes("rationale")) points += DEPTH_POINTS.rationale;
  if (c.signals.includes("question")) points += DEPTH_POINTS.question;
  if (c.signals.includes("suggestion")) points += DEPTH_POINTS.suggestion;
  if (c.actionable) points += DEPTH_POINTS.actionable;
  return Math.min(1, points);
}

/**
 * How a comment addressed a finding, if it did: on or near its lines (substantive, or speaking of its
 * subject), in its file by naming its subject, or anywhere by naming its concern. The subject is read from
 * the words, so a comment the classifier labelled otherwise still covers what it discussed.
 */
function addressedVia(source: CommentSource, finding: Finding, nearLines: number): CoverageEvidence["via"] | null {
  const c = source.classification;
  if (source.source === "comment" && source.path === finding.path) {
    const commentLine = source.line ?? null;
    const near = finding.line === null || (commentLine !== null && Math.abs(commentLine - finding.line) <= nearLines);
    if (near && isSubstantive(c)) return "line";
    const speaks = source.text !== undefined && !c.signals.includes("approval-only") && findSubjectMention(source.text, finding) !== null;
    if (speaks) return near ? "line" : "subject";
  }
  if (c.concerns.includes(finding.concern)) return "concern";
  return null;
}

function toEvidence(finding: Finding, source: CommentSource, via: CoverageEvidence["via"]): CoverageEvidence {
  const evidence: CoverageEvidence = {
    fingerprint: finding.fingerprint,
    concern: finding.concern,
    source: source.source,
    index: source.index,
    via,
  };
  if (source.reviewIndex !== undefined) evidence.reviewIndex = source.reviewIndex;
  if (source.commentId !== undefined) evidence.commentId = source.commentId;
  return evidence;
}

function describeUncovered(findings: readonly Finding[], uncovered: readonly string[]): string {
  const missed = new Set(uncovered);
  const top = findings.find((f) => missed.has(f.fingerprint) && f.severity !== "low");
  return top ? `; not yet: ${top.concern} in ${top.path} (${top.severity})` : "";
}

function factor(name: keyof ScoreWeights, weight: number, value: number, explanation: string): ScoreFactor {
  const clamped = Math.max(0, Math.min(1, value));
  return { name, weight: round(weight, 2), value: round(clamped, 3), points: round(weight * clamped, 1), explanation };
}

function normaliseWeights(weights: ScoreWeights): ScoreWeights {
  const total = weights.coverage + weights.depth + weights.actionability + weights.tone;
  if (total <= 0) return { ...DEFAULT_SCORE_WEIGHTS };
  const scale = 100 / total;
  return {
    coverage: weights.coverage * scale,
    depth: weights.depth * scale,
    actionability: weights.actionability * scale,
    tone: weights.tone * scale,
  };
}

function definedOnly<T extends object>(value: Partial<T> | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function round(value: number, digits: number): number {
  const factorOf10 = 10 ** digits;
  return Math.round(value * factorOf10) / factorOf10;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function plural(count: number): string {
  return count === 1 ? "" : "s";
}
