import type { Kysely } from "kysely";

/**
 * The config in effect is kept whole: beside the config, the files that shaped it and what was wrong with
 * them, so the dashboard and the badge read it from the store instead of asking GitHub again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("repositories").addColumn("config_sources", "text").execute();
  await db.schema.alterTable("repositories").addColumn("config_problems", "text").execute();
}
