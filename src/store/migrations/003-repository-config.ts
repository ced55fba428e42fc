import type { Kysely } from "kysely";

/** The config in effect per repository, kept when it is read, so the scheduler needs no GitHub request. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("repositories").addColumn("config", "text").execute();
  await db.schema.alterTable("repositories").addColumn("config_loaded_at", "text").execute();
}
