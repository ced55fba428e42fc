import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RateLimitingStatus } from "../github/create-github-rate-limiting.js";
import type { JobQueue } from "../store/job-queue.js";
import { countNudgesByStatus } from "../store/nudges.js";
import type { Store } from "../store/open-store.js";

/** The app's Prometheus metrics, in a registry of its own (served at /metrics behind METRICS_TOKEN). */
export interface Metrics {
  registry: Registry;
  webhooks: Counter<"event" | "outcome">;
  ackSeconds: Histogram<"event">;
  jobSeconds: Histogram<"kind" | "outcome">;
  githubRequests: Counter<"status">;
  rateLimitRemaining: Gauge;
  redeliveries: Counter<"outcome">;
}

export function createMetrics(queue: JobQueue, store: Store, rateLimiting?: () => RateLimitingStatus): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "review_coach_" });
  const metrics: Metrics = {
    registry,
    webhooks: new Counter({ name: "review_coach_webhooks_total", help: "Webhook deliveries by event and outcome (queued, duplicate, recorded, requeued).", labelNames: ["event", "outcome"], registers: [registry] }),
    ackSeconds: new Histogram({ name: "review_coach_webhook_ack_seconds", help: "Time to record a verified delivery and its job.", labelNames: ["event"], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
    jobSeconds: new Histogram({ name: "review_coach_job_duration_seconds", help: "Job processing time by kind and outcome (done, retry, throttled, dead, gone).", labelNames: ["kind", "outcome"], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [registry] }),
    githubRequests: new Counter({ name: "review_coach_github_requests_total", help: "GitHub API requests by HTTP status.", labelNames: ["status"], registers: [registry] }),
    redeliveries: new Counter({ name: "review_coach_redeliveries_total", help: "Failed webhook deliveries the app asked GitHub to deliver again, by outcome (requested, refused).", labelNames: ["outcome"], registers: [registry] }),
    rateLimitRemaining: new Gauge({ name: "review_coach_github_rate_limit_remaining", help: "x-ratelimit-remaining of the latest GitHub answer.", registers: [registry] }),
  };
  new Gauge({
    name: "review_coach_nudges",
    help: "Nudges recorded, by outcome (sent, listed, shadow, dismissed, acted-on), across all replicas.",
    labelNames: ["outcome"],
    registers: [registry],
    async collect() {
      const rows = await countNudgesByStatus(store).catch(() => []);
      for (const row of rows) this.set({ outcome: row.status }, Number(row.count));
    },
  });
  new Gauge({
    name: "review_coach_queue_jobs",
    help: "Jobs in the queue by status (queued, running, dead).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const depth = await queue.depth().catch(() => null);
      if (!depth) return;
      for (const [status, count] of Object.entries(depth)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "review_coach_github_rate_limit_shared",
    help: "1 while GitHub rate limiting is shared by the replicas through Redis, 0 while each replica limits alone (REDIS_URL unset or Redis unreachable).",
    registers: [registry],
    collect() {
      this.set(rateLimiting?.().mode === "shared" ? 1 : 0);
    },
  });
  return metrics;
}
