import { createServer } from "node:net";
import { hostname } from "node:os";
import { Probot, Server } from "probot";
import { createReviewCoachApp } from "./app.js";
import type { Env } from "./env.js";
import { createGitHubRateLimiting } from "./github/create-github-rate-limiting.js";
import { createOctokitClass, type OctokitPolicy } from "./github/create-octokit-class.js";
import { Scheduler } from "./digest/scheduler.js";
import { createWebhookMiddleware, WebhookReceiver } from "./intake/webhook-middleware.js";
import { createJobProcessor } from "./jobs/process-job.js";
import { webhookHandlers } from "./handlers/index.js";
import { IntakeHealth } from "./intake/intake-health.js";
import type { Logger } from "./log.js";
import { createSqlJobQueue } from "./store/job-queue.js";
import { Worker } from "./queue/worker.js";
import { createGitHubClientFactory } from "./github/github-client.js";
import { createMetrics } from "./metrics/create-metrics.js";
import { createConfigCache } from "./repo-config/create-config-cache.js";
import { openStore, type Store } from "./store/open-store.js";
import { enqueueDeliveryRecovery } from "./use-cases/recover-failed-deliveries.js";

export interface StartOptions {
  env: Env;
  log: Logger;
  /** Tests turn GitHub throttling and retries off. */
  octokitPolicy?: OctokitPolicy;
  now?: () => Date;
  /** Set false to run without the digest scheduler (tests drive it themselves). */
  scheduler?: boolean;
  /** How long a repository's config is reused (default 5 minutes). */
  configCacheMs?: number;
  /** Worker tuning, for tests. */
  worker?: { pollMs?: number; leaseMs?: number; baseBackoffMs?: number };
}

export interface RunningApp {
  server: Server;
  store: Store;
  worker: Worker;
  scheduler: Scheduler;
  port: number;
  /** Graceful stop: no new webhooks, running jobs finish or go back to the queue, the database closes. */
  stop(): Promise<void>;
}

/** Wires the app together: store, queue, worker, Probot server with the webhook intake and routes. */
export async function startReviewCoach(options: StartOptions): Promise<RunningApp> {
  const { env, log } = options;
  const now = options.now ?? (() => new Date());
  if (!env.APP_ID || !env.privateKey || !env.WEBHOOK_SECRET) throw new Error("startReviewCoach needs APP_ID, a private key and the webhook secret");

  const store = await openStore({ databaseUrl: env.DATABASE_URL, sqlitePath: env.sqlitePath, log, checkpointInBackground: true });
  const rateLimiting = await createGitHubRateLimiting(env.REDIS_URL, log);
  const octokitPolicy = options.octokitPolicy ?? { throttle: true, retry: true };
  const queue = createSqlJobQueue(store, now);
  const metrics = createMetrics(queue, store, rateLimiting.status);
  const ProbotWithDefaults = Probot.defaults({
    appId: env.APP_ID,
    privateKey: env.privateKey,
    secret: env.WEBHOOK_SECRET,
    baseUrl: env.githubApiUrl,
    log: log.child({ name: "probot" }),
    Octokit: createOctokitClass({ ...octokitPolicy, limiterGroups: rateLimiting.groups, requestMetrics: metrics }),
  });
  // The intake needs a delivery's id, name and payload only: this middleware guards, verifies and hands them
  // on without building an authenticated Octokit per event as Probot's does (the jobs connect to GitHub when
  // they run), reading and parsing each body once.
  const webhooks = new WebhookReceiver();
  // Shared by the webhook middleware (requests waiting for their answer), the intake and the worker (which holds back meanwhile).
  const intakeHealth = new IntakeHealth();
  // Probot's server mounts this class's webhook middleware first: the guard bounds the body before it is read whole.
  const webhookPath = env.WEBHOOK_PATH;
  const secret = env.WEBHOOK_SECRET;
  class GuardedProbot extends ProbotWithDefaults {
    override getNodeMiddleware(options?: Parameters<Probot["getNodeMiddleware"]>[0]) {
      const path = options?.path ?? webhookPath;
      return Promise.resolve(createWebhookMiddleware({ path, secret, receiver: webhooks, log: options?.log ?? log.child({ name: "webhooks" }), activity: intakeHealth }));
    }
  }
  const probot = new ProbotWithDefaults();

  const loadConfig = createConfigCache(now, options.configCacheMs);
  const connectGitHub = createGitHubClientFactory((installationId) => probot.auth(installationId));
  const worker = new Worker({
    queue,
    log,
    concurrency: env.WORKER_CONCURRENCY,
    maxAttempts: env.JOB_MAX_ATTEMPTS,
    leaseMs: env.JOB_LEASE_MS,
    // Only this process uses the embedded store: a stable id lets a restart take its jobs back at once.
    ...(store.dialect === "sqlite" ? { workerId: `embedded@${hostname()}` } : {}),
    now,
    onJobFinished: (kind, outcome, seconds) => metrics.jobSeconds.observe({ kind, outcome }, seconds),
    // Under a flood of deliveries one job runs at a time, and the next waits for a lull (or 2 s), so acknowledgements are not starved of CPU.
    yieldTo: () => intakeHealth.isBusy,
    ...options.worker,
    processJob: createJobProcessor({
      handlers: webhookHandlers,
      connectGitHub,
      store,
      now,
      loadConfig,
      enqueue: async (job) => {
        const queued = await queue.enqueue(job);
        if (queued) worker.notify();
        return queued;
      },
      slackWebhookUrl: env.SLACK_WEBHOOK_URL,
      recovery: { windowMs: env.REDELIVERY_WINDOW_HOURS * 3_600_000, budget: env.REDELIVERY_BUDGET },
      onRedelivery: (outcome) => metrics.redeliveries.inc({ outcome }),
    }),
  });
  const scheduler = new Scheduler({
    store,
    queue,
    log,
    now,
    intervalMs: env.SCHEDULER_INTERVAL_MS,
    onEnqueued: () => worker.notify(),
    // Failed deliveries are looked for at start and every 10 minutes, by one replica each time.
    onTick: async (at, first) => (env.REDELIVERY_WINDOW_HOURS > 0 && (await enqueueDeliveryRecovery({ queue, now: at, atStart: first })) ? 1 : 0),
  });

  const server = new Server({
    Probot: GuardedProbot,
    host: env.HOST,
    // Probot's server treats port 0 as "unset" (3000), so a free port is picked here.
    port: env.PORT === 0 ? await findFreePort(env.HOST) : env.PORT,
    webhookPath: env.WEBHOOK_PATH,
    log: log.child({ name: "server" }),
    enableStaticFiles: false,
    ...(env.WEBHOOK_PROXY_URL ? { webhookProxy: env.WEBHOOK_PROXY_URL } : {}),
  });
  await server.load(createReviewCoachApp({ webhooks, store, queue, log, now, metrics, env, rateLimitingStatus: rateLimiting.status, intakeHealth, octokitPolicy, onQueued: () => worker.notify() }));
  const httpServer = await server.start();
  worker.start();
  if (options.scheduler !== false) scheduler.start();
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;

  let stopping: Promise<void> | undefined;
  return {
    server,
    store,
    worker,
    scheduler,
    port,
    stop() {
      stopping ??= (async () => {
        await server.stop();
        await scheduler.stop();
        await worker.stop(env.SHUTDOWN_TIMEOUT_MS);
        await rateLimiting.close();
        await store.close();
      })();
      return stopping;
    },
  };
}

async function findFreePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, host, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
