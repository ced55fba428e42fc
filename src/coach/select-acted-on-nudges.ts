import type { StoredNudge } from "./coaching-records.js";

/** What the acted-on rule reads of a recorded nudge. */
export type ActedOnCandidate = Pick<StoredNudge, "status" | "reviewerLogin" | "concern" | "reviewId">;

/** A reviewer's answer to earlier nudges: a later review, or a comment. */
export interface NudgeAnswer<N extends ActedOnCandidate> {
  reviewerLogin: string;
  /** The concerns the answer raised (its body and comments). */
  concerns: Iterable<string>;
  /** The review the answer is: nudges made on that same review are not answered by it. */
  reviewId?: number;
  /** Whether the answer addresses the nudge otherwise (a reply to it, a changed verdict). */
  addresses?: (nudge: N) => boolean;
}

/**
 * The "acted on a nudge" rule: a nudge still open (sent or listed) is acted on when the reviewer it
 * addressed later raises its concern, or otherwise addresses it.
 */
export function selectActedOnNudges<N extends ActedOnCandidate>(nudges: readonly N[], answer: NudgeAnswer<N>): N[] {
  const login = answer.reviewerLogin.toLowerCase();
  const concerns = new Set(answer.concerns);
  return nudges.filter(
    (n) =>
      (n.status === "sent" || n.status === "listed") &&
      n.reviewerLogin.toLowerCase() === login &&
      n.reviewId !== answer.reviewId &&
      (concerns.has(n.concern) || (answer.addresses?.(n) ?? false)),
  );
}
