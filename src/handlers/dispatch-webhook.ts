import type { ProbotOctokit } from "probot";
import { z } from "zod";
import { GitHubClient } from "../github/github-client.js";
import type { Metrics } from "../http/create-metrics.js";
import type { Logger } from "../log.js";
import type { RepoConfigLoader } from "../repo-config/create-config-cache.js";
import type { ClaimedJob, JobToEnqueue } from "../queue/job-queue.js";
import type { Store } from "../store/open-store.js";
import { saveRepositoryConfig } from "../store/repositories.js";
import type { WebhookHandler } from "./handler-context.js";

export const webhookJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.looseObject({
    action: z.string().optional(),
    installation: z.looseObject({ id: z.number() }).optional(),
    repository: z.looseObject({ id: z.number(), full_name: z.string() }).optional(),
    pull_request: z.looseObject({ number: z.number() }).optional(),
  }),
});

export interface DispatchDeps {
  handlers: Readonly<Record<string, WebhookHandler>>;
  /** An Octokit authenticated as the installation (Probot caches its token). */
  authenticate: (installationId?: number) => Promise<InstanceType<typeof ProbotOctokit>>;
  store: Store;
  now: () => Date;
  loadConfig: RepoConfigLoader;
  metrics?: Metrics;
  enqueue: (job: JobToEnqueue) => Promise<boolean>;
}

/** Runs a queued webhook through its handler, with a GitHub client and logger carrying its context. */
export function createWebhookDispatcher(deps: DispatchDeps) {
  return async (job: ClaimedJob, jobLog: Logger): Promise<void> => {
    const event = webhookJobSchema.parse(job.payload);
    const handler = deps.handlers[event.name];
    if (!handler) return;
    const { payload } = event;
    const log = jobLog.child({
      deliveryId: event.id,
      event: payload.action ? `${event.name}.${payload.action}` : event.name,
      installationId: payload.installation?.id,
      repo: payload.repository?.full_name,
      pr: payload.pull_request?.number,
    });
    const octokit = await deps.authenticate(payload.installation?.id);
    const github = new GitHubClient(octokit, log.child({ name: "github" }), deps.metrics);
    await handler({
      deliveryId: event.id,
      name: event.name,
      payload,
      github,
      store: deps.store,
      log,
      now: deps.now,
      enqueue: deps.enqueue,
      loadConfig: async (ref) => {
        const loaded = await deps.loadConfig(github, ref, log);
        if (payload.repository) await saveRepositoryConfig(deps.store, payload.repository.id, loaded.config, deps.now());
        return loaded;
      },
    });
    log.debug({ githubRequests: github.requestCount }, "webhook handled");
  };
}
