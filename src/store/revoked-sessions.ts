import { createHash } from "node:crypto";
import type { Store } from "./open-store.js";

/** A session's identity, from its contents (user, token, issue time); the token itself is never stored. */
export function hashSession(session: { id: number; token: string; issued: number }): string {
  return createHash("sha256").update(`${session.id}\n${session.issued}\n${session.token}`).digest("hex");
}

/** Sign-out: the session is refused from now until it would have expired; expired entries are dropped. */
export async function revokeSession(store: Store, sessionHash: string, expires: Date, now: Date): Promise<void> {
  await store.db
    .insertInto("revoked_sessions")
    .values({ session_hash: sessionHash, expires_at: expires.toISOString() })
    .onConflict((oc) => oc.column("session_hash").doNothing())
    .execute();
  await store.db.deleteFrom("revoked_sessions").where("expires_at", "<", now.toISOString()).execute();
}

export async function isSessionRevoked(store: Store, sessionHash: string): Promise<boolean> {
  const row = await store.db.selectFrom("revoked_sessions").select("session_hash").where("session_hash", "=", sessionHash).executeTakeFirst();
  return row !== undefined;
}
