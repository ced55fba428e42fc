// The dashboard's reads from the store. Every query is scoped to repository ids the caller has already
// checked against GitHub; nothing here decides who may see what.

import { z } from "zod";
import { CONCERNS } from "../../coach/types.js";
import { TREND_WEEKS } from "../../digest/build-digest.js";
import { startOfIsoWeek, WEEK_MS } from "../../digest/build-digest-week.js";
import type { DigestNudge } from "../../digest/digest-types.js";
import { readRepositoryHistory } from "../../digest/record-score-snapshot.js";
import { listDigestPullRequests } from "../../store/list-digest-pull-requests.js";
import { listInstallationDigests } from "../../store/digests.js";
import { listKudosOptOuts, listNudgedRepositoryIds, listRepositoryNudgesSince, listReviewerNudges, listReviewerSettings } from "../../store/nudges.js";
import type { Store } from "../../store/open-store.js";
import { listInstallationRepositories } from "../../store/repositories.js";
import { listHarshCommentTimes, listReviewedRepositoryIds, listReviewerHarshComments, listReviewerHarshReviews, listReviewerReviews } from "../../store/reviews.js";
import type { RepositoryRow } from "../../store/tables.js";
import type { RepositoryInputs } from "../build-repository-summary.js";
import type { MyCommentRow, MyNudgeRow, MyReviewRow } from "../build-my-coaching.js";
import type { OptOutSetting } from "../dashboard-types.js";
import type { ArchivedDigest } from "../pages/render-digests-page.js";

const DAY_MS = 86_400_000;
const concernSchema = z.enum(CONCERNS);
const nudgeStatusSchema = z.enum(["sent", "shadow", "listed", "dismissed", "acted-on", "ignored", "failed"]);
const nudgeModeSchema = z.enum(["nudge", "summary", "shadow"]);

export async function listRepositoryRows(store: Store, installationId: number, repositoryIds: ReadonlySet<number>): Promise<RepositoryRow[]> {
  const rows = await listInstallationRepositories(store, installationId);
  return rows.filter((row) => repositoryIds.has(row.id));
}

/** What the figures of some repositories are computed from: PRs, nudges, stored history and tone, for 8 weeks and a window. */
export async function loadRepositoryInputs(store: Store, repositories: RepositoryRow[], now: Date, windowDays: number): Promise<RepositoryInputs[]> {
  if (repositories.length === 0) return [];
  const ids = repositories.map((repository) => repository.id);
  const firstWeek = startOfIsoWeek(now).getTime() - TREND_WEEKS * WEEK_MS;
  const since = new Date(firstWeek - (TREND_WEEKS * 7 + windowDays + 1) * DAY_MS).toISOString();
  const pullRequests = await listDigestPullRequests(store, ids, since);
  const nudgeRows = await listRepositoryNudgesSince(store, ids, new Date(firstWeek - WEEK_MS).toISOString());
  const toneRows = await listHarshCommentTimes(store, ids, new Date(firstWeek - WEEK_MS).toISOString());
  const declinedKudos = await listKudosOptOuts(store, repositories.map((r) => r.id));
  return repositories.map((repository) => {
    const nudges: DigestNudge[] = [];
    for (const row of nudgeRows) {
      if (row.repository_id !== repository.id) continue;
      const concern = concernSchema.safeParse(row.concern);
      const status = nudgeStatusSchema.safeParse(row.status);
      const mode = nudgeModeSchema.safeParse(row.mode);
      if (!concern.success || !status.success || !mode.success) continue;
      nudges.push({ repository: repository.full_name, concern: concern.data, rule: row.rule, status: status.data, mode: mode.data, createdAt: row.created_at });
    }
    return {
      id: repository.id,
      fullName: repository.full_name,
      pullRequests: pullRequests.filter((pullRequest) => pullRequest.repository === repository.full_name),
      nudges,
      history: readRepositoryHistory(repository),
      toneCommentTimes: toneRows.filter((row) => row.repository_id === repository.id).map((row) => row.created_at),
      declinedKudos,
    };
  });
}

/** The person's reviews (by GitHub user id) in the given repositories, newest first. */
export async function listMyReviews(store: Store, userId: number, repositoryIds: number[], limit = 200): Promise<MyReviewRow[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await listReviewerReviews(store, userId, repositoryIds, limit);
  return rows.map((row) => ({
    id: row.id,
    repository: row.full_name,
    number: row.number,
    title: row.title,
    url: row.pr_url,
    htmlUrl: row.html_url,
    submittedAt: row.submitted_at,
    state: row.state,
    score: row.score,
    breakdown: row.breakdown,
    flags: row.flags,
  }));
}

/** Nudges addressed to the person (matched by the nudged review's user id, never by login). */
export async function listMyNudges(store: Store, userId: number, repositoryIds: number[], limit = 200): Promise<MyNudgeRow[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await listReviewerNudges(store, userId, repositoryIds, limit);
  return rows.map((row) => ({
    repository: row.full_name,
    number: row.number,
    title: row.title,
    url: row.html_url,
    concern: row.concern,
    path: row.path,
    line: row.line,
    status: row.status,
    mode: row.mode,
    createdAt: row.created_at,
  }));
}

/** The person's harshly worded comments and review bodies (by user id), for their eyes only. */
export async function listMyToneComments(store: Store, userId: number, repositoryIds: number[], limit = 50): Promise<MyCommentRow[]> {
  if (repositoryIds.length === 0) return [];
  const rows = await listReviewerHarshComments(store, userId, repositoryIds, limit);
  // A review's own body is classified too (kept in its breakdown): harsh wording there counts the same.
  const reviews = await listReviewerHarshReviews(store, userId, repositoryIds, limit);
  const bodies = reviews.flatMap((row) => {
    const tone = bodyToneSchema.safeParse(row.breakdown ? JSON.parse(row.breakdown) : null);
    if (!tone.success || tone.data.bodyClassification.tone === "respectful") return [];
    return [{ body: row.body, tone: tone.data.bodyClassification.tone, created_at: row.submitted_at, number: row.number, title: row.title, html_url: row.html_url, full_name: row.full_name }];
  });
  return [...rows, ...bodies]
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, limit)
    .map((row) => ({
      repository: row.full_name,
      number: row.number,
      title: row.title,
      url: row.html_url,
      body: row.body,
      tone: row.tone,
      createdAt: row.created_at,
    }));
}

const bodyToneSchema = z.object({ bodyClassification: z.object({ tone: z.enum(["respectful", "harsh", "toxic"]) }) });

/** The opt-out switch of every repository where the person reviewed, was nudged, or has a setting. */
export async function listMyOptOuts(store: Store, login: string, userId: number, repositories: ReadonlyMap<number, string>): Promise<OptOutSetting[]> {
  const ids = [...repositories.keys()];
  if (ids.length === 0) return [];
  const reviewed = await listReviewedRepositoryIds(store, userId, ids);
  const nudged = await listNudgedRepositoryIds(store, userId, ids);
  const settings = await listReviewerSettings(store, login, ids);
  const relevant = new Set([...reviewed, ...nudged, ...settings].map((row) => row.repository_id));
  return [...relevant].map((repositoryId) => ({
    repositoryId,
    repository: repositories.get(repositoryId) ?? String(repositoryId),
    optedOut: settings.some((setting) => setting.repository_id === repositoryId && setting.coaching_opt_out === 1),
  }));
}

const digestTargetSchema = z.object({ target: z.object({ kind: z.string(), name: z.string() }) }).passthrough();

/** The repository's digests, newest first: those whose target is the repository. */
export async function listRepositoryDigests(store: Store, repository: RepositoryRow, limit = 26): Promise<ArchivedDigest[]> {
  const rows = await listInstallationDigests(store, repository.installation_id);
  const name = repository.full_name.toLowerCase();
  return rows
    .filter((row) => {
      if (row.target.toLowerCase() === name) return true;
      try {
        const data = digestTargetSchema.safeParse(JSON.parse(row.data));
        return data.success && data.data.target.kind === "repository" && data.data.target.name.toLowerCase() === name;
      } catch {
        return false;
      }
    })
    .slice(0, limit)
    .map((row) => ({ id: row.id, week: row.week, markdown: row.markdown, issueUrl: row.issue_url, createdAt: row.created_at }));
}
