import { ZodError } from "zod";
import { PermanentError, TransientError } from "../errors.js";

export type Failure =
  | { kind: "retry"; reason: string; retryAfterSeconds?: number }
  /** GitHub's rate limit for the installation: wait until it lifts, without holding a worker or using an attempt. */
  | { kind: "throttled"; reason: string; retryAfterSeconds: number }
  /** The thing is gone (deleted PR or comment): nothing to do, not a failure of ours. */
  | { kind: "gone"; reason: string }
  | { kind: "permanent"; reason: string };

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
  code?: string;
}

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "EPIPE", "UND_ERR_SOCKET"]);

/** Decides what the queue does with a job that threw: try again later, drop it, or dead-letter it. */
export function classifyFailure(error: unknown, nowMs: number): Failure {
  if (error instanceof TransientError) {
    return { kind: "retry", reason: error.message, ...optional(error.retryAfterSeconds) };
  }
  if (error instanceof PermanentError) return { kind: "permanent", reason: error.message };
  if (error instanceof ZodError) {
    return { kind: "permanent", reason: `malformed input: ${error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` };
  }
  const e = (error ?? {}) as HttpLikeError;
  const message = e.message ?? String(error);
  const status = typeof e.status === "number" ? e.status : undefined;
  const headers = e.response?.headers ?? {};

  if (status !== undefined) {
    const retryAfter = Number(headers["retry-after"]);
    if (status === 429 || (status === 403 && /secondary rate limit|abuse/i.test(message))) {
      return { kind: "throttled", reason: `GitHub secondary rate limit: ${message}`, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60 };
    }
    if (status === 403 && String(headers["x-ratelimit-remaining"]) === "0") {
      const reset = Number(headers["x-ratelimit-reset"]);
      const wait = Number.isFinite(reset) ? Math.max(1, Math.ceil(reset - nowMs / 1000)) : 60;
      return { kind: "throttled", reason: `GitHub rate limit exhausted: ${message}`, retryAfterSeconds: wait };
    }
    if (status >= 500) return { kind: "retry", reason: `GitHub answered ${status}: ${message}`, ...optional(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined) };
    if (status === 404 || status === 410) return { kind: "gone", reason: `GitHub answered ${status} (deleted, or not visible to the app): ${message}` };
    if (status === 401 || status === 403) {
      return {
        kind: "permanent",
        reason: `GitHub answered ${status}: ${message}. The installation may lack a permission review-coach asks for in app.yml; an org owner can accept the updated permissions in the app's installation settings.`,
      };
    }
    if (status >= 400) return { kind: "permanent", reason: `GitHub answered ${status}: ${message}` };
  }
  if (e.code && NETWORK_CODES.has(e.code)) return { kind: "retry", reason: `network error ${e.code}: ${message}` };
  return { kind: "retry", reason: message };
}

function optional(retryAfterSeconds: number | undefined): { retryAfterSeconds?: number } {
  return retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
}
