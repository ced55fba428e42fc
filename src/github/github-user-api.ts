import { z } from "zod";
import { ReviewCoachError } from "../errors.js";

// The dashboard's only calls to GitHub, made with the signed-in person's own token: the OAuth code
// exchange and what that token may see. Answers are checked with zod; pages are followed to the end.

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

export class GitHubUserApiError extends ReviewCoachError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface GitHubUserApiOptions {
  /** https://github.com, or GHES's `${GHE_PROTOCOL}://${GHE_HOST}`. */
  webUrl: string;
  /** env.githubApiUrl. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface GitHubUserApi {
  authorizeUrl(redirectUri: string, state: string): string;
  exchangeCode(code: string, redirectUri: string): Promise<{ token: string; expiresInSeconds: number | null }>;
  getUser(token: string): Promise<GitHubUser>;
  listInstallations(token: string): Promise<UserInstallation[]>;
  listRepositories(token: string, installationId: number): Promise<UserRepository[]>;
}

export function createGitHubUserApi(options: GitHubUserApiOptions): GitHubUserApi {
  const api = options.apiUrl.replace(/\/+$/, "");
  const web = options.webUrl.replace(/\/+$/, "");

  async function getJson(token: string, path: string): Promise<unknown> {
    const response = await fetch(`${api}${path}`, {
      headers: {
        accept: "application/vnd.github+json",
        authorization: `token ${token}`,
        "user-agent": "review-coach-dashboard",
        "x-github-api-version": "2022-11-28",
      },
    });
    if (!response.ok) throw new GitHubUserApiError(`GitHub answered ${response.status} to GET ${path}`, response.status);
    return response.json();
  }

  async function paginate<T>(token: string, path: string, read: (page: unknown) => T[]): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const items = read(await getJson(token, `${path}?per_page=${PER_PAGE}&page=${page}`));
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
      const response = await fetch(`${web}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", "user-agent": "review-coach-dashboard" },
        body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret, code, redirect_uri: redirectUri }),
      });
      if (!response.ok) throw new GitHubUserApiError(`GitHub answered ${response.status} to the sign-in code exchange`, response.status);
      const answer = tokenAnswerSchema.parse(await response.json());
      if ("error" in answer) throw new GitHubUserApiError(`GitHub refused the sign-in code: ${answer.error}`, 401);
      return { token: answer.access_token, expiresInSeconds: answer.expires_in ?? null };
    },
    async getUser(token) {
      return userSchema.parse(await getJson(token, "/user"));
    },
    async listInstallations(token) {
      const installations = await paginate(token, "/user/installations", (page) => installationsPageSchema.parse(page).installations);
      return installations.map((installation) => ({
        id: installation.id,
        accountLogin: installation.account?.login ?? "",
        accountType: installation.target_type ?? installation.account?.type ?? "",
      }));
    },
    async listRepositories(token, installationId) {
      const repositories = await paginate(
        token,
        `/user/installations/${installationId}/repositories`,
        (page) => repositoriesPageSchema.parse(page).repositories,
      );
      return repositories.map((repository) => ({ id: repository.id, fullName: repository.full_name }));
    },
  };
}
