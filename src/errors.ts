// Typed errors. Each says what went wrong and, where a person can act, what to change.

export class ReviewCoachError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A deployment setting is missing or malformed; the message names it and how to fix it. */
export class EnvError extends ReviewCoachError {
  constructor(readonly problems: string[]) {
    super(`Invalid deployment settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Worth trying again later: GitHub 5xx, rate limits, a lost connection. */
export class TransientError extends ReviewCoachError {
  constructor(
    message: string,
    /** Seconds GitHub asked us to wait, when it said. */
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Trying again will not help: the resource is gone, or the app lacks a permission. */
export class PermanentError extends ReviewCoachError {}

/** The webhook intake could not record a delivery in time: GitHub is answered 503 so it marks it failed. */
export class IntakeUnavailableError extends ReviewCoachError {
  /** The HTTP status the webhook middleware answers with. */
  readonly status = 503;
}
