import { describe, expect, it } from "@jest/globals";
import { planReviewNudges } from "../../../src/coach/select-nudges.js";
import type { Finding } from "../../../src/coach/types.js";
import { addedFile, profileOf } from "./risk-fixtures.js";

const ORIGIN_CHECK = "if (new URL(next, base).origin !== base.origin) return res.status(400).end();";
const REDIRECT = "res.redirect(next);";
const FILLER = ["const a = 1;", "const b = 2;", "const c = 3;", "const d = 4;", "const e = 5;"];

const pick = (findings: Finding[], rule: string) => findings.find((f) => f.rule === rule);

describe("corroboration", () => {
  it("two security rules within 4 lines raise each other to high confidence", () => {
    const findings = profileOf(addedFile("src/web/return-to.ts", [ORIGIN_CHECK, REDIRECT]));
    expect([pick(findings, "origin-check")?.confidence, pick(findings, "redirect-target")?.confidence]).toEqual(["high", "high"]);
  });

  it("at exactly 4 lines apart they still corroborate", () => {
    const findings = profileOf(addedFile("src/web/return-to.ts", [ORIGIN_CHECK, ...FILLER.slice(0, 3), REDIRECT]));
    expect(pick(findings, "redirect-target")).toMatchObject({ line: 5, confidence: "high" });
  });

  it("further apart each stays at medium", () => {
    const findings = profileOf(addedFile("src/web/return-to.ts", [ORIGIN_CHECK, ...FILLER, REDIRECT]));
    expect([pick(findings, "origin-check")?.confidence, pick(findings, "redirect-target")?.confidence]).toEqual(["medium", "medium"]);
  });

  it("findings in different files do not corroborate", () => {
    const findings = profileOf(addedFile("src/web/check.ts", [ORIGIN_CHECK]), addedFile("src/web/go.ts", [REDIRECT]));
    expect([pick(findings, "origin-check")?.confidence, pick(findings, "redirect-target")?.confidence]).toEqual(["medium", "medium"]);
  });

  it("a low-confidence finding corroborates nothing", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWJvdCJ9.Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seQ";
    const findings = profileOf(addedFile("src/web/return-to.ts", [`const serviceToken = "${jwt}";`, REDIRECT]));
    expect(pick(findings, "token-literal")?.confidence).toBe("low");
    expect(pick(findings, "redirect-target")?.confidence).toBe("medium");
  });

  it("corroborated findings are nudged inline; lone medium ones are not", () => {
    const plan = (findings: Finding[]) =>
      planReviewNudges({ findings, addressed: new Set(), history: [], minSeverity: "medium", maxPerReview: 2, maxPerPullRequest: 4, flags: [] });
    expect(plan(profileOf(addedFile("src/web/return-to.ts", [ORIGIN_CHECK, REDIRECT]))).inline.map((f) => f.rule).sort()).toEqual([
      "origin-check",
      "redirect-target",
    ]);
    expect(plan(profileOf(addedFile("src/web/return-to.ts", [ORIGIN_CHECK, ...FILLER, REDIRECT]))).inline).toEqual([]);
  });
});

describe("one nudge per rule", () => {
  const EVAL = ["const value = eval(expression);"];
  const files = [
    addedFile("src/a/calc.js", EVAL),
    addedFile("src/b/calc.js", EVAL),
    addedFile("src/c/calc.js", EVAL),
    addedFile("src/d/agent.ts", ["const agent = new https.Agent({ rejectUnauthorized: false });"]),
  ];
  const base = { addressed: new Set<string>(), history: [], minSeverity: "medium" as const, maxPerReview: 2, maxPerPullRequest: 4 };

  it("a rule firing in three files is one inline nudge with the other places listed", () => {
    const plan = planReviewNudges({ ...base, findings: profileOf(...files), flags: [] });
    expect(plan.inline.map((f) => [f.rule, f.path])).toEqual([
      ["code-eval", "src/a/calc.js"],
      ["tls-verification-disabled", "src/d/agent.ts"],
    ]);
    expect(plan.listed.map((f) => [f.rule, f.path])).toEqual([
      ["code-eval", "src/b/calc.js"],
      ["code-eval", "src/c/calc.js"],
    ]);
  });

  it("the listed places count against the pull request's budget", () => {
    const plan = planReviewNudges({ ...base, findings: profileOf(...files), history: [{ fingerprint: "earlier", status: "posted" }], flags: [] });
    expect(plan.inline).toHaveLength(2);
    expect(plan.listed).toHaveLength(1);
  });

  it("without a grouped rule nothing is listed on an ordinary review", () => {
    const plan = planReviewNudges({ ...base, findings: profileOf(files[0] as (typeof files)[number], files[3] as (typeof files)[number]), flags: [] });
    expect(plan.listed).toEqual([]);
    expect(plan.inline).toHaveLength(2);
  });
});
