import type { Kysely, Transaction } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./tables.js";

export interface GitHubWrite {
  key: string;
  status: "started" | "done";
  variant: string | null;
  githubId: number | null;
}

/** The progress of one GitHub write, or undefined when no attempt has started it. */
export async function findGitHubWrite(store: Store, key: string): Promise<GitHubWrite | undefined> {
  const row = await store.db.selectFrom("github_writes").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row) return undefined;
  return { key: row.key, status: row.status === "done" ? "done" : "started", variant: row.variant, githubId: row.github_id };
}

/** Marks a write as about to be sent: from now on a retry must look on GitHub before writing again. */
export async function markGitHubWriteStarted(store: Store, key: string, installationId: number, variant: string | null, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("github_writes")
    .values({ key, installation_id: installationId, status: "started", variant, github_id: null, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ variant, updated_at: at }).where("github_writes.status", "=", "started"))
    .execute();
}

/** Marks a write as applied on GitHub (in the caller's transaction when given, with what it records). */
export async function markGitHubWriteDone(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  installationId: number,
  githubId: number | null,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("github_writes")
    .values({ key, installation_id: installationId, status: "done", variant: null, github_id: githubId, updated_at: at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ status: "done", github_id: githubId, updated_at: at }))
    .execute();
}
