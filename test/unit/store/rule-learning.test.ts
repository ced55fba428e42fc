import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { insertNudges, markNudgeDismissed, type NudgeRecord } from "../../../src/store/nudges.js";
import { listRuleNudgeOutcomes, listRuleOutcomes, listRuleResets, markNudgesIgnored, resetRuleLearning } from "../../../src/store/rule-learning.js";
import { createTestStore, ENGINES, type TestStore } from "../../helpers/stores.js";

const SENT = new Date("2026-11-02T10:00:00.000Z");
const LATER = new Date("2026-11-03T10:00:00.000Z");

function nudge(pullRequestId: number, fingerprint: string, rule: string, extra: Partial<NudgeRecord> = {}): NudgeRecord {
  return {
    installationId: 1,
    repositoryId: 10,
    pullRequestId,
    reviewId: 5,
    reviewerLogin: "alice",
    concern: "security",
    path: "src/db.ts",
    line: 3,
    fingerprint,
    severity: "high",
    mode: "nudge",
    status: "sent",
    githubReviewId: null,
    body: "?",
    rule,
    ruleVersion: "v1",
    ...extra,
  };
}

describe.each(ENGINES)("rule learning in the store (%s)", (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(engine);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("reads each delivered nudge's outcome and when it happened; a closed PR's unanswered nudges are ignored", async () => {
    await insertNudges(
      t.store,
      [nudge(100, "a", "sql-from-variable"), nudge(100, "b", "code-eval", { status: "listed" }), nudge(100, "c", "code-eval", { mode: "shadow", status: "shadow" }), nudge(101, "d", "weak-hash", { repositoryId: 11 })],
      SENT,
    );
    const [first] = await t.store.db.selectFrom("nudges").select("id").where("fingerprint", "=", "a").execute();
    await markNudgeDismissed(t.store, first!.id, LATER);
    expect(await markNudgesIgnored(t.store, 100, LATER)).toBe(1);
    const outcomes = await listRuleOutcomes(t.store, 1);
    expect(outcomes.sort((x, y) => x.rule.localeCompare(y.rule))).toEqual([
      { rule: "code-eval", ruleVersion: "v1", repositoryId: 10, outcome: "ignored", sentAt: SENT.toISOString(), outcomeAt: LATER.toISOString() },
      { rule: "sql-from-variable", ruleVersion: "v1", repositoryId: 10, outcome: "dismissed", sentAt: SENT.toISOString(), outcomeAt: LATER.toISOString() },
      { rule: "weak-hash", ruleVersion: "v1", repositoryId: 11, outcome: "pending", sentAt: SENT.toISOString(), outcomeAt: SENT.toISOString() },
    ]);
    expect((await listRuleNudgeOutcomes(t.store, [11], SENT.toISOString())).map((n) => [n.rule, n.status])).toEqual([["weak-hash", "sent"]]);
  });

  it("keeps one reset per repository and rule, the latest", async () => {
    await resetRuleLearning(t.store, { installationId: 1, repositoryId: 10, rule: "code-eval", login: "alice" }, SENT);
    await resetRuleLearning(t.store, { installationId: 1, repositoryId: 10, rule: "code-eval", login: "bob" }, LATER);
    expect(await listRuleResets(t.store, 10)).toEqual([{ rule: "code-eval", at: LATER.toISOString() }]);
    expect(await listRuleResets(t.store, 11)).toEqual([]);
  });
});
