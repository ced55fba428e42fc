import type { NudgeRecord, StoredNudge } from "../coach/coaching-records.js";
import { markGitHubWriteDone } from "./github-writes.js";
import type { Store } from "./open-store.js";
import type { PullRequestRef } from "./pull-requests.js";
import type { NudgeRow } from "./tables.js";
import { withTransaction } from "./with-transaction.js";

export type { NudgeRecord, NudgeStatus, StoredNudge } from "../coach/coaching-records.js";

function toStoredNudge(row: NudgeRow): StoredNudge {
  return {
    id: row.id,
    installationId: row.installation_id,
    repositoryId: row.repository_id,
    pullRequestId: row.pull_request_id,
    reviewId: row.review_id,
    reviewerLogin: row.reviewer_login,
    concern: row.concern,
    path: row.path,
    line: row.line,
    fingerprint: row.fingerprint,
    severity: row.severity,
    mode: row.mode,
    status: row.status,
    githubCommentId: row.github_comment_id,
    githubReviewId: row.github_review_id,
    body: row.body,
    rule: row.rule,
    ruleVersion: row.rule_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dismissedAt: row.dismissed_at,
    actedOnAt: row.acted_on_at,
    ignoredAt: row.ignored_at,
  };
}

export async function listNudges(store: Store, pullRequestId: number): Promise<StoredNudge[]> {
  return (await store.db.selectFrom("nudges").selectAll().where("pull_request_id", "=", pullRequestId).orderBy("id").execute()).map(toStoredNudge);
}

/** Records nudges; a fingerprint already recorded on the PR is kept as it is (never repeated). */
export async function insertNudges(store: Store, nudges: NudgeRecord[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const n of nudges) {
    await store.db
      .insertInto("nudges")
      .values({
        installation_id: n.installationId,
        repository_id: n.repositoryId,
        pull_request_id: n.pullRequestId,
        review_id: n.reviewId,
        reviewer_login: n.reviewerLogin,
        concern: n.concern,
        path: n.path,
        line: n.line,
        fingerprint: n.fingerprint,
        severity: n.severity,
        mode: n.mode,
        status: n.status,
        github_comment_id: null,
        github_review_id: n.githubReviewId,
        body: n.body,
        rule: n.rule,
        rule_version: n.ruleVersion,
        created_at: at,
        updated_at: at,
        dismissed_at: null,
        acted_on_at: null,
      })
      .onConflict((oc) => oc.columns(["pull_request_id", "fingerprint"]).doNothing())
      .execute();
  }
}

/**
 * Ties the inline comment GitHub created back to its nudge (learned from the app's own comment webhook).
 * Only a comment of the coaching review the app posted for that nudge counts, and only the first: a
 * comment anyone else writes quoting the marker (another bot, another review) never takes the link over.
 */
export async function linkNudgeComment(
  store: Store,
  pullRequestId: number,
  link: { fingerprint: string; githubReviewId: number; commentId: number },
  now: Date,
): Promise<boolean> {
  const result = await store.db
    .updateTable("nudges")
    .set({ github_comment_id: link.commentId, updated_at: now.toISOString() })
    .where("pull_request_id", "=", pullRequestId)
    .where("fingerprint", "=", link.fingerprint)
    .where("github_review_id", "=", link.githubReviewId)
    .where("github_comment_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findNudgeByComment(store: Store, commentId: number): Promise<StoredNudge | undefined> {
  const row = await store.db.selectFrom("nudges").selectAll().where("github_comment_id", "=", commentId).executeTakeFirst();
  return row && toStoredNudge(row);
}

export async function markNudgeDismissed(store: Store, nudgeId: number, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await store.db
    .updateTable("nudges")
    .set({ status: "dismissed", dismissed_at: at, updated_at: at })
    .where("id", "=", nudgeId)
    .where("status", "!=", "dismissed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markNudgesActedOn(store: Store, nudgeIds: number[], now: Date): Promise<void> {
  if (nudgeIds.length === 0) return;
  const at = now.toISOString();
  await store.db
    .updateTable("nudges")
    .set({ status: "acted-on", acted_on_at: at, updated_at: at })
    .where("id", "in", nudgeIds)
    .where("status", "in", ["sent", "listed"])
    .execute();
}

export async function isCoachingOptedOut(store: Store, repositoryId: number, login: string): Promise<boolean> {
  const row = await store.db
    .selectFrom("reviewer_settings")
    .select("coaching_opt_out")
    .where("repository_id", "=", repositoryId)
    .where("login", "=", login.toLowerCase())
    .executeTakeFirst();
  return row?.coaching_opt_out === 1;
}

export async function setCoachingOptOut(store: Store, repositoryId: number, login: string, optOut: boolean, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("reviewer_settings")
    .values({ repository_id: repositoryId, login: login.toLowerCase(), coaching_opt_out: optOut ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.columns(["repository_id", "login"]).doUpdateSet({ coaching_opt_out: optOut ? 1 : 0, updated_at: at }))
    .execute();
}

/** `/coach kudos off|on`: whether the digest may name this reviewer in its kudos, per repository. */
export async function setKudosOptOut(store: Store, repositoryId: number, login: string, optOut: boolean, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("reviewer_settings")
    .values({ repository_id: repositoryId, login: login.toLowerCase(), coaching_opt_out: 0, kudos_opt_out: optOut ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.columns(["repository_id", "login"]).doUpdateSet({ kudos_opt_out: optOut ? 1 : 0, updated_at: at }))
    .execute();
}

/** Logins (lower case) that declined kudos in any of these repositories. */
export async function listKudosOptOuts(store: Store, repositoryIds: number[]): Promise<Set<string>> {
  if (repositoryIds.length === 0) return new Set();
  const rows = await store.db.selectFrom("reviewer_settings").select("login").where("repository_id", "in", repositoryIds).where("kudos_opt_out", "=", 1).execute();
  return new Set(rows.map((r) => r.login));
}

export async function findCheckRunId(store: Store, pullRequestId: number, headSha: string, name: string): Promise<number | undefined> {
  const row = await store.db
    .selectFrom("check_runs")
    .select("github_id")
    .where("pull_request_id", "=", pullRequestId)
    .where("head_sha", "=", headSha)
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.github_id;
}

export async function saveCheckRunId(store: Store, installationId: number, pullRequestId: number, headSha: string, name: string, githubId: number, now: Date): Promise<void> {
  await store.db
    .insertInto("check_runs")
    .values({ pull_request_id: pullRequestId, head_sha: headSha, name, github_id: githubId, installation_id: installationId, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["pull_request_id", "head_sha", "name"]).doUpdateSet({ github_id: githubId, updated_at: now.toISOString() }))
    .execute();
}

/** A GitHub write that was applied: recorded done in the same transaction as what it wrote. */
export interface AppliedGitHubWrite {
  key: string;
  installationId: number;
  githubId: number | null;
}

/** Records the nudges of a coaching review and marks its GitHub write done, in one transaction. */
export async function insertNudgesForWrite(store: Store, nudges: NudgeRecord[], write: AppliedGitHubWrite, now: Date): Promise<void> {
  await withTransaction(store, async (tx) => {
    await insertNudges(tx, nudges, now);
    await markGitHubWriteDone(tx.db, write.key, write.installationId, write.githubId, now);
  });
}

/** Stores a check run's id and marks its GitHub write done, in one transaction. */
export async function saveCheckRunIdForWrite(
  store: Store,
  checkRun: { pullRequestId: number; headSha: string; name: string },
  write: AppliedGitHubWrite & { githubId: number },
  now: Date,
): Promise<void> {
  await withTransaction(store, async (tx) => {
    await saveCheckRunId(tx, write.installationId, checkRun.pullRequestId, checkRun.headSha, checkRun.name, write.githubId, now);
    await markGitHubWriteDone(tx.db, write.key, write.installationId, write.githubId, now);
  });
}

/** Nudges recorded, counted by status (every repository, every replica). */
export async function countNudgesByStatus(store: Store) {
  return store.db
    .selectFrom("nudges")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy("status")
    .execute();
}

/** The nudges of these repositories created at or after `since` (ISO). */
export async function listRepositoryNudgesSince(
  store: Store,
  repositoryIds: readonly number[],
  since: string,
): Promise<Array<Pick<StoredNudge, "repositoryId" | "concern" | "rule" | "status" | "mode" | "createdAt">>> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("nudges")
    .select(["repository_id", "concern", "rule", "status", "mode", "created_at"])
    .where("repository_id", "in", repositoryIds)
    .where("created_at", ">=", since)
    .execute();
  return rows.map((row) => ({ repositoryId: row.repository_id, concern: row.concern, rule: row.rule, status: row.status, mode: row.mode, createdAt: row.created_at }));
}

/** A nudge addressed to a reviewer, with the pull request it was made on. */
export interface ReviewerNudge extends PullRequestRef, Pick<StoredNudge, "concern" | "path" | "line" | "status" | "mode" | "createdAt"> {}

/** Nudges addressed to a reviewer (matched by the nudged review's user id, never by login), newest first. */
export async function listReviewerNudges(store: Store, userId: number, repositoryIds: readonly number[], limit: number): Promise<ReviewerNudge[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("nudges")
    .innerJoin("pull_requests", "pull_requests.id", "nudges.pull_request_id")
    .innerJoin("repositories", "repositories.id", "nudges.repository_id")
    .innerJoin("reviews", "reviews.id", "nudges.review_id")
    .select([
      "nudges.concern",
      "nudges.path",
      "nudges.line",
      "nudges.status",
      "nudges.mode",
      "nudges.created_at",
      "pull_requests.number",
      "pull_requests.title",
      "pull_requests.html_url",
      "repositories.full_name",
    ])
    .where("reviews.reviewer_id", "=", userId)
    .where("nudges.repository_id", "in", repositoryIds)
    .orderBy("nudges.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    repository: row.full_name,
    number: row.number,
    title: row.title,
    url: row.html_url,
    concern: row.concern,
    path: row.path,
    line: row.line,
    status: row.status,
    mode: row.mode,
    createdAt: row.created_at,
  }));
}

/** Which of these repositories have a nudge addressed to the reviewer. */
export async function listNudgedRepositoryIds(store: Store, userId: number, repositoryIds: readonly number[]): Promise<number[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("nudges")
    .innerJoin("reviews", "reviews.id", "nudges.review_id")
    .select("nudges.repository_id")
    .distinct()
    .where("reviews.reviewer_id", "=", userId)
    .where("nudges.repository_id", "in", repositoryIds)
    .execute();
  return rows.map((row) => row.repository_id);
}

/** A reviewer's switches in one repository. */
export interface ReviewerSetting {
  repositoryId: number;
  /** Lower case. */
  login: string;
  coachingOptOut: boolean;
  kudosOptOut: boolean;
}

/** The reviewer's settings (login matched in lower case) in these repositories. */
export async function listReviewerSettings(store: Store, login: string, repositoryIds: readonly number[]): Promise<ReviewerSetting[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await store.db.selectFrom("reviewer_settings").selectAll().where("login", "=", login.toLowerCase()).where("repository_id", "in", repositoryIds).execute();
  return rows.map((row) => ({ repositoryId: row.repository_id, login: row.login, coachingOptOut: row.coaching_opt_out === 1, kudosOptOut: row.kudos_opt_out === 1 }));
}
