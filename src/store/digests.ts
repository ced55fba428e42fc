import type { Store } from "./open-store.js";
import type { DigestRow } from "./tables.js";

export interface DigestRecord {
  id: string;
  installationId: number;
  /** "kind:name" of the digest's target. */
  target: string;
  week: string;
  markdown: string;
  /** The built digest data, as JSON. */
  data: string;
}

/** A digest as stored, with where it was delivered. */
export interface StoredDigest extends DigestRecord {
  issueNumber: number | null;
  issueUrl: string | null;
  slackDeliveredAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

function toStoredDigest(row: DigestRow): StoredDigest {
  return {
    id: row.id,
    installationId: row.installation_id,
    target: row.target,
    week: row.week,
    markdown: row.markdown,
    data: row.data,
    issueNumber: row.issue_number,
    issueUrl: row.issue_url,
    slackDeliveredAt: row.slack_delivered_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** Stores the digest unless one with its id is stored already, and returns the stored one. */
export async function insertDigestOnce(store: Store, digest: DigestRecord, now: Date): Promise<StoredDigest> {
  await store.db
    .insertInto("digests")
    .values({ id: digest.id, installation_id: digest.installationId, target: digest.target, week: digest.week, markdown: digest.markdown, data: digest.data, issue_number: null, issue_url: null, slack_delivered_at: null, created_at: now.toISOString(), delivered_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return toStoredDigest(await store.db.selectFrom("digests").selectAll().where("id", "=", digest.id).executeTakeFirstOrThrow());
}

export async function markDigestIssueDelivered(store: Store, digestId: string, issue: { number: number; url: string }, now: Date): Promise<void> {
  await store.db.updateTable("digests").set({ issue_number: issue.number, issue_url: issue.url, delivered_at: now.toISOString() }).where("id", "=", digestId).execute();
}

export async function markDigestSentToSlack(store: Store, digestId: string, now: Date): Promise<void> {
  await store.db.updateTable("digests").set({ slack_delivered_at: now.toISOString() }).where("id", "=", digestId).execute();
}

/** The target's digests of weeks before `week` that opened an issue, newest first. */
export async function listEarlierDigestIssues(store: Store, installationId: number, target: string, week: string): Promise<Array<Pick<StoredDigest, "week" | "issueNumber" | "issueUrl">>> {
  const rows = await store.db
    .selectFrom("digests")
    .select(["week", "issue_number", "issue_url"])
    .where("installation_id", "=", installationId)
    .where("target", "=", target)
    .where("week", "<", week)
    .where("issue_number", "is not", null)
    .orderBy("week", "desc")
    .execute();
  return rows.map((row) => ({ week: row.week, issueNumber: row.issue_number, issueUrl: row.issue_url }));
}

/** Every digest of the installation, newest week first. */
export async function listInstallationDigests(
  store: Store,
  installationId: number,
): Promise<Array<Pick<StoredDigest, "id" | "target" | "week" | "markdown" | "data" | "issueUrl" | "createdAt">>> {
  const rows = await store.db
    .selectFrom("digests")
    .select(["id", "target", "week", "markdown", "data", "issue_url", "created_at"])
    .where("installation_id", "=", installationId)
    .orderBy("week", "desc")
    .execute();
  return rows.map((row) => ({ id: row.id, target: row.target, week: row.week, markdown: row.markdown, data: row.data, issueUrl: row.issue_url, createdAt: row.created_at }));
}
