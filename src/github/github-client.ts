import { revealHiddenCharacters as reveal } from "../coach/render/reveal-hidden-characters.js";
import type { Logger } from "../log.js";
import { createBlobTextCache } from "./blob-text-cache.js";
import { fitCheckRunOutput } from "./fit-check-run-output.js";
import { GitHubReads, type Octokit } from "./github-reads.js";
import { GitHubUnavailableError } from "./to-github-error.js";
import type { RepoRef } from "./repo-ref.js";

export type { RepoRef } from "./repo-ref.js";
export type { HookDelivery } from "./github-reads.js";
export { MAX_FILE_TEXT_BYTES, type FileTextRequest } from "./read-file-texts.js";

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

/** Attempts at a non-idempotent create, each after a fresh lookup. */
const CREATE_ATTEMPTS = 3;
const CREATE_RETRY_DELAY_MS = 1_000;

/** A server error or a lost connection: the write may or may not have happened. */
function isRetryableWrite(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: string };
  return error instanceof GitHubUnavailableError || (typeof code === "string" && /^(ECONNRESET|ETIMEDOUT|EPIPE|UND_ERR_SOCKET)$/.test(code));
}

/** A GitHub client for an installation (or the app itself), logging under the given logger. */
export type GitHubClientFactory = (installationId: number | undefined, log: Logger) => Promise<GitHubClient>;

/** Clients made from Probot's installation auth (it caches each installation's token), sharing the blob texts read. */
export function createGitHubClientFactory(authenticate: (installationId?: number) => Promise<Octokit>): GitHubClientFactory {
  const blobTexts = createBlobTextCache();
  return async (installationId, log) => new GitHubClient(await authenticate(installationId), log.child({ name: "github" }), blobTexts);
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
export class GitHubClient extends GitHubReads {
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

  /** Acknowledges a command with a reaction rather than a comment. */
  async reactToComment(ref: RepoRef, kind: "review" | "issue", commentId: number, content: "+1" | "eyes"): Promise<void> {
    if (kind === "review") {
      await this.octokit.rest.reactions.createForPullRequestReviewComment({ owner: ref.owner, repo: ref.repo, comment_id: commentId, content });
    } else {
      await this.octokit.rest.reactions.createForIssueComment({ owner: ref.owner, repo: ref.repo, comment_id: commentId, content });
    }
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

  /** Asks GitHub to deliver a webhook again (a new attempt of the same guid). Needs the app's own (JWT) client. */
  async redeliverHookDelivery(deliveryId: number): Promise<void> {
    await this.octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: deliveryId });
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
