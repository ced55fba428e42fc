import type { MutedRule } from "../build-muted-rules.js";
import type { ReviewScore } from "../score-review.js";
import type { RiskProfile } from "../types.js";
import { escapeMarkdown, inlineCode } from "./escape-markdown.js";
import { concernLabel, renderFindingItem } from "./render-nudge.js";

export const COACH_CHECK_NAME = "review-coach";

export interface CheckRunView {
  /** The PR score (union of its reviews) and the latest review's own score. */
  pullRequestScore: ReviewScore | null;
  latestReview: { reviewerLogin: string; score: ReviewScore } | null;
  riskProfile: RiskProfile;
  repositoryScore: number | null;
  publicScores: boolean;
  gate: { enabled: boolean; minScore: number };
  /** Config problems to show the people who can fix them. */
  configProblems: string | null;
  mode: "nudge" | "summary";
  /** Rules learning muted for this repository (none when absent). */
  mutedRules?: readonly MutedRule[] | undefined;
}

export interface CheckRunRendering {
  conclusion: "neutral" | "success" | "failure";
  title: string;
  summary: string;
}

/**
 * The review-coach check run: what the reviews covered and what is still open, the scores (unless the
 * repo keeps them private), and the gate's verdict when the repo opted into it. Never tone remarks:
 * check runs are public. Pure.
 */
export function renderCheckRun(view: CheckRunView): CheckRunRendering {
  const { riskProfile, pullRequestScore } = view;
  const uncovered = new Set(pullRequestScore?.uncovered ?? riskProfile.findings.map((f) => f.fingerprint));
  const open = riskProfile.findings.filter((f) => uncovered.has(f.fingerprint));
  const covered = riskProfile.findings.filter((f) => !uncovered.has(f.fingerprint));
  const highRisk = riskProfile.level === "high";
  const bestScore = pullRequestScore?.score ?? null;

  let conclusion: CheckRunRendering["conclusion"] = "neutral";
  if (view.gate.enabled) {
    conclusion = !highRisk || (bestScore !== null && bestScore >= view.gate.minScore) ? "success" : "failure";
  }

  const lines: string[] = [];
  if (view.latestReview) {
    const { score } = view.latestReview;
    lines.push(`### Latest review by ${escapeMarkdown(view.latestReview.reviewerLogin)}`);
    const flags = publicFlags(score.flags);
    if (view.publicScores) lines.push(`Score **${score.score}/100**${flags.length ? ` (${flags.join(", ")})` : ""}.`);
    const good = describeStrengths(score);
    if (good.length) lines.push("", "What it did well:", ...good.map((g) => `- ${g}`));
  } else {
    lines.push("No review yet.");
  }

  lines.push("", `### Risk profile: ${riskProfile.level}`);
  if (riskProfile.findings.length === 0) {
    lines.push("Nothing in this change asks for a particular review focus.");
  } else {
    lines.push(`${covered.length} of ${riskProfile.findings.length} findings covered by the reviews so far.`);
    if (open.length > 0) {
      lines.push("", "Still open for review:", ...open.slice(0, 10).map(renderFindingItem));
      if (open.length > 10) lines.push(`- …and ${open.length - 10} more`);
    }
  }

  if (view.publicScores) {
    lines.push("", "### Scores");
    lines.push(`| | score |`, `|---|---:|`);
    lines.push(`| This PR (all reviews together) | ${bestScore ?? "not reviewed"} |`);
    lines.push(`| Repository (risk-weighted, merged PRs) | ${view.repositoryScore ?? "no merges yet"} |`);
    if (pullRequestScore) {
      lines.push("", "<details><summary>How the PR score breaks down</summary>", "");
      lines.push("| factor | weight | value | points | why |", "|---|---:|---:|---:|---|");
      for (const f of pullRequestScore.breakdown) {
        lines.push(`| ${f.name} | ${f.weight} | ${f.value.toFixed(2)} | ${f.points} | ${escapeMarkdown(publicExplanation(f))} |`);
      }
      lines.push("", "</details>");
    }
  }

  if (view.gate.enabled) {
    lines.push(
      "",
      conclusion === "failure"
        ? `### Merge gate\nThis is a high-risk change and no review reaches ${view.gate.minScore} yet. A review that examines the open findings above will clear it.`
        : `### Merge gate\nPassed.`,
    );
  }
  if (view.mutedRules?.length) lines.push("", ...renderMutedRules(view.mutedRules, riskProfile));
  if (view.configProblems) {
    lines.push("", "### Config problems", "The repository's review-coach config was ignored (the defaults apply) because:", view.configProblems);
  }
  lines.push("", "<sub>review-coach coaches reviewers; it never approves or blocks unless the repository opts into the gate. Comment `/coach explain` on the PR for your review's breakdown.</sub>");

  const title = view.latestReview
    ? open.length === 0
      ? "The reviews covered every finding"
      : `${open.length} finding${open.length === 1 ? "" : "s"} still open for review`
    : `Risk ${riskProfile.level}: waiting for a review`;
  return { conclusion, title: view.publicScores && bestScore !== null ? `${title} · PR score ${bestScore}` : title, summary: lines.join("\n") };
}

/** Which rules are muted here and why (the counts), how many of this PR's findings that left un-nudged, and how to undo it. */
function renderMutedRules(muted: readonly MutedRule[], profile: RiskProfile): string[] {
  const lines = ["### Rules muted by learning", "Reviewers kept dismissing these rules' nudges, so review-coach does not nudge about them:"];
  for (const m of muted) {
    const here = profile.findings.filter((f) => f.rule === m.rule).length;
    const where = m.scope === "repository" ? "in this repository" : "across the organization's repositories";
    lines.push(
      `- ${inlineCode(m.rule)} ${where}: ${m.dismissed} of ${m.sent} nudges dismissed, ${m.actedOn} acted on, ${m.ignored} ignored; muted since ${m.since.slice(0, 10)} until ${m.until.slice(0, 10)}.` +
        (here > 0 ? ` Not nudged on this PR: ${here} finding${here === 1 ? "" : "s"}.` : ""),
    );
  }
  lines.push("", "To bring a rule back, pin it in `.github/review-coach.yml` (`rules: { <rule>: on }`) or, with write access, comment `/coach unmute <rule>`.");
  return lines;
}

function describeStrengths(score: ReviewScore): string[] {
  const strengths: string[] = [];
  const concerns = [...new Set(score.evidence.map((e) => e.concern))];
  if (concerns.length) strengths.push(`covered ${concerns.map(concernLabel).join(", ")}`);
  for (const factor of score.breakdown) {
    if (factor.name === "depth" && factor.value >= 0.6) strengths.push("explained why and asked questions");
    if (factor.name === "actionability" && factor.value >= 0.6) strengths.push("said what to change or check");
  }
  if (score.flags.includes("exemplary")) strengths.push("an exemplary review: the risky parts, with reasons");
  return strengths;
}

/** Tone is never discussed in public (DESIGN.md): it lives on the reviewer's private dashboard page. */
export function publicFlags(flags: readonly string[]): string[] {
  return flags.filter((flag) => flag !== "harsh-tone");
}

export function publicExplanation(factor: { name: string; explanation: string }): string {
  return factor.name === "tone" ? "How comments were worded; each reviewer sees their own on their private dashboard page." : factor.explanation;
}
