import type { CommentRecord, StoredReview } from "./coaching-records.js";

/**
 * The PR's stored reviews as they read once `saved` is stored (a review and its comments are upserted;
 * a stored comment keeps its creation time): oldest first, as the store lists them, so scoring sees them
 * in the same order. `storedComments` are this review's comments stored already (comment webhooks can
 * come first). Pure.
 */
export function buildSavedReviews(reviews: readonly StoredReview[], saved: StoredReview, storedComments: readonly CommentRecord[]): StoredReview[] {
  const fresh = new Map(saved.comments.map((c) => [c.id, c]));
  const kept = new Map(storedComments.map((c) => [c.id, c]));
  const comments = [
    ...storedComments.map((c) => (fresh.has(c.id) ? { ...fresh.get(c.id)!, createdAt: c.createdAt } : c)),
    ...saved.comments.filter((c) => !kept.has(c.id)),
  ].sort((a, b) => compare(a.createdAt, b.createdAt) || a.id - b.id);
  const review = { ...saved, comments };
  const others = reviews.filter((r) => r.id !== saved.id);
  const at = others.findIndex((r) => (compare(r.submittedAt, review.submittedAt) || r.id - review.id) > 0);
  return at === -1 ? [...others, review] : [...others.slice(0, at), review, ...others.slice(at)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
