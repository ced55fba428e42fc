import { z } from "zod";
import { ReviewCoachError } from "../errors.js";
import type { Logger } from "../log.js";
import { createOctokitClass, type OctokitPolicy } from "./create-octokit-class.js";

// The dashboard's only calls to GitHub, made with the signed-in person's own token: the OAuth code
// exchange and what that token may see. Answers are checked with zod; pages are followed to the end.

// The typed errors a person's token meets: no longer accepted (revoked, expired), or not allowed.
export { GitHubForbiddenError, GitHubRateLimitedError, GitHubUnauthorizedError } from "./to-github-error.js";

/** GitHub refused the sign-in code (expired, used, or for another app). */
export class GitHubUserApiError extends ReviewCoachError {}

const PER_PAGE = 100;
const MAX_PAGES = 50;

const tokenAnswerSchema = z.union([
  z.object({ access_token: z.string().min(1), token_type: z.string().optional(), expires_in: z.number().optional() }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);

const userSchema = z.object({ login: z.string().min(1), id: z.number().int().positive() });
export type GitHubUser = z.infer<typeof userSchema>;

const installationSchema = z.object({
  id: z.number().int().positive(),
  account: z.object({ login: z.string(), type: z.string().optional() }).nullable().optional(),
  target_type: z.string().optional(),
});
const installationsPageSchema = z.object({ total_count: z.number().optional(), installations: z.array(installationSchema) });

const repositorySchema = z.object({ id: z.number().int().positive(), full_name: z.string() });
const repositoriesPageSchema = z.object({ total_count: z.number().optional(), repositories: z.array(repositorySchema) });

export interface UserInstallation {
  id: number;
  accountLogin: string;
  accountType: string;
}

export interface UserRepository {
  id: number;
  fullName: string;
}

export interface GitHubUserApiOptions {
  /** https://github.com, or GHES's `${GHE_PROTOCOL}://${GHE_HOST}`. */
  webUrl: string;
  /** env.githubApiUrl. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  log: Logger;
  /** Throttling and retry as for the app's own requests (both on by default). */
  policy?: OctokitPolicy;
}

export interface GitHubUserApi {
  authorizeUrl(redirectUri: string, state: string): string;
  exchangeCode(code: string, redirectUri: string): Promise<{ token: string; expiresInSeconds: number | null }>;
  getUser(token: string): Promise<GitHubUser>;
  listInstallations(token: string): Promise<UserInstallation[]>;
  listRepositories(token: string, installationId: number): Promise<UserRepository[]>;
}

/**
 * The dashboard's GitHub client: an Octokit per person's token (a user-to-server token), with the same
 * throttling, retry and typed errors as the app's (createOctokitClass): a token GitHub no longer accepts
 * fails with GitHubUnauthorizedError.
 */
export function createGitHubUserApi(options: GitHubUserApiOptions): GitHubUserApi {
  const Octokit = createOctokitClass(options.policy ?? { throttle: true, retry: true });
  const web = options.webUrl.replace(/\/+$/, "");
  const octokitFor = (token?: string) =>
    new Octokit({ ...(token === undefined ? {} : { auth: { token } }), baseUrl: options.apiUrl.replace(/\/+$/, ""), log: options.log, userAgent: "review-coach-dashboard" });

  async function paginate<T>(token: string, route: string, read: (page: unknown) => T[]): Promise<T[]> {
    const octokit = octokitFor(token);
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const items = read((await octokit.request(route, { per_page: PER_PAGE, page })).data);
      all.push(...items);
      if (items.length < PER_PAGE) break;
    }
    return all;
  }

  return {
    authorizeUrl(redirectUri, state) {
      const query = new URLSearchParams({ client_id: options.clientId, redirect_uri: redirectUri, state });
      return `${web}/login/oauth/authorize?${query.toString()}`;
    },
    async exchangeCode(code, redirectUri) {
      const response = await octokitFor().request("POST /login/oauth/access_token", {
        baseUrl: web,
        headers: { accept: "application/json" },
        client_id: options.clientId,
        client_secret: options.clientSecret,
        code,
        redirect_uri: redirectUri,
      });
      const answer = tokenAnswerSchema.parse(response.data);
      if ("error" in answer) throw new GitHubUserApiError(`GitHub refused the sign-in code: ${answer.error}`);
      return { token: answer.access_token, expiresInSeconds: answer.expires_in ?? null };
    },
    async getUser(token) {
      return userSchema.parse((await octokitFor(token).request("GET /user")).data);
    },
    async listInstallations(token) {
      const installations = await paginate(token, "GET /user/installations", (page) => installationsPageSchema.parse(page).installations);
      return installations.map((installation) => ({
        id: installation.id,
        accountLogin: installation.account?.login ?? "",
        accountType: installation.target_type ?? installation.account?.type ?? "",
      }));
    },
    async listRepositories(token, installationId) {
      const repositories = await paginate(token, `GET /user/installations/${installationId}/repositories`, (page) => repositoriesPageSchema.parse(page).repositories);
      return repositories.map((repository) => ({ id: repository.id, fullName: repository.full_name }));
    },
  };
}
