import type { ReviewFlag } from "../score-review.js";
import type { Finding } from "../types.js";
import { mention } from "./escape-markdown.js";
import { renderFindingItem } from "./render-nudge.js";

export interface CoachingReviewView {
  reviewerLogin: string;
  flags: readonly ReviewFlag[];
  /** How many of the review's comments were about style, for the acknowledgement. */
  styleComments: number;
  /** Findings nudged inline in this review. */
  inline: readonly Finding[];
  /** Uncovered findings not nudged inline (no line to anchor, budget, or GitHub refused the line). */
  listed: readonly Finding[];
}

/**
 * The body of the app's COMMENT review: short, addressed to the reviewer, pointing at what is left.
 * A rubber stamp gets the top findings listed, not a lecture; a style-only review gets its style points
 * acknowledged first. Returns null when there is nothing to say beyond the inline nudges. Pure.
 */
export function renderCoachingReview(view: CoachingReviewView): string | null {
  const who = mention(view.reviewerLogin);
  const lines: string[] = [];
  if (view.flags.includes("rubber-stamp")) {
    lines.push(`${who}, thanks for the approval. This change carries some risk that the review did not mention; the top findings:`);
  } else if (view.flags.includes("style-only")) {
    const count = view.styleComments === 1 ? "the style point" : `the ${view.styleComments} style points`;
    lines.push(`${who}, thanks for ${count}. What is left for this review is beyond style:`);
  } else if (view.listed.length > 0) {
    lines.push(`${who}, some findings in this change are still open for review:`);
  } else {
    return null;
  }
  const items = [...view.inline, ...view.listed].slice(0, 5);
  lines.push(...items.map(renderFindingItem));
  if (view.inline.length > 0) lines.push("", "The inline comments ask about the first of these, on their lines.");
  lines.push("", "<sub>Questions for the reviewer, not requests to the author. `/coach explain` shows your review's breakdown, `/coach off` stops these.</sub>");
  return lines.join("\n");
}
