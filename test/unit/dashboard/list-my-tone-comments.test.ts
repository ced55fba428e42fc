import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listMyNudges, listMyToneComments } from "../../../src/dashboard/data/read-dashboard-store.js";
import { upsertInstallation, upsertRepositories } from "../../../src/store/installations.js";
import { upsertPullRequest } from "../../../src/store/pull-requests.js";
import { insertNudges } from "../../../src/store/nudges.js";
import { saveComment, saveReview, saveReviewScore } from "../../../src/store/reviews.js";
import { createTestStore, type TestStore } from "../../helpers/stores.js";

const NOW = new Date("2026-11-11T10:00:00Z");
const classification = (tone: "respectful" | "harsh") => ({ concerns: [], signals: [], tone, actionable: false, evidence: [] });

// alice is user 1; "Alice" was user 9's login before it was recycled; bob is user 2.
const ALICE = 1;
const userIdOf = (login: string, id: number) => (login === "bob" ? 2 : id === 6 ? 9 : ALICE);

describe("listMyToneComments and listMyNudges", () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore("sqlite");
    await upsertInstallation(t.store, { id: 1, accountLogin: "acme", accountType: "Organization", repositorySelection: "all", suspendedAt: null }, NOW);
    await upsertRepositories(t.store, [{ id: 10, installationId: 1, fullName: "acme/shop", private: true }], NOW);
    await upsertPullRequest(t.store, { id: 100, installationId: 1, repositoryId: 10, number: 7, title: "Add login", htmlUrl: "https://github.com/acme/shop/pull/7", authorLogin: "frank", authorIsBot: false, state: "closed", draft: false, merged: true, headSha: "a".repeat(40), baseRef: "main", additions: 1, deletions: 0, changedFiles: 1, openedAt: "2026-11-01T00:00:00Z", mergedAt: "2026-11-02T00:00:00Z", closedAt: "2026-11-02T00:00:00Z" }, NOW);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("includes a harshly worded review body, not only inline comments, and only the person's own", async () => {
    const review = (id: number, login: string, body: string, tone: "respectful" | "harsh") =>
      saveReview(t.store, { id, installationId: 1, repositoryId: 10, pullRequestId: 100, reviewerLogin: login, reviewerId: userIdOf(login, id), state: "CHANGES_REQUESTED", body, commitSha: null, submittedAt: `2026-11-0${id}T09:00:00Z`, htmlUrl: null }, classification(tone), [], NOW);
    await review(3, "alice", "Did you even run this?", "harsh");
    await review(4, "alice", "Thanks, one question inline.", "respectful");
    await review(5, "bob", "This is garbage.", "harsh");
    await review(6, "Alice", "Who wrote this mess?", "harsh");
    const flags = { score: 50, breakdown: [], evidence: [], addressed: [], uncovered: [], demand: 1 };
    await saveReviewScore(t.store, 3, { ...flags, flags: ["harsh-tone"] }, NOW);
    await saveReviewScore(t.store, 4, { ...flags, flags: [] }, NOW);
    await saveReviewScore(t.store, 5, { ...flags, flags: ["harsh-tone"] }, NOW);
    await saveReviewScore(t.store, 6, { ...flags, flags: ["harsh-tone"] }, NOW);

    expect(await listMyToneComments(t.store, ALICE, [10])).toEqual([
      { repository: "acme/shop", number: 7, title: "Add login", url: "https://github.com/acme/shop/pull/7", body: "Did you even run this?", tone: "harsh", createdAt: "2026-11-03T09:00:00Z" },
    ]);
  });

  it("matches comments and nudges by user id: whoever takes a login next sees nothing of the previous owner's", async () => {
    const comment = (id: number, authorId: number) =>
      saveComment(t.store, { id, installationId: 1, repositoryId: 10, pullRequestId: 100, reviewId: null, authorLogin: "alice", authorId, path: null, line: null, inReplyToId: null, body: `Sloppy work ${id}.`, classification: classification("harsh"), createdAt: `2026-11-0${id - 10}T08:00:00Z` }, NOW);
    await comment(11, 9);
    await comment(12, ALICE);
    const harsh = await listMyToneComments(t.store, ALICE, [10]);
    expect(harsh.map((c) => c.body)).toEqual(["Did you even run this?", "Sloppy work 12."]);

    const nudge = (reviewId: number, fingerprint: string) => ({ installationId: 1, repositoryId: 10, pullRequestId: 100, reviewId, reviewerLogin: "alice", concern: "security", path: "src/db.ts", line: 3, fingerprint, severity: "high", mode: "nudge", status: "sent" as const, githubReviewId: null, body: "?", rule: "sql-from-variable", ruleVersion: "v1" });
    await insertNudges(t.store, [nudge(3, "mine"), nudge(6, "previous-owner")], NOW);
    expect((await listMyNudges(t.store, ALICE, [10])).map((n) => n.concern)).toEqual(["security"]);
    expect(await listMyNudges(t.store, 9, [10])).toHaveLength(1);
    expect(await listMyNudges(t.store, 2, [10])).toEqual([]);
  });
});
