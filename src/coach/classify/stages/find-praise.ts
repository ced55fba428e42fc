// Stage: praise of the change, told apart from kind words inside a wish, a concession or a request.

import { CONTRAST_AFTER, PRAISE_CUE, PRAISE_SYMBOLS, WISHFUL_AFTER, WISHFUL_BEFORE } from "../cues/praise-cues.js";
import { isNegated } from "../is-negated.js";
import { execIfWords, execIndexed } from "../word-index.js";

/** Praise of the change: not a wish ("would be nice to"), not a softener before a "but", not asked. */
export function findPraise(prose: string): { text: string; index: number } | null {
  return findPraiseWith(prose, PRAISE_CUE.re) ?? findPraiseWith(prose, PRAISE_SYMBOLS);
}

function findPraiseWith(prose: string, re: RegExp): { text: string; index: number } | null {
  re.lastIndex = 0;
  for (let m = execIfWords(re, prose); m !== null; m = execIndexed(re, prose)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isNegated(prose, start, m[0].length, "plain")) continue;
    if (WISHFUL_BEFORE.test(prose.slice(Math.max(0, start - 40), start))) continue;
    if (CONCESSION_BEFORE.test(prose.slice(Math.max(0, start - 80), start))) continue;
    const after = prose.slice(end, end + 160);
    if (WISHFUL_AFTER.test(after) || CONTRAST_AFTER.test(after)) continue;
    const sentenceEnd = after.search(/[.!?\n]/);
    if (sentenceEnd >= 0 && after[sentenceEnd] === "?") continue;
    return { text: m[0], index: start };
  }
  return null;
}

/** Kind words after a "but" in the same sentence concede a point ("... would read better, but this is still fine"). */
const CONCESSION_BEFORE = /\b(?:but|though|although|even though|however|anyway)\b[^.!?\n]*$/i;

/** Beyond this many words, kind words sit inside a substantive comment. */
const PRAISE_MAX_WORDS = 30;
const WORD_RE = /\S+/g;

/**
 * Kind words that soften a substantive comment ("makes sense. Should we also ...?") rather than praise the
 * change: the comment asks or proposes something, or goes on at length.
 */
export function isSoftener(prose: string, index: number, asksOrProposes: boolean): boolean {
  // Praise that opens the comment ("Good catch. ...", "Thanks for converting this; however ...") stays praise.
  if (!/[.!?\n]/.test(prose.slice(0, index))) return false;
  if (asksOrProposes) return true;
  const count = prose.match(WORD_RE)?.length ?? 0;
  return count > PRAISE_MAX_WORDS;
}
