import { ZodError } from "zod";
import { PermanentError, TransientError } from "../errors.js";
import { GitHubGoneError, GitHubRateLimitedError, GitHubRefusedError, GitHubUnavailableError, toGitHubError } from "../github/to-github-error.js";

export type Failure =
  | { kind: "retry"; reason: string; retryAfterSeconds?: number }
  /** GitHub's rate limit for the installation: wait until it lifts, without holding a worker or using an attempt. */
  | { kind: "throttled"; reason: string; retryAfterSeconds: number }
  /** The thing is gone (deleted PR or comment): nothing to do, not a failure of ours. */
  | { kind: "gone"; reason: string }
  | { kind: "permanent"; reason: string };

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "EPIPE", "UND_ERR_SOCKET"]);

/** Decides what the queue does with a job that threw: try again later, drop it, or dead-letter it. */
export function classifyFailure(error: unknown, nowMs: number): Failure {
  // An error answer of an Octokit built without the door's plugin is translated here.
  const github = toGitHubError(error);
  if (github instanceof GitHubRateLimitedError) return { kind: "throttled", reason: github.reason, retryAfterSeconds: github.secondsToWait(nowMs) };
  if (github instanceof GitHubGoneError) return { kind: "gone", reason: github.reason };
  if (github instanceof GitHubRefusedError) return { kind: "permanent", reason: github.reason };
  if (github instanceof GitHubUnavailableError) return { kind: "retry", reason: github.reason, ...optional(github.retryAfterSeconds) };
  if (error instanceof TransientError) {
    return { kind: "retry", reason: error.message, ...optional(error.retryAfterSeconds) };
  }
  if (error instanceof PermanentError) return { kind: "permanent", reason: error.message };
  if (error instanceof ZodError) {
    return { kind: "permanent", reason: `malformed input: ${error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` };
  }
  const { message = String(error), code } = (error ?? {}) as { message?: string; code?: string };
  if (code && NETWORK_CODES.has(code)) return { kind: "retry", reason: `network error ${code}: ${message}` };
  return { kind: "retry", reason: message };
}

function optional(retryAfterSeconds: number | undefined): { retryAfterSeconds?: number } {
  return retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
}
