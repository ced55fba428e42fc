import type { ProbotOctokit } from "probot";
import type { Logger } from "../log.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  url: string;
  config: Record<string, unknown> | null;
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

/**
 * The one door to GitHub. Every call the app makes is a method here: reads are paginated, writes are
 * single and idempotent where GitHub allows, and each request is logged with the job's context
 * (delivery id, installation, repo, PR) and counted.
 */
export class GitHubClient {
  /** Requests made through this client (for budgets and tests). */
  requestCount = 0;

  constructor(
    readonly octokit: Octokit,
    private readonly log: Logger,
  ) {
    octokit.hook.wrap("request", async (request, options) => {
      this.requestCount += 1;
      const started = Date.now();
      const route = `${options.method} ${options.url}`;
      try {
        const response = await request(options);
        this.log.debug(
          { route, status: response.status, ms: Date.now() - started, rateRemaining: response.headers["x-ratelimit-remaining"] },
          "GitHub request",
        );
        return response;
      } catch (error) {
        const status = (error as { status?: number }).status;
        this.log.debug({ route, status, ms: Date.now() - started }, "GitHub request failed");
        throw error;
      }
    });
  }

  /**
   * The config file with its `_extends` chain and the org `.github` fallback, as Probot's
   * `context.config` reads it (same plugin), each file separately so problems can be attributed.
   */
  async getConfigFiles(ref: RepoRef, path: string): Promise<ConfigFile[]> {
    const { files } = await this.octokit.config.get({ owner: ref.owner, repo: ref.repo, path });
    return files as ConfigFile[];
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

  /** Creates a check run, or updates the one whose id the app stored: one request either way. */
  async writeCheckRun(input: CheckRunInput & { existingId?: number | undefined }): Promise<number> {
    const body = {
      owner: input.owner,
      repo: input.repo,
      name: input.name,
      status: "completed" as const,
      conclusion: input.conclusion,
      output: input.output,
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
   * Creates the named check run on a commit, or updates the one the app made there already, so a
   * commit never shows the same check twice.
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
    const body = {
      owner: input.owner,
      repo: input.repo,
      name: input.name,
      status: "completed" as const,
      conclusion: input.conclusion,
      output: input.output,
      ...(input.externalId ? { external_id: input.externalId } : {}),
      ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    };
    const current = existing.data.check_runs[0];
    if (current) {
      await this.octokit.rest.checks.update({ ...body, check_run_id: current.id });
      return { id: current.id, created: false };
    }
    const created = await this.octokit.rest.checks.create({ ...body, head_sha: input.headSha });
    return { id: created.data.id, created: true };
  }
}
