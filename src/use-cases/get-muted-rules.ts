import { buildMutedRules, type MutedRule } from "../coach/build-muted-rules.js";
import { getRuleVersion } from "../coach/risk/rule-versions.js";
import type { RepoConfig } from "../repo-config/schema.js";
import type { Store } from "../store/open-store.js";
import { listRuleOutcomes, listRuleResets } from "../store/rule-learning.js";

/** The rules learning has muted for a repository now (none when `learning.enabled` is false). */
export async function getMutedRules(input: { store: Store; ids: { installationId: number; repositoryId: number }; config: RepoConfig; now: Date }): Promise<MutedRule[]> {
  const { store, ids, config, now } = input;
  if (!config.learning.enabled) return [];
  return buildMutedRules({
    repositoryId: ids.repositoryId,
    outcomes: await listRuleOutcomes(store, ids.installationId),
    resets: await listRuleResets(store, ids.repositoryId),
    pins: config.rules,
    ruleVersion: getRuleVersion,
    now,
    expiryDays: config.learning.muteDays,
  });
}
