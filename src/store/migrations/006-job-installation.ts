import type { Kysely } from "kysely";

/** Jobs know their installation, so claiming can be fair across installations. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("jobs").addColumn("installation_id", "bigint").execute();
  await db.schema.createIndex("jobs_installation_status").on("jobs").columns(["installation_id", "status"]).execute();
}
