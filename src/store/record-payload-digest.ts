import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Store } from "./open-store.js";
import type { Database } from "./tables.js";

/** How long a payload is remembered: as long as delivery ids are (GitHub redelivers for a few days). */
export const PAYLOAD_DIGEST_KEEP_MS = 30 * 86_400_000;

export type PayloadDigestOutcome = "new" | "same-delivery" | "replay";

/** The identity of a webhook's content: its event name and payload (as JSON), whatever delivery id carries it. */
export function hashWebhookPayload(name: string, payloadJson: string): string {
  return createHash("sha256").update(name).update("\n").update(payloadJson).digest("hex");
}

/**
 * Remembers a payload's hash. "replay": the same payload already came under another delivery id (a
 * captured body replayed), so it must not be processed again; "same-delivery": GitHub redelivering it.
 */
export async function recordPayloadDigest(store: Store, digest: PayloadDigest): Promise<PayloadDigestOutcome> {
  const outcome = await recordPayloadDigestWith(store.db, digest);
  if (outcome === "new") await prunePayloadDigests(store.db, digest.receivedAt);
  return outcome;
}

export interface PayloadDigest {
  hash: string;
  deliveryId: string;
  installationId: number | null;
  receivedAt: Date;
}

/** recordPayloadDigest's work on a connection or inside a transaction, without the pruning. */
export async function recordPayloadDigestWith(db: Kysely<Database>, digest: PayloadDigest): Promise<PayloadDigestOutcome> {
  const inserted = await db
    .insertInto("payload_digests")
    .values({ hash: digest.hash, delivery_id: digest.deliveryId, installation_id: digest.installationId, received_at: digest.receivedAt.toISOString() })
    .onConflict((oc) => oc.column("hash").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return "new";
  const known = await db.selectFrom("payload_digests").select("delivery_id").where("hash", "=", digest.hash).executeTakeFirst();
  return known?.delivery_id === digest.deliveryId ? "same-delivery" : "replay";
}

/** Forgets payloads received longer ago than they are remembered. */
export async function prunePayloadDigests(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom("payload_digests").where("received_at", "<", new Date(now.getTime() - PAYLOAD_DIGEST_KEEP_MS).toISOString()).execute();
}
