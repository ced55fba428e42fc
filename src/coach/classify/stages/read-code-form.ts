// Stage: remarks on the form of the code that name no concern.

import { REDUNDANT_CODE } from "../cues/readability-cues.js";
import { addConcern, firstMatch, type Draft } from "../evidence-log.js";

/**
 * When nothing else was named, a remark that code is redundant ("can be removed", "is this still needed?") is
 * about readability: DESIGN.md counts unnecessary code among what makes code harder to read.
 */
export function readCodeForm(prose: string, draft: Draft): void {
  if (draft.concerns.size > 0) return;
  const redundant = firstMatch(prose, REDUNDANT_CODE, "none");
  if (redundant !== null) addConcern(draft, "readability", redundant[0]);
}
