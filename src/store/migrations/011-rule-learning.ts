import type { Kysely } from "kysely";

/**
 * Per-rule learning (issue 13): each nudge keeps the rule (and its version) that produced it and when it
 * was left unanswered (ignored); `/coach unmute <rule>` resets what a repository has learned about a rule.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("nudges").addColumn("rule", "text").execute();
  await db.schema.alterTable("nudges").addColumn("rule_version", "text").execute();
  await db.schema.alterTable("nudges").addColumn("ignored_at", "text").execute();
  await db.schema.createIndex("nudges_installation_rule").on("nudges").columns(["installation_id", "rule"]).execute();
  await db.schema
    .createTable("rule_resets")
    .addColumn("repository_id", "bigint", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("reset_by", "text", (c) => c.notNull())
    .addColumn("reset_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rule_resets_pk", ["repository_id", "rule"])
    .execute();
}
