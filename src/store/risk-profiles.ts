import { type RiskProfile, riskProfileSchema } from "../coach/types.js";
import type { Store } from "./open-store.js";
import { readJson } from "./stored-json.js";

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
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("risk_profiles")
      .values({ pull_request_id: pullRequestId, head_sha: headSha, level: profile.level, profile: JSON.stringify(profile), computed_at: at })
      .onConflict((oc) => oc.columns(["pull_request_id", "head_sha"]).doUpdateSet({ level: profile.level, profile: JSON.stringify(profile), computed_at: at }))
      .execute();
    await trx
      .updateTable("pull_requests")
      .set({ risk_level: profile.level, risk_weight: riskWeight, updated_at: at })
      .where("id", "=", pullRequestId)
      .where("head_sha", "=", headSha)
      .execute();
  });
}
