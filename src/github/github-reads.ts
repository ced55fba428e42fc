import type { ProbotOctokit } from "probot";
import { z } from "zod";
import type { Logger } from "../log.js";
import { createBlobTextCache, type BlobTextCache } from "./blob-text-cache.js";
import { observeGitHubRequests, type GitHubRequestLog } from "./observe-github-requests.js";
import { readFileTexts, type FileTextRequest } from "./read-file-texts.js";
import type { RepoRef } from "./repo-ref.js";
import { GitHubGoneError } from "./to-github-error.js";

export type Octokit = InstanceType<typeof ProbotOctokit>;

/** One attempt GitHub made at delivering a webhook to the app (GET /app/hook/deliveries). */
export const hookDeliverySchema = z.looseObject({
  id: z.number(),
  guid: z.string(),
  delivered_at: z.string(),
  redelivery: z.boolean(),
  status: z.string(),
  status_code: z.number(),
  event: z.string(),
  action: z.string().nullable().optional(),
  installation_id: z.number().nullable().optional(),
  repository_id: z.number().nullable().optional(),
});
export type HookDelivery = z.infer<typeof hookDeliverySchema>;

/** Pages of deliveries read at most per look (100 each), whatever the window. */
const MAX_HOOK_DELIVERY_PAGES = 20;

/**
 * The reads of the door to GitHub (GitHubClient adds the writes): paginated, each request logged with
 * the job's context (delivery id, installation, repo, PR) and counted.
 */
export class GitHubReads {
  private readonly requestLog: GitHubRequestLog;
  /** The Octokit's count when this client took it (Probot hands every app-level client the same one). */
  private readonly countBefore: number;

  constructor(
    readonly octokit: Octokit,
    protected readonly log: Logger,
    /** Texts of blobs already read, shared by the clients of one app (a blob's text never changes). */
    protected readonly blobTexts: BlobTextCache = createBlobTextCache(),
  ) {
    // The plugin is in every Octokit of createOctokitClass; one made otherwise gets it here.
    const observed = octokit as Octokit & { requestLog?: GitHubRequestLog };
    observed.requestLog ??= observeGitHubRequests(octokit, {}).requestLog;
    this.requestLog = observed.requestLog;
    this.requestLog.log = log;
    this.countBefore = this.requestLog.count;
  }

  /** Requests made through this client (for budgets and tests). */
  get requestCount(): number {
    return this.requestLog.count - this.countBefore;
  }

  /** The installation's rate limit as of the latest answer. */
  get rateLimit(): { remaining?: number; resetAt?: number } {
    return this.requestLog.rateLimit;
  }

  /** A file's text at a ref, or null when it does not exist there. */
  async getFileText(ref: RepoRef, path: string, gitRef?: string): Promise<string | null> {
    try {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: ref.owner,
        repo: ref.repo,
        path,
        ...(gitRef ? { ref: gitRef } : {}),
        mediaType: { format: "raw" },
      });
      return typeof response.data === "string" ? response.data : null;
    } catch (error) {
      if (error instanceof GitHubGoneError) return null;
      throw error;
    }
  }

  /** The texts of files at a commit, by path (see readFileTexts): cached blobs, then one GraphQL request. */
  async getFileTexts(ref: RepoRef, commitSha: string, files: readonly FileTextRequest[]): Promise<Map<string, string>> {
    return readFileTexts(this.octokit, this.log, this.blobTexts, ref, commitSha, files);
  }

  /** Every file of a pull request, all pages. */
  async listPullRequestFiles(ref: RepoRef, pullNumber: number) {
    return this.octokit.paginate(this.octokit.rest.pulls.listFiles, {
      owner: ref.owner,
      repo: ref.repo,
      pull_number: pullNumber,
      per_page: 100,
    });
  }

  /** The repository itself: the first read of a run, so a bad token or a missing repository shows at once. */
  async getRepository(ref: RepoRef) {
    const response = await this.octokit.rest.repos.get({ owner: ref.owner, repo: ref.repo });
    return response.data;
  }

  /** One pull request by number. */
  async getPullRequest(ref: RepoRef, pullNumber: number) {
    const response = await this.octokit.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: pullNumber });
    return response.data;
  }

  /**
   * The app's webhook delivery attempts since the given time, newest first: pages of 100 followed by
   * their cursor until one reaches past `since` (at most 20 pages). Needs the app's own (JWT) client.
   */
  async listHookDeliveriesSince(since: Date): Promise<HookDelivery[]> {
    const deliveries: HookDelivery[] = [];
    let pages = 0;
    for await (const page of this.octokit.paginate.iterator("GET /app/hook/deliveries", { per_page: 100 })) {
      const parsed = z.array(hookDeliverySchema).parse(page.data);
      const recent = parsed.filter((delivery) => Date.parse(delivery.delivered_at) >= since.getTime());
      deliveries.push(...recent);
      pages += 1;
      if (recent.length < parsed.length || pages >= MAX_HOOK_DELIVERY_PAGES) break;
    }
    return deliveries;
  }

  /** One page of closed pull requests, most recently updated first (backfill resumes by page). */
  async listClosedPullRequests(ref: RepoRef, page: number, perPage: number) {
    const response = await this.octokit.rest.pulls.list({ owner: ref.owner, repo: ref.repo, state: "closed", sort: "updated", direction: "desc", per_page: perPage, page });
    return response.data;
  }

  async listPullRequestReviews(ref: RepoRef, pullNumber: number) {
    return this.octokit.paginate(this.octokit.rest.pulls.listReviews, { owner: ref.owner, repo: ref.repo, pull_number: pullNumber, per_page: 100 });
  }

  /** Every review comment of a pull request, all pages. */
  async listPullRequestReviewComments(ref: RepoRef, pullNumber: number) {
    return this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, { owner: ref.owner, repo: ref.repo, pull_number: pullNumber, per_page: 100 });
  }

  /** The comments of one review, all pages. */
  async listReviewComments(ref: RepoRef, pullNumber: number, reviewId: number) {
    return this.octokit.paginate(this.octokit.rest.pulls.listCommentsForReview, {
      owner: ref.owner,
      repo: ref.repo,
      pull_number: pullNumber,
      review_id: reviewId,
      per_page: 100,
    });
  }

  /**
   * Whether the user may write to the repository (admin, maintain or write role), as GitHub's collaborator
   * permission API says; someone who is not a collaborator at all (404) may not.
   */
  async canWrite(ref: RepoRef, login: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: ref.owner, repo: ref.repo, username: login });
      return ["admin", "maintain", "write"].includes(data.role_name) || data.permission === "admin" || data.permission === "write";
    } catch (error) {
      if (error instanceof GitHubGoneError) return false;
      throw error;
    }
  }

  /** Logins that reacted to a review comment with the given reaction (GitHub sends no webhook for reactions). */
  async listReviewCommentReactions(ref: RepoRef, commentId: number, content: "-1" | "+1"): Promise<string[]> {
    const reactions = await this.octokit.paginate(this.octokit.rest.reactions.listForPullRequestReviewComment, {
      owner: ref.owner,
      repo: ref.repo,
      comment_id: commentId,
      content,
      per_page: 100,
    });
    return reactions.map((r) => r.user?.login ?? "");
  }

  /** An issue among the 50 most recently created whose body carries the marker (finds a digest again after a crash). */
  async findRecentIssueWithMarker(ref: RepoRef, marker: string): Promise<{ number: number; url: string } | null> {
    const response = await this.octokit.rest.issues.listForRepo({ owner: ref.owner, repo: ref.repo, state: "all", sort: "created", direction: "desc", per_page: 50 });
    const issue = response.data.find((i) => !i.pull_request && (i.body ?? "").includes(marker));
    return issue ? { number: issue.number, url: issue.html_url } : null;
  }

  /** The app's review on a pull request whose body carries the marker (finds a review again after a crash). */
  async findReviewWithMarker(ref: RepoRef, pullNumber: number, marker: string): Promise<{ id: number } | null> {
    const reviews = await this.listPullRequestReviews(ref, pullNumber);
    const review = reviews.find((r) => (r.body ?? "").includes(marker));
    return review ? { id: review.id } : null;
  }

  /** The check run of this name on a commit that carries the external id (finds one again after a crash). */
  async findCheckRunByExternalId(ref: RepoRef, headSha: string, name: string, externalId: string): Promise<number | undefined> {
    const runs = await this.octokit.paginate(this.octokit.rest.checks.listForRef, {
      owner: ref.owner,
      repo: ref.repo,
      ref: headSha,
      check_name: name,
      filter: "all",
      per_page: 100,
    });
    return runs.find((run) => run.external_id === externalId)?.id;
  }

}
