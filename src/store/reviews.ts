import { type CommentClassification, commentClassificationSchema } from "../coach/types.js";
import type { CommentRecord, ReviewRecord, StoredReview } from "../coach/coaching-records.js";
import { type ReviewScore, reviewScoreSchema } from "../coach/score-review.js";
import type { Store } from "./open-store.js";
import type { PullRequestRef } from "./pull-requests.js";
import { withTransaction } from "./with-transaction.js";
import { flagsSchema, readJson } from "./stored-json.js";

export type { CommentRecord, ReviewRecord, StoredReview } from "../coach/coaching-records.js";

/** Stores a review, its body's classification (as a comment row with the review's id) and its comments. */
export async function saveReview(
  store: Store,
  review: ReviewRecord,
  bodyClassification: CommentClassification,
  comments: CommentRecord[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await withTransaction(store, async ({ db }) => {
    const facts = {
      installation_id: review.installationId,
      repository_id: review.repositoryId,
      pull_request_id: review.pullRequestId,
      reviewer_login: review.reviewerLogin,
      reviewer_id: review.reviewerId,
      state: review.state,
      body: review.body,
      commit_sha: review.commitSha,
      submitted_at: review.submittedAt,
      html_url: review.htmlUrl,
      updated_at: at,
    };
    await db
      .insertInto("reviews")
      .values({ id: review.id, ...facts, score: null, breakdown: JSON.stringify({ bodyClassification }), flags: "[]" })
      .onConflict((oc) => oc.column("id").doUpdateSet({ ...facts, breakdown: JSON.stringify({ bodyClassification }) }))
      .execute();
    for (const comment of comments) await upsertComment(db, comment, at);
  });
}

export async function saveComment(store: Store, comment: CommentRecord, now: Date): Promise<void> {
  await upsertComment(store.db, comment, now.toISOString());
}

async function upsertComment(db: Store["db"], comment: CommentRecord, at: string): Promise<void> {
  const facts = {
    installation_id: comment.installationId,
    repository_id: comment.repositoryId,
    pull_request_id: comment.pullRequestId,
    review_id: comment.reviewId,
    author_login: comment.authorLogin,
    author_id: comment.authorId,
    path: comment.path,
    line: comment.line,
    in_reply_to_id: comment.inReplyToId,
    body: comment.body,
    classification: JSON.stringify(comment.classification),
    tone: comment.classification.tone,
    updated_at: at,
  };
  await db
    .insertInto("review_comments")
    .values({ id: comment.id, ...facts, created_at: comment.createdAt })
    .onConflict((oc) => oc.column("id").doUpdateSet(facts))
    .execute();
}

export async function saveReviewScore(store: Store, reviewId: number, result: ReviewScore, now: Date): Promise<void> {
  const row = await store.db.selectFrom("reviews").select("breakdown").where("id", "=", reviewId).executeTakeFirstOrThrow();
  const previous = row.breakdown ? (JSON.parse(row.breakdown) as Record<string, unknown>) : {};
  await store.db
    .updateTable("reviews")
    .set({
      score: result.score,
      breakdown: JSON.stringify({ ...previous, result }),
      flags: JSON.stringify(result.flags),
      updated_at: now.toISOString(),
    })
    .where("id", "=", reviewId)
    .execute();
}

/** Every stored review of a pull request with its comments, oldest first. */
export async function listReviews(store: Store, pullRequestId: number): Promise<StoredReview[]> {
  return (await listReviewsAndComments(store, pullRequestId)).reviews;
}

/** Every stored review of a pull request with its comments, and every stored comment of the PR (a review's may come before it), oldest first. */
export async function listReviewsAndComments(store: Store, pullRequestId: number): Promise<{ reviews: StoredReview[]; comments: CommentRecord[] }> {
  const reviews = await store.db.selectFrom("reviews").selectAll().where("pull_request_id", "=", pullRequestId).orderBy("submitted_at").orderBy("id").execute();
  const rows = await store.db
    .selectFrom("review_comments")
    .selectAll()
    .where("pull_request_id", "=", pullRequestId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const comments: CommentRecord[] = rows.map((c) => ({
    id: c.id,
    installationId: c.installation_id,
    repositoryId: c.repository_id,
    pullRequestId: c.pull_request_id,
    reviewId: c.review_id,
    authorLogin: c.author_login,
    authorId: c.author_id,
    path: c.path,
    line: c.line,
    inReplyToId: c.in_reply_to_id,
    body: c.body,
    classification: readJson(commentClassificationSchema, c.classification),
    createdAt: c.created_at,
  }));
  const stored = reviews.map((r) => {
    const breakdown = r.breakdown ? (JSON.parse(r.breakdown) as { bodyClassification?: unknown; result?: unknown }) : {};
    return {
      id: r.id,
      installationId: r.installation_id,
      repositoryId: r.repository_id,
      pullRequestId: r.pull_request_id,
      reviewerLogin: r.reviewer_login,
      reviewerId: r.reviewer_id,
      state: r.state,
      body: r.body,
      commitSha: r.commit_sha,
      submittedAt: r.submitted_at,
      htmlUrl: r.html_url,
      bodyClassification: commentClassificationSchema.parse(breakdown.bodyClassification ?? emptyClassification()),
      score: r.score,
      result: breakdown.result ? reviewScoreSchema.parse(breakdown.result) : null,
      flags: readJson(flagsSchema, r.flags),
      comments: comments.filter((c) => c.reviewId === r.id),
    };
  });
  return { reviews: stored, comments };
}

function emptyClassification(): CommentClassification {
  return { concerns: [], signals: [], tone: "respectful", actionable: false, evidence: [] };
}

export async function savePullRequestScore(store: Store, pullRequestId: number, score: number | null, firstReviewedAt: string | null, now: Date): Promise<void> {
  const pr = await store.db.selectFrom("pull_requests").select("first_reviewed_at").where("id", "=", pullRequestId).executeTakeFirst();
  await store.db
    .updateTable("pull_requests")
    .set({
      score,
      ...(firstReviewedAt && (!pr?.first_reviewed_at || firstReviewedAt < pr.first_reviewed_at) ? { first_reviewed_at: firstReviewedAt } : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", pullRequestId)
    .execute();
}

const HARSH_TONES = ["harsh", "toxic"];

/** How many harsh or toxic comments these repositories received at or after `since` (ISO). */
export async function countHarshCommentsSince(store: Store, repositoryIds: readonly number[], since: string): Promise<number> {
  if (repositoryIds.length === 0) return 0;
  const row = await store.db
    .selectFrom("review_comments")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("repository_id", "in", repositoryIds)
    .where("tone", "in", HARSH_TONES)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** When each harsh or toxic comment of these repositories was written, at or after `since` (ISO). */
export async function listHarshCommentTimes(store: Store, repositoryIds: readonly number[], since: string): Promise<Array<Pick<CommentRecord, "repositoryId" | "createdAt">>> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("review_comments")
    .select(["repository_id", "created_at"])
    .where("repository_id", "in", repositoryIds)
    .where("tone", "in", HARSH_TONES)
    .where("created_at", ">=", since)
    .execute();
  return rows.map((row) => ({ repositoryId: row.repository_id, createdAt: row.created_at }));
}

/** A reviewer's review with its pull request, as stored: the score's breakdown and flags still JSON. */
export interface ReviewerReview extends PullRequestRef, Pick<ReviewRecord, "id" | "htmlUrl" | "submittedAt" | "state"> {
  score: number | null;
  /** `{ bodyClassification, result }` as JSON. */
  breakdown: string | null;
  /** The flags as JSON. */
  flags: string;
}

/** A reviewer's reviews (by GitHub user id) in these repositories, with their PR, newest first. */
export async function listReviewerReviews(store: Store, userId: number, repositoryIds: readonly number[], limit: number): Promise<ReviewerReview[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("reviews")
    .innerJoin("pull_requests", "pull_requests.id", "reviews.pull_request_id")
    .innerJoin("repositories", "repositories.id", "reviews.repository_id")
    .select([
      "reviews.id",
      "reviews.html_url",
      "reviews.submitted_at",
      "reviews.state",
      "reviews.score",
      "reviews.breakdown",
      "reviews.flags",
      "pull_requests.number",
      "pull_requests.title",
      "pull_requests.html_url as pr_url",
      "repositories.full_name",
    ])
    .where("reviews.reviewer_id", "=", userId)
    .where("reviews.repository_id", "in", repositoryIds)
    .orderBy("reviews.submitted_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    repository: row.full_name,
    number: row.number,
    title: row.title,
    url: row.pr_url,
    htmlUrl: row.html_url,
    submittedAt: row.submitted_at,
    state: row.state,
    score: row.score,
    breakdown: row.breakdown,
    flags: row.flags,
  }));
}

/** Harsh or toxic wording of a reviewer, with the pull request it was written on. */
export interface ReviewerComment extends PullRequestRef {
  body: string;
  tone: string;
  createdAt: string;
}

/** A reviewer's harsh or toxic comments (by user id) in these repositories, newest first. */
export async function listReviewerHarshComments(store: Store, userId: number, repositoryIds: readonly number[], limit: number): Promise<ReviewerComment[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("review_comments")
    .innerJoin("pull_requests", "pull_requests.id", "review_comments.pull_request_id")
    .innerJoin("repositories", "repositories.id", "review_comments.repository_id")
    .select(["review_comments.body", "review_comments.tone", "review_comments.created_at", "pull_requests.number", "pull_requests.title", "pull_requests.html_url", "repositories.full_name"])
    .where("review_comments.author_id", "=", userId)
    .where("review_comments.tone", "in", HARSH_TONES)
    .where("review_comments.repository_id", "in", repositoryIds)
    .orderBy("review_comments.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ repository: row.full_name, number: row.number, title: row.title, url: row.html_url, body: row.body, tone: row.tone, createdAt: row.created_at }));
}

/** A reviewer's reviews flagged harsh-tone (by user id) in these repositories, newest first. */
export async function listReviewerHarshReviews(
  store: Store,
  userId: number,
  repositoryIds: readonly number[],
  limit: number,
): Promise<Array<PullRequestRef & Pick<ReviewerReview, "breakdown" | "submittedAt"> & { body: string }>> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("reviews")
    .innerJoin("pull_requests", "pull_requests.id", "reviews.pull_request_id")
    .innerJoin("repositories", "repositories.id", "reviews.repository_id")
    .select(["reviews.body", "reviews.breakdown", "reviews.submitted_at", "pull_requests.number", "pull_requests.title", "pull_requests.html_url", "repositories.full_name"])
    .where("reviews.reviewer_id", "=", userId)
    .where("reviews.flags", "like", "%harsh-tone%")
    .where("reviews.repository_id", "in", repositoryIds)
    .orderBy("reviews.submitted_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ repository: row.full_name, number: row.number, title: row.title, url: row.html_url, body: row.body, breakdown: row.breakdown, submittedAt: row.submitted_at }));
}

/** Which of these repositories the reviewer (by user id) reviewed in. */
export async function listReviewedRepositoryIds(store: Store, userId: number, repositoryIds: readonly number[]): Promise<number[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db.selectFrom("reviews").select("repository_id").distinct().where("reviewer_id", "=", userId).where("repository_id", "in", repositoryIds).execute();
  return rows.map((row) => row.repository_id);
}
