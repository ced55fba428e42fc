import type { GitHubClient, RepoRef } from "../github/github-client.js";
import type { Logger } from "../log.js";
import { getDefaultConfig } from "./default-config.js";
import { mergeConfig } from "./merge-config.js";
import { CONFIG_PATH, type RepoConfig } from "./schema.js";
import { parseConfigText } from "./parse-config-text.js";
import { type ConfigProblem, checkParsedConfig } from "./validate-config.js";
import { GitHubUnavailableError } from "../github/to-github-error.js";

export interface LoadedRepoConfig {
  config: RepoConfig;
  /** Files that shaped the config, lowest precedence first ("owner/repo: path"). */
  sources: string[];
  /** Everything wrong with the files; files with problems are left out and the defaults apply instead. */
  problems: ConfigProblem[];
}

/** At most this many `_extends` hops after the first file, and this many file reads per load. */
export const EXTENDS_LIMITS = { hops: 3, requests: 5 } as const;

/** `owner/repo:path.yml`, `repo`, `repo:path.yml`: what `_extends` may name (as Probot's config plugin reads it). */
const EXTENDS_PATTERN = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]{1,100})(?::([-_./\w]{1,200}\.ya?ml))?$/i;

interface ConfigFileRef extends RepoRef {
  path: string;
}

/**
 * The repository's review-coach config: config/default.yml, then the org's `.github` repository or the
 * `_extends` chain, then the repository's own `.github/review-coach.yml`. Never throws for a bad file:
 * an invalid file is ignored as a whole (so a typo can't switch on something its author meant to turn
 * off), and its problems are returned and logged for the people who can fix them. Each file is parsed
 * once, within bounds; the chain is capped in hops and GitHub requests.
 */
export async function loadRepoConfig(github: GitHubClient, ref: RepoRef, log: Logger): Promise<LoadedRepoConfig> {
  const defaults = getDefaultConfig();
  let files;
  try {
    files = await readConfigChain(github, ref);
  } catch (error) {
    if (error instanceof GitHubUnavailableError) throw error;
    const problem: ConfigProblem =
      error instanceof ConfigChainError ? error.problem : { file: `${ref.owner}/${ref.repo}: ${CONFIG_PATH}`, key: "", message: describeLoadError(error) };
    log.warn({ problem }, "review-coach config could not be read; using the defaults");
    return { config: defaults, sources: ["config/default.yml"], problems: [problem] };
  }

  const layers: Record<string, unknown>[] = [];
  const sources = ["config/default.yml"];
  const problems: ConfigProblem[] = [];
  for (const file of [...files].reverse()) {
    const checked = file.parsed.ok ? checkParsedConfig(file.parsed, file.label, defaults) : file.parsed;
    if (checked.ok) {
      layers.push(checked.config);
      sources.push(file.label);
    } else {
      problems.push(...checked.problems);
    }
  }
  if (problems.length > 0) log.warn({ problems }, "invalid review-coach config ignored; the defaults apply in its place");
  return { config: mergeConfig(defaults, ...layers), sources, problems };
}

class ConfigChainError extends Error {
  constructor(readonly problem: ConfigProblem) {
    super(problem.message);
  }
}

/** The repository's file (or the org's `.github` one), then each `_extends` target, most specific first. */
async function readConfigChain(github: GitHubClient, ref: RepoRef) {
  let requests = 0;
  const read = async (file: ConfigFileRef) => {
    requests += 1;
    const text = await github.getFileText(file, file.path);
    const label = `${file.owner}/${file.repo}: ${file.path}`;
    return text === null ? null : { ...file, label, parsed: parseConfigText(text, label) };
  };
  const own = await read({ ...ref, path: CONFIG_PATH });
  const first = own ?? (ref.repo === ".github" ? null : await read({ owner: ref.owner, repo: ".github", path: CONFIG_PATH }));
  if (!first) return [];
  const files = [first];
  for (let current = first; ; ) {
    const extendsValue = current.parsed.ok ? (current.parsed.value as { _extends?: unknown } | null)?._extends : undefined;
    if (extendsValue === undefined || extendsValue === null) return files;
    const target = parseExtends(extendsValue, ref.owner, current.label);
    const fail = (message: string) => new ConfigChainError({ file: current.label, key: "_extends", message });
    if (files.some((f) => f.owner.toLowerCase() === target.owner.toLowerCase() && f.repo.toLowerCase() === target.repo.toLowerCase() && f.path === target.path)) {
      throw fail(`"_extends" comes back to ${target.owner}/${target.repo}: ${target.path}, already read: the chain loops`);
    }
    if (files.length > EXTENDS_LIMITS.hops || requests >= EXTENDS_LIMITS.requests) {
      throw fail(`the "_extends" chain is longer than ${EXTENDS_LIMITS.hops} files (or ${EXTENDS_LIMITS.requests} reads): point it at the org's .github config directly`);
    }
    const next = await read(target);
    if (!next) return files;
    files.push(next);
    current = next;
  }
}

function parseExtends(value: unknown, owner: string, label: string): ConfigFileRef {
  const match = typeof value === "string" ? EXTENDS_PATTERN.exec(value) : null;
  if (!match) {
    throw new ConfigChainError({ file: label, key: "_extends", message: `"_extends" must name a repository: ".github", "owner/repo" or "owner/repo:path.yml"` });
  }
  return { owner: match[1] ?? owner, repo: match[2]!, path: match[3] ?? CONFIG_PATH };
}

function describeLoadError(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  const cause = (error as { cause?: { message?: string } }).cause?.message?.split("\n")[0];
  // A GitHub error's cause is GitHub's answer, whose message it already carries.
  return cause && cause !== message ? `${message}: ${cause}` : message;
}
