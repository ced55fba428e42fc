import { isBot, type PullRequestPayload } from "../github/payloads.js";
import type { Store } from "../store/open-store.js";
import { upsertPullRequest } from "../store/pull-requests.js";

/** Keeps the stored pull request current with what a webhook says about it. */
export async function recordPullRequest({
  store,
  pr,
  ids,
  now,
}: {
  store: Store;
  pr: PullRequestPayload;
  ids: { installationId: number; repositoryId: number };
  now: Date;
}): Promise<void> {
  await upsertPullRequest(
    store,
    {
      id: pr.id,
      installationId: ids.installationId,
      repositoryId: ids.repositoryId,
      number: pr.number,
      title: pr.title,
      htmlUrl: pr.html_url,
      authorLogin: pr.user.login,
      authorIsBot: isBot(pr.user),
      state: pr.state,
      draft: pr.draft ?? false,
      merged: pr.merged ?? Boolean(pr.merged_at),
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
      additions: pr.additions,
      deletions: pr.deletions,
      changedFiles: pr.changed_files,
      openedAt: pr.created_at,
      mergedAt: pr.merged_at ?? null,
      closedAt: pr.closed_at ?? null,
    },
    now,
  );
}
