import type { Kysely } from "kysely";

/** Dashboard sessions signed out before they expire: refused on every replica until then. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema before it exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("revoked_sessions")
    .addColumn("session_hash", "text", (c) => c.primaryKey())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("revoked_sessions_expires").on("revoked_sessions").column("expires_at").execute();
}
