import type { Logger } from "../log.js";
import type { JobQueue } from "../store/job-queue.js";
import type { Store } from "../store/open-store.js";
import { pruneDeliveries } from "../store/record-delivery.js";
import { listRepositories, type Repository, type RepositoryWithConfig } from "../store/repositories.js";
import { buildDigestWeek } from "./build-digest-week.js";
import { digestId } from "./deliver-digest.js";
import type { DigestJob } from "./deliver-digest.js";
import { parseSchedule } from "./parse-schedule.js";
import { readRepositoryHistory } from "./record-score-snapshot.js";

const DAY_MS = 86_400_000;
/** How long past its due time a digest waits for a running backfill before it goes out with partial history. */
export const BACKFILL_WAIT_MS = 3 * 3_600_000;

/**
 * One scheduler tick, safe on every replica at once: it only enqueues jobs whose ids are natural keys
 * (`digest:<target>:<week>`, `snapshot:<repo>:<day>`), so the queue keeps exactly one of each however
 * many replicas tick, and a restart re-enqueues nothing that already ran. A digest due while a
 * repository it covers is still being backfilled is queued once the backfill is done, or BACKFILL_WAIT_MS
 * after it fell due (it then says that its history is partial). It also deletes finished jobs and
 * delivery records once they can no longer matter.
 */
export async function scheduleDigests(store: Store, queue: JobQueue, now: Date, log: Logger): Promise<number> {
  let enqueued = 0;
  const repositories = await listRepositories(store);
  const yesterday = new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
  for (const repository of repositories) {
    if (await queue.enqueue({ id: `snapshot:${repository.id}:${yesterday}`, kind: "snapshot", payload: { repositoryId: repository.id, day: yesterday } })) enqueued++;

    const config = repository.config;
    if (config.mode === "off" || !config.digest.enabled) continue;
    let due: Date | null;
    try {
      due = lastDueTime(config.digest.schedule.cron, config.digest.schedule.timeZone, now);
    } catch (error) {
      log.warn({ repo: repository.fullName, err: error }, "invalid digest schedule: fix digest.schedule in .github/review-coach.yml");
      continue;
    }
    // Not before the app knew the repository: the first digest is the first one due after installing.
    if (!due || due.toISOString() < repository.createdAt) continue;
    const week = buildDigestWeek(due).isoWeek;
    const installationRepos = repository.name === ".github" && config.digest.org ? repositories.filter((r) => r.installationId === repository.installationId && r.owner === repository.owner) : [];

    const jobs: DigestJob[] = [
      {
        installationId: repository.installationId,
        target: { kind: "repository", name: repository.fullName },
        repositoryIds: [repository.id],
        ...findDigestRepository(repository, config.digest.repository, repositories),
        due: due.toISOString(),
      },
    ];
    if (installationRepos.length > 0) {
      jobs.push({
        installationId: repository.installationId,
        target: { kind: "org", name: repository.owner },
        repositoryIds: installationRepos.map((r) => r.id),
        deliverTo: repository.fullName,
        due: due.toISOString(),
      });
    }
    for (const job of jobs) {
      const backfilling = repositories.filter((r) => job.repositoryIds.includes(r.id) && isBackfillAwaited(r, due));
      if (backfilling.length > 0 && now.getTime() < due.getTime() + BACKFILL_WAIT_MS) {
        log.info({ target: job.target, week, backfilling: backfilling.map((r) => r.fullName) }, "digest due: waiting for the backfill to finish");
        continue;
      }
      if (await queue.enqueue({ id: `digest:${digestId(job.target, week)}`, kind: "digest", payload: job })) {
        enqueued++;
        log.info({ target: job.target, week }, "digest due: queued");
        if (job.configProblem) log.error({ repo: repository.fullName }, job.configProblem);
      }
    }
  }
  // Finished jobs go after two weeks; the natural keys above only look back one, so none comes back.
  const pruned = await queue.prune(new Date(now.getTime() - 14 * DAY_MS));
  const forgotten = await pruneDeliveries(store, new Date(now.getTime() - 30 * DAY_MS));
  if (pruned + forgotten > 0) log.info({ pruned, forgotten }, "old finished jobs and delivery records deleted");
  return enqueued;
}

/**
 * Whether a digest due at `due` should wait for the repository's backfill: one is running, or has not
 * started yet, for a repository added in the week before (a backfill still unfinished a week after
 * installing has stopped for good, and waiting would only delay every digest).
 */
function isBackfillAwaited(repository: Repository, due: Date): boolean {
  const history = readRepositoryHistory(repository);
  return history.backfill !== "done" && Date.parse(repository.createdAt) > due.getTime() - 7 * DAY_MS;
}

/**
 * Where the repository's digest issue is opened: the repository itself, or the repository the org's
 * `.github` config names (`digest.repository` there). Any other target would let a writer of one
 * repository open (and close) issues in another, so it is refused: the digest goes to the repository
 * itself and says why (as do the logs).
 */
export function findDigestRepository(
  repository: RepositoryWithConfig,
  wanted: string | null,
  repositories: readonly RepositoryWithConfig[],
): { deliverTo: string; configProblem?: string } {
  if (wanted === null || wanted.toLowerCase() === repository.fullName.toLowerCase()) return { deliverTo: repository.fullName };
  const orgConfigRepository = repositories.find(
    (r) => r.installationId === repository.installationId && r.owner.toLowerCase() === repository.owner.toLowerCase() && r.name === ".github",
  );
  const named = orgConfigRepository ? orgConfigRepository.config.digest.repository : null;
  if (named !== null && named.toLowerCase() === wanted.toLowerCase()) return { deliverTo: named };
  return {
    deliverTo: repository.fullName,
    configProblem:
      `.github/review-coach.yml: digest.repository "${wanted}" is not allowed, so this digest is opened in ${repository.fullName}. ` +
      `It must be ${repository.fullName} itself or the repository that the org's ${repository.owner}/.github config names in digest.repository` +
      `${named === null ? " (it names none)" : ` ("${named}")`}.`,
  };
}

/** The latest time at or before `now`, within the last week, that the schedule fell due. */
export function lastDueTime(cron: string, timeZone: string, now: Date): Date | null {
  const last = parseSchedule(cron, timeZone).previous(now);
  return last !== null && last.getTime() > now.getTime() - 7 * DAY_MS ? last : null;
}
