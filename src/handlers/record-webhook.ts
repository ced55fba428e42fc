import type { Metrics } from "../http/create-metrics.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/open-store.js";
import { recordDelivery } from "../store/record-delivery.js";
import { hashWebhookPayload, recordPayloadDigest } from "../store/record-payload-digest.js";

export interface ReceivedWebhook {
  id: string;
  name: string;
  payload: unknown;
}

export interface RecordWebhookDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  /** Events that have a handler; others are recorded but not queued. */
  handledEvents: ReadonlySet<string>;
  /** Called after a new job is stored, to start it without waiting for the next poll. */
  onQueued: () => void;
  metrics?: Metrics;
}

/**
 * The webhook intake: runs after Probot has verified the signature, stores the delivery and its job in
 * one transaction, and returns, so GitHub gets its answer in milliseconds. The work happens in the queue.
 */
export function createRecordWebhook(deps: RecordWebhookDeps) {
  const log = deps.log.child({ name: "intake" });
  return async (webhook: ReceivedWebhook): Promise<void> => {
    const started = performance.now();
    const payload = (webhook.payload ?? {}) as {
      action?: unknown;
      installation?: { id?: unknown };
      repository?: { id?: unknown };
    };
    const action = typeof payload.action === "string" ? payload.action : null;
    const installationId = typeof payload.installation?.id === "number" ? payload.installation.id : null;
    const repositoryId = typeof payload.repository?.id === "number" ? payload.repository.id : null;
    const handled = deps.handledEvents.has(webhook.name);
    const seen = await recordPayloadDigest(deps.store, {
      hash: hashWebhookPayload(webhook.name, webhook.payload),
      deliveryId: webhook.id,
      installationId,
      receivedAt: deps.now(),
    });
    if (seen === "replay") {
      log.warn({ deliveryId: webhook.id, event: webhook.name, installationId }, "payload already received under another delivery id (a replay): ignored");
      deps.metrics?.webhooks.inc({ event: webhook.name, outcome: "duplicate" });
      return;
    }
    const outcome = await recordDelivery(deps.store, {
      id: webhook.id,
      event: webhook.name,
      action,
      installationId,
      repositoryId,
      receivedAt: deps.now(),
      job: handled ? { kind: "webhook", payload: { id: webhook.id, name: webhook.name, payload: webhook.payload } } : null,
    });
    const fields = { deliveryId: webhook.id, event: webhook.name, action, installationId, outcome };
    if (outcome === "duplicate") log.info(fields, "redelivery of a known delivery: ignored");
    else log.info(fields, handled ? "webhook queued" : "webhook recorded (no handler)");
    if (handled && outcome !== "duplicate") deps.onQueued();
    deps.metrics?.webhooks.inc({ event: webhook.name, outcome: outcome === "new" ? (handled ? "queued" : "recorded") : outcome });
    deps.metrics?.ackSeconds.observe({ event: webhook.name }, (performance.now() - started) / 1000);
  };
}
