// Stage: a design discussion phrased without design vocabulary.

import type { Concern } from "../../types.js";
import { ARCHITECTURE_WEAK, CODE_CONSTRUCT, DESIGN_MOVE, OTHER_TOPIC } from "../cues/architecture-cues.js";
import { REDUNDANT_CODE } from "../cues/readability-cues.js";
import { firstMatch, type EvidenceLog } from "../evidence-log.js";
import { testIfWords } from "../word-index.js";

/**
 * A design discussion without design vocabulary: a proposal or question about program structure
 * ("Could this be a private static method?", "Why keep a list here rather than a map?"). Needs two of: a
 * structural word, a code construct, a proposing or questioning move; and the comment must not be about
 * documentation, wording, formatting, naming or tests, where the same words are incidental, nor ask whether the code
 * is needed at all ("Is this enum used anywhere?"): dropping unneeded code is readability in DESIGN.md's terms.
 */
export function readDesignDiscussion(prose: string, concerns: Set<Concern>, evidence: EvidenceLog): void {
  if (concerns.has("documentation") || concerns.has("style")) return;
  OTHER_TOPIC.lastIndex = 0;
  if (testIfWords(OTHER_TOPIC, prose)) return;
  REDUNDANT_CODE.lastIndex = 0;
  if (testIfWords(REDUNDANT_CODE, prose)) return;
  const weak = firstMatch(prose, ARCHITECTURE_WEAK, "concern");
  const construct = firstMatch(prose, CODE_CONSTRUCT, "none");
  if (weak === null && construct === null) return;
  const move = testIfWords(DESIGN_MOVE, prose);
  const score = (weak === null ? 0 : 1) + (construct === null ? 0 : 1) + (move ? 1 : 0);
  if (score < 2) return;
  concerns.add("architecture");
  evidence.add("concern:architecture", (weak ?? construct)?.[0] ?? "");
}
