import type { ReviewState } from "./score-review.js";

/** A review state as GitHub spells it (any case; "commented", "pending" and the like count as COMMENTED). Pure. */
export function toReviewState(state: string): ReviewState {
  const upper = state.toUpperCase();
  if (upper === "APPROVED" || upper === "CHANGES_REQUESTED" || upper === "DISMISSED") return upper;
  return "COMMENTED";
}
