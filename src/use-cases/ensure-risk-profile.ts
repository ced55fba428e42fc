import { buildRiskProfile } from "../coach/build-risk-profile.js";
import { compilePathMatcher } from "../coach/compile-path-matcher.js";
import { detectFileKind } from "../coach/risk/detect-file-kind.js";
import { riskLevelWeight } from "../coach/risk-level-weight.js";
import type { PullRequestFile, RiskProfile } from "../coach/types.js";
import type { FileTextRequest, GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { buildRiskConfig } from "../repo-config/build-risk-config.js";
import type { RepoConfig } from "../repo-config/schema.js";
import type { Store } from "../store/open-store.js";
import { findRiskProfile, saveRiskProfile } from "../store/risk-profiles.js";
import { getSyntaxParser, type SyntaxParser } from "../syntax/syntax-parser.js";

export interface EnsuredProfile {
  profile: RiskProfile;
  /** The files, when they were fetched now (the first event for this head); null when stored already. */
  files: PullRequestFile[] | null;
}

/**
 * Profiles being built, by store and PR head: two events of one PR that arrive together (opened and
 * review_requested, a review and a push) share one build, so the files are read once. An entry lives
 * only while its build runs.
 */
const buildsInFlight = new WeakMap<Store, Map<string, Promise<EnsuredProfile>>>();

/** The head whose risk profile is wanted: the PR's repository, ids and head commit. */
export interface PullRequestHead {
  repo: RepoRef;
  pullRequestId: number;
  number: number;
  headSha: string;
}

export interface EnsureRiskProfileDeps {
  log: Logger;
  syntax?: SyntaxParser;
  /**
   * Runs on the files of a head before its profile is stored: when it throws, nothing is stored, so the
   * job's retry lists the files again and runs it again (a stored profile means it succeeded). A job that
   * waits for another's build of the same head leaves it to that build.
   */
  beforeSave?: (files: PullRequestFile[]) => Promise<void>;
}

/**
 * The risk profile of a PR's head: built once per head SHA from its files and the new contents of the
 * changed code files (two requests: the file list, one GraphQL read), then read from the store. A
 * caller that finds the same head being built by another job of this process waits for that build
 * (and gets `files: null`, as when the profile was stored).
 */
export interface EnsureRiskProfileInput extends EnsureRiskProfileDeps {
  github: GitHubClient;
  store: Store;
  head: PullRequestHead;
  config: RepoConfig;
  now: Date;
}

export async function ensureRiskProfile(input: EnsureRiskProfileInput): Promise<EnsuredProfile> {
  const { store, head } = input;
  const builds = buildsInFlight.get(store) ?? new Map<string, Promise<EnsuredProfile>>();
  buildsInFlight.set(store, builds);
  const key = `${head.pullRequestId}@${head.headSha}`;
  const running = builds.get(key);
  if (running) {
    input.log.debug({ headSha: head.headSha }, "risk profile of this head being built by another job: waiting for it");
    return { profile: (await running).profile, files: null };
  }
  const build = buildRiskProfileOnce(input).finally(() => builds.delete(key));
  builds.set(key, build);
  return build;
}

async function buildRiskProfileOnce({ github, store, head: target, config, now, ...deps }: EnsureRiskProfileInput): Promise<EnsuredProfile> {
  const stored = await findRiskProfile(store, target.pullRequestId, target.headSha);
  if (stored) return { profile: stored, files: null };
  const listed = await github.listPullRequestFiles(target.repo, target.number);
  const syntax = deps.syntax ?? getSyntaxParser(deps.log);
  const wanted = selectFilesToRead(listed, config.paths.ignored, syntax);
  await syntax.load(wanted.map((file) => ({ language: detectFileKind(file.path).language, path: file.path })));
  const texts = wanted.length > 0 ? await github.getFileTexts(target.repo, target.headSha, wanted) : new Map<string, string>();
  const files: PullRequestFile[] = listed.map((f) => ({
    filename: f.filename,
    status: f.status,
    patch: f.patch,
    additions: f.additions,
    deletions: f.deletions,
    previous_filename: f.previous_filename,
    content: texts.get(f.filename),
  }));
  const profile = buildRiskProfile(files, buildRiskConfig(config), { syntax });
  await deps.beforeSave?.(files);
  await saveRiskProfile(store, target.pullRequestId, target.headSha, profile, riskLevelWeight(profile.level), now);
  return { profile, files };
}

/**
 * The files worth reading at the head: changed (not removed) files with a patch (GitHub leaves it out
 * of huge ones), a blob sha, a path not ignored, and a grammar that parses them.
 */
function selectFilesToRead(
  listed: ReadonlyArray<{ filename: string; status: string; sha?: string | null; patch?: string | undefined }>,
  ignoredPaths: readonly string[],
  syntax: Pick<SyntaxParser, "canParse">,
): FileTextRequest[] {
  const isIgnored = compilePathMatcher([...ignoredPaths]);
  return listed.flatMap((file) => {
    if (file.status === "removed" || file.patch === undefined || !file.sha || isIgnored(file.filename)) return [];
    const kind = detectFileKind(file.filename);
    return !kind.isBinary && syntax.canParse(kind.language, file.filename) ? [{ path: file.filename, sha: file.sha }] : [];
  });
}
