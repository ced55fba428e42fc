import type { IncomingMessage, ServerResponse } from "node:http";
import type { RateLimitingStatus } from "../github/create-github-rate-limiting.js";
import type { IntakeHealth } from "../intake/intake-health.js";
import type { JobQueue } from "../store/job-queue.js";
import type { Store } from "../store/open-store.js";

/**
 * GET /healthz: 200 when the database answers and the intake records deliveries, 503 when not (a
 * stalled database can answer a ping while the intake's writes wait), with the queue depth either way,
 * and how GitHub calls are rate limited: shared through Redis, or per replica (Redis unset or away, which
 * slows nothing down and so leaves the status 200).
 */
export function createHealthzRoute(store: Store, queue: JobQueue, intake?: IntakeHealth, rateLimiting?: () => RateLimitingStatus) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    const database = await store.ping();
    const intakeOk = intake?.isHealthy ?? true;
    const queueDepth = database ? await queue.depth().catch(() => null) : null;
    const ok = database && intakeOk;
    const body = {
      status: ok ? "ok" : "unavailable",
      database: { reachable: database, dialect: store.dialect },
      intake: intakeOk ? { recording: true } : { recording: false, failingSince: intake?.failingSince?.toISOString(), error: intake?.lastError },
      queue: queueDepth,
      ...(rateLimiting ? { githubRateLimiting: rateLimiting() } : {}),
    };
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    return true;
  };
}
