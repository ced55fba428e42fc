import type { ApplicationFunction } from "probot";
import { createDashboardHandler } from "./http/create-dashboard-handler.js";
import type { Env } from "./env.js";
import type { RateLimitingStatus } from "./github/create-github-rate-limiting.js";
import { webhookHandlers } from "./handlers/index.js";
import { createRecordWebhook } from "./intake/record-webhook.js";
import type { IntakeHealth } from "./intake/intake-health.js";
import type { WebhookReceiver } from "./intake/webhook-middleware.js";
import { createHealthzRoute } from "./http/healthz-route.js";
import type { Metrics } from "./metrics/create-metrics.js";
import type { Logger } from "./log.js";
import type { JobQueue } from "./store/job-queue.js";
import type { Store } from "./store/open-store.js";
import type { OctokitPolicy } from "./github/create-octokit-class.js";

export interface AppDeps {
  /** Where the server's webhook middleware hands each verified delivery. */
  webhooks: WebhookReceiver;
  store: Store;
  queue: JobQueue;
  log: Logger;
  now: () => Date;
  onQueued: () => void;
  metrics: Metrics;
  env: Env;
  /** Shared (Redis) or per-replica GitHub rate limiting, for /healthz. */
  rateLimitingStatus: () => RateLimitingStatus;
  /** The intake's health, shared with the worker (which yields to deliveries being recorded). */
  intakeHealth: IntakeHealth;
  /** Throttling and retry of GitHub requests, for the dashboard's user-token client as for the app's. */
  octokitPolicy?: OctokitPolicy;
}

/** The Probot app: every verified webhook goes to the durable intake; /healthz, the dashboard, badge, API and /metrics beside it. */
export function createReviewCoachApp(deps: AppDeps): ApplicationFunction {
  return (_app, { addHandler }) => {
    const { intakeHealth } = deps;
    const recordWebhook = createRecordWebhook({
      store: deps.store,
      log: deps.log,
      now: deps.now,
      handledEvents: new Set(Object.keys(webhookHandlers)),
      onQueued: deps.onQueued,
      metrics: deps.metrics,
      health: intakeHealth,
    });
    deps.webhooks.onAny((event) => recordWebhook(event));
    addHandler(createHealthzRoute(deps.store, deps.queue, intakeHealth, deps.rateLimitingStatus));
    addHandler(
      createDashboardHandler({
        store: deps.store,
        log: deps.log,
        now: deps.now,
        env: deps.env,
        metricsRegistry: deps.metrics.registry,
        octokitPolicy: deps.octokitPolicy,
      }),
    );
  };
}
