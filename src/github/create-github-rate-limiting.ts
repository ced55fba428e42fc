import Bottleneck from "bottleneck";
import type { Redis } from "ioredis";
import type { Logger } from "../log.js";

/** How GitHub requests are being limited right now, for /healthz, metrics and logs. */
export interface RateLimitingStatus {
  /** shared: every replica counts against one limiter in Redis; per-replica: each process limits alone. */
  mode: "shared" | "per-replica";
  redis: "not configured" | "connecting" | "connected" | "unreachable";
  /** When the current mode began (absent when Redis is not configured). */
  since?: string;
  /** The latest Redis error while unreachable. */
  error?: string;
}

/** A Bottleneck group as @octokit/plugin-throttling uses it: `key(installation).schedule(options, fn, ...args)`. */
export interface LimiterGroup {
  key(id: string): { schedule<T>(options: Bottleneck.JobOptions, fn: (...args: never[]) => PromiseLike<T>, ...args: unknown[]): Promise<T> };
}

/** The groups handed to the throttling plugin (its `global`, `auth`, `search`, `write`, `notifications`). */
export type ThrottleGroups = Record<(typeof GROUP_NAMES)[number], LimiterGroup>;

export interface GitHubRateLimiting {
  /** Limiter groups for Octokit's throttle options; undefined without Redis (the plugin's own, per replica). */
  groups: ThrottleGroups | undefined;
  status(): RateLimitingStatus;
  close(): Promise<void>;
}

type ScheduleLimiter = ReturnType<LimiterGroup["key"]>;

/** Bottleneck's typings overload schedule by argument count; the plugin passes a variable number. */
function asLimiter(group: Bottleneck.Group, id: string): ScheduleLimiter {
  return group.key(id) as unknown as ScheduleLimiter;
}

/**
 * Drops a group's limiter of one installation here only: Group.deleteKey would also delete the state
 * every replica shares, and Bottleneck's disconnect unsubscribes without catching (an unhandled
 * rejection while Redis is away). The limiter's heartbeat is stopped; a new limiter of the same id takes
 * over its channel.
 */
function forgetLimiter(group: Bottleneck.Group, id: string): void {
  const instances = (group as unknown as { instances: Record<string, { _store?: { heartbeat?: NodeJS.Timeout } } | undefined> }).instances;
  clearInterval(instances[id]?._store?.heartbeat);
  delete instances[id];
}

/** Redis answered with an error (a script's), rather than the connection failing. */
function isReplyError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ReplyError";
}

const GROUP_NAMES = ["global", "auth", "search", "write", "notifications"] as const;

/** The plugin's own limits (ids and spacing), so shared and per-replica limiting count alike. */
const GROUP_SETTINGS: Record<(typeof GROUP_NAMES)[number], Bottleneck.ConstructorOptions> = {
  global: { id: "octokit-global", maxConcurrent: 10 },
  auth: { id: "octokit-auth", maxConcurrent: 1 },
  search: { id: "octokit-search", maxConcurrent: 1, minTime: 2000 },
  write: { id: "octokit-write", maxConcurrent: 1, minTime: 1000 },
  notifications: { id: "octokit-notifications", maxConcurrent: 1, minTime: 3000 },
};

/** Redis TTL of an idle installation's limiter, as the plugin sets it. */
const LIMITER_TTL_MS = 120_000;
/** A shared job that waits longer than this for its turn (Redis gone mid-wait) is run per replica instead. */
const SHARED_EXPIRATION_MS = 60_000;
/** After a shared limiter failed although the connection looked up, per-replica limiting is used this long. */
const DEGRADED_MS = 5_000;

/**
 * GitHub rate limiting shared by every replica through Redis (Bottleneck clustering) when REDIS_URL is
 * set, falling back to per-replica limiters while Redis is unreachable, so no GitHub call fails or waits
 * on Redis. It goes back to shared limiting when the connection is ready again. Without REDIS_URL,
 * the throttling plugin's own per-replica limiters are used (and the Redis client is not loaded).
 */
export async function createGitHubRateLimiting(redisUrl: string | undefined, log: Logger): Promise<GitHubRateLimiting> {
  if (!redisUrl) {
    return { groups: undefined, status: () => ({ mode: "per-replica", redis: "not configured" }), close: async () => {} };
  }
  const limitLog = log.child({ name: "rate-limit" });
  // Loaded only when REDIS_URL is set: the client library is a good part of an idle process's memory.
  const { Redis } = await import("ioredis");
  // Commands fail at once while disconnected (no offline queue) and within 2 s on a hung server.
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 2000, retryStrategy: (times) => Math.min(times * 200, 2000) });
  const connection = new Bottleneck.IORedisConnection({ client });
  const subscriber = (connection as unknown as { subscriber: Redis }).subscriber;
  // unknown until the first connection is made or fails.
  let state: "unknown" | "shared" | "per-replica" = "unknown";
  let shared = false;
  let since = new Date();
  let lastError: string | undefined;
  let degradedUntil = 0;

  const update = (error?: Error) => {
    if (error) lastError = error.message;
    shared = client.status === "ready" && subscriber.status === "ready" && Date.now() >= degradedUntil;
    if (shared && state !== "shared") {
      limitLog.info({ rateLimiting: "shared", was: state }, state === "unknown" ? "Redis (REDIS_URL) connected: GitHub rate limiting is shared by every replica" : "Redis (REDIS_URL) is back: GitHub rate limiting is shared by every replica again");
      state = "shared";
      since = new Date();
      lastError = undefined;
    } else if (!shared && state !== "per-replica" && (state === "shared" || error)) {
      limitLog.warn({ rateLimiting: "per-replica", err: error }, "Redis (REDIS_URL) is unreachable: GitHub rate limiting falls back to per-replica limits until it is back; GitHub calls go on");
      state = "per-replica";
      since = new Date();
    }
  };
  for (const redis of [client, subscriber]) {
    redis.on("ready", () => update());
    redis.on("close", () => update());
    redis.on("end", () => update());
    redis.on("error", (error: Error) => update(error));
  }
  // Bottleneck re-emits every Redis error; the transitions above are what is logged.
  connection.on("error", (error: Error) => {
    lastError = error.message;
  });

  const groups = Object.fromEntries(
    GROUP_NAMES.map((name) => {
      const settings = GROUP_SETTINGS[name];
      const sharedGroup = new Bottleneck.Group({ ...settings, timeout: LIMITER_TTL_MS, connection });
      const localGroup = new Bottleneck.Group({ ...settings, timeout: LIMITER_TTL_MS });
      const group: LimiterGroup = {
        key: (id) => ({
          async schedule(options, fn, ...args) {
            const local = () => asLimiter(localGroup, id).schedule(options, fn, ...args);
            if (!shared) return local();
            let started = false;
            const run = (...runArgs: never[]) => {
              started = true;
              return fn(...runArgs);
            };
            const scheduleShared = () => asLimiter(sharedGroup, id).schedule({ ...options, expiration: SHARED_EXPIRATION_MS }, run, ...args);
            try {
              return await scheduleShared();
            } catch (error) {
              // A failure of the request itself is the caller's; one before it started is Redis's.
              if (started) throw error;
              // The installation's limiter cannot go on (its state expired from Redis during an outage, or it
              // failed to start): the next shared use makes a new one.
              forgetLimiter(sharedGroup, id);
              if (isReplyError(error) && client.status === "ready") {
                try {
                  return await scheduleShared();
                } catch (retryError) {
                  if (started) throw retryError;
                  forgetLimiter(sharedGroup, id);
                }
              }
              degradedUntil = Date.now() + DEGRADED_MS;
              update(error as Error);
              setTimeout(() => update(), DEGRADED_MS + 10).unref();
              return local();
            }
          },
        }),
      };
      return [name, group];
    }),
  ) as ThrottleGroups;
  update();

  return {
    groups,
    status: () => ({
      mode: shared ? "shared" : "per-replica",
      redis: shared ? "connected" : state === "unknown" ? "connecting" : "unreachable",
      since: since.toISOString(),
      ...(!shared && lastError ? { error: lastError } : {}),
    }),
    async close() {
      await connection.disconnect(client.status === "ready").catch(() => undefined);
    },
  };
}
