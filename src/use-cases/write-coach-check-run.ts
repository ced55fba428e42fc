import type { MutedRule } from "../coach/build-muted-rules.js";
import { type CheckRunRendering, COACH_CHECK_NAME, renderCheckRun } from "../coach/render/render-check-run.js";
import type { ReviewScore } from "../coach/score-review.js";
import type { RiskProfile } from "../coach/types.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { PullRequestPayload } from "../github/payloads.js";
import type { LoadedRepoConfig } from "../repo-config/load-repo-config.js";
import { renderConfigProblems } from "../repo-config/render-config-problems.js";
import { findGitHubWrite, markGitHubWriteStarted } from "../store/github-writes.js";
import { type AppliedGitHubWrite, findCheckRunId, saveCheckRunIdForWrite } from "../store/nudges.js";
import type { Store } from "../store/open-store.js";
import { getMutedRules } from "./get-muted-rules.js";
import { getRepositoryScore } from "./get-repository-score.js";

/** The head a check run is for. */
export interface CheckRunTarget {
  repo: RepoRef;
  installationId: number;
  pullRequestId: number;
  headSha: string;
}

/** What the store knows of a head's check run: its id, and whether an attempt started writing it. */
export interface CheckRunState {
  storedId: number | undefined;
  started: boolean;
}

/** A check run written on GitHub, to record with its write (the store's transaction does). */
export interface CheckRunWrite {
  checkRun: { pullRequestId: number; headSha: string; name: string };
  write: AppliedGitHubWrite & { githubId: number };
}

function checkRunKeys(target: CheckRunTarget) {
  const externalId = `review-coach:${target.pullRequestId}:${target.headSha}`;
  return { externalId, writeKey: `check-run:${externalId}:${COACH_CHECK_NAME}` };
}

/** Reads what the store knows of the review-coach check run of a head. */
export async function findCoachCheckRunState(store: Store, target: CheckRunTarget): Promise<CheckRunState> {
  const storedId = await findCheckRunId(store, target.pullRequestId, target.headSha, COACH_CHECK_NAME);
  return { storedId, started: storedId === undefined && (await findGitHubWrite(store, checkRunKeys(target).writeKey)) !== undefined };
}

/**
 * Creates or updates, in place, the review-coach check run of a head. Keyed by external_id: an attempt
 * that created the check run but crashed before storing its id has marked the write started, so the
 * retry finds that check run and updates it. Returns what to record, or null when the stored id stands.
 */
export async function upsertCoachCheckRun(input: { github: GitHubClient; store: Store; target: CheckRunTarget; state: CheckRunState; rendering: CheckRunRendering; now: Date }): Promise<CheckRunWrite | null> {
  const { github, store, target, state, rendering, now } = input;
  const { externalId, writeKey } = checkRunKeys(target);
  let existingId = state.storedId;
  if (existingId === undefined && state.started) {
    existingId = await github.findCheckRunByExternalId(target.repo, target.headSha, COACH_CHECK_NAME, externalId);
  }
  if (existingId === undefined) await markGitHubWriteStarted(store, writeKey, target.installationId, null, now);
  const id = await github.writeCheckRun({
    ...target.repo,
    name: COACH_CHECK_NAME,
    headSha: target.headSha,
    conclusion: rendering.conclusion,
    output: { title: rendering.title, summary: rendering.summary },
    externalId,
    existingId,
  });
  if (id === state.storedId) return null;
  return {
    checkRun: { pullRequestId: target.pullRequestId, headSha: target.headSha, name: COACH_CHECK_NAME },
    write: { key: writeKey, installationId: target.installationId, githubId: id },
  };
}

export interface CoachCheckRunInput {
  github: GitHubClient;
  store: Store;
  event: { repo: RepoRef; installationId: number; repositoryId: number; pullRequest: PullRequestPayload };
  profile: RiskProfile;
  prScore: ReviewScore | null;
  /** The review that prompted the check run, with its score; null for a new head. */
  latestReview: { reviewerLogin: string; score: ReviewScore } | null;
  loaded: LoadedRepoConfig;
  now: Date;
  /** The rules muted for the repository, when the caller has read them already. */
  mutedRules?: readonly MutedRule[] | undefined;
}

/** Renders the review-coach check run from what is stored and writes it on the PR's head (a new head, an edited review). */
export async function writeCoachCheckRun(input: CoachCheckRunInput): Promise<void> {
  const { github, store, event, profile, prScore, latestReview, loaded, now, mutedRules } = input;
  const { config } = loaded;
  const pr = event.pullRequest;
  const rendering = renderCheckRun({
    mutedRules: mutedRules ?? (await getMutedRules({ store, ids: event, config, now })),
    pullRequestScore: prScore,
    latestReview,
    riskProfile: profile,
    repositoryScore: await getRepositoryScore({ store, repositoryId: event.repositoryId, now, windowDays: config.score.windowDays }),
    publicScores: config.privacy.publicScores,
    gate: config.gate,
    configProblems: loaded.problems.length ? renderConfigProblems(loaded.problems) : null,
    mode: config.mode === "summary" ? "summary" : "nudge",
  });
  const target = { repo: event.repo, installationId: event.installationId, pullRequestId: pr.id, headSha: pr.head.sha };
  const written = await upsertCoachCheckRun({ github, store, target, state: await findCoachCheckRunState(store, target), rendering, now });
  if (written) await saveCheckRunIdForWrite(store, written.checkRun, written.write, now);
}
