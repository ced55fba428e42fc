import { createHash } from "node:crypto";
import type { Logger } from "../log.js";
import type { BlobTextCache } from "./blob-text-cache.js";
import { createOctokitClass, type OctokitPolicy } from "./create-octokit-class.js";
import { answerFromWorkingCopy, type WorkingCopyFile } from "./create-working-copy-client.js";
import { GitHubClient } from "./github-client.js";
import { requestErrorOf } from "./to-github-error.js";

/** A GET answer kept to ask again conditionally (If-None-Match / If-Modified-Since). */
export interface CachedResponse {
  etag?: string;
  lastModified?: string;
  url: string;
  headers: Record<string, string>;
  data: unknown;
}

/** Where conditional answers are kept between runs (on disk for the CLI). Keys are opaque. */
export interface ResponseCache {
  get(key: string): CachedResponse | undefined;
  set(key: string, value: CachedResponse): void;
}

/** The token's rate limit as GitHub last reported it. */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the budget refills. */
  resetAt?: number;
}

export interface RateLimitWait {
  /** How long the client waits, in ms. */
  waitMs: number;
  /** Epoch ms it resumes at. */
  until: number;
  reason: "exhausted" | "secondary";
}

export interface TokenClientOptions {
  token: string;
  /** https://api.github.com, or GitHub Enterprise Server's https://HOST/api/v3 (GraphQL: /api/graphql). */
  baseUrl: string;
  log: Logger;
  /** Conditional requests: each GET answered before is asked again with its ETag; a 304 is served from here. */
  responses?: ResponseCache;
  blobTexts?: BlobTextCache;
  /** Answers reads of this repository file from a local copy (an unpushed config file). */
  workingCopy?: WorkingCopyFile;
  /** Waits out an exhausted rate limit; tests pass a fake. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Told before every wait, so the user knows why nothing moves. */
  onWait?: (wait: RateLimitWait) => void;
  policy?: OctokitPolicy;
  /** The fetch Octokit uses (default: the global one); benchmarks answer from recorded data. */
  fetch?: typeof fetch;
}

/** How many times one request waits for the rate limit and tries again before giving up. */
const MAX_RATE_LIMIT_WAITS = 3;

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * A client authenticated with a token (a person's, for the CLI) that is polite to the API: each GET is
 * conditional when an earlier answer is cached (a 304 costs nothing of the rate limit and is served from
 * the cache), and an exhausted rate limit is waited out (saying so) instead of failing. Reads only in
 * practice: the CLI calls none of the client's writes.
 */
export function createTokenClient(options: TokenClientOptions): { github: GitHubClient; rateLimit: RateLimitState } {
  const Octokit = createOctokitClass(options.policy ?? { throttle: false, retry: true });
  const octokit = new Octokit({ auth: { token: options.token }, baseUrl: options.baseUrl, ...(options.fetch ? { request: { fetch: options.fetch } } : {}) });
  if (options.workingCopy) answerFromWorkingCopy(octokit, options.workingCopy);
  const github = new GitHubClient(octokit, options.log.child({ name: "github" }), options.blobTexts);
  const rateLimit: RateLimitState = {};
  const identity = createHash("sha256").update(`${options.baseUrl}\n${options.token}`).digest("hex").slice(0, 16);

  // Registered after the door's plugin, so these run around it (and see its typed errors, whose cause is
  // GitHub's answer): the cache first, the waits outermost.
  const { responses } = options;
  if (responses) {
    octokit.hook.wrap("request", async (request, route) => {
      if (route.method !== "GET") return request(route);
      const url = octokit.request.endpoint(route).url;
      const key = `${identity} ${url} ${String((route.mediaType as { format?: string } | undefined)?.format ?? "")}`;
      const cached = responses.get(key);
      const condition = cached?.etag ? { "if-none-match": cached.etag } : cached?.lastModified ? { "if-modified-since": cached.lastModified } : {};
      // In place: a wrapping hook's `request` is bound to the options object it was called with.
      route.headers = { ...route.headers, ...condition };
      try {
        const response = await request(route);
        const etag = headerOf(response.headers, "etag");
        const lastModified = headerOf(response.headers, "last-modified");
        if (etag || lastModified) {
          const headers = Object.fromEntries(Object.entries(response.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
          responses.set(key, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), url: response.url, headers, data: response.data });
        }
        return response;
      } catch (error) {
        const failed = requestErrorOf(error);
        if (failed.status !== 304 || !cached) throw error;
        // Unchanged: the stored answer, with the fresh rate-limit figures of the 304.
        const fresh = Object.fromEntries(Object.entries(failed.response?.headers ?? {}).filter(([k]) => k.startsWith("x-ratelimit-")).map(([k, v]) => [k, String(v)]));
        return { status: 200, url: cached.url, headers: { ...cached.headers, ...fresh }, data: cached.data } as never;
      }
    });
  }

  const note = (headers: Record<string, unknown> | undefined) => {
    const limit = Number(headerOf(headers, "x-ratelimit-limit"));
    const remaining = Number(headerOf(headers, "x-ratelimit-remaining"));
    const reset = Number(headerOf(headers, "x-ratelimit-reset"));
    if (Number.isFinite(limit)) rateLimit.limit = limit;
    if (Number.isFinite(remaining)) rateLimit.remaining = remaining;
    if (Number.isFinite(reset)) rateLimit.resetAt = reset * 1000;
  };
  let secondaryUntil: number | undefined;
  const waitIfNeeded = async () => {
    const now = options.now();
    const exhausted = rateLimit.remaining === 0 && rateLimit.resetAt !== undefined && rateLimit.resetAt > now;
    const until = secondaryUntil !== undefined && secondaryUntil > now ? secondaryUntil : exhausted ? rateLimit.resetAt! + 1000 : undefined;
    secondaryUntil = undefined;
    if (until === undefined) return;
    const wait: RateLimitWait = { waitMs: until - now, until, reason: exhausted ? "exhausted" : "secondary" };
    options.onWait?.(wait);
    options.log.info(wait, "waiting for GitHub's rate limit");
    await options.sleep(wait.waitMs);
    // The budget is full again; the next answer says by how much.
    if (exhausted) rateLimit.remaining = undefined;
  };
  octokit.hook.wrap("request", async (request, route) => {
    for (let attempt = 0; ; attempt++) {
      await waitIfNeeded();
      try {
        const response = await request(route);
        note(response.headers);
        return response;
      } catch (error) {
        const failed = requestErrorOf(error);
        note(failed.response?.headers);
        const retryAfter = Number(headerOf(failed.response?.headers, "retry-after"));
        const limited =
          failed.status === 429 ||
          (failed.status === 403 && (rateLimit.remaining === 0 || Number.isFinite(retryAfter) || /rate limit/i.test(failed.message ?? "")));
        if (!limited || attempt >= MAX_RATE_LIMIT_WAITS) throw error;
        if (Number.isFinite(retryAfter)) secondaryUntil = options.now() + retryAfter * 1000;
        else if (rateLimit.remaining !== 0) secondaryUntil = options.now() + 60_000;
      }
    }
  });
  return { github, rateLimit };
}
