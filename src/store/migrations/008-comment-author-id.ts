import type { Kysely } from "kysely";

/** Comments keep their author's user id: private pages match people by id, never by a login someone may take next. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("review_comments").addColumn("author_id", "bigint").execute();
}
