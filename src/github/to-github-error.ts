import { PermanentError, TransientError } from "../errors.js";

// GitHub's error answers, translated at the door: code outside src/github asks what happened
// (`instanceof`), never which status or rate-limit header GitHub sent. Each keeps GitHub's own message,
// its status, and the raw error as `cause`; `reason` says what it means for the job that met it.

/** GitHub's rate limit (primary, or secondary/429): the request may be made again once it lifts. */
export class GitHubRateLimitedError extends TransientError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    /** When GitHub said the primary limit resets (epoch ms); otherwise retryAfterSeconds counts from the answer. */
    readonly resetAtMs: number | undefined,
    retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(message, retryAfterSeconds, options);
  }

  /** Seconds from `nowMs` until the limit lifts (at least one). */
  secondsToWait(nowMs: number): number {
    return this.resetAtMs === undefined ? (this.retryAfterSeconds as number) : Math.max(1, Math.ceil(this.resetAtMs / 1000 - nowMs / 1000));
  }
}

/** GitHub failed (5xx) or could not be reached: the request may have been done, and may be tried again. */
export class GitHubUnavailableError extends TransientError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    retryAfterSeconds: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, retryAfterSeconds, options);
  }
}

/** GitHub refused the request (4xx): asking again the same way will not help. */
export class GitHubRefusedError extends PermanentError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** 404 or 410: the thing is gone (deleted), or not visible to the token. */
export class GitHubGoneError extends GitHubRefusedError {}
/** 401: GitHub does not accept the token (revoked, expired, mistyped). */
export class GitHubUnauthorizedError extends GitHubRefusedError {}
/** 403 that is no rate limit: the token lacks a permission. */
export class GitHubForbiddenError extends GitHubRefusedError {}
/** 422: GitHub understood the request and will not do it (a line outside the diff, a validation failure). */
export class GitHubUnprocessableError extends GitHubRefusedError {}

/** Any of the errors above. */
export type GitHubError = GitHubRateLimitedError | GitHubUnavailableError | GitHubRefusedError;

interface RequestErrorLike {
  status?: unknown;
  message?: string;
  response?: { headers?: Record<string, unknown> };
}

function isGitHubError(error: unknown): error is GitHubError {
  return error instanceof GitHubRateLimitedError || error instanceof GitHubUnavailableError || error instanceof GitHubRefusedError;
}

/** Seconds of a header, when it holds a positive number. */
function positiveNumber(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

const PERMISSION_HINT =
  "The installation may lack a permission review-coach asks for in app.yml; an org owner can accept the updated permissions in the app's installation settings.";

/**
 * The typed error for an error answer of GitHub (status 400 and up), the error itself when it is typed
 * already, or null for anything else (a 304, a failure before any answer that Octokit did not wrap).
 */
export function toGitHubError(error: unknown): GitHubError | null {
  if (isGitHubError(error)) return error;
  const { status, message = String(error), response } = (error ?? {}) as RequestErrorLike;
  if (typeof status !== "number" || status < 400) return null;
  const headers = response?.headers ?? {};
  const options = { cause: error };
  const retryAfter = positiveNumber(headers["retry-after"]);
  if (status === 429 || (status === 403 && /secondary rate limit|abuse/i.test(message))) {
    return new GitHubRateLimitedError(message, status, `GitHub secondary rate limit: ${message}`, undefined, retryAfter ?? 60, options);
  }
  if (status === 403 && String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    return new GitHubRateLimitedError(message, status, `GitHub rate limit exhausted: ${message}`, Number.isFinite(reset) ? reset * 1000 : undefined, 60, options);
  }
  if (status >= 500) return new GitHubUnavailableError(message, status, `GitHub answered ${status}: ${message}`, retryAfter, options);
  if (status === 404 || status === 410) return new GitHubGoneError(message, status, `GitHub answered ${status} (deleted, or not visible to the app): ${message}`, options);
  if (status === 401) return new GitHubUnauthorizedError(message, status, `GitHub answered ${status}: ${message}. ${PERMISSION_HINT}`, options);
  if (status === 403) return new GitHubForbiddenError(message, status, `GitHub answered ${status}: ${message}. ${PERMISSION_HINT}`, options);
  if (status === 422) return new GitHubUnprocessableError(message, status, `GitHub answered ${status}: ${message}`, options);
  return new GitHubRefusedError(message, status, `GitHub answered ${status}: ${message}`, options);
}

/** The HTTP status GitHub answered with, for messages that show it; undefined when it did not answer with an error. */
export function httpStatusOf(error: unknown): number | undefined {
  return toGitHubError(error)?.status;
}

/** The error as Octokit raised it (the cause of a translated one), for the door's own hooks. */
export function requestErrorOf(error: unknown): RequestErrorLike {
  return ((isGitHubError(error) ? error.cause : error) ?? {}) as RequestErrorLike;
}
