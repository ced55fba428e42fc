// Reads a Conventional Comments prefix ("nit:", "issue (blocking):", "suggestion(security, if-minor):").

export const CONVENTIONAL_LABELS = [
  "praise",
  "nitpick",
  "nit",
  "suggestion",
  "issue",
  "todo",
  "question",
  "thought",
  "chore",
  "note",
  "typo",
  "polish",
  "quibble",
] as const;
export type ConventionalLabel = (typeof CONVENTIONAL_LABELS)[number];

export interface ConventionalPrefix {
  label: ConventionalLabel;
  decorations: string[];
  /** The prefix as written, for evidence. */
  raw: string;
  /** The comment after the prefix. */
  rest: string;
}

const PREFIX = new RegExp(
  String.raw`^\s*(?:[*_]{1,2})?(${CONVENTIONAL_LABELS.join("|")})\s*(?:\(([^)\n]{0,80})\))?\s*(?:[*_]{1,2})?\s*:(?:[*_]{1,2})?\s*`,
  "i",
);

/** The Conventional Comments prefix of `prose`, or null when it has none. */
export function parseConventionalPrefix(prose: string): ConventionalPrefix | null {
  const m = PREFIX.exec(prose);
  if (m === null) return null;
  const label = (m[1] ?? "").toLowerCase() as ConventionalLabel;
  const decorations = (m[2] ?? "")
    .split(/[,;]/)
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d.length > 0);
  return { label, decorations, raw: m[0].trim(), rest: prose.slice(m[0].length) };
}
