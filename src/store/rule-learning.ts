import type { RuleOutcome } from "../coach/build-muted-rules.js";
import type { RuleNudgeOutcome } from "../coach/build-rule-effectiveness.js";
import type { Store } from "./open-store.js";

const DELIVERED = ["sent", "listed", "acted-on", "dismissed", "ignored"];

/** What became of every delivered nudge of the installation's repositories whose rule is known. */
export async function listRuleOutcomes(store: Store, installationId: number): Promise<RuleOutcome[]> {
  const rows = await store.db
    .selectFrom("nudges")
    .select(["repository_id", "rule", "rule_version", "status", "created_at", "acted_on_at", "dismissed_at", "ignored_at"])
    .where("installation_id", "=", installationId)
    .where("rule", "is not", null)
    .where("mode", "!=", "shadow")
    .where("status", "in", DELIVERED)
    .execute();
  return rows.map((row) => {
    const outcome = row.status === "acted-on" || row.status === "dismissed" || row.status === "ignored" ? row.status : "pending";
    const at = { "acted-on": row.acted_on_at, dismissed: row.dismissed_at, ignored: row.ignored_at, pending: row.created_at }[outcome];
    return {
      rule: row.rule!,
      ruleVersion: row.rule_version ?? "",
      repositoryId: Number(row.repository_id),
      outcome,
      sentAt: row.created_at,
      outcomeAt: at ?? row.created_at,
    };
  });
}

/** Per-rule outcomes of the nudges created since `since` in these repositories (for effectiveness tables). */
export async function listRuleNudgeOutcomes(store: Store, repositoryIds: readonly number[], since: string): Promise<RuleNudgeOutcome[]> {
  if (repositoryIds.length === 0) return [];
  return store.db
    .selectFrom("nudges")
    .select(["rule", "status", "mode"])
    .where("repository_id", "in", [...repositoryIds])
    .where("created_at", ">=", since)
    .execute();
}

export async function listRuleResets(store: Store, repositoryId: number): Promise<{ rule: string; at: string }[]> {
  const rows = await store.db.selectFrom("rule_resets").select(["rule", "reset_at"]).where("repository_id", "=", repositoryId).execute();
  return rows.map((r) => ({ rule: r.rule, at: r.reset_at }));
}

/** `/coach unmute <rule>`: what the repository learned about the rule until now stops counting. */
export async function resetRuleLearning(store: Store, reset: { installationId: number; repositoryId: number; rule: string; login: string }, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("rule_resets")
    .values({ repository_id: reset.repositoryId, rule: reset.rule, installation_id: reset.installationId, reset_by: reset.login, reset_at: at })
    .onConflict((oc) => oc.columns(["repository_id", "rule"]).doUpdateSet({ reset_by: reset.login, reset_at: at }))
    .execute();
}

/** A pull request closed: its nudges nobody acted on nor dismissed count as ignored. */
export async function markNudgesIgnored(store: Store, pullRequestId: number, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await store.db
    .updateTable("nudges")
    .set({ status: "ignored", ignored_at: at, updated_at: at })
    .where("pull_request_id", "=", pullRequestId)
    .where("status", "in", ["sent", "listed"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
