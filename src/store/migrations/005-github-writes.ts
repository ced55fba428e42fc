import type { Kysely } from "kysely";

/**
 * Progress of each GitHub write a job makes, marked before the request and after it, so a retried job
 * knows whether an earlier attempt may have written (and then looks for it on GitHub) or surely did.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("github_writes")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("variant", "text")
    .addColumn("github_id", "bigint")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("github_writes_installation").on("github_writes").column("installation_id").execute();
}
