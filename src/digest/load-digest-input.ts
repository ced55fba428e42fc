import type { Concern } from "../coach/types.js";
import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import { listKudosOptOuts, listRepositoryNudgesSince } from "../store/nudges.js";
import type { Store } from "../store/open-store.js";
import { listRepositoriesById } from "../store/repositories.js";
import { countHarshCommentsSince } from "../store/reviews.js";
import { TREND_WEEKS } from "./build-digest.js";
import type { DigestInput, DigestTarget } from "./digest-types.js";
import { readRepositoryHistory } from "./record-score-snapshot.js";

export interface DigestScope {
  target: DigestTarget;
  repositoryIds: number[];
}

/** Reads from the store everything the digest of a target needs, as of `now`. */
export async function loadDigestInput(store: Store, scope: DigestScope, now: Date): Promise<DigestInput> {
  const repositories = await listRepositoriesById(store, scope.repositoryIds);
  const configs = repositories.map((r) => ({ repository: r, config: r.config }));
  const targetConfig = configs.find((c) => c.repository.fullName === scope.target.name)?.config ?? configs[0]?.config;
  const windowDays = targetConfig?.score.windowDays ?? 28;
  // Every trend point's window: eight week ends back from the reported week's, each `windowDays` long.
  const since = new Date(now.getTime() - ((TREND_WEEKS + 1) * 7 + windowDays) * 86_400_000).toISOString();
  const weekStart = new Date(now.getTime() - 14 * 86_400_000).toISOString();

  const pullRequests = await listDigestPullRequests(store, scope.repositoryIds, since);
  const names = new Map(repositories.map((r) => [r.id, r.fullName]));
  const nudges = await listRepositoryNudgesSince(store, scope.repositoryIds, since);
  const toneIssues = await countHarshCommentsSince(store, scope.repositoryIds, weekStart);

  const declinedKudos = await listKudosOptOuts(store, scope.repositoryIds);

  return {
    target: scope.target,
    kudosConsent: (login) => !declinedKudos.has(login.toLowerCase()),
    now: now.toISOString(),
    windowDays,
    individuals: targetConfig?.digest.individuals ?? "kudos",
    pullRequests,
    nudges: nudges.map((n) => ({
      repository: names.get(n.repositoryId) ?? "",
      concern: n.concern as Concern,
      rule: n.rule,
      status: n.status as DigestInput["nudges"][number]["status"],
      mode: n.mode as DigestInput["nudges"][number]["mode"],
      createdAt: n.createdAt,
    })),
    history: repositories.map(readRepositoryHistory),
    toneIssues,
    shadowRepositories: configs.filter((c) => c.config.mode === "shadow").map((c) => c.repository.fullName),
  };
}
