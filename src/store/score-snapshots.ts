import type { DigestScoreSnapshot } from "../coach/digest-records.js";
import type { Store } from "./open-store.js";

/** The days (YYYY-MM-DD) a repository has a stored score snapshot for, from `fromDay` on, oldest first. */
export async function listScoreSnapshotDays(store: Store, repositoryId: number, fromDay = "0000-00-00"): Promise<string[]> {
  const rows = await store.db.selectFrom("repo_score_snapshots").select("day").where("repository_id", "=", repositoryId).where("day", ">=", fromDay).orderBy("day").execute();
  return rows.map((row) => row.day);
}

/** Writes each snapshot, replacing the stored one for its day. */
export async function upsertScoreSnapshots(store: Store, repositoryId: number, snapshots: readonly DigestScoreSnapshot[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const snapshot of snapshots) {
    const values = { score: snapshot.score, merged_pull_requests: snapshot.mergedPullRequests, created_at: at };
    await store.db
      .insertInto("repo_score_snapshots")
      .values({ repository_id: repositoryId, day: snapshot.day, ...values })
      .onConflict((oc) => oc.columns(["repository_id", "day"]).doUpdateSet(values))
      .execute();
  }
}

export async function deleteScoreSnapshots(store: Store, repositoryId: number, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await store.db.deleteFrom("repo_score_snapshots").where("repository_id", "=", repositoryId).where("day", "in", [...days]).execute();
}
