import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { getDefaultConfig } from "./default-config.js";
import { mergeConfig } from "./merge-config.js";
import { CONFIG_PATH, type RepoConfig } from "./schema.js";
import { type ConfigProblem, checkConfigValue } from "./validate-config.js";

export interface LoadedRepoConfig {
  config: RepoConfig;
  /** Files that shaped the config, lowest precedence first ("owner/repo: path"). */
  sources: string[];
  /** Everything wrong with the files; files with problems are left out and the defaults apply instead. */
  problems: ConfigProblem[];
}

/**
 * The repository's review-coach config: config/default.yml, then the org's `.github` repository or the
 * `_extends` chain, then the repository's own `.github/review-coach.yml`. Never throws for a bad file:
 * an invalid file is ignored as a whole (so a typo can't switch on something its author meant to turn
 * off), and its problems are returned and logged for the people who can fix them.
 */
export async function loadRepoConfig(github: GitHubClient, ref: RepoRef, log: Logger): Promise<LoadedRepoConfig> {
  const defaults = getDefaultConfig();
  let files;
  try {
    files = await github.getConfigFiles(ref, CONFIG_PATH);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== undefined && status >= 500) throw error;
    const problem: ConfigProblem = {
      file: `${ref.owner}/${ref.repo}: ${CONFIG_PATH}`,
      key: "",
      message: describeLoadError(error),
    };
    log.warn({ problem }, "review-coach config could not be read; using the defaults");
    return { config: defaults, sources: ["config/default.yml"], problems: [problem] };
  }

  const layers: Record<string, unknown>[] = [];
  const sources = ["config/default.yml"];
  const problems: ConfigProblem[] = [];
  for (const file of [...files].reverse()) {
    if (file.config === null) continue;
    const label = `${file.owner}/${file.repo}: ${file.path}`;
    const checked = checkConfigValue(file.config, label, defaults);
    if (checked.ok) {
      layers.push(checked.config);
      sources.push(label);
    } else {
      problems.push(...checked.problems);
    }
  }
  if (problems.length > 0) log.warn({ problems }, "invalid review-coach config ignored; the defaults apply in its place");
  return { config: mergeConfig(defaults, ...layers), sources, problems };
}

function describeLoadError(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  const text = message.replace(/^\[@probot\/octokit-plugin-config\] /, "");
  return cause ? `${text}: ${cause.split("\n")[0]}` : text;
}
