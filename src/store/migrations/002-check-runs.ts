import type { Kysely } from "kysely";

/** The check runs the app made, so each is updated in place (one request) rather than looked up. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("check_runs")
    .addColumn("pull_request_id", "bigint", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("github_id", "bigint", (c) => c.notNull())
    .addColumn("installation_id", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("check_runs_pk", ["pull_request_id", "head_sha", "name"])
    .execute();
  await db.schema.createIndex("check_runs_installation").on("check_runs").column("installation_id").execute();
}
