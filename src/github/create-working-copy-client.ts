import type { ProbotOctokit } from "probot";
import type { Logger } from "../log.js";
import { createOctokitClass, type OctokitPolicy } from "./create-octokit-class.js";
import { GitHubClient, type RepoRef } from "./github-client.js";

/** A repository file stood in for by a local text. */
export type WorkingCopyFile = RepoRef & { path: string; text: string };

export interface WorkingCopyOptions {
  /** A personal access token or any token that can read the repositories involved. */
  token: string;
  /** https://api.github.com, or GitHub Enterprise Server's https://HOST/api/v3. */
  baseUrl: string;
  /** The file in the working copy stands in for this file of the repository. */
  file: WorkingCopyFile;
  log: Logger;
  policy?: OctokitPolicy;
}

/**
 * A token-authenticated client whose reads of one repository file are answered from a local working copy,
 * so that the app's own config loading (its `_extends` chain included) runs on a file not yet pushed.
 * Every other request goes to GitHub.
 */
export function createWorkingCopyClient(options: WorkingCopyOptions): GitHubClient {
  const Octokit = createOctokitClass(options.policy);
  const octokit = new Octokit({ auth: { token: options.token }, baseUrl: options.baseUrl });
  answerFromWorkingCopy(octokit, options.file);
  return new GitHubClient(octokit, options.log);
}

/** Answers the octokit's reads of `file` (at the default branch) with its local text. */
export function answerFromWorkingCopy(octokit: InstanceType<typeof ProbotOctokit>, file: WorkingCopyFile): void {
  const { owner, repo, path, text } = file;
  octokit.hook.wrap("request", async (request, route) => {
    const isWorkingCopy =
      route.method === "GET" &&
      route.url === "/repos/{owner}/{repo}/contents/{path}" &&
      String(route.owner).toLowerCase() === owner.toLowerCase() &&
      String(route.repo).toLowerCase() === repo.toLowerCase() &&
      route.path === path &&
      route.ref === undefined;
    if (!isWorkingCopy) return request(route);
    return { status: 200, url: octokit.request.endpoint(route).url, headers: { "content-type": "text/plain; charset=utf-8" }, data: text };
  });
}
