import type { JobToEnqueue } from "../store/job-queue.js";
import type { UseCaseContext } from "../use-cases/use-case-context.js";

/** What a webhook handler gets: the event, and what a use case needs (GitHub, the store, a logger, the clock, the config). */
export interface HandlerContext extends UseCaseContext {
  deliveryId: string;
  name: string;
  payload: unknown;
  /** Queues follow-up work (e.g. a backfill); a job id that exists already is a no-op. */
  enqueue: (job: JobToEnqueue) => Promise<boolean>;
}

export type WebhookHandler = (context: HandlerContext) => Promise<void>;
