import { z } from "zod";
import type { GitHubClientFactory } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { RepoConfigLoader } from "../repo-config/create-config-cache.js";
import type { ClaimedJob, JobToEnqueue } from "../store/job-queue.js";
import type { Store } from "../store/open-store.js";
import { saveRepositoryConfig } from "../store/repositories.js";
import type { WebhookHandler } from "../handlers/handler-context.js";

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
  /** A GitHub client authenticated as the event's installation. */
  connectGitHub: GitHubClientFactory;
  store: Store;
  now: () => Date;
  loadConfig: RepoConfigLoader;
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
    const github = await deps.connectGitHub(payload.installation?.id, log);
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
        if (payload.repository) await saveRepositoryConfig(deps.store, payload.repository.id, loaded, deps.now());
        return loaded;
      },
    });
    log.debug({ githubRequests: github.requestCount }, "webhook handled");
  };
}
