import type { ProbotOctokit } from "probot";
import { z } from "zod";
import { GitHubClient } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { RepoConfigLoader } from "../repo-config/create-config-cache.js";
import type { ClaimedJob } from "../queue/job-queue.js";
import type { Store } from "../store/open-store.js";
import type { WebhookHandler } from "./handler-context.js";

export const webhookJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.looseObject({
    action: z.string().optional(),
    installation: z.looseObject({ id: z.number() }).optional(),
    repository: z.looseObject({ full_name: z.string() }).optional(),
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
    const github = new GitHubClient(octokit, log.child({ name: "github" }));
    await handler({
      deliveryId: event.id,
      name: event.name,
      payload,
      github,
      store: deps.store,
      log,
      now: deps.now,
      loadConfig: (ref) => deps.loadConfig(github, ref, log),
    });
    log.debug({ githubRequests: github.requestCount }, "webhook handled");
  };
}
