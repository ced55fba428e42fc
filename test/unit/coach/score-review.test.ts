import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import {
  DEFAULT_SCORE_WEIGHTS,
  scoreReview,
  scoreWeightsSchema,
  type ScoredComment,
  type ScoredReview,
  type ScoreReviewInput,
} from "../../../src/coach/score-review.js";
import type { CommentClassification, RiskProfile } from "../../../src/coach/types.js";
import { modifiedFile } from "./risk-fixtures.js";

// ---- Classifications, written out as the classifier would return them --------------------------

function classification(partial: Partial<CommentClassification>): CommentClassification {
  return { concerns: [], signals: [], tone: "respectful", actionable: false, evidence: [], ...partial };
}
const LGTM = classification({ signals: ["approval-only"] });
const EMPTY = classification({});
const SECURITY_EXPLAINED = classification({
  concerns: ["security"],
  signals: ["rationale", "question", "suggestion"],
  actionable: true,
});
const NIT = classification({ concerns: ["style"], signals: ["nit", "suggestion"], actionable: true });

// ---- The pull requests of the calibration ------------------------------------------------------

/** A search endpoint that now builds its SQL from the query string (one high security finding). */
const SQL_PR: RiskProfile = buildRiskProfile(
  [
    modifiedFile("src/routes/users.ts", [
      "@@ -10,7 +10,8 @@ export function registerUserRoutes(router: Router, db: Database) {",
      "   router.get(\"/users/search\", async (req, res) => {",
      "-    const rows = await db.query(\"SELECT id, name FROM users WHERE name = $1\", [req.query.name]);",
      "+    const name = String(req.query.name);",
      "+    const rows = await db.query(`SELECT id, name FROM users WHERE name = '${name}'`);",
      "     res.json(rows);",
      "   });",
      " ",
      "   router.get(\"/users/:id\", async (req, res) => {",
    ]),
  ],
  DEFAULT_RISK_CONFIG,
);
const SQL_LINE = 12;
const SQL_FACTS = { additions: 2, deletions: 1, changedFiles: 1 };

/** A three-line typo fix in the docs. */
const TYPO_PR: RiskProfile = buildRiskProfile(
  [
    modifiedFile("docs/getting-started.md", [
      "@@ -3,5 +3,5 @@ # Getting started",
      " Install the app on your organisation.",
      "-Teh app reads `.github/review-coach.yml` from each repositry.",
      "+The app reads `.github/review-coach.yml` from each repository.",
      " Then open a pull request.",
    ]),
  ],
  DEFAULT_RISK_CONFIG,
);

function review(state: ScoredReview["state"], body: string, bodyClassification: CommentClassification): ScoredReview {
  return { state, body, bodyClassification };
}

function input(r: ScoredReview, comments: ScoredComment[], riskProfile = SQL_PR, pullRequest = SQL_FACTS): ScoreReviewInput {
  return { review: r, comments, riskProfile, pullRequest };
}

describe("scoreReview calibration", () => {
  it("has the PR the calibration needs: one high security finding on the SQL line", () => {
    expect(SQL_PR.level).toBe("high");
    expect(SQL_PR.findings.filter((f) => f.severity === "high")).toEqual([
      expect.objectContaining({ concern: "security", path: "src/routes/users.ts", line: SQL_LINE, rule: "sql-from-variable" }),
    ]);
    expect(TYPO_PR.findings).toEqual([]);
  });

  it("(a) an LGTM approval with no comments on a high-risk PR scores ≤ 20 and is a rubber stamp", () => {
    const result = scoreReview(input(review("APPROVED", "LGTM", LGTM), []));
    expect(result.score).toBeLessThanOrEqual(20);
    expect(result.flags).toContain("rubber-stamp");
    expect(result.addressed).toEqual([]);
    expect(result.uncovered).toHaveLength(SQL_PR.findings.length);
  });

  it("(b) a review naming the security problem at its lines, explaining the risk, scores ≥ 80", () => {
    const result = scoreReview(
      input(review("CHANGES_REQUESTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE, classification: SECURITY_EXPLAINED, id: 101 }]),
    );
    expect(result.score).toBeGreaterThanOrEqual(80);
    expect(result.flags).toEqual(["exemplary"]);
    const sqlFinding = SQL_PR.findings.find((f) => f.rule === "sql-from-variable");
    expect(result.addressed).toContain(sqlFinding?.fingerprint);
    expect(result.evidence).toContainEqual({
      fingerprint: sqlFinding?.fingerprint,
      concern: "security",
      source: "comment",
      index: 0,
      commentId: 101,
      via: "line",
    });
  });

  it("(c) five naming/formatting nits only score between 25 and 55 and are flagged style-only", () => {
    const nits: ScoredComment[] = [10, 11, 12, 13, 15].map((line) => ({ path: "src/routes/users.ts", line, classification: NIT }));
    const result = scoreReview(input(review("COMMENTED", "", EMPTY), nits));
    expect(result.score).toBeGreaterThanOrEqual(25);
    expect(result.score).toBeLessThanOrEqual(55);
    expect(result.flags).toContain("style-only");
    expect(result.flags).not.toContain("rubber-stamp");
    expect(result.addressed).toEqual([]);
  });

  it("(d) an approval with no comments on a three-line docs typo fix scores ≥ 70 and is no rubber stamp", () => {
    const result = scoreReview(input(review("APPROVED", "", EMPTY), [], TYPO_PR, { additions: 1, deletions: 1, changedFiles: 1 }));
    expect(result.score).toBeGreaterThanOrEqual(70);
    expect(result.flags).toEqual([]);
    expect(result.demand).toBe(0);
  });

  it("(e) a substantive review that belittles the author scores lower than the same review said respectfully", () => {
    const comment = (tone: CommentClassification["tone"]): ScoredComment => ({
      path: "src/routes/users.ts",
      line: SQL_LINE,
      classification: { ...SECURITY_EXPLAINED, tone },
    });
    const respectful = scoreReview(input(review("CHANGES_REQUESTED", "", EMPTY), [comment("respectful")]));
    const harsh = scoreReview(input(review("CHANGES_REQUESTED", "", EMPTY), [comment("harsh")]));
    const toxic = scoreReview(input(review("CHANGES_REQUESTED", "", EMPTY), [comment("toxic")]));
    expect(harsh.score).toBeLessThan(respectful.score);
    expect(toxic.score).toBeLessThan(harsh.score);
    expect(harsh.flags).toContain("harsh-tone");
    expect(harsh.flags).not.toContain("exemplary");
    expect(harsh.addressed).toEqual(respectful.addressed);
  });
});

describe("scoreReview: addressing findings", () => {
  const finding = SQL_PR.findings.find((f) => f.rule === "sql-from-variable");
  const edgeCaseQuestion = classification({ concerns: ["edge-cases"], signals: ["question"], actionable: true });

  it("counts a substantive comment within the window on the same file, not beyond it", () => {
    const near = scoreReview(input(review("COMMENTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE + 3, classification: edgeCaseQuestion }]));
    expect(near.addressed).toContain(finding?.fingerprint);
    const far = scoreReview(input(review("COMMENTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE + 4, classification: edgeCaseQuestion }]));
    expect(far.addressed).not.toContain(finding?.fingerprint);
    const wider = scoreReview(input(review("COMMENTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE + 4, classification: edgeCaseQuestion }]), {
      nearLines: 5,
    });
    expect(wider.addressed).toContain(finding?.fingerprint);
  });

  it("does not count a style nit or praise on the line", () => {
    const praise = classification({ signals: ["praise"] });
    const result = scoreReview(
      input(review("COMMENTED", "", EMPTY), [
        { path: "src/routes/users.ts", line: SQL_LINE, classification: NIT },
        { path: "src/routes/users.ts", line: SQL_LINE, classification: praise },
      ]),
    );
    expect(result.addressed).toEqual([]);
  });

  it("counts a comment anywhere, or the review body, that names the finding's concern", () => {
    const body = scoreReview(input(review("CHANGES_REQUESTED", "Injection risk in the search query.", classification({ concerns: ["security"], signals: ["rationale"] })), []));
    expect(body.addressed).toContain(finding?.fingerprint);
    expect(body.evidence).toContainEqual(expect.objectContaining({ source: "body", via: "concern", fingerprint: finding?.fingerprint }));
    const elsewhere = scoreReview(input(review("COMMENTED", "", EMPTY), [{ classification: classification({ concerns: ["security"] }) }]));
    expect(elsewhere.addressed).toContain(finding?.fingerprint);
  });
});

describe("scoreReview: breakdown and configuration", () => {
  const result = scoreReview(input(review("COMMENTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE, classification: SECURITY_EXPLAINED }]));

  it("lists every factor with weight, value, points and an explanation; points add up to the score", () => {
    expect(result.breakdown.map((f) => f.name)).toEqual(["coverage", "depth", "actionability", "tone"]);
    for (const factor of result.breakdown) {
      expect(factor.value).toBeGreaterThanOrEqual(0);
      expect(factor.value).toBeLessThanOrEqual(1);
      expect(factor.explanation.length).toBeGreaterThan(10);
    }
    const sum = result.breakdown.reduce((total, f) => total + f.points, 0);
    expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(1);
    expect(Number.isInteger(result.score)).toBe(true);
  });

  it("is deterministic", () => {
    const again = scoreReview(input(review("COMMENTED", "", EMPTY), [{ path: "src/routes/users.ts", line: SQL_LINE, classification: SECURITY_EXPLAINED }]));
    expect(again).toEqual(result);
  });

  it("takes weights from options, normalised to 100, and validates them with a schema", () => {
    const comment = { path: "src/routes/users.ts", line: SQL_LINE, classification: { ...SECURITY_EXPLAINED, tone: "harsh" as const } };
    const toneless = scoreReview(input(review("COMMENTED", "", EMPTY), [comment]), { weights: { tone: 0 } });
    expect(toneless.breakdown.find((f) => f.name === "tone")?.weight).toBe(0);
    expect(toneless.breakdown.reduce((total, f) => total + f.weight, 0)).toBeCloseTo(100, 5);
    const doubled = scoreReview(input(review("COMMENTED", "", EMPTY), [comment]), {
      weights: { coverage: 120, depth: 30, actionability: 20, tone: 30 },
    });
    const base = scoreReview(input(review("COMMENTED", "", EMPTY), [comment]));
    expect(doubled.score).toBe(base.score);
    expect(scoreWeightsSchema.safeParse(DEFAULT_SCORE_WEIGHTS).success).toBe(true);
    expect(scoreWeightsSchema.safeParse({ ...DEFAULT_SCORE_WEIGHTS, tone: -1 }).success).toBe(false);
  });

  it("scores an empty COMMENTED review on a risky PR low without calling it a rubber stamp", () => {
    const empty = scoreReview(input(review("COMMENTED", "", EMPTY), []));
    expect(empty.score).toBeLessThanOrEqual(20);
    expect(empty.flags).toEqual([]);
  });

  it("defaults the PR facts to the profile's stats", () => {
    const withoutFacts = scoreReview({ review: review("APPROVED", "LGTM", LGTM), comments: [], riskProfile: SQL_PR });
    expect(withoutFacts.score).toBe(scoreReview(input(review("APPROVED", "LGTM", LGTM), [])).score);
  });
});
