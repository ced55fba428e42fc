import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { findGitHubWrite } from "../../../src/store/github-writes.js";
import { insertNudgesForWrite, listNudges, type NudgeRecord } from "../../../src/store/nudges.js";
import { findPullRequest, upsertPullRequest } from "../../../src/store/pull-requests.js";
import { withTransaction } from "../../../src/store/with-transaction.js";
import { createTestStore, ENGINES, type TestStore } from "../../helpers/stores.js";

const NOW = new Date("2026-11-20T10:00:00.000Z");

const pullRequest = (id: number) => ({
  id,
  installationId: 1,
  repositoryId: 10,
  number: id,
  title: "A change",
  htmlUrl: `https://github.example/pull/${id}`,
  authorLogin: "the-author",
  authorIsBot: false,
  state: "open",
  draft: false,
  merged: false,
  headSha: "ab12c3e",
  baseRef: "main",
  additions: 1,
  deletions: 0,
  changedFiles: 1,
  openedAt: NOW.toISOString(),
  mergedAt: null,
  closedAt: null,
});

const nudge = (pullRequestId: number): NudgeRecord => ({
  installationId: 1,
  repositoryId: 10,
  pullRequestId,
  reviewId: 5,
  reviewerLogin: "alice",
  concern: "security",
  path: "src/db.ts",
  line: 3,
  fingerprint: `f-${pullRequestId}`,
  severity: "high",
  mode: "nudge",
  status: "sent",
  githubReviewId: 77,
  body: "?",
  rule: "sensitive-path",
  ruleVersion: "v1",
});

describe.each(ENGINES)("withTransaction (%s)", (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("commits every write of the work together, the store's own transactions joining it", async () => {
    await withTransaction(t.store, async (tx) => {
      await upsertPullRequest(tx, pullRequest(1), NOW);
      await insertNudgesForWrite(tx, [nudge(1)], { key: "coaching-review:1:5", installationId: 1, githubId: 77 }, NOW);
    });
    expect((await findPullRequest(t.store, 1))?.title).toBe("A change");
    expect((await listNudges(t.store, 1)).map((n) => n.fingerprint)).toEqual(["f-1"]);
    expect(await findGitHubWrite(t.store, "coaching-review:1:5")).toEqual({ key: "coaching-review:1:5", status: "done", variant: null, githubId: 77 });
  });

  it("stores nothing when the work fails, not even what a joined transaction wrote", async () => {
    const failure = withTransaction(t.store, async (tx) => {
      await upsertPullRequest(tx, pullRequest(2), NOW);
      await insertNudgesForWrite(tx, [nudge(2)], { key: "coaching-review:2:5", installationId: 1, githubId: 77 }, NOW);
      throw new Error("the apply step failed");
    });
    await expect(failure).rejects.toThrow("the apply step failed");
    expect(await findPullRequest(t.store, 2)).toBeUndefined();
    expect(await listNudges(t.store, 2)).toEqual([]);
    expect(await findGitHubWrite(t.store, "coaching-review:2:5")).toBeUndefined();
  });
});
