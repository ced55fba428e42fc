// The vocabulary of the review analysis (see DESIGN.md). Pure data: no I/O, no clock.

export const CONCERNS = [
  "architecture",
  "security",
  "edge-cases",
  "testing",
  "performance",
  "readability",
  "documentation",
  "style",
] as const;
export type Concern = (typeof CONCERNS)[number];

/** The concerns the guidance asks reviewers to look for first. */
export const SUBSTANTIVE_CONCERNS: readonly Concern[] = ["architecture", "security", "edge-cases"];

export const SIGNALS = ["question", "suggestion", "rationale", "praise", "approval-only", "nit"] as const;
export type Signal = (typeof SIGNALS)[number];

export const TONES = ["respectful", "harsh", "toxic"] as const;
export type Tone = (typeof TONES)[number];

export const SEVERITIES = ["low", "medium", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** How sure a rule is that its finding is worth a reviewer's time; inline nudges need "high". */
export const CONFIDENCES = ["low", "medium", "high"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function confidenceRank(confidence: Confidence): number {
  return CONFIDENCES.indexOf(confidence);
}

/** What is known about where a comment was made. Every field is optional. */
export interface CommentContext {
  path?: string;
  diffHunk?: string;
  isReply?: boolean;
}

/** Why a label was given: the label and the words of the comment that led to it. */
export interface Evidence {
  label: `concern:${Concern}` | `signal:${Signal}` | `tone:${Tone}` | "actionable";
  match: string;
}

export interface CommentClassification {
  concerns: Concern[];
  signals: Signal[];
  tone: Tone;
  actionable: boolean;
  evidence: Evidence[];
}

/** A file of a pull request as GitHub's "list pull request files" returns it. */
export interface PullRequestFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  patch?: string | undefined;
  additions: number;
  deletions: number;
  previous_filename?: string | undefined;
  /** The file's full text at the PR head, when it was read (never for removed, binary or huge files). */
  content?: string | undefined;
}

export interface Finding {
  concern: Concern;
  path: string;
  /** New-file line number on the diff's right side; null when the finding is about the whole file. */
  line: number | null;
  severity: Severity;
  confidence: Confidence;
  reason: string;
  /** Stable id of the finding: the same concern, path and hunk give the same fingerprint across pushes. */
  fingerprint: string;
  /** Name of the rule that produced it, for explanations and tuning. */
  rule: string;
}

export interface SkippedFile {
  path: string;
  reason: "ignored" | "binary" | "too-large" | "removed";
}

export interface RiskProfile {
  findings: Finding[];
  /** The highest severity among findings, or "none". */
  level: Severity | "none";
  skipped: SkippedFile[];
  stats: { files: number; additions: number; deletions: number };
}

export interface RiskConfig {
  /** Globs of paths whose changes are security-sensitive whatever their content. */
  sensitivePaths: string[];
  /** Globs of paths that are never analysed (lock files, generated, vendored). */
  ignoredPaths: string[];
  /** Findings below this severity are dropped from the profile. */
  minSeverity: Severity;
}
