import { deliverDigest } from "../digest/deliver-digest.js";
import { recordScoreSnapshot } from "../digest/record-score-snapshot.js";
import { PermanentError } from "../errors.js";
import type { Logger } from "../log.js";
import type { ClaimedJob } from "../store/job-queue.js";
import type { ProcessJob } from "../queue/worker.js";
import type { RepoConfigLoader } from "../repo-config/create-config-cache.js";
import type { Store } from "../store/open-store.js";
import { backfillJobSchema, backfillRepository } from "../use-cases/backfill-repository.js";
import { recoverFailedDeliveries, type RecoveryLimits } from "../use-cases/recover-failed-deliveries.js";
import { createWebhookDispatcher, type DispatchDeps } from "./dispatch-webhook.js";
import { digestJobSchema, snapshotJobSchema } from "./job-schemas.js";

export interface JobDeps extends DispatchDeps {
  store: Store;
  loadConfig: RepoConfigLoader;
  slackWebhookUrl?: string | undefined;
  recovery: RecoveryLimits;
  onRedelivery?: (outcome: "requested" | "refused") => void;
}

/** Routes each job kind to its work: webhooks to their handlers, digests, snapshots, backfills. */
export function createJobProcessor(deps: JobDeps): ProcessJob {
  const dispatchWebhook = createWebhookDispatcher(deps);

  return async (job: ClaimedJob, log: Logger) => {
    switch (job.kind) {
      case "webhook":
        return dispatchWebhook(job, log);
      case "digest": {
        const digest = digestJobSchema.parse(job.payload);
        const jobLog = log.child({ installationId: digest.installationId, target: digest.target });
        return deliverDigest(digest, { store: deps.store, github: await deps.connectGitHub(digest.installationId, jobLog), log: jobLog, now: deps.now, slackWebhookUrl: deps.slackWebhookUrl });
      }
      case "snapshot": {
        const snapshot = snapshotJobSchema.parse(job.payload);
        return recordScoreSnapshot(deps.store, snapshot.repositoryId, snapshot.day, deps.now(), log);
      }
      case "backfill": {
        const backfill = backfillJobSchema.parse(job.payload);
        const jobLog = log.child({ installationId: backfill.installationId, repo: backfill.fullName });
        return backfillRepository({ job: backfill, deps: { github: await deps.connectGitHub(backfill.installationId, jobLog), store: deps.store, log: jobLog, now: deps.now, loadConfig: deps.loadConfig } });
      }
      case "redeliver": {
        const jobLog = log.child({ name: "delivery-recovery" });
        // The app's own client (a JWT), as the deliveries are the app's, not an installation's.
        const github = await deps.connectGitHub(undefined, jobLog);
        await recoverFailedDeliveries({ github, store: deps.store, now: deps.now(), limits: deps.recovery, log: jobLog, ...(deps.onRedelivery ? { onRedelivery: deps.onRedelivery } : {}) });
        return;
      }
      default:
        throw new PermanentError(`unknown job kind "${job.kind}"`);
    }
  };
}
