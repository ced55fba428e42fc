import type { ProbotOctokit } from "probot";
import { z } from "zod";
import type { Counter, Gauge } from "prom-client";
import type { Logger } from "../log.js";
import { createBlobTextCache, type BlobTextCache } from "./blob-text-cache.js";
import { getJobWriteGuard } from "./job-write-guard.js";
import { revealHiddenCharacters as reveal } from "../coach/render/reveal-hidden-characters.js";
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

/** A file to read at a commit: its path, and its blob sha as "list pull request files" gives it. */
export interface FileTextRequest {
  path: string;
  sha: string;
}

/** Largest file whose text is read, in bytes; larger ones are analysed from their patch only. */
export const MAX_FILE_TEXT_BYTES = 1_000_000;
/** Most files read in the one request per head; the rest are analysed from their patches only. */
export const MAX_FILE_TEXTS = 300;

const blobSchema = z.object({
  oid: z.string(),
  byteSize: z.number(),
  isBinary: z.boolean().nullable(),
  isTruncated: z.boolean(),
  text: z.string().nullable(),
});

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

/** Attempts at a non-idempotent create, each after a fresh lookup. */
const CREATE_ATTEMPTS = 3;
const CREATE_RETRY_DELAY_MS = 1_000;

/** A server error or a lost connection: the write may or may not have happened. */
function isRetryableWrite(error: unknown): boolean {
  const { status, code } = (error ?? {}) as { status?: number; code?: string };
  return (typeof status === "number" && status >= 500) || (typeof code === "string" && /^(ECONNRESET|ETIMEDOUT|EPIPE|UND_ERR_SOCKET)$/.test(code));
}

/** Requests that change something on GitHub (an installation token exchange changes nothing there). */
function isWrite(method: string, url: string): boolean {
  return method !== "GET" && method !== "HEAD" && !url.endsWith("/access_tokens");
}

/** A GitHub client for an installation (or the app itself), logging under the given logger. */
export type GitHubClientFactory = (installationId: number | undefined, log: Logger) => Promise<GitHubClient>;

/** The metrics the door to GitHub counts its requests in (the app's Metrics carries them). */
export interface GitHubRequestMetrics {
  githubRequests: Counter<"status">;
  rateLimitRemaining: Gauge;
}

/** Clients made from Probot's installation auth (it caches each installation's token), sharing the metrics. */
export function createGitHubClientFactory(
  authenticate: (installationId?: number) => Promise<Octokit>,
  metrics?: GitHubRequestMetrics,
): GitHubClientFactory {
  const blobTexts = createBlobTextCache();
  return async (installationId, log) => new GitHubClient(await authenticate(installationId), log.child({ name: "github" }), metrics, blobTexts);
}

/** A check run's texts with hidden characters shown; annotation paths stay GitHub's. */
function revealCheckRunOutput(output: CheckRunOutput): CheckRunOutput {
  const { annotations, ...texts } = output;
  return { ...reveal(texts), ...(annotations ? { annotations: annotations.map(({ path, ...rest }) => ({ path, ...reveal(rest) })) } : {}) };
}

/**
 * The one door to GitHub. Every call the app makes is a method here: reads are paginated, writes are
 * single and idempotent where GitHub allows, and each request is logged with the job's context
 * (delivery id, installation, repo, PR) and counted. Every text written passes revealHiddenCharacters
 * (bidi controls and zero-width characters from pull requests show as "�").
 */
export class GitHubClient {
  /** Requests made through this client (for budgets and tests). */
  requestCount = 0;
  /** The installation's rate limit as of the latest answer. */
  readonly rateLimit: { remaining?: number; resetAt?: number } = {};

  constructor(
    readonly octokit: Octokit,
    private readonly log: Logger,
    metrics?: GitHubRequestMetrics,
    /** Texts of blobs already read, shared by the clients of one app (a blob's text never changes). */
    private readonly blobTexts: BlobTextCache = createBlobTextCache(),
  ) {
    octokit.hook.wrap("request", async (request, options) => {
      this.requestCount += 1;
      const started = Date.now();
      const route = `${options.method} ${options.url}`;
      // A job's writes are tracked, so a shutdown never hands back a job with a write in flight.
      const endWrite = isWrite(options.method, options.url) ? getJobWriteGuard()?.beginWrite() : undefined;
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
      } finally {
        endWrite?.();
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

  /**
   * The texts of files at a commit, by path: those whose blob was read before come from the cache, the
   * others from one GraphQL request (aliased `object(expression: "<sha>:<path>")` blobs). Binary,
   * truncated and over-1-MB files are left out. GraphQL errors leave out the files they concern (all of
   * them when the request fails), with a warning: a file without text is analysed from its patch.
   */
  async getFileTexts(ref: RepoRef, commitSha: string, files: readonly FileTextRequest[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    const missing: FileTextRequest[] = [];
    for (const file of files) {
      const cached = this.blobTexts.get(file.sha);
      if (cached === undefined) missing.push(file);
      else texts.set(file.path, cached);
    }
    if (missing.length === 0) return texts;
    const batch = missing.slice(0, MAX_FILE_TEXTS);
    if (missing.length > batch.length) {
      this.log.warn({ files: missing.length, read: batch.length }, `more than ${MAX_FILE_TEXTS} files to read: the others are analysed from their patches only`);
    }

    const variables: Record<string, string> = { owner: ref.owner, name: ref.repo };
    batch.forEach((file, index) => (variables[`e${index}`] = `${commitSha}:${file.path}`));
    const query = [
      `query ReviewCoachFileTexts($owner: String!, $name: String!, ${batch.map((_, index) => `$e${index}: String!`).join(", ")}) {`,
      "  repository(owner: $owner, name: $name) {",
      ...batch.map((_, index) => `    f${index}: object(expression: $e${index}) { ... on Blob { oid byteSize isBinary isTruncated text } }`),
      "  }",
      "}",
    ].join("\n");

    let data: unknown;
    try {
      data = await this.octokit.graphql(query, variables);
    } catch (error) {
      const partial = error as { name?: string; data?: unknown; errors?: Array<{ message?: string }> };
      const messages = (partial.errors ?? []).map((e) => e.message).slice(0, 5);
      if (partial.name !== "GraphqlResponseError" || partial.data == null) {
        this.log.warn({ err: error, files: batch.length }, "could not read the changed files' contents: analysing their patches only");
        return texts;
      }
      this.log.warn({ errors: messages, files: batch.length }, "GitHub answered part of the file contents request: the files it left out are analysed from their patches only");
      data = partial.data;
    }

    const repository = (data as { repository?: Record<string, unknown> | null } | null)?.repository ?? {};
    batch.forEach((file, index) => {
      const blob = blobSchema.safeParse(repository[`f${index}`]);
      if (!blob.success) return;
      const { oid, byteSize, isBinary, isTruncated, text } = blob.data;
      if (isBinary || isTruncated || text === null || byteSize > MAX_FILE_TEXT_BYTES) return;
      this.blobTexts.set(oid, text);
      texts.set(file.path, text);
    });
    return texts;
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

  /** Asks GitHub to deliver a webhook again (a new attempt of the same guid). Needs the app's own (JWT) client. */
  async redeliverHookDelivery(deliveryId: number): Promise<void> {
    await this.octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: deliveryId });
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
      body: reveal(review.body),
      comments: review.comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT", body: reveal(c.body) })),
    });
    return { id: response.data.id };
  }

  async replyToReviewComment(ref: RepoRef, pullNumber: number, commentId: number, body: string): Promise<void> {
    await this.octokit.rest.pulls.createReplyForReviewComment({ owner: ref.owner, repo: ref.repo, pull_number: pullNumber, comment_id: commentId, body: reveal(body) });
  }

  async createIssueComment(ref: RepoRef, issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, body: reveal(body) });
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
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
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

  /**
   * Opens the issue whose body carries `marker`, once: the marker is looked up before every attempt, and
   * the POST is never retried blindly (a 502 can come after GitHub created the issue). Octokit's own
   * retry is off for it; a server error or lost connection is retried here, after a fresh lookup.
   */
  async createIssueOnce(ref: RepoRef, title: string, body: string, marker: string): Promise<{ number: number; url: string; found: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.findRecentIssueWithMarker(ref, marker);
      if (found) return { ...found, found: true };
      try {
        const response = await this.octokit.rest.issues.create({ owner: ref.owner, repo: ref.repo, title: reveal(title), body: reveal(body), request: { retries: 0 } });
        return { number: response.data.number, url: response.data.html_url, found: false };
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS || !isRetryableWrite(error)) throw error;
        this.log.warn({ err: error, attempt }, "creating the issue failed; looking for it before trying again");
        await new Promise((resolve) => setTimeout(resolve, CREATE_RETRY_DELAY_MS * attempt));
      }
    }
  }

  /**
   * Closes an issue only when it is the one meant: its body carries `marker`. A number alone could name
   * any issue of the repository. Returns whether it was closed.
   */
  async closeIssueWithMarker(ref: RepoRef, issueNumber: number, marker: string): Promise<boolean> {
    const { data: issue } = await this.octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber });
    if (issue.pull_request || !(issue.body ?? "").includes(marker)) return false;
    if (issue.state !== "closed") {
      await this.octokit.rest.issues.update({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, state: "closed", state_reason: "completed" });
    }
    return true;
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

  /** Creates a check run, or updates the one whose id the app stored: one request either way. */
  async writeCheckRun(input: CheckRunInput & { existingId?: number | undefined }): Promise<number> {
    const body = {
      owner: input.owner,
      repo: input.repo,
      name: input.name,
      status: "completed" as const,
      conclusion: input.conclusion,
      output: fitCheckRunOutput(revealCheckRunOutput(input.output)),
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
