import { z } from "zod";
import { mergeConfig } from "./merge-config.js";
import { type ParsedConfigText, parseConfigText } from "./parse-config-text.js";
import { type RepoConfig, repoConfigSchema } from "./schema.js";

/** One thing wrong with a config file, said so that its owner can fix it. */
export const configProblemSchema = z.object({
  /** Where the file is, e.g. "acme/.github: .github/review-coach.yml". */
  file: z.string(),
  /** Dotted key path, or "" for the whole file. */
  key: z.string(),
  message: z.string(),
  /** 1-based line in the file, when known. */
  line: z.number().optional(),
});
export type ConfigProblem = z.infer<typeof configProblemSchema>;

export type ConfigFileCheck = { ok: true; config: Record<string, unknown> } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses a config file's text and checks it against the schema (merged over the defaults, as it will be
 * used). Problems carry the key and line. Pure.
 */
export function checkConfigText(text: string, file: string, defaults: RepoConfig): ConfigFileCheck {
  const parsed = parseConfigText(text, file);
  return parsed.ok ? checkParsedConfig(parsed, file, defaults) : parsed;
}

/** Checks a parsed file against the schema; problems get their line from the parse. Pure. */
export function checkParsedConfig(parsed: Extract<ParsedConfigText, { ok: true }>, file: string, defaults: RepoConfig): ConfigFileCheck {
  const checked = checkConfigValue(parsed.value, file, defaults);
  if (checked.ok) return checked;
  return {
    ok: false,
    problems: checked.problems.map((problem) => {
      const line = problem.key ? parsed.lineOf(problem.key) : undefined;
      return line === undefined ? problem : { ...problem, line };
    }),
  };
}

/** Checks an already parsed config file (as the config loader returns it). Pure. */
export function checkConfigValue(value: unknown, file: string, defaults: RepoConfig): ConfigFileCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ file, key: "", message: "expected a YAML mapping of keys to values at the top level" }] };
  }
  const { _extends: _ignored, ...rest } = value as Record<string, unknown>;
  const result = repoConfigSchema.safeParse(mergeConfig(defaults, rest));
  if (result.success) return { ok: true, config: rest };
  return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(issue, file)) };
}

function describeIssue(issue: z.core.$ZodIssue, file: string): ConfigProblem[] {
  const at = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const known = knownKeysAt(at);
      const near = closest(key, known);
      const expected = known.length > MAX_LISTED_KEYS ? "Expected a rule id, as the check run, the digest and the dashboard name them" : `Expected one of: ${known.join(", ")}`;
      return {
        file,
        key: [...at, key].join("."),
        message: `unknown ${at.join(".") === "rules" ? "rule" : "key"}${near ? `: did you mean "${near}"?` : "."} ${expected}`,
      };
    });
  }
  return [{ file, key: at.join("."), message: issue.message.replace(/^Invalid input: /, "") }];
}

function knownKeysAt(path: string[]): string[] {
  let shape: z.ZodType = repoConfigSchema;
  for (const key of path) {
    const next = (shape as unknown as { shape?: Record<string, z.ZodType> }).shape?.[key];
    if (!next) return [];
    shape = next;
  }
  const keys = (shape as unknown as { shape?: Record<string, unknown> }).shape;
  if (keys) return Object.keys(keys);
  // A record keyed by an enum (`rules`): its keys are the enum's values.
  return (shape as unknown as { _zod?: { def?: { keyType?: { options?: string[] } } } })._zod?.def?.keyType?.options ?? [];
}

/** Past this many known keys the message suggests the closest one instead of listing them all. */
const MAX_LISTED_KEYS = 30;

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
