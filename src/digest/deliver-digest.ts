import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/open-store.js";
import { buildDigest } from "./build-digest.js";
import type { DigestTarget } from "./digest-types.js";
import { type DigestScope, loadDigestInput } from "./load-digest-input.js";
import { renderDigestMarkdown } from "./render-digest-markdown.js";
import { renderDigestMarker, renderDigestTitle } from "./render-digest-title.js";
import { renderSlackBlocks } from "./render-slack-blocks.js";

export interface DigestJob extends DigestScope {
  installationId: number;
  /** The repository the issue is opened in ("owner/name"). */
  deliverTo: string;
  /** When the schedule fell due (ISO): the digest is built as of then, so a retry builds the same one. */
  due: string;
}

export interface DeliverDeps {
  store: Store;
  github: GitHubClient;
  log: Logger;
  now: () => Date;
  slackWebhookUrl?: string | undefined;
  /** Posts the Slack message; fetch by default. */
  postToSlack?: (url: string, body: unknown) => Promise<void>;
}

/**
 * Builds and delivers one digest, exactly once per target and week: the digest row is written first,
 * the issue it opens is recorded before anything else happens, and a retry finds the issue again by its
 * hidden marker instead of opening a second one. The previous week's digest issue is closed.
 */
export async function deliverDigest(job: DigestJob, deps: DeliverDeps): Promise<void> {
  const { store, github, log } = deps;
  const due = new Date(job.due);
  const data = buildDigest(await loadDigestInput(store, job, due));
  const week = data.week.isoWeek;
  const id = digestId(job.target, week);
  const markdown = renderDigestMarkdown(data);
  const at = deps.now().toISOString();
  await store.db
    .insertInto("digests")
    .values({ id, installation_id: job.installationId, target: targetKey(job.target), week, markdown, data: JSON.stringify(data), issue_number: null, issue_url: null, slack_delivered_at: null, created_at: at, delivered_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  let row = await store.db.selectFrom("digests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const repo = toRef(job.deliverTo);

  if (row.issue_number === null) {
    const marker = renderDigestMarker(job.target, week);
    const found = await github.findRecentIssueWithMarker(repo, marker);
    const issue = found ?? (await github.createIssue(repo, renderDigestTitle(job.target, week), row.markdown));
    await store.db.updateTable("digests").set({ issue_number: issue.number, issue_url: issue.url, delivered_at: deps.now().toISOString() }).where("id", "=", id).execute();
    log.info({ digest: id, issue: issue.url, found: Boolean(found) }, "digest issue delivered");
    row = { ...row, issue_number: issue.number, issue_url: issue.url };

    const previous = await store.db
      .selectFrom("digests")
      .select(["id", "issue_number"])
      .where("target", "=", targetKey(job.target))
      .where("week", "<", week)
      .where("issue_number", "is not", null)
      .orderBy("week", "desc")
      .executeTakeFirst();
    if (previous?.issue_number) await github.closeIssue(repo, previous.issue_number);
  }

  if (deps.slackWebhookUrl && row.slack_delivered_at === null && row.issue_url) {
    const post = deps.postToSlack ?? postJson;
    await post(deps.slackWebhookUrl, renderSlackBlocks(data, row.issue_url));
    await store.db.updateTable("digests").set({ slack_delivered_at: deps.now().toISOString() }).where("id", "=", id).execute();
    log.info({ digest: id }, "digest sent to Slack");
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

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    const error = Object.assign(new Error(`Slack answered ${response.status}: ${text.slice(0, 200)}. Check SLACK_WEBHOOK_URL.`), { status: response.status });
    throw error;
  }
}
