/** How long after the last answer the intake still counts as busy: under a flood the next requests come sooner; a trickle leaves longer gaps. */
const QUIET_MS = 20;

/** Whether the intake can record deliveries right now (false from a failure until the next success), and whether deliveries are arriving. */
export class IntakeHealth {
  failingSince: Date | null = null;
  lastError: string | null = null;
  /** Deliveries being recorded right now. */
  recording = 0;
  /** Webhook requests read, verified or recorded right now (not yet answered). */
  private answering = 0;
  private lastAnsweredAt = -Infinity;

  get isHealthy(): boolean {
    return this.failingSince === null;
  }

  /**
   * True while a webhook request waits for its answer, or one was answered within the last 20 ms: under a
   * flood, the moment between one group's answers and the next requests is not a lull.
   */
  get isBusy(): boolean {
    return this.answering > 0 || this.recording > 0 || performance.now() - this.lastAnsweredAt < QUIET_MS;
  }

  requestStarted(): void {
    this.answering += 1;
  }

  requestAnswered(): void {
    this.answering -= 1;
    this.lastAnsweredAt = performance.now();
  }

  recordSuccess(): void {
    this.failingSince = null;
    this.lastError = null;
  }

  recordFailure(error: unknown, at: Date): void {
    this.failingSince ??= at;
    this.lastError = (error as Error).message ?? String(error);
  }
}
