import { z } from "zod";
import { scoreWeightsSchema } from "../coach/score-review.js";
import { RULE_IDS } from "../coach/risk/rule-versions.js";
import { CONFIDENCES, SEVERITIES } from "../coach/types.js";

// The schema of `.github/review-coach.yml`. Every key is documented here; the JSON Schema for editors
// (config/review-coach.schema.json) and the README's configuration reference are generated from it.
// Defaults live in config/default.yml, which must satisfy this schema.

/** Whether Intl knows the zone; UTC, the default, without building a DateTimeFormat (it loads ICU's locale and zone data). */
function isTimeZone(name: string): boolean {
  if (name === "UTC") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const login = z.string().min(1).regex(/^[A-Za-z0-9-]+(\[bot\])?$/, "a GitHub login");
const glob = z.string().min(1);

export const repoConfigSchema = z
  .object({
    mode: z
      .enum(["nudge", "summary", "shadow", "off"])
      .describe(
        "nudge: inline nudges plus the check-run summary; summary: the check run only; shadow: record what would have been posted and post nothing; off: nothing.",
      ),
    strictness: z
      .enum(["quiet", "balanced", "thorough"])
      .describe(
        "One dial for how much review-coach says. quiet: only high-severity, high-confidence findings, one nudge per review (at most 2 per PR, none listed); balanced: medium severity and up, high confidence, 2 per review and 4 per PR; thorough: low severity and up, medium confidence, 3 per review and 8 per PR. The four keys below override it one by one.",
      ),
    severity: z
      .enum(SEVERITIES)
      .optional()
      .describe("Least severity of a risk finding that counts: findings below it are neither scored nor nudged. Unset: from strictness (quiet high, balanced medium, thorough low)."),
    confidence: z
      .enum(CONFIDENCES)
      .optional()
      .describe("Least confidence of a finding that can be nudged. Unset: from strictness (quiet and balanced high, thorough medium)."),
    maxNudgesPerReview: z.number().int().min(0).max(10).optional().describe("Most inline nudges on one review. Unset: from strictness (quiet 1, balanced 2, thorough 3)."),
    maxNudgesPerPullRequest: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .describe("Most inline nudges on one pull request, over all its reviews. Unset: from strictness (quiet 2, balanced 4, thorough 8)."),
    rules: z
      .partialRecord(z.enum(RULE_IDS as [string, ...string[]]), z.enum(["off", "low", "medium", "high", "on"]))
      .describe(
        "Pins per rule id (the JSON Schema lists every id for your editor; the check run, the digest and the dashboard name them): off never nudges about it; low, medium or high nudge with that severity; on keeps its own severity. A pinned rule is never muted by learning.",
      ),
    learning: z
      .object({
        enabled: z.boolean().describe("Mute a rule where its nudges keep being dismissed: at least 3 dismissals (👎, /coach dismiss or resolving the thread without a reply) and at most 20% acted on, in this repository or across the org's repositories."),
        muteDays: z.number().int().min(1).max(365).describe("Days a learned muting lasts; a new version of the rule also ends it. `/coach unmute <rule>` ends it at once."),
      })
      .strict()
      .describe("Per-rule learning from what reviewers do with the nudges."),
    coachDrafts: z.boolean().describe("Also coach reviews on draft pull requests."),
    paths: z
      .object({
        ignored: z.array(glob).describe("Globs of files never analysed: lock files, generated and vendored code. Replaces the default list."),
        sensitive: z.array(glob).describe("Globs of files whose every change is security-sensitive (auth, payments, crypto). Replaces the default list."),
      })
      .strict()
      .describe("Which files the risk profile skips or treats as sensitive."),
    reviewers: z
      .object({
        ignored: z.array(login).describe("Logins never coached nor scored, e.g. service accounts. Bots are always ignored."),
      })
      .strict()
      .describe("Who is coached."),
    gate: z
      .object({
        enabled: z.boolean().describe("Make the review-coach check fail while a high-risk PR has no review scoring at least minScore, so branch protection can require it."),
        minScore: z.number().int().min(0).max(100).describe("Least review score that passes the gate."),
      })
      .strict()
      .describe("An optional merge gate. Off by default: review-coach never blocks unless asked."),
    privacy: z
      .object({
        publicScores: z.boolean().describe("Show numeric per-review scores in public check runs and comments. When false the advice stays and the numbers go."),
      })
      .strict()
      .describe("What is shown in public on GitHub."),
    scoring: z
      .object({
        weights: scoreWeightsSchema.strict().describe("Weights of the review score's factors; they are normalised to sum to 100 (see docs/scoring.md)."),
      })
      .strict()
      .describe("How a review's score is computed."),
    score: z
      .object({
        windowDays: z.number().int().min(1).max(365).describe("Rolling window of merged pull requests for the repository score."),
      })
      .strict()
      .describe("The repository review-quality score."),
    digest: z
      .object({
        enabled: z.boolean().describe("Send the weekly digest."),
        schedule: z
          .object({
            cron: z
              .string()
              .regex(/^(\S+\s+){4}\S+$/, "a five-field cron expression such as '0 9 * * 1'")
              .describe("When the digest is sent (minute hour day-of-month month day-of-week)."),
            timeZone: z
              .string()
              .min(1)
              .refine(isTimeZone, "an IANA time zone such as Europe/Berlin or UTC (see the tz database's list)")
              .describe("IANA time zone of the cron expression, e.g. Europe/Berlin."),
          })
          .strict()
          .describe("When the weekly digest is built and delivered."),
        repository: z
          .string()
          .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "owner/name")
          .nullable()
          .describe("owner/name of the repository the digest issue is opened in. Null: the repository itself."),
        org: z.boolean().describe("Also build an org-wide digest, delivered to the org's .github repository. Read from the org's .github repository only."),
        individuals: z.enum(["kudos", "none"]).describe("kudos: name reviewers only in kudos for exemplary reviews; none: name nobody."),
      })
      .strict()
      .describe("The weekly digest for leads."),
    backfill: z
      .object({
        weeks: z.number().int().min(0).max(26).describe("Weeks of merged pull requests imported on installation, so the first digest has data."),
      })
      .strict()
      .describe("History imported when the app is installed."),
    badge: z
      .object({
        enabled: z.boolean().describe("Serve a public score badge at /badge/<owner>/<repo>.svg."),
      })
      .strict()
      .describe("The repository score badge."),
  })
  .strict();

export type RepoConfig = z.infer<typeof repoConfigSchema>;

export const CONFIG_FILE_NAME = "review-coach.yml";
export const CONFIG_PATH = `.github/${CONFIG_FILE_NAME}`;
