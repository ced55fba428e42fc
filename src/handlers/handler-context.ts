import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { JobToEnqueue } from "../queue/job-queue.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import type { Store } from "../store/open-store.js";

/** What a webhook handler gets: the event, the one door to GitHub, the store, a logger, the clock. */
export interface HandlerContext {
  deliveryId: string;
  name: string;
  payload: unknown;
  github: GitHubClient;
  store: Store;
  log: Logger;
  now: () => Date;
  /** The repository's review-coach config (cached for a few minutes). */
  loadConfig: (ref: RepoRef) => Promise<LoadedRepoConfig>;
  /** Queues follow-up work (e.g. a backfill); a job id that exists already is a no-op. */
  enqueue: (job: JobToEnqueue) => Promise<boolean>;
}

export type WebhookHandler = (context: HandlerContext) => Promise<void>;
