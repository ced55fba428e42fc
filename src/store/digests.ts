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

/** Stores the digest unless one with its id is stored already, and returns the stored one. */
export async function insertDigestOnce(store: Store, digest: DigestRecord, now: Date): Promise<DigestRow> {
  await store.db
    .insertInto("digests")
    .values({ id: digest.id, installation_id: digest.installationId, target: digest.target, week: digest.week, markdown: digest.markdown, data: digest.data, issue_number: null, issue_url: null, slack_delivered_at: null, created_at: now.toISOString(), delivered_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return store.db.selectFrom("digests").selectAll().where("id", "=", digest.id).executeTakeFirstOrThrow();
}

export async function markDigestIssueDelivered(store: Store, digestId: string, issue: { number: number; url: string }, now: Date): Promise<void> {
  await store.db.updateTable("digests").set({ issue_number: issue.number, issue_url: issue.url, delivered_at: now.toISOString() }).where("id", "=", digestId).execute();
}

export async function markDigestSentToSlack(store: Store, digestId: string, now: Date): Promise<void> {
  await store.db.updateTable("digests").set({ slack_delivered_at: now.toISOString() }).where("id", "=", digestId).execute();
}

/** The target's digests of weeks before `week` that opened an issue, newest first. */
export async function listEarlierDigestIssues(store: Store, installationId: number, target: string, week: string) {
  return store.db
    .selectFrom("digests")
    .select(["week", "issue_number", "issue_url"])
    .where("installation_id", "=", installationId)
    .where("target", "=", target)
    .where("week", "<", week)
    .where("issue_number", "is not", null)
    .orderBy("week", "desc")
    .execute();
}

/** Every digest of the installation, newest week first. */
export async function listInstallationDigests(store: Store, installationId: number) {
  return store.db
    .selectFrom("digests")
    .select(["id", "target", "week", "markdown", "data", "issue_url", "created_at"])
    .where("installation_id", "=", installationId)
    .orderBy("week", "desc")
    .execute();
}
