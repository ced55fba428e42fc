// The vocabulary of the review analysis (see DESIGN.md). Pure data: no I/O, no clock. The shapes the store
// keeps are zod schemas, and their types are derived from them.

import { z } from "zod";

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

type EvidenceLabel = `concern:${Concern}` | `signal:${Signal}` | `tone:${Tone}` | "actionable";

export const evidenceSchema = z.object({
  label: z.custom<EvidenceLabel>(
    (value) => typeof value === "string" && /^(?:(?:concern|signal|tone):[a-z-]+|actionable)$/.test(value),
    "an evidence label such as concern:security",
  ),
  match: z.string(),
});
/** Why a label was given: the label and the words of the comment that led to it. */
export type Evidence = z.infer<typeof evidenceSchema>;

export const commentClassificationSchema = z.object({
  concerns: z.array(z.enum(CONCERNS)),
  signals: z.array(z.enum(SIGNALS)),
  tone: z.enum(TONES),
  actionable: z.boolean(),
  evidence: z.array(evidenceSchema),
});
export type CommentClassification = z.infer<typeof commentClassificationSchema>;

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

export const findingSchema = z.object({
  concern: z.enum(CONCERNS),
  path: z.string(),
  /** New-file line number on the diff's right side; null when the finding is about the whole file. */
  line: z.number().int().nullable(),
  severity: z.enum(SEVERITIES),
  // Profiles stored before findings carried a confidence read as "medium".
  confidence: z.enum(CONFIDENCES).default("medium"),
  reason: z.string(),
  /** Stable id of the finding: the same concern, path and hunk give the same fingerprint across pushes. */
  fingerprint: z.string(),
  /** Name of the rule that produced it, for explanations and tuning. */
  rule: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const skippedFileSchema = z.object({ path: z.string(), reason: z.enum(["ignored", "binary", "too-large", "removed"]) });
export type SkippedFile = z.infer<typeof skippedFileSchema>;

export const riskProfileSchema = z.object({
  findings: z.array(findingSchema),
  /** The highest severity among findings, or "none". */
  level: z.enum(["none", ...SEVERITIES]),
  skipped: z.array(skippedFileSchema),
  stats: z.object({ files: z.number(), additions: z.number(), deletions: z.number() }),
});
export type RiskProfile = z.infer<typeof riskProfileSchema>;

export interface RiskConfig {
  /** Globs of paths whose changes are security-sensitive whatever their content. */
  sensitivePaths: string[];
  /** Globs of paths that are never analysed (lock files, generated, vendored). */
  ignoredPaths: string[];
  /** Findings below this severity are dropped from the profile. */
  minSeverity: Severity;
}
