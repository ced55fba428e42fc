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
import { listKudosOptOuts, listNudgedRepositoryIds, listRepositoryNudgesSince, listReviewerNudges, listReviewerSettings, type ReviewerNudge } from "../../store/nudges.js";
import type { Store } from "../../store/open-store.js";
import { listInstallationRepositories, type Repository } from "../../store/repositories.js";
import {
  listHarshCommentTimes,
  listReviewedRepositoryIds,
  listReviewerHarshComments,
  listReviewerHarshReviews,
  listReviewerReviews,
  type ReviewerComment,
  type ReviewerReview,
} from "../../store/reviews.js";
import type { RepositoryInputs } from "../build-repository-summary.js";
import type { OptOutSetting } from "../dashboard-types.js";
import type { ArchivedDigest } from "../pages/render-digests-page.js";
import { compareText } from "../../coach/compare-text.js";

const DAY_MS = 86_400_000;
const concernSchema = z.enum(CONCERNS);
const nudgeStatusSchema = z.enum(["sent", "shadow", "listed", "dismissed", "acted-on", "ignored", "failed"]);
const nudgeModeSchema = z.enum(["nudge", "summary", "shadow"]);

export async function listVisibleRepositories(store: Store, installationId: number, repositoryIds: ReadonlySet<number>): Promise<Repository[]> {
  const repositories = await listInstallationRepositories(store, installationId);
  return repositories.filter((repository) => repositoryIds.has(repository.id));
}

/** What the figures of some repositories are computed from: PRs, nudges, stored history and tone, for 8 weeks and a window. */
export async function loadRepositoryInputs(store: Store, repositories: Repository[], now: Date, windowDays: number): Promise<RepositoryInputs[]> {
  if (repositories.length === 0) return [];
  const ids = repositories.map((repository) => repository.id);
  const firstWeek = startOfIsoWeek(now).getTime() - TREND_WEEKS * WEEK_MS;
  const since = new Date(firstWeek - (TREND_WEEKS * 7 + windowDays + 1) * DAY_MS).toISOString();
  const pullRequests = await listDigestPullRequests(store, ids, since);
  const storedNudges = await listRepositoryNudgesSince(store, ids, new Date(firstWeek - WEEK_MS).toISOString());
  const harshComments = await listHarshCommentTimes(store, ids, new Date(firstWeek - WEEK_MS).toISOString());
  const declinedKudos = await listKudosOptOuts(store, repositories.map((r) => r.id));
  return repositories.map((repository) => {
    const nudges: DigestNudge[] = [];
    for (const nudge of storedNudges) {
      if (nudge.repositoryId !== repository.id) continue;
      const concern = concernSchema.safeParse(nudge.concern);
      const status = nudgeStatusSchema.safeParse(nudge.status);
      const mode = nudgeModeSchema.safeParse(nudge.mode);
      if (!concern.success || !status.success || !mode.success) continue;
      nudges.push({ repository: repository.fullName, concern: concern.data, rule: nudge.rule, status: status.data, mode: mode.data, createdAt: nudge.createdAt });
    }
    return {
      id: repository.id,
      fullName: repository.fullName,
      pullRequests: pullRequests.filter((pullRequest) => pullRequest.repository === repository.fullName),
      nudges,
      history: readRepositoryHistory(repository),
      toneCommentTimes: harshComments.filter((comment) => comment.repositoryId === repository.id).map((comment) => comment.createdAt),
      declinedKudos,
    };
  });
}

/** The person's reviews (by GitHub user id) in the given repositories, newest first. */
export async function listMyReviews(store: Store, userId: number, repositoryIds: number[], limit = 200): Promise<ReviewerReview[]> {
  if (repositoryIds.length === 0) return [];
  return listReviewerReviews(store, userId, repositoryIds, limit);
}

/** Nudges addressed to the person (matched by the nudged review's user id, never by login). */
export async function listMyNudges(store: Store, userId: number, repositoryIds: number[], limit = 200): Promise<ReviewerNudge[]> {
  if (repositoryIds.length === 0) return [];
  return listReviewerNudges(store, userId, repositoryIds, limit);
}

/** The person's harshly worded comments and review bodies (by user id), for their eyes only. */
export async function listMyToneComments(store: Store, userId: number, repositoryIds: number[], limit = 50): Promise<ReviewerComment[]> {
  if (repositoryIds.length === 0) return [];
  const comments = await listReviewerHarshComments(store, userId, repositoryIds, limit);
  // A review's own body is classified too (kept in its breakdown): harsh wording there counts the same.
  const reviews = await listReviewerHarshReviews(store, userId, repositoryIds, limit);
  const bodies = reviews.flatMap((review): ReviewerComment[] => {
    const tone = bodyToneSchema.safeParse(review.breakdown ? JSON.parse(review.breakdown) : null);
    if (!tone.success || tone.data.bodyClassification.tone === "respectful") return [];
    return [{ repository: review.repository, number: review.number, title: review.title, url: review.url, body: review.body, tone: tone.data.bodyClassification.tone, createdAt: review.submittedAt }];
  });
  return [...comments, ...bodies].sort((a, b) => compareText(b.createdAt, a.createdAt)).slice(0, limit);
}

const bodyToneSchema = z.object({ bodyClassification: z.object({ tone: z.enum(["respectful", "harsh", "toxic"]) }) });

/** The opt-out switch of every repository where the person reviewed, was nudged, or has a setting. */
export async function listMyOptOuts(store: Store, login: string, userId: number, repositories: ReadonlyMap<number, string>): Promise<OptOutSetting[]> {
  const ids = [...repositories.keys()];
  if (ids.length === 0) return [];
  const reviewed = await listReviewedRepositoryIds(store, userId, ids);
  const nudged = await listNudgedRepositoryIds(store, userId, ids);
  const settings = await listReviewerSettings(store, login, ids);
  const relevant = new Set([...reviewed, ...nudged, ...settings.map((setting) => setting.repositoryId)]);
  return [...relevant].map((repositoryId) => ({
    repositoryId,
    repository: repositories.get(repositoryId) ?? String(repositoryId),
    optedOut: settings.some((setting) => setting.repositoryId === repositoryId && setting.coachingOptOut),
  }));
}

const digestTargetSchema = z.object({ target: z.object({ kind: z.string(), name: z.string() }) }).passthrough();

/** The repository's digests, newest first: those whose target is the repository. */
export async function listRepositoryDigests(store: Store, repository: Repository, limit = 26): Promise<ArchivedDigest[]> {
  const digests = await listInstallationDigests(store, repository.installationId);
  const name = repository.fullName.toLowerCase();
  return digests
    .filter((digest) => {
      if (digest.target.toLowerCase() === name) return true;
      try {
        const data = digestTargetSchema.safeParse(JSON.parse(digest.data));
        return data.success && data.data.target.kind === "repository" && data.data.target.name.toLowerCase() === name;
      } catch {
        return false;
      }
    })
    .slice(0, limit)
    .map((digest) => ({ id: digest.id, week: digest.week, markdown: digest.markdown, issueUrl: digest.issueUrl, createdAt: digest.createdAt }));
}
