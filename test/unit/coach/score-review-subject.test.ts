import { describe, expect, it } from "@jest/globals";
import { classifyComment } from "../../../src/coach/classify-comment.js";
import { scoreReview, type ScoredComment } from "../../../src/coach/score-review.js";
import type { CommentClassification, Concern, Finding, RiskProfile } from "../../../src/coach/types.js";

// Coverage from a finding's subject: a comment that discusses what a rule is about covers its finding, even
// when the classifier gave the comment another label (or none).

const UNLABELLED: CommentClassification = { concerns: [], signals: [], tone: "respectful", actionable: false, evidence: [] };
const PATH = "src/server/handler.ts";
const LINE = 40;

function finding(rule: string, concern: Concern, reason = "flagged by the rule"): Finding {
  return { rule, concern, path: PATH, line: LINE, severity: "high", confidence: "high", reason, fingerprint: `fp-${rule}` };
}

function profileOf(f: Finding): RiskProfile {
  return { findings: [f], level: f.severity, skipped: [], stats: { files: 1, additions: 20, deletions: 2 } };
}

function score(f: Finding, comment: ScoredComment) {
  return scoreReview({
    review: { state: "COMMENTED", body: "", bodyClassification: UNLABELLED },
    comments: [comment],
    riskProfile: profileOf(f),
  });
}

/** One case per rule family: the rule, its concern, and a remark about its subject carrying no concern label. */
const FAMILIES: ReadonlyArray<[rule: string, concern: Concern, text: string]> = [
  ["sql-from-variable", "security", "bind the name as a parameter"],
  ["shell-from-variable", "security", "quote the argument before it reaches the shell"],
  ["code-eval", "security", "eval on this string?"],
  ["unsafe-deserialisation", "security", "pickle from the request body"],
  ["unsafe-yaml-load", "security", "safe_load here"],
  ["tls-verification-disabled", "security", "the certificate is no longer checked"],
  ["weak-hash", "security", "md5 here"],
  ["weak-cipher", "security", "ECB mode"],
  ["insecure-random", "security", "Math.random for this value"],
  ["secret-token", "security", "that token ends up in git"],
  ["hard-coded-secret", "security", "hardcoded value, move it to the vault"],
  ["credentials-in-url", "security", "user:pass in the URL"],
  ["auth-weakened", "security", "anyone gets past the middleware now"],
  ["cors-wildcard", "security", "any origin is allowed"],
  ["open-redirect", "security", "where can `next` redirect to"],
  ["xss-sink", "security", "innerHTML with this string"],
  ["path-from-input", "security", "a ../ in the filename"],
  ["untrusted-regex", "security", "this regex backtracks"],
  ["workflow-script-injection", "security", "github.event title inside run"],
  ["unpinned-action", "security", "pin to a sha"],
  ["container-runs-as-root", "security", "runs as root"],
  ["swallowed-error", "edge-cases", "the exception vanishes"],
  ["null-handling", "edge-cases", "when it is None"],
  ["concurrency", "edge-cases", "two workers, one mutex?"],
  ["http-without-timeout", "edge-cases", "no timeout on this call"],
  ["time-handling", "edge-cases", "which timezone"],
  ["index-arithmetic", "edge-cases", "length minus one"],
  ["query-in-loop", "performance", "one query per item"],
  ["unbounded-read", "performance", "paginate this"],
  ["sync-io-in-handler", "performance", "readFileSync in a handler"],
  ["index-without-concurrently", "performance", "CREATE INDEX CONCURRENTLY"],
  ["skipped-test", "testing", "why skip this one"],
  ["weakened-assertion", "testing", "expect is looser now"],
  ["untested-change", "testing", "a spec for this"],
  ["http-route", "architecture", "new endpoint"],
  ["destructive-schema-change", "architecture", "drop column loses data"],
  ["removed-export", "architecture", "callers still import it"],
];

describe("coverage from a finding's subject", () => {
  it.each(FAMILIES)("%s: a remark about its subject on its lines covers it", (rule, concern, text) => {
    const f = finding(rule, concern);
    const result = score(f, { path: PATH, line: LINE + 1, classification: UNLABELLED, text });
    expect(result.uncovered).toEqual([]);
    expect(result.evidence).toEqual([{ fingerprint: f.fingerprint, concern, source: "comment", index: 0, via: "line" }]);
  });

  it.each(FAMILIES)("%s: naming its subject elsewhere in its file covers it", (rule, concern, text) => {
    const f = finding(rule, concern);
    const result = score(f, { path: PATH, line: LINE + 200, classification: UNLABELLED, text });
    expect(result.addressed).toEqual([f.fingerprint]);
    expect(result.evidence[0]?.via).toBe("subject");
  });

  it.each(FAMILIES)("%s: the same words on another file do not cover it", (rule, concern, text) => {
    const result = score(finding(rule, concern), { path: "src/other.ts", line: LINE, classification: UNLABELLED, text });
    expect(result.uncovered).toEqual([`fp-${rule}`]);
  });

  it("an unlabelled remark on the lines that is about something else does not cover it", () => {
    const result = score(finding("sql-from-variable", "security"), {
      path: PATH,
      line: LINE,
      classification: UNLABELLED,
      text: "rename to rows",
    });
    expect(result.uncovered).toEqual(["fp-sql-from-variable"]);
  });

  it("an approval on the lines covers nothing, whatever it names", () => {
    const text = "LGTM, the query is fine";
    const result = score(finding("sql-from-variable", "security"), {
      path: PATH,
      line: LINE,
      classification: { ...UNLABELLED, signals: ["approval-only"] },
      text,
    });
    expect(result.uncovered).toEqual(["fp-sql-from-variable"]);
  });

  it("a rule without vocabulary falls back on its reason's words", () => {
    const f = finding("future-rule", "security", "Comparison of a signature with == leaks timing");
    const result = score(f, { path: PATH, line: LINE + 100, classification: UNLABELLED, text: "use a constant-time signature comparison" });
    expect(result.addressed).toEqual([f.fingerprint]);
  });

  it("works with the real classifier: a remark it labels style still covers the finding it discusses", () => {
    const text = "nit: bind `name` as a parameter";
    const classification = classifyComment(text);
    expect(classification.concerns).not.toContain("security");
    const result = score(finding("sql-from-variable", "security"), { path: PATH, line: LINE, classification, text });
    expect(result.uncovered).toEqual([]);
  });
});
