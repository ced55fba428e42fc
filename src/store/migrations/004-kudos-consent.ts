import type { Kysely } from "kysely";

/** Reviewers may decline being named in the digest's kudos (`/coach kudos off`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("reviewer_settings").addColumn("kudos_opt_out", "integer", (c) => c.notNull().defaultTo(0)).execute();
}
