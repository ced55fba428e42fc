/**
 * Whether a review counts toward a pull request's score and coverage: not the author's own, not a bot's,
 * not dismissed (DESIGN.md: self-approvals and bots are not reviews). Pure.
 */
export function countsAsReview(review: { reviewerLogin: string; state?: string | undefined }, authorLogin: string): boolean {
  const login = review.reviewerLogin.toLowerCase();
  return review.state !== "DISMISSED" && !login.endsWith("[bot]") && login !== authorLogin.toLowerCase();
}
