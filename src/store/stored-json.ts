import { z } from "zod";
import type { CoverageEvidence } from "../coach/score-review.js";
import { CONCERNS, CONFIDENCES, type Evidence, SEVERITIES, SIGNALS, TONES } from "../coach/types.js";

const evidenceLabelSchema = z.custom<Evidence["label"]>(
  (value) => typeof value === "string" && /^(?:(?:concern|signal|tone):[a-z-]+|actionable)$/.test(value),
  "an evidence label such as concern:security",
);

const coverageEvidenceSchema: z.ZodType<CoverageEvidence> = z.object({
  fingerprint: z.string(),
  concern: z.enum(CONCERNS),
  source: z.enum(["body", "comment"]),
  index: z.number(),
  reviewIndex: z.number().optional(),
  commentId: z.union([z.string(), z.number()]).optional(),
  via: z.enum(["line", "subject", "concern"]),
});

// Schemas of the JSON documents the store keeps in text columns, checked when read back.

export const classificationSchema = z.object({
  concerns: z.array(z.enum(CONCERNS)),
  signals: z.array(z.enum(SIGNALS)),
  tone: z.enum(TONES),
  actionable: z.boolean(),
  evidence: z.array(z.object({ label: evidenceLabelSchema, match: z.string() })),
});

export const findingSchema = z.object({
  concern: z.enum(CONCERNS),
  path: z.string(),
  line: z.number().int().nullable(),
  severity: z.enum(SEVERITIES),
  // Profiles stored before findings carried a confidence read as "medium".
  confidence: z.enum(CONFIDENCES).default("medium"),
  reason: z.string(),
  fingerprint: z.string(),
  rule: z.string(),
});

export const riskProfileSchema = z.object({
  findings: z.array(findingSchema),
  level: z.enum(["none", ...SEVERITIES]),
  skipped: z.array(z.object({ path: z.string(), reason: z.enum(["ignored", "binary", "too-large", "removed"]) })),
  stats: z.object({ files: z.number(), additions: z.number(), deletions: z.number() }),
});

export const scoreBreakdownSchema = z.object({
  score: z.number(),
  breakdown: z.array(
    z.object({
      name: z.enum(["coverage", "depth", "actionability", "tone"]),
      weight: z.number(),
      value: z.number(),
      points: z.number(),
      explanation: z.string(),
    }),
  ),
  evidence: z.array(coverageEvidenceSchema),
  flags: z.array(z.enum(["rubber-stamp", "style-only", "harsh-tone", "exemplary"])),
  addressed: z.array(z.string()),
  uncovered: z.array(z.string()),
  demand: z.number(),
});

export const flagsSchema = z.array(z.enum(["rubber-stamp", "style-only", "harsh-tone", "exemplary"]));

export function readJson<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}
