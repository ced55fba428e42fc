import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { insertDigestOnce, listEarlierDigestIssues, markDigestIssueDelivered, markDigestSentToSlack } from "../store/digests.js";
import type { Store } from "../store/open-store.js";
import { buildDigest } from "./build-digest.js";
import type { DigestTarget } from "./digest-types.js";
import { type DigestScope, loadDigestInput } from "./load-digest-input.js";
import { renderDigestMarkdown } from "./render-digest-markdown.js";
import { renderDigestMarker, renderDigestTitle } from "./render-digest-title.js";
import { postSlackMessage } from "./post-slack-message.js";
import { renderSlackBlocks } from "./render-slack-blocks.js";

export interface DigestJob extends DigestScope {
  installationId: number;
  /** The repository the issue is opened in ("owner/name"). */
  deliverTo: string;
  /** When the schedule fell due (ISO): the digest is built as of then, so a retry builds the same one. */
  due: string;
  /** Why the configured digest.repository was refused (the digest says so). */
  configProblem?: string | undefined;
}

export interface DeliverDeps {
  store: Store;
  github: GitHubClient;
  log: Logger;
  now: () => Date;
  slackWebhookUrl?: string | undefined;
}

/**
 * Builds and delivers one digest, exactly once per target and week: the digest row is written first,
 * the issue it opens is recorded before anything else happens, and every attempt at opening it (a retry
 * of the job or of the request) first looks for it by its hidden marker. The target's previous digest
 * issue in the same repository is closed, once its marker proves it is one.
 */
export async function deliverDigest(job: DigestJob, deps: DeliverDeps): Promise<void> {
  const { store, github, log } = deps;
  const due = new Date(job.due);
  const data = buildDigest(await loadDigestInput(store, job, due));
  const week = data.week.isoWeek;
  const id = digestId(job.target, week);
  const markdown = renderDigestMarkdown(data, job.configProblem ? [job.configProblem] : []);
  let row = await insertDigestOnce(store, { id, installationId: job.installationId, target: targetKey(job.target), week, markdown, data: JSON.stringify(data) }, deps.now());
  const repo = toRef(job.deliverTo);

  if (row.issueNumber === null) {
    const issue = await github.createIssueOnce(repo, renderDigestTitle(job.target, week), row.markdown, renderDigestMarker(job.target, week));
    await markDigestIssueDelivered(store, id, issue, deps.now());
    log.info({ digest: id, issue: issue.url, found: issue.found }, "digest issue delivered");
    row = { ...row, issueNumber: issue.number, issueUrl: issue.url };

    const previous = await findPreviousDigestIssue(store, job, week);
    if (previous) {
      const closed = await github.closeIssueWithMarker(repo, previous.number, renderDigestMarker(job.target, previous.week));
      if (!closed) log.warn({ digest: id, issue: previous.number }, "previous digest issue not closed: it no longer carries its digest marker");
    }
  }

  if (deps.slackWebhookUrl && row.slackDeliveredAt === null && row.issueUrl) {
    await postSlackMessage(deps.slackWebhookUrl, renderSlackBlocks(data, row.issueUrl));
    await markDigestSentToSlack(store, id, deps.now());
    log.info({ digest: id }, "digest sent to Slack");
  }
}

/**
 * The target's latest earlier digest issue in the same installation and the same repository (a digest
 * issue of another repository is never closed here, whatever its number).
 */
async function findPreviousDigestIssue(store: Store, job: DigestJob, week: string): Promise<{ number: number; week: string } | undefined> {
  const rows = await listEarlierDigestIssues(store, job.installationId, targetKey(job.target), week);
  const wanted = job.deliverTo.toLowerCase();
  const previous = rows.find((row) => repositoryOfIssueUrl(row.issueUrl)?.toLowerCase() === wanted);
  return previous?.issueNumber ? { number: previous.issueNumber, week: previous.week } : undefined;
}

/** "owner/name" from an issue's html_url (https://host/owner/name/issues/12), or null. */
function repositoryOfIssueUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parts = new URL(url).pathname.split("/").filter(Boolean);
    return parts.length >= 4 && parts[parts.length - 2] === "issues" ? `${parts[parts.length - 4]}/${parts[parts.length - 3]}` : null;
  } catch {
    return null;
  }
}

export function digestId(target: DigestTarget, week: string): string {
  return `${targetKey(target)}:${week}`;
}

function targetKey(target: DigestTarget): string {
  return `${target.kind}:${target.name}`;
}

function toRef(fullName: string): RepoRef {
  const [owner = "", repo = ""] = fullName.split("/");
  return { owner, repo };
}
