import type { ProbotOctokit } from "probot";
import type { Counter, Gauge } from "prom-client";
import type { Logger } from "../log.js";
import { getJobWriteGuard } from "./job-write-guard.js";
import { toGitHubError } from "./to-github-error.js";

/** The metrics the door to GitHub counts its requests in (the app's Metrics carries them). */
export interface GitHubRequestMetrics {
  githubRequests: Counter<"status">;
  rateLimitRemaining: Gauge;
}

/** What one Octokit has seen of its requests, and where it logs them. */
export interface GitHubRequestLog {
  /** Requests made (for budgets and tests). */
  count: number;
  /** The rate limit as of the latest answer. */
  readonly rateLimit: { remaining?: number; resetAt?: number };
  /** The job's logger (delivery id, installation, repo, PR); set by the client that uses the Octokit. */
  log: Pick<Logger, "debug"> | undefined;
}

/** Requests that change something on GitHub (an installation token exchange changes nothing there). */
function isWrite(method: string, url: string): boolean {
  return method !== "GET" && method !== "HEAD" && !url.endsWith("/access_tokens");
}

/**
 * The Octokit plugin of the door to GitHub: every request counted (in the metrics too), its rate-limit
 * figures kept, logged at debug level, tracked while a job writes (so a shutdown never hands back a job
 * with a write in flight), and every error answer of GitHub turned into a typed error (to-github-error).
 * Registered after the throttling and retry plugins, so they see GitHub's raw answers.
 */
export function observeGitHubRequests(octokit: InstanceType<typeof ProbotOctokit>, options: { requestMetrics?: GitHubRequestMetrics | undefined }): { requestLog: GitHubRequestLog } {
  const requestLog: GitHubRequestLog = { count: 0, rateLimit: {}, log: undefined };
  const metrics = options.requestMetrics;
  octokit.hook.wrap("request", async (request, route) => {
    requestLog.count += 1;
    const started = Date.now();
    const name = `${route.method} ${route.url}`;
    const endWrite = isWrite(route.method, route.url) ? getJobWriteGuard()?.beginWrite() : undefined;
    try {
      const response = await request(route);
      metrics?.githubRequests.inc({ status: String(response.status) });
      const remaining = Number(response.headers["x-ratelimit-remaining"]);
      const reset = Number(response.headers["x-ratelimit-reset"]);
      if (Number.isFinite(remaining)) {
        metrics?.rateLimitRemaining.set(remaining);
        requestLog.rateLimit.remaining = remaining;
      }
      if (Number.isFinite(reset)) requestLog.rateLimit.resetAt = reset * 1000;
      requestLog.log?.debug({ route: name, status: response.status, ms: Date.now() - started, rateRemaining: response.headers["x-ratelimit-remaining"] }, "GitHub request");
      return response;
    } catch (error) {
      const status = (error as { status?: number }).status;
      metrics?.githubRequests.inc({ status: String(status ?? "error") });
      requestLog.log?.debug({ route: name, status, ms: Date.now() - started }, "GitHub request failed");
      throw toGitHubError(error) ?? error;
    } finally {
      endWrite?.();
    }
  });
  return { requestLog };
}
