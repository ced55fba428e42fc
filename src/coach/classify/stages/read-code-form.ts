// Stage: remarks on the form of the code that name no concern.

import { CODE_OFFER, REDUNDANT_CODE } from "../cues/readability-cues.js";
import { addConcern, firstMatch, type Draft } from "../evidence-log.js";

/** A code span as stripReviewMarkdown leaves it in the prose. */
const CODE_SPAN = /\bCODE\b/;

/**
 * When nothing else was named, a remark that code is redundant ("can be removed", "is this still needed?") or an
 * offer of other code for the same line ("could also do `x`", "why not `y`?") is about readability: how the code
 * reads, not what it does.
 */
export function readCodeForm(prose: string, hasSuggestionBlock: boolean, draft: Draft): void {
  if (draft.concerns.size > 0) return;
  const redundant = firstMatch(prose, REDUNDANT_CODE, "none");
  if (redundant !== null) {
    addConcern(draft, "readability", redundant[0]);
    return;
  }
  if (!hasSuggestionBlock && !CODE_SPAN.test(prose)) return;
  const offer = firstMatch(prose, CODE_OFFER, "none");
  if (offer !== null) addConcern(draft, "readability", `${offer[0]} … code`);
}
