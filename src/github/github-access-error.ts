import { ReviewCoachError } from "../errors.js";

export type GitHubAccessProblem = "bad-token" | "not-found" | "forbidden";

/** GitHub refused a token's read: what is wrong, said so that the person holding the token can fix it. */
export class GitHubAccessError extends ReviewCoachError {
  constructor(
    readonly problem: GitHubAccessProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The typed error for a refused read of `repository` on `host` (401, 404, or a 403 that is not a rate
 * limit), or null for any other failure.
 */
export function toGitHubAccessError(error: unknown, repository: string, host: string): GitHubAccessError | null {
  const { status, message = "" } = (error ?? {}) as { status?: number; message?: string };
  const said = message ? ` (GitHub said: ${message.split("\n")[0]})` : "";
  if (status === 401) {
    return new GitHubAccessError(
      "bad-token",
      `${host} did not accept the token${said}. Check --token or GITHUB_TOKEN: it may be mistyped, expired or revoked.`,
      { cause: error },
    );
  }
  if (status === 404) {
    return new GitHubAccessError(
      "not-found",
      `${host} has no repository ${repository} that this token can see${said}. Check the spelling of --repo owner/name; a private repository also answers 404 to a token without access to it.`,
      { cause: error },
    );
  }
  if (status === 403 && !/rate limit/i.test(message)) {
    return new GitHubAccessError(
      "forbidden",
      `the token may not read ${repository} on ${host}${said}. It needs read access to the repository's contents and pull requests (a classic token: the repo scope for a private repository; a fine-grained one: Contents and Pull requests, read-only), and an organisation with SSO must have authorised it.`,
      { cause: error },
    );
  }
  return null;
}
