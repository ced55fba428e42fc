// Stage: an approval and nothing more ("LGTM", "Ship it", "fine with me, merge when green").

import type { CommentClassification } from "../../types.js";

/** Remarks that say the review goes on beyond the approval ("a few comments below", "but"). */
const REVIEW_GOES_ON =
  /\b(?:below|above|inline|comments?|issues?|nits?|but|however|except|though|although|questions?|suggestions?|concerns?|few|couple|minor|small|remaining|once|until|if|unless)\b|\?/i;
/** Machine output from CI bots, which approve nothing. */
const CI_OUTPUT = /\b(?:reviews? applied|(?:passed|failed) command|build artifacts|all tests passed|build (?:passed|failed|succeeded))\b/i;
/** What may follow an approval without making it more than one: landing the change. */
const LANDING = /\b(?:commit|merge|land|push|submit|mark|go ahead|ship)\w*\b/i;

/** A partial approval ("the other changes look good", "the rest is fine") implies something else was raised. */
const PARTIAL_APPROVAL = /\b(?:other|rest of|remaining)\b|\bthe rest\b/i;

/** Classifies the rest of an approval, without reading approvals again. */
export type ClassifyRest = (text: string) => CommentClassification;

/** Whether what follows an approval phrase leaves it an approval and nothing more. */
export function isApprovalOnly(remainder: string, restWords: number, classifyRest: ClassifyRest): boolean {
  if (CI_OUTPUT.test(remainder) || PARTIAL_APPROVAL.test(remainder)) return false;
  if (restWords <= 1) return true;
  if (REVIEW_GOES_ON.test(remainder)) return false;
  const rest = classifyRest(remainder);
  if (rest.concerns.length > 0 || rest.tone !== "respectful") return false;
  if (rest.signals.some((s) => s === "question" || s === "suggestion" || s === "nit")) return false;
  return !rest.actionable || LANDING.test(remainder);
}
