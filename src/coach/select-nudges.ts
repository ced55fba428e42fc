import type { RulePins } from "./build-muted-rules.js";
import type { ReviewFlag } from "./score-review.js";
import { type Concern, type Confidence, confidenceRank, type Finding, type Severity, severityRank } from "./types.js";
import { compareText } from "./compare-text.js";

export interface NudgeHistoryEntry {
  fingerprint: string;
  /** Any recorded nudge, whatever became of it, blocks a repeat; dismissed ones especially. */
  status: string;
}

export interface SelectNudgesInput {
  findings: readonly Finding[];
  /** Fingerprints of findings some review of this PR already addressed. */
  addressed: ReadonlySet<string>;
  history: readonly NudgeHistoryEntry[];
  minSeverity: Severity;
  /** Least confidence of a finding that can be nudged (default high: a nudge must be worth reading). */
  minConfidence?: Confidence | undefined;
  maxPerReview: number;
  maxPerPullRequest: number;
  /** `rules.<id>` pins: off drops the rule's findings, a severity replaces theirs. They win over `muted`. */
  pins?: RulePins | undefined;
  /** Rules learning muted for this repository: never nudged unless pinned. */
  muted?: ReadonlySet<string> | undefined;
}

export interface NudgeSelection {
  /** Findings to nudge about inline, best first. */
  inline: Finding[];
  /** Uncovered findings that were not chosen (budget, or no line to anchor on), best first. */
  remaining: Finding[];
}

/** What a reviewer is asked about first: what the guidance stresses, then the rest. */
const CONCERN_PRIORITY: Record<Concern, number> = {
  security: 0,
  "edge-cases": 1,
  architecture: 2,
  performance: 3,
  testing: 4,
  readability: 5,
  documentation: 6,
  style: 7,
};

/** Orders findings by what matters most: severity, then concern priority, then place. Pure. */
export function compareByImportance(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    CONCERN_PRIORITY[a.concern] - CONCERN_PRIORITY[b.concern] ||
    compareText(a.path, b.path) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

/**
 * Chooses the nudges for one review (DESIGN.md, coaching policy): only uncovered findings at or above
 * the severity and confidence thresholds, never one nudged before (same fingerprint: concern, path and hunk), within
 * the per-review and per-PR budgets, spreading them over files before doubling up on one. Pure.
 */
export function selectNudges(input: SelectNudgesInput): NudgeSelection {
  const seen = new Set(input.history.map((h) => h.fingerprint));
  const uncovered = applyRulePins(input.findings, input.pins ?? {}, input.muted ?? new Set())
    .filter((f) => severityRank(f.severity) >= severityRank(input.minSeverity))
    .filter((f) => confidenceRank(f.confidence) >= confidenceRank(input.minConfidence ?? "high"))
    .filter((f) => !input.addressed.has(f.fingerprint) && !seen.has(f.fingerprint))
    .sort(compareByImportance);
  const budget = Math.max(0, Math.min(input.maxPerReview, input.maxPerPullRequest - input.history.length));

  const inline: Finding[] = [];
  const anchored = uncovered.filter((f) => f.line !== null);
  const paths = new Set<string>();
  const rules = new Set<string>();
  // One inline nudge per rule (its other places are listed with it). First pass: the most important
  // finding of each file; second pass: fill the budget with the rest.
  for (const finding of anchored) {
    if (inline.length >= budget) break;
    if (paths.has(finding.path) || rules.has(finding.rule)) continue;
    inline.push(finding);
    paths.add(finding.path);
    rules.add(finding.rule);
  }
  for (const finding of anchored) {
    if (inline.length >= budget) break;
    if (inline.includes(finding) || rules.has(finding.rule)) continue;
    inline.push(finding);
    rules.add(finding.rule);
  }
  inline.sort(compareByImportance);
  return { inline, remaining: uncovered.filter((f) => !inline.includes(f)) };
}

/**
 * The findings nudging may consider: a rule pinned `off`, or muted and not pinned, is left out; a rule
 * pinned to a severity has its findings' severity replaced. Pure.
 */
export function applyRulePins(findings: readonly Finding[], pins: RulePins, muted: ReadonlySet<string>): Finding[] {
  return findings.flatMap((finding) => {
    const pin = pins[finding.rule];
    if (pin === "off" || (pin === undefined && muted.has(finding.rule))) return [];
    return pin === undefined || pin === "on" ? [finding] : [{ ...finding, severity: pin }];
  });
}

/** Findings listed in a coaching review's body (rubber stamp, style-only review) at most. */
export const MAX_LISTED_FINDINGS = 3;

export interface PlanReviewNudgesInput extends SelectNudgesInput {
  flags: readonly ReviewFlag[];
  /** Most findings listed in the body (default MAX_LISTED_FINDINGS; the quiet dial lists none). */
  maxListed?: number | undefined;
}

export interface ReviewNudgePlan {
  /** Inline nudges on the findings' lines. */
  inline: Finding[];
  /** Findings listed in the coaching review's body; nudges too, within the PR's budget. */
  listed: Finding[];
}

/**
 * What one review event posts: the inline nudges, plus, for a rubber stamp or a style-only review, the
 * other open findings listed in the body (they count against the PR's budget and are never listed
 * again). Pure: the app, the CLI and the benchmarks all decide through here.
 */
export function planReviewNudges(input: PlanReviewNudgesInput): ReviewNudgePlan {
  const selection = selectNudges(input);
  const inlineRules = new Set(selection.inline.map((f) => f.rule));
  // Findings of a rule already nudged inline are one nudge with a list, not several nudges.
  const grouped = selection.remaining.filter((f) => inlineRules.has(f.rule));
  const needsBody = input.flags.includes("rubber-stamp") || input.flags.includes("style-only");
  const candidates = needsBody ? [...grouped, ...selection.remaining.filter((f) => !grouped.includes(f))] : grouped;
  const budgetLeft = Math.max(0, input.maxPerPullRequest - input.history.length - selection.inline.length);
  return { inline: selection.inline, listed: candidates.slice(0, Math.min(budgetLeft, input.maxListed ?? MAX_LISTED_FINDINGS)) };
}
