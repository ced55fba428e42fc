// Whether a comment speaks of a finding's subject: its rule family's own words, else its concern's words,
// else the distinctive words of its reason. Returns the word found (for evidence) or null.

import { splitIdentifiers } from "../classify/strip-review-markdown.js";
import type { Finding } from "../types.js";
import { CONCERN_VOCABULARY, RULE_VOCABULARY } from "./subject-vocabulary.js";

/** Words of a reason too common in review prose to name a subject on their own. */
const GENERIC_WORDS = new Set([
  "about", "added", "after", "again", "before", "being", "change", "changed", "changes", "check", "could", "every",
  "false", "files", "found", "from", "function", "given", "into", "least", "makes", "might", "other", "review",
  "should", "since", "something", "their", "there", "these", "thing", "this", "those", "through", "under", "until",
  "using", "value", "values", "variable", "where", "which", "while", "without", "would", "line", "lines", "code",
  "file", "true", "that", "with", "when", "what", "here", "have", "more", "than", "then", "them", "they",
]);
const MIN_REASON_WORD = 5;

function stemsFor(finding: Finding): readonly string[] {
  const entry = RULE_VOCABULARY.find(([prefix]) => finding.rule.startsWith(prefix));
  const reasonWords = (finding.reason.toLowerCase().match(/[a-z][a-z_-]+/g) ?? []).filter(
    (w) => w.length >= MIN_REASON_WORD && !GENERIC_WORDS.has(w),
  );
  return [...(entry?.[1] ?? []), ...CONCERN_VOCABULARY[finding.concern], ...reasonWords];
}

const cache = new Map<string, readonly string[]>();

/** The first subject word of `finding` that `text` uses (at a word start), or null. */
export function findSubjectMention(text: string, finding: Finding): string | null {
  const key = `${finding.rule}\u0000${finding.concern}\u0000${finding.reason}`;
  let stems = cache.get(key);
  if (stems === undefined) {
    stems = stemsFor(finding);
    if (cache.size > 1000) cache.clear();
    cache.set(key, stems);
  }
  // Identifiers read as words too: `readFileSync` speaks of "sync".
  const lower = `${text.toLowerCase()} \u0000 ${splitIdentifiers(text)}`;
  for (const stem of stems) {
    let from = lower.indexOf(stem);
    while (from >= 0) {
      const before = from === 0 ? " " : lower.charAt(from - 1);
      if (!/[a-z0-9]/.test(before) || !/^[a-z0-9]/.test(stem)) return stem;
      from = lower.indexOf(stem, from + 1);
    }
  }
  return null;
}
