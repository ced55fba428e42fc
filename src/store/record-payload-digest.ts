import { createHash } from "node:crypto";
import type { Store } from "./open-store.js";

/** How long a payload is remembered: as long as delivery ids are (GitHub redelivers for a few days). */
const KEEP_MS = 30 * 86_400_000;

export type PayloadDigestOutcome = "new" | "same-delivery" | "replay";

/** The identity of a webhook's content: its event name and payload, whatever delivery id carries it. */
export function hashWebhookPayload(name: string, payload: unknown): string {
  return createHash("sha256").update(name).update("\n").update(JSON.stringify(payload)).digest("hex");
}

/**
 * Remembers a payload's hash. "replay": the same payload already came under another delivery id (a
 * captured body replayed), so it must not be processed again; "same-delivery": GitHub redelivering it.
 */
export async function recordPayloadDigest(
  store: Store,
  digest: { hash: string; deliveryId: string; installationId: number | null; receivedAt: Date },
): Promise<PayloadDigestOutcome> {
  const at = digest.receivedAt.toISOString();
  const inserted = await store.db
    .insertInto("payload_digests")
    .values({ hash: digest.hash, delivery_id: digest.deliveryId, installation_id: digest.installationId, received_at: at })
    .onConflict((oc) => oc.column("hash").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
    await store.db.deleteFrom("payload_digests").where("received_at", "<", new Date(digest.receivedAt.getTime() - KEEP_MS).toISOString()).execute();
    return "new";
  }
  const known = await store.db.selectFrom("payload_digests").select("delivery_id").where("hash", "=", digest.hash).executeTakeFirst();
  return known?.delivery_id === digest.deliveryId ? "same-delivery" : "replay";
}
