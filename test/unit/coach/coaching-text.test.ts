import { describe, expect, it } from "@jest/globals";
import { parseCoachCommand } from "../../../src/coach/parse-coach-command.js";
import { escapeMarkdown, inlineCode, mention, neutralizeMentions, renderQuotingText } from "../../../src/coach/render/escape-markdown.js";
import { readNudgeMarker, renderFindingItem, renderNudge } from "../../../src/coach/render/render-nudge.js";
import { planReviewNudges, selectNudges } from "../../../src/coach/select-nudges.js";
import type { Finding } from "../../../src/coach/types.js";

const finding = (over: Partial<Finding>): Finding => ({
  concern: "security",
  path: "src/db.ts",
  line: 10,
  severity: "high",
  confidence: "high",
  reason: "builds a SQL query from a variable: injection risk",
  fingerprint: "aaaa",
  rule: "sql-from-variable",
  ...over,
});

describe("escaping what is quoted from a pull request", () => {
  it("breaks mentions and issue references so nobody is pinged", () => {
    expect(neutralizeMentions("cc @octocat and @acme/security, see #12")).toBe("cc @\u200doctocat and @\u200dacme/security, see #\u200d12");
  });
  it("makes markup and HTML inert", () => {
    expect(escapeMarkdown("<img src=x onerror=alert(1)> **bold** [link](http://evil)\n# heading")).toBe(
      "&lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](http://evil) # heading",
    );
  });
  it("puts any text in a code span, backticks included", () => {
    expect(inlineCode("src/a.ts")).toBe("`src/a.ts`");
    expect(inlineCode("we`ird``name")).toBe("```we`ird``name```");
    expect(inlineCode("`edge`")).toBe("`` `edge` ``");
  });
  it("keeps quoted code as safe code spans inside escaped prose", () => {
    expect(renderQuotingText("swallows an error (`catch (e) {}`): *really*")).toBe("swallows an error (`catch (e) {}`): \\*really\\*");
    expect(renderQuotingText("calls `notify(@admins)` for <b>@team</b>")).toBe("calls `notify(@admins)` for &lt;b&gt;@\u200dteam&lt;/b&gt;");
  });

  it("mentions only well-formed logins", () => {
    expect(mention("alice-b")).toBe("@alice-b");
    expect(mention("evil @everyone")).toBe("evil @\u200deveryone");
  });
});

describe("parseCoachCommand", () => {
  it("reads the commands", () => {
    expect(parseCoachCommand("/coach explain")).toEqual({ kind: "explain" });
    expect(parseCoachCommand("/coach unmute sql-from-variable")).toEqual({ kind: "unmute", rule: "sql-from-variable" });
    expect(parseCoachCommand("/coach unmute")).toEqual({ kind: "unmute", rule: null });
    expect(parseCoachCommand("Fair point.\n/coach dismiss")).toEqual({ kind: "dismiss" });
    expect(parseCoachCommand("/Coach OFF please")).toEqual({ kind: "off" });
    expect(parseCoachCommand("/coach on")).toEqual({ kind: "on" });
    expect(parseCoachCommand("/coach kudos off")).toEqual({ kind: "kudos", named: false });
    expect(parseCoachCommand("/coach kudos on")).toEqual({ kind: "kudos", named: true });
    expect(parseCoachCommand("/coach kudos")).toEqual({ kind: "help", unknown: "kudos" });
    expect(parseCoachCommand("/coach")).toEqual({ kind: "help", unknown: null });
    expect(parseCoachCommand("/coach frobnicate")).toEqual({ kind: "help", unknown: "frobnicate" });
  });
  it("ignores commands quoted from others or inside code, and comments without one", () => {
    expect(parseCoachCommand("> /coach off\nI disagree")).toBeNull();
    expect(parseCoachCommand("```\n/coach off\n```")).toBeNull();
    expect(parseCoachCommand("Use /coach explain to see why")).toBeNull();
    expect(parseCoachCommand("LGTM")).toBeNull();
  });
});

describe("selectNudges", () => {
  const base = { addressed: new Set<string>(), history: [], minSeverity: "medium" as const, maxPerReview: 2, maxPerPullRequest: 4 };

  it("picks the most important uncovered findings, one per file first", () => {
    const findings = [
      finding({ fingerprint: "s1", line: 10 }),
      finding({ fingerprint: "s2", line: 30 }),
      finding({ fingerprint: "e1", concern: "edge-cases", path: "src/parse.ts", line: 4, severity: "medium", rule: "swallowed-error" }),
      finding({ fingerprint: "low", concern: "performance", severity: "low" }),
    ];
    const { inline, remaining } = selectNudges({ ...base, findings });
    expect(inline.map((f) => f.fingerprint)).toEqual(["s1", "e1"]);
    expect(remaining.map((f) => f.fingerprint)).toEqual(["s2"]);
  });

  it("nudges inline only on high-confidence findings", () => {
    const findings = [finding({ fingerprint: "m1", confidence: "medium" }), finding({ fingerprint: "h1", path: "b.ts", rule: "code-eval" })];
    expect(selectNudges({ ...base, findings }).inline.map((f) => f.fingerprint)).toEqual(["h1"]);
    expect(selectNudges({ ...base, findings, minConfidence: "medium" }).inline.map((f) => f.fingerprint)).toEqual(["h1", "m1"]);
  });

  it("makes one nudge of a rule's findings across the pull request, listing its other places", () => {
    const findings = [finding({ fingerprint: "a", path: "a.ts" }), finding({ fingerprint: "b", path: "b.ts" }), finding({ fingerprint: "c", path: "c.ts" })];
    const plan = planReviewNudges({ ...base, findings, flags: [] });
    expect(plan.inline.map((f) => f.fingerprint)).toEqual(["a"]);
    expect(plan.listed.map((f) => f.fingerprint)).toEqual(["b", "c"]);
  });

  it("never repeats a nudged or dismissed finding, and skips addressed ones", () => {
    const findings = [finding({ fingerprint: "s1" }), finding({ fingerprint: "s2", path: "b.ts" }), finding({ fingerprint: "s3", path: "c.ts" })];
    const { inline } = selectNudges({ ...base, findings, addressed: new Set(["s2"]), history: [{ fingerprint: "s1", status: "dismissed" }] });
    expect(inline.map((f) => f.fingerprint)).toEqual(["s3"]);
  });

  it("keeps to the per-PR budget", () => {
    const findings = [finding({ fingerprint: "x1" }), finding({ fingerprint: "x2", path: "b.ts" })];
    const history = ["h1", "h2", "h3"].map((fingerprint) => ({ fingerprint, status: "sent" }));
    expect(selectNudges({ ...base, findings, history }).inline).toHaveLength(1);
    expect(selectNudges({ ...base, findings, history: [...history, { fingerprint: "h4", status: "sent" }] }).inline).toEqual([]);
  });

  it("does not anchor file-level findings inline", () => {
    const { inline, remaining } = selectNudges({ ...base, findings: [finding({ fingerprint: "f", line: null })] });
    expect(inline).toEqual([]);
    expect(remaining.map((f) => f.fingerprint)).toEqual(["f"]);
  });
});

describe("renderNudge", () => {
  it("asks the reviewer a teaching question with the reason, and marks the comment", () => {
    const body = renderNudge(finding({ fingerprint: "0123abcd" }), "alice");
    expect(body).toMatchSnapshot();
    expect(readNudgeMarker(body)).toBe("0123abcd");
    expect(body.match(/@\w/g)).toEqual(["@a"]);
  });
  it("lists a finding with an escaped path", () => {
    expect(renderFindingItem(finding({ path: "src/@team/x`y.ts", line: null }))).toBe(
      "- **security** (high) at ``src/@team/x`y.ts``: builds a SQL query from a variable: injection risk",
    );
  });
});
