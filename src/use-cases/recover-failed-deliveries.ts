import type { GitHubClient, HookDelivery } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { JobQueue } from "../store/job-queue.js";
import type { Store } from "../store/open-store.js";
import { findRecordedDeliveryIds } from "../store/record-delivery.js";

export interface RecoveryLimits {
  /** How far back failed deliveries are looked for (GitHub redelivers up to 3 days back). */
  windowMs: number;
  /** Most redeliveries asked for in one pass. */
  budget: number;
}

/** Attempts of one delivery (its first and its redeliveries) after which the app stops asking. */
export const MAX_DELIVERY_ATTEMPTS = 3;

export interface RecoveryOutcome {
  failed: number;
  requested: number;
  /** Redelivery requests GitHub refused or that did not reach it. */
  refused: number;
  /** Failed deliveries left for a later pass, over the budget. */
  deferred: number;
}

/** An attempt GitHub counts as not delivered: the app answered an error, or did not answer (status 0). */
export function isFailedAttempt(attempt: HookDelivery): boolean {
  return attempt.status_code < 200 || attempt.status_code >= 400;
}

/**
 * The failed deliveries worth a redelivery, oldest first: those whose latest attempt failed, that were
 * not recorded by the intake after all, and that have had fewer than MAX_DELIVERY_ATTEMPTS attempts.
 * The attempt returned is the latest one (the one to redeliver).
 */
export function selectDeliveriesToRedeliver(attempts: readonly HookDelivery[], recorded: ReadonlySet<string>): HookDelivery[] {
  const byGuid = new Map<string, HookDelivery[]>();
  for (const attempt of attempts) byGuid.set(attempt.guid, [...(byGuid.get(attempt.guid) ?? []), attempt]);
  const chosen: HookDelivery[] = [];
  for (const [guid, tries] of byGuid) {
    const latest = tries.reduce((a, b) => (Date.parse(b.delivered_at) > Date.parse(a.delivered_at) || (b.delivered_at === a.delivered_at && b.id > a.id) ? b : a));
    if (!isFailedAttempt(latest) || recorded.has(guid) || tries.length >= MAX_DELIVERY_ATTEMPTS) continue;
    chosen.push(latest);
  }
  return chosen.sort((a, b) => Date.parse(a.delivered_at) - Date.parse(b.delivered_at));
}

/**
 * Recovery of failed deliveries: GitHub records a delivery the app could not take (down, restarting,
 * database away) and never retries it by itself. This lists the app's recent deliveries, and asks GitHub
 * to deliver again each failed one the intake has not recorded, within the window and the budget, with a
 * log line and a count for each. Runs as a job with a natural key, so one replica does it per period.
 */
export async function recoverFailedDeliveries(input: {
  github: GitHubClient;
  store: Store;
  now: Date;
  limits: RecoveryLimits;
  log: Logger;
  onRedelivery?: (outcome: "requested" | "refused") => void;
}): Promise<RecoveryOutcome> {
  const { github, store, now, limits, log, onRedelivery } = input;
  const attempts = await github.listHookDeliveriesSince(new Date(now.getTime() - limits.windowMs));
  const failedGuids = [...new Set(attempts.filter(isFailedAttempt).map((attempt) => attempt.guid))];
  const recorded = await findRecordedDeliveryIds(store, failedGuids);
  const candidates = selectDeliveriesToRedeliver(attempts, recorded);
  const outcome: RecoveryOutcome = { failed: failedGuids.length, requested: 0, refused: 0, deferred: Math.max(0, candidates.length - limits.budget) };
  for (const delivery of candidates.slice(0, limits.budget)) {
    const context = { deliveryId: delivery.guid, hookDeliveryId: delivery.id, event: delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event, failedAt: delivery.delivered_at, statusCode: delivery.status_code, status: delivery.status };
    try {
      await github.redeliverHookDelivery(delivery.id);
      outcome.requested += 1;
      onRedelivery?.("requested");
      log.info(context, "failed webhook delivery: redelivery requested from GitHub");
    } catch (error) {
      outcome.refused += 1;
      onRedelivery?.("refused");
      log.warn({ ...context, err: error }, "failed webhook delivery: GitHub did not take the redelivery request; the next pass tries again");
    }
  }
  if (outcome.deferred > 0) log.warn({ deferred: outcome.deferred, budget: limits.budget }, "more failed deliveries than the budget of one pass: the rest wait for the next");
  log.info({ ...outcome, attemptsRead: attempts.length }, "failed deliveries looked for");
  return outcome;
}

/** How often a replica looks for failed deliveries (one of the replicas does it per period). */
export const DELIVERY_RECOVERY_INTERVAL_MS = 10 * 60_000;

/**
 * Queues the recovery job of the current period, and one at start: its id is a natural key (the period,
 * or the minute of the start), so however many replicas tick, one job runs per period.
 */
export async function enqueueDeliveryRecovery({ queue, now, atStart }: { queue: JobQueue; now: Date; atStart: boolean }): Promise<boolean> {
  const id = atStart
    ? `redeliver:start:${now.toISOString().slice(0, 16)}`
    : `redeliver:${new Date(Math.floor(now.getTime() / DELIVERY_RECOVERY_INTERVAL_MS) * DELIVERY_RECOVERY_INTERVAL_MS).toISOString()}`;
  return queue.enqueue({ id, kind: "redeliver", payload: {} });
}
