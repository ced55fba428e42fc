import { isBot, pullRequestEventSchema } from "../github/payloads.js";
import { upsertPullRequest } from "../store/pull-requests.js";
import { checkConfigChange } from "../use-cases/check-config-change.js";
import type { WebhookHandler } from "./handler-context.js";

const HEAD_CHANGED = new Set(["opened", "reopened", "synchronize", "ready_for_review"]);

/** pull_request: keep the PR record current; on a new head, check a changed review-coach config. */
export const handlePullRequest: WebhookHandler = async ({ payload, github, store, log, now }) => {
  const event = pullRequestEventSchema.parse(payload);
  const pr = event.pull_request;
  const repo = { owner: event.repository.owner.login, repo: event.repository.name };
  await upsertPullRequest(
    store,
    {
      id: pr.id,
      installationId: event.installation.id,
      repositoryId: event.repository.id,
      number: pr.number,
      title: pr.title,
      htmlUrl: pr.html_url,
      authorLogin: pr.user.login,
      authorIsBot: isBot(pr.user),
      state: pr.state,
      draft: pr.draft ?? false,
      merged: pr.merged ?? false,
      headSha: pr.head.sha,
      baseRef: pr.base.ref,
      additions: pr.additions ?? 0,
      deletions: pr.deletions ?? 0,
      changedFiles: pr.changed_files ?? 0,
      openedAt: pr.created_at,
      mergedAt: pr.merged_at ?? null,
      closedAt: pr.closed_at ?? null,
    },
    now(),
  );
  if (!HEAD_CHANGED.has(event.action)) return;

  const files = await github.listPullRequestFiles(repo, pr.number);
  const [headOwner = repo.owner, headName = repo.repo] = (pr.head.repo?.full_name ?? "").split("/");
  await checkConfigChange(
    github,
    {
      repo,
      headRepo: { owner: headOwner || repo.owner, repo: headName || repo.repo },
      headSha: pr.head.sha,
      changedPaths: files.map((f) => f.filename),
    },
    log,
  );
};
