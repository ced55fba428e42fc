import type nock from "nock";
import { RISKY_FILES } from "../fixtures/risky-pull-request-files.js";
import { mockGitHub, mockRepoConfig, type TestApp } from "./test-app.js";
import { loadExample } from "./webhook-examples.js";

export const REPO = "Codertocat/Hello-World";
export const REVIEWER = { login: "octo-reviewer", id: 5001, type: "User" };

/**
 * One pull request's life as webhooks, from real payloads (@octokit/webhooks-examples) given a head,
 * an installation and a reviewer of their own. Each step returns the payload it posts.
 */
export class PullRequestScenario {
  readonly installationId: number;
  readonly headSha: string;
  readonly prId: number;
  /** Each scenario is its own repository to the store (same name to GitHub), so PR #2 can recur. */
  readonly repositoryId: number;
  /** The PR's number (2, as in the examples, unless several PRs share a repository). */
  readonly number: number;
  private reviewId = 7000;
  private commentId = 9000;

  /** `place` puts the PR in an installation or repository another scenario made (several PRs of one repository). */
  constructor(
    private readonly t: TestApp,
    seed: number,
    place: { installationId?: number; repositoryId?: number; number?: number } = {},
  ) {
    this.number = place.number ?? 2;
    this.installationId = place.installationId ?? seed;
    this.headSha = seed.toString(16).padStart(40, "a");
    this.prId = 100_000 + seed;
    this.repositoryId = place.repositoryId ?? 200_000 + seed;
  }

  private own<T extends { installation: { id: number } }>(payload: T): T {
    payload.installation.id = this.installationId;
    (payload as unknown as { repository: { id: number } }).repository.id = this.repositoryId;
    return payload;
  }

  private pullRequest(base: Record<string, unknown>, headSha = this.headSha) {
    const pr = structuredClone(base) as Record<string, unknown> & { head: { sha: string }; id: number; number: number };
    pr.head.sha = headSha;
    pr.id = this.prId;
    pr.number = this.number;
    return pr;
  }

  /** A pull_request event of this PR (a real payload of that action), at this scenario's head or another. */
  pullRequestEvent(action: string, headSha = this.headSha) {
    const payload = this.own(loadExample<{ pull_request: Record<string, unknown> }>("pull_request", action));
    payload.pull_request = this.pullRequest(payload.pull_request, headSha);
    return payload;
  }

  /** pull_request.opened; mocks the config read (none) and the files listing. */
  async open(scope: nock.Scope, files: unknown[] = RISKY_FILES, config: string | null = null) {
    const payload = this.pullRequestEvent("opened");
    mockRepoConfig(scope, REPO, config).get(`/repos/${REPO}/pulls/${this.number}/files`).query({ per_page: 100 }).reply(200, files);
    await this.t.post("pull_request", payload);
    await this.t.waitForIdle();
  }

  /** A starting scope: the installation token exchange, as the first request of an installation. */
  github(): nock.Scope {
    return mockGitHub(this.installationId);
  }

  nextReviewId(): number {
    return ++this.reviewId;
  }

  nextCommentId(): number {
    return ++this.commentId;
  }

  reviewPayload(review: { id: number; state: string; body: string | null; user?: typeof REVIEWER }, action = "submitted") {
    const payload = this.own(loadExample<{ action: string; review: Record<string, unknown>; pull_request: Record<string, unknown> }>("pull_request_review", "submitted"));
    payload.action = action;
    payload.pull_request = this.pullRequest(payload.pull_request);
    payload.review = { ...payload.review, id: review.id, state: review.state, body: review.body, commit_id: this.headSha, user: { ...(payload.review.user as object), ...(review.user ?? REVIEWER) } };
    return payload;
  }

  reviewCommentPayload(comment: { id: number; body: string; user: { login: string; id: number; type: string }; inReplyTo?: number; path?: string; line?: number; reviewId?: number }) {
    const payload = this.own(loadExample<{ comment: Record<string, unknown>; pull_request: Record<string, unknown> }>("pull_request_review_comment", "created"));
    payload.pull_request = this.pullRequest(payload.pull_request);
    payload.comment = {
      ...payload.comment,
      id: comment.id,
      body: comment.body,
      user: { ...(payload.comment.user as object), ...comment.user },
      path: comment.path ?? "src/users/find-user.ts",
      line: comment.line ?? 13,
      pull_request_review_id: comment.reviewId ?? 1,
      ...(comment.inReplyTo ? { in_reply_to_id: comment.inReplyTo } : {}),
    };
    return payload;
  }

  /** pull_request_review_thread.resolved for a thread of the given comments (as reviewCommentPayload builds them). */
  reviewThreadPayload(comments: Array<Record<string, unknown>>) {
    const payload = this.own(loadExample<{ thread: { comments: unknown[] }; pull_request: Record<string, unknown> }>("pull_request_review_thread", "resolved"));
    payload.pull_request = this.pullRequest(payload.pull_request);
    payload.thread.comments = comments;
    return payload;
  }
}

/** pull_request_review_thread of this PR (a real payload of that action) whose thread holds these comments. */
export function reviewThreadPayload(s: PullRequestScenario, action: "resolved" | "unresolved", comments: Array<{ id: number; body: string; user: { login: string; id: number; type: string } }>) {
  const payload = loadExample<{ thread: { comments: Array<Record<string, unknown>> }; pull_request: Record<string, unknown>; repository: { id: number } }>("pull_request_review_thread", action);
  payload.installation.id = s.installationId;
  payload.repository.id = s.repositoryId;
  payload.pull_request = s.pullRequestEvent("opened").pull_request;
  const [example] = payload.thread.comments;
  payload.thread.comments = comments.map((c) => ({ ...example, id: c.id, body: c.body, user: { ...(example?.user as object), ...c.user } }));
  return payload;
}

export function issueCommentPayload(s: PullRequestScenario, comment: { id: number; body: string; user: { login: string; id: number; type: string } }) {
  const payload = loadExample<{ issue: Record<string, unknown>; comment: Record<string, unknown>; repository: { id: number } }>("issue_comment", "created");
  payload.installation.id = s.installationId;
  payload.repository.id = s.repositoryId;
  payload.issue = { ...payload.issue, number: s.number, pull_request: { url: `https://api.github.com/repos/${REPO}/pulls/${s.number}` } };
  payload.comment = { ...payload.comment, id: comment.id, body: comment.body, user: { ...(payload.comment.user as object), ...comment.user } };
  return payload;
}

/** A review comment as GitHub's "list comments for a review" returns it. */
export function reviewComment(id: number, reviewId: number, path: string, line: number, body: string, login = REVIEWER.login) {
  return {
    id,
    pull_request_review_id: reviewId,
    path,
    line,
    side: "RIGHT",
    body,
    diff_hunk: "@@ -10,7 +10,11 @@",
    user: { login, id: 5001, type: "User" },
    created_at: "2026-11-02T10:00:00Z",
    updated_at: "2026-11-02T10:00:00Z",
  };
}
