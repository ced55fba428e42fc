import { ProbotOctokit } from "probot";
import type { ThrottleGroups } from "./create-github-rate-limiting.js";
import { observeGitHubRequests, type GitHubRequestMetrics } from "./observe-github-requests.js";

export interface OctokitPolicy {
  /** Wait out rate limits inside the request when the wait is short; off in tests. */
  throttle: boolean;
  /** Retry 5xx answers inside the request; off in tests. */
  retry: boolean;
  /** Limiters shared by every replica through Redis (falling back per replica while it is away). */
  limiterGroups?: ThrottleGroups | undefined;
  /** Where every request is counted (the app's Metrics); none for the CLI and tests. */
  requestMetrics?: GitHubRequestMetrics | undefined;
}

/**
 * Longest wait we accept inside a request; beyond it the request fails and the job is rescheduled by the
 * queue for when the limit lifts (postponed, its worker released), rather than holding a worker.
 */
const MAX_INLINE_WAIT_SECONDS = 2;

interface ThrottleRequestOptions {
  method: string;
  url: string;
  request: { retryCount: number };
}

/**
 * The Octokit every GitHub call goes through: Probot's (auth, pagination, config plugin) with our
 * throttling and retry policy, and the door's own plugin around them (observeGitHubRequests: metrics,
 * logging, typed errors). Short rate-limit waits happen in place; long ones fail the request so the
 * job queue retries at the time GitHub gave, without holding a worker.
 */
export function createOctokitClass(policy: OctokitPolicy = { throttle: true, retry: true }): typeof ProbotOctokit {
  const decide = (kind: string) => (retryAfter: number, options: ThrottleRequestOptions, octokit: { log: { warn: (o: object, m: string) => void } }) => {
    const retry = retryAfter <= MAX_INLINE_WAIT_SECONDS && options.request.retryCount < 2;
    octokit.log.warn(
      { retryAfter, method: options.method, url: options.url, retryCount: options.request.retryCount },
      retry ? `GitHub ${kind}: waiting ${retryAfter}s before retrying` : `GitHub ${kind}: rescheduling the job`,
    );
    return retry;
  };
  const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    return {
      ...options,
      throttle: policy.throttle
        ? {
            ...throttle,
            enabled: true,
            onRateLimit: decide("rate limit"),
            onSecondaryRateLimit: decide("secondary rate limit"),
            ...(policy.limiterGroups ?? {}),
          }
        : { ...throttle, enabled: false },
      retry: policy.retry ? { ...((options.retry as object) ?? {}), enabled: true } : { enabled: false },
      requestMetrics: policy.requestMetrics,
    };
  });
  return Octokit.plugin(observeGitHubRequests as never) as unknown as typeof ProbotOctokit;
}
