import { createHash } from "node:crypto";
import { countsAsReview } from "../coach/counts-as-review.js";
import { planReplayedNudges, type ReplayedCoaching } from "../coach/plan-replayed-nudges.js";
import { renderCoachingReview } from "../coach/render/render-coaching-review.js";
import { renderFindingItem, renderNudge } from "../coach/render/render-nudge.js";
import { pullRequestFacts, toScoredComment } from "../coach/score-stored-review.js";
import { compareByImportance } from "../coach/select-nudges.js";
import type { Concern, Finding } from "../coach/types.js";
import { buildCoverage, buildDigest, buildRubberStamps } from "../digest/build-digest.js";
import { startOfIsoWeek } from "../digest/build-digest-week.js";
import { isoWeek } from "../digest/iso-week.js";
import { loadDigestInput } from "../digest/load-digest-input.js";
import { renderDigestMarkdown } from "../digest/render-digest-markdown.js";
import { DIGEST_MARKER_PREFIX } from "../digest/render-digest-title.js";
import { ReviewCoachError } from "../errors.js";
import { toGitHubAccessError } from "../github/github-access-error.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { buildNudgePolicy } from "../repo-config/build-nudge-policy.js";
import { loadRepoConfig, type LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import type { ConfigProblem } from "../repo-config/validate-config.js";
import { upsertInstallation, upsertRepositories } from "../store/installations.js";
import { listDigestPullRequests } from "../store/list-digest-pull-requests.js";
import { openStore, type Store } from "../store/open-store.js";
import { saveBackfillState, saveRepositoryConfig } from "../store/repositories.js";
import type { SyntaxParser } from "../syntax/syntax-parser.js";
import { getRepositoryScore } from "./get-repository-score.js";
import { type ImportedPullRequest, importPullRequest } from "./import-pull-request.js";
import type { PreviewNudge, PreviewPullRequest, PreviewReport } from "./preview-report.js";
import { type MergedPull, readMergedPullRequestPage } from "./read-merged-pull-requests.js";
import { GitHubGoneError } from "../github/to-github-error.js";
import { compareText } from "../coach/compare-text.js";

/** The repository's config files do not validate: the app would ignore them; the preview stops. */
export class PreviewConfigError extends ReviewCoachError {
  constructor(readonly problems: ConfigProblem[]) {
    super(`the review-coach config has ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  }
}

export interface PreviewTarget {
  repo: RepoRef;
  /** github.com or the GitHub Enterprise Server host (for messages and the report). */
  host: string;
  /** Weeks of merged PRs before the start of the current ISO week (default: the config's backfill.weeks). */
  weeks?: number | undefined;
  /** Exactly these PRs instead of a window. */
  numbers?: readonly number[] | undefined;
}

/** Told as the run goes, for a progress bar or log lines. */
export interface PreviewProgress {
  listed(total: number): void;
  analysed(done: number, total: number, pullNumber: number): void;
}

export interface PreviewDeps {
  github: GitHubClient;
  log: Logger;
  now: () => Date;
  progress?: PreviewProgress;
  syntax?: SyntaxParser;
}

/** Any installation id: the preview's store is in memory and holds one repository. */
const PREVIEW_INSTALLATION_ID = 1;
const WEEK_MS = 7 * 86_400_000;

/**
 * Flow 7 (DESIGN.md): replays a repository's recent merged pull requests through the app's engine with a
 * token, read-only. The history is read and scored by the backfill's own import (importPullRequest) into
 * a store in memory, so the totals and the digest are what the app would report after installing; the
 * nudges are what each review would have received (planReplayedNudges). Nothing is written to GitHub.
 */
export async function previewRepository({ deps, target }: { deps: PreviewDeps; target: PreviewTarget }): Promise<PreviewReport> {
  const { github, log } = deps;
  const now = deps.now();
  const name = `${target.repo.owner}/${target.repo.repo}`;

  // 1. The repository (access problems surface here) and its config, loaded and validated as the app does.
  let repository;
  try {
    repository = await github.getRepository(target.repo);
  } catch (error) {
    throw toGitHubAccessError(error, name, target.host) ?? error;
  }
  const repo: RepoRef = { owner: repository.owner.login, repo: repository.name };
  const loaded = await loadRepoConfig(github, repo, log);
  if (loaded.problems.length > 0) throw new PreviewConfigError(loaded.problems);
  const { config } = loaded;

  // 2. Which pull requests: merged in the window, or the ones asked for.
  const since = target.numbers ? null : new Date(startOfIsoWeek(now).getTime() - (target.weeks ?? config.backfill.weeks) * WEEK_MS).toISOString();
  const { pulls, skipped } = since === null ? await readChosenPullRequests(github, repo, target.numbers ?? []) : await readWindow(github, repo, since);
  pulls.sort((a, b) => compareText(a.merged_at ?? "", b.merged_at ?? "") || a.number - b.number);
  deps.progress?.listed(pulls.length);

  // 3. Each one imported as the backfill imports it, into a store of its own.
  const store = await openStore({ sqlitePath: ":memory:", log });
  try {
    await upsertInstallation(
      store,
      { id: PREVIEW_INSTALLATION_ID, accountLogin: repository.owner.login, accountType: repository.owner.type, repositorySelection: "selected", suspendedAt: null },
      now,
    );
    await upsertRepositories(store, [{ id: repository.id, installationId: PREVIEW_INSTALLATION_ID, fullName: repository.full_name, private: repository.private }], now);
    await saveRepositoryConfig(store, repository.id, loaded, now);
    const ids = { installationId: PREVIEW_INSTALLATION_ID, repositoryId: repository.id };
    const pullRequests: PreviewPullRequest[] = [];
    for (const [index, pr] of pulls.entries()) {
      const imported = await importPullRequest({ deps: { github, store, log, ...(deps.syntax ? { syntax: deps.syntax } : {}) }, repo, ids, pr, loaded, now });
      pullRequests.push(buildPullRequestEntry(imported, loaded));
      deps.progress?.analysed(index + 1, pulls.length, pr.number);
    }
    const earliest = since ?? pulls[0]?.merged_at ?? now.toISOString();
    await saveBackfillState(store, repository.id, { page: 1, imported: pulls.length, done: true, since: earliest }, now);

    // 4. Totals and the digest, from the store as the app reads it.
    const policy = buildNudgePolicy(config);
    return {
      schemaVersion: 1,
      repository: repository.full_name,
      host: target.host,
      generatedAt: now.toISOString(),
      window: { since, pullRequests: target.numbers ? [...target.numbers] : null },
      config: {
        sources: loaded.sources,
        mode: config.mode,
        severity: policy.minSeverity,
        maxNudgesPerReview: policy.maxPerReview,
        maxNudgesPerPullRequest: policy.maxPerPullRequest,
      },
      pullRequests,
      skipped,
      totals: await buildTotals(store, repository.id, pullRequests, earliest, config.score.windowDays, now),
      digest: await buildPreviewDigest(store, repository.id, repository.full_name, now),
      requests: { made: github.requestCount, rateLimitRemaining: github.rateLimit.remaining ?? null },
    };
  } finally {
    await store.close();
  }
}

async function readWindow(github: GitHubClient, repo: RepoRef, since: string): Promise<{ pulls: MergedPull[]; skipped: PreviewReport["skipped"] }> {
  const pulls: MergedPull[] = [];
  for (let page = 1; ; page++) {
    const read = await readMergedPullRequestPage({ github, repo, page, since });
    pulls.push(...read.merged);
    if (read.reachedTheStart) return { pulls, skipped: [] };
  }
}

async function readChosenPullRequests(github: GitHubClient, repo: RepoRef, numbers: readonly number[]) {
  const pulls: MergedPull[] = [];
  const skipped: PreviewReport["skipped"] = [];
  for (const number of numbers) {
    let pr;
    try {
      pr = await github.getPullRequest(repo, number);
    } catch (error) {
      if (!(error instanceof GitHubGoneError)) throw error;
      skipped.push({ number, reason: "no such pull request" });
      continue;
    }
    if (!pr.merged_at) skipped.push({ number, reason: pr.state === "open" ? "still open" : "closed without merging" });
    else if (pr.user.type === "Bot") skipped.push({ number, reason: "opened by a bot" });
    else pulls.push(pr);
  }
  return { pulls, skipped };
}

/** GitHub's anchor for a line of a file in a pull request's diff: diff-<sha256 of the path>R<line>. */
function diffLink(pullRequestUrl: string, path: string, line: number | null): string {
  const anchor = `diff-${createHash("sha256").update(path).digest("hex")}`;
  return `${pullRequestUrl}/files#${anchor}${line === null ? "" : `R${line}`}`;
}

/** The nudge text without the hidden marker that ties a posted comment to its finding. */
function withoutMarker(text: string): string {
  return text.replace(/\n<!-- review-coach:nudge [0-9a-f]+ -->$/, "");
}

function buildPullRequestEntry(imported: ImportedPullRequest, loaded: LoadedRepoConfig): PreviewPullRequest {
  const { pullRequest: pr, profile } = imported;
  const { config } = loaded;
  const coachings: ReplayedCoaching[] = planReplayedNudges(
    imported.reviews.map((r) => ({
      id: r.id,
      reviewerLogin: r.reviewerLogin,
      score: r.score,
      review: { state: r.state, body: r.body, bodyClassification: r.bodyClassification },
      comments: r.comments.map(toScoredComment),
    })),
    { authorLogin: pr.user.login, riskProfile: profile, facts: pullRequestFacts(profile) },
    {
      mode: config.mode,
      ...buildNudgePolicy(config),
      pins: config.rules,
      ignoredReviewers: config.reviewers.ignored,
      scoreOptions: { weights: config.scoring.weights },
    },
  );
  const nudge = (coaching: ReplayedCoaching, finding: Finding, placement: PreviewNudge["placement"]): PreviewNudge => ({
    reviewId: coaching.reviewId,
    reviewer: coaching.reviewerLogin,
    placement,
    concern: finding.concern,
    severity: finding.severity,
    rule: finding.rule,
    path: finding.path,
    line: finding.line,
    text: placement === "inline" ? withoutMarker(renderNudge(finding, coaching.reviewerLogin)) : renderFindingItem(finding).replace(/^- /, ""),
    link: diffLink(pr.html_url, finding.path, finding.line),
  });
  const concerns: Concern[] = [];
  for (const finding of [...profile.findings].sort(compareByImportance)) if (!concerns.includes(finding.concern)) concerns.push(finding.concern);
  return {
    number: pr.number,
    title: pr.title,
    url: pr.html_url,
    author: pr.user.login,
    mergedAt: pr.merged_at ?? "",
    risk: { level: profile.level, findings: profile.findings.length, concerns },
    score: imported.pullRequestScore?.score ?? null,
    reviews: imported.reviews.map((r) => ({
      id: r.id,
      reviewer: r.reviewerLogin,
      state: r.state,
      submittedAt: r.submittedAt,
      url: r.htmlUrl,
      score: r.score.score,
      flags: [...r.score.flags],
      breakdown: r.score.breakdown.map((f) => ({ name: f.name, weight: f.weight, value: f.value, points: f.points, explanation: f.explanation })),
      counted: countsAsReview({ reviewerLogin: r.reviewerLogin, state: r.state }, pr.user.login),
    })),
    nudges: coachings.flatMap((c) => [...c.inline.map((f) => nudge(c, f, "inline")), ...c.listed.map((f) => nudge(c, f, "listed"))]),
    coachingReviews: coachings.flatMap((c) => {
      const flags = imported.reviews.find((r) => r.id === c.reviewId)?.score.flags ?? [];
      const body = renderCoachingReview({ reviewerLogin: c.reviewerLogin, flags, styleComments: c.styleComments, inline: c.inline, listed: c.listed });
      return body === null ? [] : [{ reviewId: c.reviewId, body }];
    }),
  };
}

async function buildTotals(store: Store, repositoryId: number, pullRequests: readonly PreviewPullRequest[], since: string, windowDays: number, now: Date): Promise<PreviewReport["totals"]> {
  const perWeek = new Map<string, { week: string; reviewer: string; nudges: number }>();
  for (const pr of pullRequests) {
    for (const nudge of pr.nudges) {
      const submittedAt = pr.reviews.find((r) => r.id === nudge.reviewId)?.submittedAt ?? pr.mergedAt;
      const week = isoWeek(new Date(submittedAt));
      const key = `${week} ${nudge.reviewer.toLowerCase()}`;
      const entry = perWeek.get(key) ?? { week, reviewer: nudge.reviewer, nudges: 0 };
      entry.nudges += 1;
      perWeek.set(key, entry);
    }
  }
  const merged = (await listDigestPullRequests(store, [repositoryId], since)).filter((pr) => pr.mergedAt !== null);
  const rubberStamps = buildRubberStamps(merged);
  return {
    pullRequests: pullRequests.length,
    reviews: pullRequests.reduce((sum, pr) => sum + pr.reviews.length, 0),
    nudges: pullRequests.reduce((sum, pr) => sum + pr.nudges.length, 0),
    nudgesPerReviewerPerWeek: [...perWeek.values()].sort((a, b) => compareText(a.week, b.week) || compareText(a.reviewer.toLowerCase(), b.reviewer.toLowerCase())),
    rubberStamps: { count: rubberStamps.count, byRisk: rubberStamps.byRisk },
    coverage: buildCoverage(merged).concerns.map((c) => ({ concern: c.concern, asked: c.asked, covered: c.covered, share: c.share })),
    repositoryScore: { score: await getRepositoryScore({ store, repositoryId, now, windowDays }), windowDays },
  };
}

async function buildPreviewDigest(store: Store, repositoryId: number, fullName: string, now: Date): Promise<PreviewReport["digest"]> {
  const input = await loadDigestInput(store, { target: { kind: "repository", name: fullName }, repositoryIds: [repositoryId] }, now);
  const data = buildDigest(input);
  // Without the hidden marker: a preview pasted into an issue must not pass for the delivered digest.
  const markdown = renderDigestMarkdown(data)
    .split("\n")
    .filter((line) => !line.startsWith(DIGEST_MARKER_PREFIX))
    .join("\n");
  return { isoWeek: data.week.isoWeek, markdown };
}
