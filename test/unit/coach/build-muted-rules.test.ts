import { describe, expect, it } from "@jest/globals";
import { buildMutedRules, type MutedRulesInput, type RuleOutcome } from "../../../src/coach/build-muted-rules.js";
import { buildRuleEffectiveness } from "../../../src/coach/build-rule-effectiveness.js";
import { getRuleVersion, isKnownRule, RULE_IDS } from "../../../src/coach/risk/rule-versions.js";
import { applyRulePins, planReviewNudges } from "../../../src/coach/select-nudges.js";
import type { Finding } from "../../../src/coach/types.js";
import { buildNudgePolicy } from "../../../src/repo-config/build-nudge-policy.js";
import { getDefaultConfig } from "../../../src/repo-config/default-config.js";

const DAY = 86_400_000;
const START = Date.parse("2026-11-02T10:00:00.000Z");
const at = (days: number) => new Date(START + days * DAY).toISOString();

function outcome(outcome: RuleOutcome["outcome"], day: number, extra: Partial<RuleOutcome> = {}): RuleOutcome {
  return { rule: "sql-from-variable", ruleVersion: "v1", repositoryId: 1, outcome, sentAt: at(day), outcomeAt: at(day + 0.5), ...extra };
}

const input = (outcomes: RuleOutcome[], extra: Partial<MutedRulesInput> = {}): MutedRulesInput => ({
  repositoryId: 1,
  outcomes,
  resets: [],
  pins: {},
  ruleVersion: () => "v1",
  now: new Date(at(10)),
  expiryDays: 90,
  ...extra,
});

const threeDismissals = [outcome("dismissed", 0), outcome("dismissed", 1), outcome("dismissed", 2)];

describe("buildMutedRules", () => {
  it("mutes a rule dismissed three times and never acted on, since the third dismissal, for expiryDays", () => {
    expect(buildMutedRules(input(threeDismissals))).toEqual([
      { rule: "sql-from-variable", scope: "repository", sent: 3, actedOn: 0, dismissed: 3, ignored: 0, since: at(2.5), until: at(92.5) },
    ]);
  });

  it("does not mute on two dismissals, nor when more than 20% of the nudges were acted on", () => {
    expect(buildMutedRules(input(threeDismissals.slice(0, 2)))).toEqual([]);
    expect(buildMutedRules(input([...threeDismissals, outcome("acted-on", 3)]))).toEqual([]);
    // One acted on in five is 20%: still muted.
    expect(buildMutedRules(input([...threeDismissals, outcome("acted-on", 3), outcome("ignored", 4)]))).toHaveLength(1);
  });

  it("lapses after expiryDays and then needs three fresh dismissals", () => {
    expect(buildMutedRules(input(threeDismissals, { now: new Date(at(92)) }))).toHaveLength(1);
    expect(buildMutedRules(input(threeDismissals, { now: new Date(at(93)) }))).toEqual([]);
    const later = [outcome("dismissed", 100), outcome("dismissed", 101), outcome("dismissed", 102)];
    expect(buildMutedRules(input([...threeDismissals, ...later], { now: new Date(at(103)) }))).toEqual([
      expect.objectContaining({ since: at(102.5), until: at(192.5), dismissed: 3 }),
    ]);
  });

  it("counts only the rule's current version: a changed rule gets a fresh chance", () => {
    expect(buildMutedRules(input(threeDismissals, { ruleVersion: () => "v2" }))).toEqual([]);
  });

  it("forgets what came before a reset (/coach unmute), and a pin always wins", () => {
    expect(buildMutedRules(input(threeDismissals, { resets: [{ rule: "sql-from-variable", at: at(3) }] }))).toEqual([]);
    expect(buildMutedRules(input(threeDismissals, { resets: [{ rule: "sql-from-variable", at: at(0.5) }] }))).toEqual([]);
    for (const pin of ["on", "off", "low"] as const) expect(buildMutedRules(input(threeDismissals, { pins: { "sql-from-variable": pin } }))).toEqual([]);
  });

  it("mutes org-wide when the org's repositories together reach the bar, in every repository", () => {
    const spread = [outcome("dismissed", 0, { repositoryId: 2 }), outcome("dismissed", 1, { repositoryId: 2 }), outcome("dismissed", 2, { repositoryId: 3 })];
    expect(buildMutedRules(input(spread))).toEqual([expect.objectContaining({ rule: "sql-from-variable", scope: "org", dismissed: 3, sent: 3 })]);
    // The repository's own muting is named rather than the org's.
    expect(buildMutedRules(input([...threeDismissals, ...spread]))).toEqual([expect.objectContaining({ scope: "repository", dismissed: 3 })]);
  });
});

describe("rule versions", () => {
  it("knows every line rule and code rule, each with a stable version", () => {
    expect(RULE_IDS.length).toBeGreaterThan(50);
    expect(isKnownRule("sql-from-variable") && isKnownRule("untested-change")).toBe(true);
    expect(getRuleVersion("sql-from-variable")).toMatch(/^[0-9a-f]{12}$/);
    expect(getRuleVersion("untested-change")).toBe("v1");
    expect(getRuleVersion("no-such-rule")).toBe("unknown");
  });
});

describe("pins and the strictness dial in nudge selection", () => {
  const finding = (rule: string, severity: Finding["severity"], line: number): Finding => ({
    concern: "security",
    path: `src/${rule}.ts`,
    line,
    severity,
    confidence: "high",
    reason: rule,
    fingerprint: `fp-${rule}`,
    rule,
  });
  const findings = [finding("sql-from-variable", "high", 3), finding("code-eval", "high", 4), finding("weak-hash", "medium", 5)];

  it("leaves out rules pinned off or muted (unless pinned), and takes a pinned severity", () => {
    const kept = applyRulePins(findings, { "code-eval": "off", "weak-hash": "high", "sql-from-variable": "on" }, new Set(["sql-from-variable", "weak-hash"]));
    expect(kept.map((f) => [f.rule, f.severity])).toEqual([
      ["sql-from-variable", "high"],
      ["weak-hash", "high"],
    ]);
  });

  it("quiet nudges one high-severity, high-confidence finding per review and lists nothing; explicit keys win over the dial", () => {
    const config = getDefaultConfig();
    const plan = (overrides: object) =>
      planReviewNudges({ ...buildNudgePolicy({ ...config, ...overrides }), findings, addressed: new Set(), history: [], flags: ["rubber-stamp"] });
    expect(plan({ strictness: "quiet" })).toEqual({ inline: [findings[1]], listed: [] });
    expect(plan({ strictness: "quiet", maxNudgesPerReview: 2, severity: "medium" }).inline.map((f) => f.rule)).toEqual(["code-eval", "sql-from-variable"]);
    expect(plan({ strictness: "balanced" }).listed.map((f) => f.rule)).toEqual(["weak-hash"]);
  });
});

describe("buildRuleEffectiveness", () => {
  it("counts delivered nudges per rule, the effective false-positive rate, and flags above 10%", () => {
    const rows = buildRuleEffectiveness([
      ...Array.from({ length: 9 }, () => ({ rule: "sql-from-variable", status: "acted-on", mode: "nudge" })),
      { rule: "sql-from-variable", status: "dismissed", mode: "nudge" },
      { rule: "code-eval", status: "ignored", mode: "nudge" },
      { rule: "code-eval", status: "acted-on", mode: "nudge" },
      { rule: "code-eval", status: "shadow", mode: "shadow" },
      { rule: null, status: "dismissed", mode: "nudge" },
    ]);
    expect(rows).toEqual([
      { rule: "code-eval", sent: 2, actedOn: 1, dismissed: 0, ignored: 1, falsePositiveRate: 0.5, flagged: true },
      { rule: "sql-from-variable", sent: 10, actedOn: 9, dismissed: 1, ignored: 0, falsePositiveRate: 0.1, flagged: false },
    ]);
  });
});
