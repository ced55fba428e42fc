import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { getDefaultConfig } from "../repo-config/default-config.js";
import { renderConfigCheck } from "../repo-config/render-config-problems.js";
import { CONFIG_PATH } from "../repo-config/schema.js";
import { checkConfigText } from "../repo-config/validate-config.js";

export const CONFIG_CHECK_NAME = "review-coach config";

export interface ConfigChange {
  /** The base repository, where the check run goes. */
  repo: RepoRef;
  /** The repository the head commit lives in (a fork, for PRs from forks). */
  headRepo: RepoRef;
  headSha: string;
  changedPaths: string[];
}

/**
 * A pull request that changes .github/review-coach.yml gets a check run saying whether the new file is
 * valid, with each problem annotated on its line, before it can silently fall back to the defaults.
 */
export async function checkConfigChange({ github, change, log }: { github: GitHubClient; change: ConfigChange; log: Logger }): Promise<void> {
  if (!change.changedPaths.includes(CONFIG_PATH)) return;
  const text = await github.getFileText(change.headRepo, CONFIG_PATH, change.headSha);
  if (text === null) return; // the PR deletes the file: the defaults (or the org's) will apply, which is valid
  const label = `${change.headRepo.owner}/${change.headRepo.repo}: ${CONFIG_PATH}`;
  const checked = checkConfigText(text, label, getDefaultConfig());
  const problems = checked.ok ? [] : checked.problems;
  if (problems.length > 0) log.warn({ problems }, "pull request brings an invalid review-coach config");
  await github.upsertCheckRun({
    ...change.repo,
    name: CONFIG_CHECK_NAME,
    headSha: change.headSha,
    conclusion: problems.length === 0 ? "success" : "failure",
    output: renderConfigCheck(CONFIG_PATH, problems),
  });
}
