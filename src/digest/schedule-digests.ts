import type { Logger } from "../log.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { Store } from "../store/open-store.js";
import { pruneDeliveries } from "../store/record-delivery.js";
import { listRepositories, readRepositoryConfig } from "../store/repositories.js";
import { buildDigestWeek } from "./build-digest-week.js";
import { digestId } from "./deliver-digest.js";
import type { DigestJob } from "./deliver-digest.js";
import { parseSchedule } from "./parse-schedule.js";

const DAY_MS = 86_400_000;

/**
 * One scheduler tick, safe on every replica at once: it only enqueues jobs whose ids are natural keys
 * (`digest:<target>:<week>`, `snapshot:<repo>:<day>`), so the queue keeps exactly one of each however
 * many replicas tick, and a restart re-enqueues nothing that already ran. It also deletes finished jobs
 * and delivery records once they can no longer matter.
 */
export async function scheduleDigests(store: Store, queue: JobQueue, now: Date, log: Logger): Promise<number> {
  let enqueued = 0;
  const repositories = await listRepositories(store);
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  for (const repository of repositories) {
    if (await queue.enqueue({ id: `snapshot:${repository.id}:${yesterday}`, kind: "snapshot", payload: { repositoryId: repository.id, day: yesterday } })) enqueued++;

    const config = readRepositoryConfig(repository);
    if (config.mode === "off" || !config.digest.enabled) continue;
    let due: Date | null;
    try {
      due = lastDueTime(config.digest.schedule.cron, config.digest.schedule.timeZone, now);
    } catch (error) {
      log.warn({ repo: repository.full_name, err: error }, "invalid digest schedule: fix digest.schedule in .github/review-coach.yml");
      continue;
    }
    // Not before the app knew the repository: the first digest is the first one due after installing.
    if (!due || due.toISOString() < repository.created_at) continue;
    const week = buildDigestWeek(due).isoWeek;
    const installationRepos = repository.name === ".github" && config.digest.org ? repositories.filter((r) => r.installation_id === repository.installation_id && r.owner === repository.owner) : [];

    const jobs: DigestJob[] = [
      {
        installationId: repository.installation_id,
        target: { kind: "repository", name: repository.full_name },
        repositoryIds: [repository.id],
        deliverTo: config.digest.repository ?? repository.full_name,
        due: due.toISOString(),
      },
    ];
    if (installationRepos.length > 0) {
      jobs.push({
        installationId: repository.installation_id,
        target: { kind: "org", name: repository.owner },
        repositoryIds: installationRepos.map((r) => r.id),
        deliverTo: repository.full_name,
        due: due.toISOString(),
      });
    }
    for (const job of jobs) {
      if (await queue.enqueue({ id: `digest:${digestId(job.target, week)}`, kind: "digest", payload: job })) {
        enqueued++;
        log.info({ target: job.target, week }, "digest due: queued");
      }
    }
  }
  // Finished jobs go after two weeks; the natural keys above only look back one, so none comes back.
  const pruned = await queue.prune(new Date(now.getTime() - 14 * DAY_MS));
  const forgotten = await pruneDeliveries(store, new Date(now.getTime() - 30 * DAY_MS));
  if (pruned + forgotten > 0) log.info({ pruned, forgotten }, "old finished jobs and delivery records deleted");
  return enqueued;
}

/** The latest time at or before `now`, within the last week, that the schedule fell due. */
export function lastDueTime(cron: string, timeZone: string, now: Date): Date | null {
  const last = parseSchedule(cron, timeZone).previous(now);
  return last !== null && last.getTime() > now.getTime() - 7 * DAY_MS ? last : null;
}
