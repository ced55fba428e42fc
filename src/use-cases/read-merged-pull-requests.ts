import type { GitHubClient, RepoRef } from "../github/github-client.js";

/** A closed pull request as GitHub's "list pull requests" returns it. */
export type ClosedPull = Awaited<ReturnType<GitHubClient["listClosedPullRequests"]>>[number];

/** What importing a merged pull request reads of it ("list" and "get" pull request answers both have it). */
export type MergedPull = Pick<ClosedPull, "id" | "number" | "title" | "html_url" | "state" | "draft" | "user" | "head" | "base" | "created_at" | "merged_at" | "closed_at">;

/** Closed pull requests per page: a page is the unit of progress the backfill saves. */
export const CLOSED_PAGE_SIZE = 30;

export interface MergedPullRequestPage {
  /** The page's pull requests merged at or after `since`, bots' excluded. */
  merged: ClosedPull[];
  /** The oldest updated_at of the page, when it had any. */
  oldestUpdate: string | undefined;
  /** No later page can hold a merge of the window: the list is sorted by update, newest first. */
  reachedTheStart: boolean;
}

/**
 * One page of the repository's closed pull requests, most recently updated first, keeping those merged
 * since `since` by people. The app's backfill and `review-coach preview` page through history with it.
 */
export async function readMergedPullRequestPage({ github, repo, page, since }: { github: GitHubClient; repo: RepoRef; page: number; since: string }): Promise<MergedPullRequestPage> {
  const pulls = await github.listClosedPullRequests(repo, page, CLOSED_PAGE_SIZE);
  return {
    merged: pulls.filter((pr) => pr.merged_at !== null && pr.merged_at >= since && !(pr.user && pr.user.type === "Bot")),
    oldestUpdate: pulls.map((p) => p.updated_at).sort()[0],
    reachedTheStart: pulls.length < CLOSED_PAGE_SIZE || pulls.every((p) => p.updated_at < since),
  };
}
