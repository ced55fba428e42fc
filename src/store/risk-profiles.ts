import { type RiskProfile, riskProfileSchema } from "../coach/types.js";
import type { Store } from "./open-store.js";
import { readJson } from "./stored-json.js";
import { withTransaction } from "./with-transaction.js";

export async function findRiskProfile(store: Store, pullRequestId: number, headSha: string): Promise<RiskProfile | undefined> {
  const row = await store.db
    .selectFrom("risk_profiles")
    .select("profile")
    .where("pull_request_id", "=", pullRequestId)
    .where("head_sha", "=", headSha)
    .executeTakeFirst();
  return row ? readJson(riskProfileSchema, row.profile) : undefined;
}

/** Stores a head's risk profile (once per head SHA) and the PR's current risk level and weight. */
export async function saveRiskProfile(
  store: Store,
  pullRequestId: number,
  headSha: string,
  profile: RiskProfile,
  riskWeight: number,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await withTransaction(store, async (tx) => {
    await tx.db
      .insertInto("risk_profiles")
      .values({ pull_request_id: pullRequestId, head_sha: headSha, level: profile.level, profile: JSON.stringify(profile), computed_at: at })
      .onConflict((oc) => oc.columns(["pull_request_id", "head_sha"]).doUpdateSet({ level: profile.level, profile: JSON.stringify(profile), computed_at: at }))
      .execute();
    await updatePullRequestRisk(tx, { pullRequestId, headSha, level: profile.level, riskWeight }, now);
  });
}

/** Sets the PR's current risk level and weight, when its stored head is the profiled one. */
export async function updatePullRequestRisk(
  store: Store,
  risk: { pullRequestId: number; headSha: string; level: RiskProfile["level"]; riskWeight: number },
  now: Date,
): Promise<void> {
  await store.db
    .updateTable("pull_requests")
    .set({ risk_level: risk.level, risk_weight: risk.riskWeight, updated_at: now.toISOString() })
    .where("id", "=", risk.pullRequestId)
    .where("head_sha", "=", risk.headSha)
    .execute();
}
