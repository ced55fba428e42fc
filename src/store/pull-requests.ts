import type { Store } from "./open-store.js";
import type { PullRequestRow } from "./tables.js";

export interface PullRequestRecord {
  id: number;
  installationId: number;
  repositoryId: number;
  number: number;
  title: string;
  htmlUrl: string;
  authorLogin: string;
  authorIsBot: boolean;
  state: string;
  draft: boolean;
  merged: boolean;
  headSha: string;
  baseRef: string;
  /** Absent from the PR object of review and comment webhooks: then the stored figures are kept. */
  additions: number | undefined;
  deletions: number | undefined;
  changedFiles: number | undefined;
  openedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
}

/** A pull request as the store keeps it: what GitHub said and what the app computed (risk, score, times). */
export interface StoredPullRequest extends Omit<PullRequestRecord, "additions" | "deletions" | "changedFiles"> {
  additions: number;
  deletions: number;
  changedFiles: number;
  riskLevel: string | null;
  /** Weight of this PR in the repository score, from its risk profile. */
  riskWeight: number | null;
  /** The PR score: the union of its reviews. Null until reviewed. */
  score: number | null;
  firstReviewRequestedAt: string | null;
  firstReviewedAt: string | null;
  updatedAt: string;
}

/** What names a pull request to a reader: its repository ("owner/name"), number, title and page. */
export interface PullRequestRef {
  repository: string;
  number: number;
  title: string;
  url: string;
}

function toStoredPullRequest(row: PullRequestRow): StoredPullRequest {
  return {
    id: row.id,
    installationId: row.installation_id,
    repositoryId: row.repository_id,
    number: row.number,
    title: row.title,
    htmlUrl: row.html_url,
    authorLogin: row.author_login,
    authorIsBot: row.author_is_bot === 1,
    state: row.state,
    draft: row.draft === 1,
    merged: row.merged === 1,
    headSha: row.head_sha,
    baseRef: row.base_ref,
    additions: row.additions,
    deletions: row.deletions,
    changedFiles: row.changed_files,
    riskLevel: row.risk_level,
    riskWeight: row.risk_weight,
    score: row.score,
    openedAt: row.opened_at,
    firstReviewRequestedAt: row.first_review_requested_at,
    firstReviewedAt: row.first_reviewed_at,
    mergedAt: row.merged_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

/** Inserts or refreshes what GitHub says about a pull request; keeps what the app computed. */
export async function upsertPullRequest(store: Store, pr: PullRequestRecord, now: Date): Promise<void> {
  const at = now.toISOString();
  const facts = {
    installation_id: pr.installationId,
    repository_id: pr.repositoryId,
    number: pr.number,
    title: pr.title,
    html_url: pr.htmlUrl,
    author_login: pr.authorLogin,
    author_is_bot: pr.authorIsBot ? 1 : 0,
    state: pr.state,
    draft: pr.draft ? 1 : 0,
    merged: pr.merged ? 1 : 0,
    head_sha: pr.headSha,
    base_ref: pr.baseRef,
    ...(pr.additions === undefined ? {} : { additions: pr.additions }),
    ...(pr.deletions === undefined ? {} : { deletions: pr.deletions }),
    ...(pr.changedFiles === undefined ? {} : { changed_files: pr.changedFiles }),
    merged_at: pr.mergedAt,
    closed_at: pr.closedAt,
    updated_at: at,
  };
  await store.db
    .insertInto("pull_requests")
    .values({
      id: pr.id,
      ...facts,
      additions: pr.additions ?? 0,
      deletions: pr.deletions ?? 0,
      changed_files: pr.changedFiles ?? 0,
      opened_at: pr.openedAt,
      risk_level: null,
      risk_weight: null,
      score: null,
      first_review_requested_at: null,
      first_reviewed_at: null,
    })
    .onConflict((oc) => oc.column("id").doUpdateSet(facts))
    .execute();
}

export async function findPullRequest(store: Store, id: number): Promise<StoredPullRequest | undefined> {
  const row = await store.db.selectFrom("pull_requests").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toStoredPullRequest(row);
}

/** Issue comment webhooks name a PR only by repository and number. */
export async function findPullRequestByNumber(store: Store, repositoryId: number, number: number): Promise<StoredPullRequest | undefined> {
  const row = await store.db.selectFrom("pull_requests").selectAll().where("repository_id", "=", repositoryId).where("number", "=", number).executeTakeFirst();
  return row && toStoredPullRequest(row);
}

/** Time to first review is measured from the first review request; later requests don't move it. */
export async function markReviewRequested(store: Store, pullRequestId: number, at: string): Promise<void> {
  await store.db
    .updateTable("pull_requests")
    .set({ first_review_requested_at: at })
    .where("id", "=", pullRequestId)
    .where((eb) => eb.or([eb("first_review_requested_at", "is", null), eb("first_review_requested_at", ">", at)]))
    .execute();
}
