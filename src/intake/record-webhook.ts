import { IntakeUnavailableError } from "../errors.js";
import type { Counter, Histogram } from "prom-client";
import type { Logger } from "../log.js";
import type { Store } from "../store/open-store.js";
import { createGroupCommit } from "./create-group-commit.js";
import type { IntakeHealth } from "./intake-health.js";
import { recordDeliveries, type DeliveryWithDigest, type RecordOutcome } from "../store/record-delivery.js";
import { hashWebhookPayload } from "../store/record-payload-digest.js";
import type { ReceivedFields, VerifiedWebhook } from "./webhook-middleware.js";

/** The counters the intake moves (the app's metrics registry has them; declared here so intake does not import http/). */
export interface IntakeMetrics {
  webhooks: Counter<"event" | "outcome">;
  ackSeconds: Histogram<"event">;
}

export interface RecordWebhookDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  /** Events that have a handler; others are recorded but not queued. */
  handledEvents: ReadonlySet<string>;
  /** Called after a new job is stored, to start it without waiting for the next poll. */
  onQueued: () => void;
  metrics?: IntakeMetrics;
  /** How long recording may take before GitHub is answered 503 (Probot answers 202 at 9 s otherwise). */
  timeoutMs?: number;
  /** Told whether each delivery was recorded, for /healthz. */
  health?: IntakeHealth;
}

/**
 * The webhook intake: runs after the webhook middleware has verified the signature, stores the delivery and its job in
 * a transaction, and returns, so GitHub gets its answer in milliseconds. The work happens in the queue.
 * Deliveries arriving while a commit runs are recorded together in the next transaction (group
 * commit); each is acknowledged only once its own transaction has committed.
 */
export function createRecordWebhook(deps: RecordWebhookDeps) {
  const log = deps.log.child({ name: "intake" });
  const timeoutMs = deps.timeoutMs ?? 8_000;
  // SQLite commits block the event loop (nothing arrives meanwhile): the deliveries handled in one turn go together.
  const record = createGroupCommit<DeliveryWithDigest, RecordOutcome | "replay">((items) => recordDeliveries(deps.store, items), {
    gatherTurn: deps.store.dialect === "sqlite",
  });
  return async (webhook: VerifiedWebhook): Promise<ReceivedFields> => {
    const started = performance.now();
    const payload = webhook.payload as {
      action?: unknown;
      installation?: { id?: unknown };
      repository?: { id?: unknown };
    };
    const action = typeof payload.action === "string" ? payload.action : null;
    const installationId = typeof payload.installation?.id === "number" ? payload.installation.id : null;
    const repositoryId = typeof payload.repository?.id === "number" ? payload.repository.id : null;
    const handled = deps.handledEvents.has(webhook.name);
    const receivedAt = deps.now();
    // The payload's JSON as received: its hash, and its job (never serialized again).
    const { payloadJson } = webhook;
    // A payload already received under another delivery id is a replay, not a redelivery.
    const recordUnlessReplayed = () =>
      record({
        digest: { hash: hashWebhookPayload(webhook.name, payloadJson), deliveryId: webhook.id, installationId, receivedAt },
        delivery: {
          id: webhook.id,
          event: webhook.name,
          action,
          installationId,
          repositoryId,
          receivedAt,
          // The job's payload is { id, name, payload }, written around the payload serialized above.
          job: handled ? { kind: "webhook", payloadJson: `{"id":${JSON.stringify(webhook.id)},"name":${JSON.stringify(webhook.name)},"payload":${payloadJson}}` } : null,
        },
      });
    let outcome: RecordOutcome | "replay";
    let timer: NodeJS.Timeout | undefined;
    if (deps.health) deps.health.recording += 1;
    try {
      outcome = await Promise.race([
        recordUnlessReplayed(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      deps.health?.recordSuccess();
    } catch (error) {
      // Not acknowledged: GitHub records the delivery as failed, and it is redelivered (by GitHub on
      // request, or by the app's recovery of failed deliveries) once the database answers again.
      deps.health?.recordFailure(error, deps.now());
      log.error({ err: error, deliveryId: webhook.id, event: webhook.name }, "could not record the delivery: answering 503 so GitHub marks it failed");
      deps.metrics?.webhooks.inc({ event: webhook.name, outcome: "refused" });
      throw new IntakeUnavailableError(`could not record delivery ${webhook.id}: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
      if (deps.health) deps.health.recording -= 1;
    }
    // At info, these go on the request's access line (one line per delivery).
    const fields = { event: webhook.name, action, installationId, outcome };
    if (outcome === "replay") {
      log.warn({ deliveryId: webhook.id, event: webhook.name, installationId }, "payload already received under another delivery id (a replay): ignored");
      deps.metrics?.webhooks.inc({ event: webhook.name, outcome: "duplicate" });
      return fields;
    }
    if (log.isLevelEnabled("debug")) {
      const message = outcome === "duplicate" ? "redelivery of a known delivery: ignored" : handled ? "webhook queued" : "webhook recorded (no handler)";
      log.debug({ deliveryId: webhook.id, ...fields }, message);
    }
    if (handled && outcome !== "duplicate") deps.onQueued();
    deps.metrics?.webhooks.inc({ event: webhook.name, outcome: outcome === "new" ? (handled ? "queued" : "recorded") : outcome });
    deps.metrics?.ackSeconds.observe({ event: webhook.name }, (performance.now() - started) / 1000);
    return fields;
  };
}
