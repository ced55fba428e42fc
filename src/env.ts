import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { EnvError } from "./errors.js";

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * Every deployment setting, with what it is for. The README's environment table is written from these
 * descriptions; keep them in step.
 */
export const envSchema = z
  .object({
    APP_ID: optionalString
      .pipe(z.string().regex(/^\d+$/, "must be the numeric App ID from the GitHub App's settings").optional())
      .transform((value) => (value === undefined ? undefined : Number(value)))
      .describe("The GitHub App's id. Without it the app starts in setup mode to register itself from app.yml."),
    PRIVATE_KEY: optionalString.describe("The app's private key (PEM). Escaped newlines (\\n) are accepted."),
    PRIVATE_KEY_PATH: optionalString.describe("Path to the app's private key file, instead of PRIVATE_KEY."),
    WEBHOOK_SECRET: optionalString.describe("The secret GitHub signs webhooks with. Required with APP_ID."),
    WEBHOOK_PROXY_URL: optionalString
      .pipe(z.url().optional())
      .describe("Development only: a smee.io channel that forwards GitHub's webhooks to this machine."),
    WEBHOOK_PATH: z.string().startsWith("/").default("/api/github/webhooks").describe("Path webhooks are posted to."),
    DATABASE_URL: optionalString
      .refine((url) => url === undefined || /^postgres(ql)?:\/\//.test(url), {
        message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)",
      })
      .describe("PostgreSQL URL for several replicas, with the user (postgres://USER:PASSWORD@HOST:5432/DATABASE; without one, PGUSER or USER must be set). Unset: an embedded SQLite file in DATA_DIR."),
    DATA_DIR: z.string().default("data").describe("Folder for the embedded SQLite database."),
    REDIS_URL: optionalString
      .refine((url) => url === undefined || /^rediss?:\/\//.test(url), { message: "must be a redis:// or rediss:// URL" })
      .describe("Optional Redis, to share GitHub rate limiting across replicas (per-replica limiting while Redis is unreachable)."),
    GHE_HOST: optionalString
      .refine((host) => host === undefined || !/^[a-z]+:\/\//i.test(host), {
        message: "is a host name (and optional :port) without the protocol; put the protocol in GHE_PROTOCOL",
      })
      .describe("GitHub Enterprise Server host, e.g. github.example.com. Unset: github.com."),
    GHE_PROTOCOL: z.enum(["https", "http"]).default("https").describe("Protocol for GHE_HOST."),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info").describe("Minimum log level."),
    LOG_FORMAT: z.enum(["json", "pretty"]).default("json").describe("json for machines, pretty for people."),
    HOST: z.string().default("0.0.0.0").describe("Interface the HTTP server binds to."),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("HTTP port (0 picks a free one)."),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8).describe("Jobs processed at once per replica."),
    JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8).describe("Attempts before a job is dead-lettered."),
    JOB_LEASE_MS: z.coerce.number().int().min(1000).default(10000).describe("How long a running job is reserved before another worker may take it over; renewed every third of it while the job runs."),
    SLACK_WEBHOOK_URL: optionalString
      .pipe(z.url().startsWith("https://", "must be an https:// Slack incoming-webhook URL").optional())
      .describe("Slack incoming webhook for the weekly digest's headline figures. Unset: no Slack message."),
    PUBLIC_URL: optionalString
      .pipe(z.url().optional())
      .describe("The app's public base URL (https://review-coach.example.com), for dashboard links and sign-in callbacks."),
    GITHUB_CLIENT_ID: optionalString.describe("The GitHub App's client id, for signing in to the dashboard (setup mode writes it)."),
    GITHUB_CLIENT_SECRET: optionalString.describe("The GitHub App's client secret, for signing in to the dashboard."),
    SESSION_SECRET: optionalString
      .refine((secret) => secret === undefined || secret.length >= 32, { message: "must be at least 32 characters (e.g. `openssl rand -hex 32`)" })
      .describe("Signs dashboard session cookies. Required for the dashboard; at least 32 characters."),
    METRICS_TOKEN: optionalString
      .refine((token) => token === undefined || token.length >= 16, { message: "must be at least 16 characters" })
      .describe("Bearer token that protects GET /metrics. Unset: /metrics is off."),
    SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1000).default(60000).describe("How often each replica looks for due digests and daily snapshots."),
    REDELIVERY_WINDOW_HOURS: z.coerce.number().int().min(0).max(72).default(24).describe("How far back failed webhook deliveries are looked for and redelivered (every 10 minutes and at start); 0 turns recovery off."),
    REDELIVERY_BUDGET: z.coerce.number().int().min(1).max(1000).default(50).describe("Most failed deliveries redelivered in one pass; the rest wait for the next."),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20000).describe("How long SIGTERM waits for running jobs."),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ID === undefined) return;
    if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
      ctx.addIssue({
        code: "custom",
        path: ["PRIVATE_KEY"],
        message: "is required with APP_ID: set PRIVATE_KEY to the PEM text or PRIVATE_KEY_PATH to the .pem file",
      });
    }
    if (!env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "is required with APP_ID: use the webhook secret from the GitHub App's settings",
      });
    }
  });

export type RawEnv = z.infer<typeof envSchema>;

export interface Env extends RawEnv {
  /** The private key text, read from PRIVATE_KEY or PRIVATE_KEY_PATH; undefined in setup mode. */
  privateKey: string | undefined;
  /** REST API base URL: api.github.com, or GHE_HOST's /api/v3. */
  githubApiUrl: string;
  /** Where the embedded database lives when DATABASE_URL is unset. */
  sqlitePath: string;
  /** True when there is an APP_ID: serve webhooks. False: setup mode. */
  hasAppCredentials: boolean;
}

/** Validates the deployment settings once, at start. Throws an EnvError that lists every problem. */
export function loadEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
    );
  }
  const env = parsed.data;
  const databaseProblem = env.DATABASE_URL === undefined ? null : findDatabaseUrlProblem(env.DATABASE_URL, source);
  if (databaseProblem) throw new EnvError([`DATABASE_URL ${databaseProblem}`]);
  const privateKey = readPrivateKey(env, cwd);
  const githubApiUrl = env.GHE_HOST ? `${env.GHE_PROTOCOL}://${env.GHE_HOST}/api/v3` : "https://api.github.com";
  return {
    ...env,
    privateKey,
    githubApiUrl,
    sqlitePath: path.resolve(cwd, env.DATA_DIR, "review-coach.sqlite"),
    hasAppCredentials: env.APP_ID !== undefined,
  };
}

function readPrivateKey(env: RawEnv, cwd: string): string | undefined {
  let key = env.PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (!key && env.PRIVATE_KEY_PATH) {
    const keyPath = path.resolve(cwd, env.PRIVATE_KEY_PATH);
    try {
      key = readFileSync(keyPath, "utf8");
    } catch (error) {
      throw new EnvError([`PRIVATE_KEY_PATH points at ${keyPath}, which cannot be read (${(error as Error).message})`]);
    }
  }
  if (key && !/-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(key)) {
    throw new EnvError([
      "PRIVATE_KEY is not a PEM private key: download the key from the GitHub App's settings (it starts with -----BEGIN RSA PRIVATE KEY-----)",
    ]);
  }
  return key;
}

/**
 * Why the PostgreSQL driver could not use the URL, or null. It must parse, name a host (or a socket
 * directory in ?host=), and a user: without one in the URL the driver falls back to
 * PGUSER, then USER, which containers often leave unset.
 */
export function findDatabaseUrlProblem(databaseUrl: string, source: Record<string, string | undefined>): string | null {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return "is not a valid URL: use postgres://USER:PASSWORD@HOST:5432/DATABASE, with special characters in the password percent-encoded (e.g. @ as %40)";
  }
  if (url.hostname === "" && !url.searchParams.get("host")) {
    return "names no host: use postgres://USER:PASSWORD@HOST:5432/DATABASE";
  }
  if (url.username === "" && !url.searchParams.get("user") && !source.PGUSER && !source.USER) {
    return "names no user, and neither PGUSER nor USER is set for the driver to fall back on: add the user, as in postgres://USER:PASSWORD@HOST:5432/DATABASE";
  }
  return null;
}
