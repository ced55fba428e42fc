import { z } from "zod";
import { TransientError } from "../errors.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { RepoConfigLoader } from "../repo-config/create-config-cache.js";
import type { Store } from "../store/open-store.js";
import { startOfIsoWeek } from "../digest/build-digest-week.js";
import { recordScoreSnapshots } from "../digest/record-score-snapshot.js";
import { type BackfillState, findRepository, saveBackfillState, saveRepositoryConfig } from "../store/repositories.js";
import { listScoreSnapshotDays } from "../store/score-snapshots.js";
import { importPullRequest } from "./import-pull-request.js";
import { readMergedPullRequestPage } from "./read-merged-pull-requests.js";

export const backfillJobSchema = z.object({
  installationId: z.number(),
  repositoryId: z.number(),
  fullName: z.string(),
});
export type BackfillJob = z.infer<typeof backfillJobSchema>;

/** Stop and resume later when the installation has fewer requests than this left in its hourly budget. */
const KEEP_IN_RESERVE = 500;

/**
 * Flow 5: imports the last weeks of merged pull requests with their files, reviews and review comments,
 * so the first digest has data. One page of closed PRs at a time, progress saved after each, so it
 * resumes where it stopped after a restart or when it pauses to stay within the request budget. No
 * coaching happens on history. It reaches back `backfill.weeks` before the start of the current ISO week,
 * so the window of the last complete week is whole whatever the day of installing. Its progress says how
 * much history is stored (digest/build-repository-history.ts): the daily snapshots wait for it, and when
 * it finishes they are recomputed.
 */
export async function backfillRepository({ job, deps }: { job: BackfillJob; deps: { github: GitHubClient; store: Store; log: Logger; now: () => Date; loadConfig: RepoConfigLoader } }): Promise<void> {
  const { github, store, log } = deps;
  const [owner = "", name = ""] = job.fullName.split("/");
  const repo: RepoRef = { owner, repo: name };
  const repository = await findRepository(store, job.repositoryId);
  if (!repository) return;
  const loaded = await deps.loadConfig(github, repo, log);
  await saveRepositoryConfig(store, job.repositoryId, loaded, deps.now());
  const weeks = loaded.config.backfill.weeks;
  const now = deps.now();
  const stored = repository.backfillState;
  if (stored?.done) return;
  let state: BackfillState = stored ?? { page: 1, imported: 0, done: weeks === 0, since: new Date(startOfIsoWeek(now).getTime() - weeks * 7 * 86_400_000).toISOString() };
  // Saved before the first page, so the digest knows a backfill is running.
  await saveBackfillState(store, job.repositoryId, state, now);
  if (state.done) return;

  for (;;) {
    const remaining = github.rateLimit.remaining;
    if (remaining !== undefined && remaining < KEEP_IN_RESERVE) {
      const wait = Math.max(60, Math.ceil((github.rateLimit.resetAt ?? deps.now().getTime() + 600_000) / 1000 - deps.now().getTime() / 1000));
      log.info({ remaining, page: state.page }, "backfill paused to keep the installation's request budget");
      throw new TransientError(`backfill of ${job.fullName} paused at page ${state.page}: ${remaining} requests left this hour`, wait);
    }
    const { merged, oldestUpdate: oldest, reachedTheStart } = await readMergedPullRequestPage({ github, repo, page: state.page, since: state.since });
    for (const pr of merged) {
      await importPullRequest({ deps: { github, store, log }, repo, ids: job, pr, loaded, now: deps.now() });
      state.imported++;
    }
    const reached = oldest !== undefined && (state.reached === undefined || oldest < state.reached) ? oldest : state.reached;
    state = { ...state, page: state.page + 1, done: reachedTheStart, ...(reached === undefined ? {} : { reached }) };
    await saveBackfillState(store, job.repositoryId, state, deps.now());
    log.info({ repo: job.fullName, page: state.page - 1, imported: state.imported, done: state.done }, "backfill progress");
    if (state.done) break;
  }
  // The history is complete: the snapshots it covers are computed again (and yesterday's, skipped while it ran).
  const yesterday = new Date(deps.now().getTime() - 86_400_000).toISOString().slice(0, 10);
  await recordScoreSnapshots(store, job.repositoryId, [...(await listScoreSnapshotDays(store, job.repositoryId)), yesterday], deps.now(), log);
}
