import type { ProbotOctokit } from "probot";
import type { Metrics } from "../http/create-metrics.js";
import type { Logger } from "../log.js";
import { fitCheckRunOutput } from "./fit-check-run-output.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Array<{
    path: string;
    start_line: number;
    end_line: number;
    annotation_level: "notice" | "warning" | "failure";
    message: string;
    title?: string;
  }>;
}

export interface CheckRunInput extends RepoRef {
  name: string;
  headSha: string;
  conclusion: "neutral" | "success" | "failure" | "action_required";
  output: CheckRunOutput;
  externalId?: string;
  detailsUrl?: string;
}

/** A GitHub client for an installation (or the app itself), logging under the given logger. */
export type GitHubClientFactory = (installationId: number | undefined, log: Logger) => Promise<GitHubClient>;

/** Clients made from Probot's installation auth (it caches each installation's token), sharing the metrics. */
export function createGitHubClientFactory(
  authenticate: (installationId?: number) => Promise<Octokit>,
  metrics?: Pick<Metrics, "githubRequests" | "rateLimitRemaining">,
): GitHubClientFactory {
  return async (installationId, log) => new GitHubClient(await authenticate(installationId), log.child({ name: "github" }), metrics);
}

/**
 * The one door to GitHub. Every call the app makes is a method here: reads are paginated, writes are
 * single and idempotent where GitHub allows, and each request is logged with the job's context
 * (delivery id, installation, repo, PR) and counted.
 */
export class GitHubClient {
  /** Requests made through this client (for budgets and tests). */
  requestCount = 0;
  /** The installation's rate limit as of the latest answer. */
  readonly rateLimit: { remaining?: number; resetAt?: number } = {};

  constructor(
    readonly octokit: Octokit,
    private readonly log: Logger,
    metrics?: Pick<Metrics, "githubRequests" | "rateLimitRemaining">,
  ) {
    octokit.hook.wrap("request", async (request, options) => {
      this.requestCount += 1;
      const started = Date.now();
      const route = `${options.method} ${options.url}`;
      try {
        const response = await request(options);
        metrics?.githubRequests.inc({ status: String(response.status) });
        const remaining = Number(response.headers["x-ratelimit-remaining"]);
        const reset = Number(response.headers["x-ratelimit-reset"]);
        if (Number.isFinite(remaining)) {
          metrics?.rateLimitRemaining.set(remaining);
          this.rateLimit.remaining = remaining;
        }
        if (Number.isFinite(reset)) this.rateLimit.resetAt = reset * 1000;
        this.log.debug(
          { route, status: response.status, ms: Date.now() - started, rateRemaining: response.headers["x-ratelimit-remaining"] },
          "GitHub request",
        );
        return response;
      } catch (error) {
        const status = (error as { status?: number }).status;
        metrics?.githubRequests.inc({ status: String(status ?? "error") });
        this.log.debug({ route, status, ms: Date.now() - started }, "GitHub request failed");
        throw error;
      }
    });
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
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
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

  /** Posts one COMMENT review with its inline comments (the app never approves or requests changes). */
  async createCommentReview(
    ref: RepoRef,
    pullNumber: number,
    review: { commitId: string; body: string; comments: Array<{ path: string; line: number; body: string }> },
  ): Promise<{ id: number }> {
    const response = await this.octokit.rest.pulls.createReview({
      owner: ref.owner,
      repo: ref.repo,
      pull_number: pullNumber,
      commit_id: review.commitId,
      event: "COMMENT",
      body: review.body,
      comments: review.comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT", body: c.body })),
    });
    return { id: response.data.id };
  }

  async replyToReviewComment(ref: RepoRef, pullNumber: number, commentId: number, body: string): Promise<void> {
    await this.octokit.rest.pulls.createReplyForReviewComment({ owner: ref.owner, repo: ref.repo, pull_number: pullNumber, comment_id: commentId, body });
  }

  async createIssueComment(ref: RepoRef, issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, body });
  }

  /** Acknowledges a command with a reaction rather than a comment. */
  async reactToComment(ref: RepoRef, kind: "review" | "issue", commentId: number, content: "+1" | "eyes"): Promise<void> {
    if (kind === "review") {
      await this.octokit.rest.reactions.createForPullRequestReviewComment({ owner: ref.owner, repo: ref.repo, comment_id: commentId, content });
    } else {
      await this.octokit.rest.reactions.createForIssueComment({ owner: ref.owner, repo: ref.repo, comment_id: commentId, content });
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

  async createIssue(ref: RepoRef, title: string, body: string): Promise<{ number: number; url: string }> {
    const response = await this.octokit.rest.issues.create({ owner: ref.owner, repo: ref.repo, title, body });
    return { number: response.data.number, url: response.data.html_url };
  }

  async closeIssue(ref: RepoRef, issueNumber: number): Promise<void> {
    await this.octokit.rest.issues.update({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, state: "closed", state_reason: "completed" });
  }

  /** An issue among the 50 most recently created whose body carries the marker (finds a digest again after a crash). */
  async findRecentIssueWithMarker(ref: RepoRef, marker: string): Promise<{ number: number; url: string } | null> {
    const response = await this.octokit.rest.issues.listForRepo({ owner: ref.owner, repo: ref.repo, state: "all", sort: "created", direction: "desc", per_page: 50 });
    const issue = response.data.find((i) => !i.pull_request && (i.body ?? "").includes(marker));
    return issue ? { number: issue.number, url: issue.html_url } : null;
  }

  /** Creates a check run, or updates the one whose id the app stored: one request either way. */
  async writeCheckRun(input: CheckRunInput & { existingId?: number | undefined }): Promise<number> {
    const body = {
      owner: input.owner,
      repo: input.repo,
      name: input.name,
      status: "completed" as const,
      conclusion: input.conclusion,
      output: fitCheckRunOutput(input.output),
      ...(input.externalId ? { external_id: input.externalId } : {}),
      ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    };
    if (input.existingId !== undefined) {
      await this.octokit.rest.checks.update({ ...body, check_run_id: input.existingId });
      return input.existingId;
    }
    const created = await this.octokit.rest.checks.create({ ...body, head_sha: input.headSha });
    return created.data.id;
  }

  /**
   * Creates the named check run on a commit, or updates the one already there (looked up by name), so
   * a commit never shows the same check twice. For checks whose id the app did not store.
   */
  async upsertCheckRun(input: CheckRunInput): Promise<{ id: number; created: boolean }> {
    const existing = await this.octokit.rest.checks.listForRef({
      owner: input.owner,
      repo: input.repo,
      ref: input.headSha,
      check_name: input.name,
      filter: "latest",
      per_page: 1,
    });
    const current = existing.data.check_runs[0];
    const id = await this.writeCheckRun({ ...input, existingId: current?.id });
    return { id, created: current === undefined };
  }

}
