/** Whether the intake can record deliveries right now: false from a failure until the next success. */
export class IntakeHealth {
  failingSince: Date | null = null;
  lastError: string | null = null;
  /** Deliveries being recorded right now: while any is, the worker leaves the CPU to the intake. */
  recording = 0;

  get isHealthy(): boolean {
    return this.failingSince === null;
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
