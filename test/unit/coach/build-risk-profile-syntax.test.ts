import { describe, expect, it } from "@jest/globals";
import { buildRiskProfile } from "../../../src/coach/build-risk-profile.js";
import { DEFAULT_RISK_CONFIG } from "../../helpers/default-risk-config.js";
import type { Language } from "../../../src/coach/risk/detect-file-kind.js";
import type { FileSyntax, SyntaxSource } from "../../../src/coach/syntax/file-syntax.js";
import type { PullRequestFile } from "../../../src/coach/types.js";
import { SyntaxParser } from "../../../src/syntax/syntax-parser.js";

const handler: PullRequestFile = {
  filename: "src/routes/find.ts",
  status: "modified",
  additions: 1,
  deletions: 0,
  patch: "@@ -1,2 +1,3 @@\n export function find(req) {\n+  return db.query('SELECT * FROM items WHERE name = ' + req.query.q);\n }",
  content: "export function find(req) {\n  return db.query('SELECT * FROM items WHERE name = ' + req.query.q);\n}\n",
};

describe("buildRiskProfile with a syntax source", () => {
  it("parses the new content of each analysed file that has one, with its language and path", () => {
    const calls: Array<[string, Language, string | undefined]> = [];
    const source: SyntaxSource = {
      parse(content, language, path) {
        calls.push([content, language, path]);
        return null;
      },
    };
    const removed: PullRequestFile = { filename: "src/old.ts", status: "removed", additions: 0, deletions: 3, patch: "@@ -1,3 +0,0 @@\n-a\n-b\n-c", content: "a\nb\nc\n" };
    const noContent: PullRequestFile = { ...handler, filename: "src/other.ts", content: undefined };
    const ignored: PullRequestFile = { ...handler, filename: "package-lock.json" };
    buildRiskProfile([handler, removed, noContent, ignored], DEFAULT_RISK_CONFIG, { syntax: source });
    expect(calls).toEqual([[handler.content, "js", "src/routes/find.ts"]]);
  });

  it("parses a file only when one of its added lines is a candidate for some rule", () => {
    const parsed: string[] = [];
    const source: SyntaxSource = {
      parse(_content, _language, path) {
        parsed.push(path ?? "");
        return null;
      },
    };
    const plain: PullRequestFile = {
      filename: "src/format/title.ts",
      status: "modified",
      additions: 1,
      deletions: 0,
      patch: "@@ -1,2 +1,3 @@\n export function title(name: string): string {\n+  return name.trim();\n }",
      content: "export function title(name: string): string {\n  return name.trim();\n}\n",
    };
    buildRiskProfile([plain, handler], DEFAULT_RISK_CONFIG, { syntax: source });
    expect(parsed).toEqual(["src/routes/find.ts"]);
  });

  it("does not parse a file whose candidate lines the raw lines already rule out", () => {
    const parsed: string[] = [];
    const source: SyntaxSource = {
      parse(_content, _language, path) {
        parsed.push(path ?? "");
        return null;
      },
    };
    // A string built from input, but no SQL within the rule's window: the SQL rule cannot fire, syntax or not.
    const greeting: PullRequestFile = {
      filename: "src/routes/greet.ts",
      status: "modified",
      additions: 1,
      deletions: 0,
      patch: "@@ -1,2 +1,3 @@\n export function greet(req) {\n+  return log.info('SELECT ' + req.query.q);\n }",
      content: "export function greet(req) {\n  return log.info('SELECT ' + req.query.q);\n}\n",
    };
    const profile = buildRiskProfile([greeting], DEFAULT_RISK_CONFIG, { syntax: source });
    expect(parsed).toEqual([]);
    expect(profile).toEqual(buildRiskProfile([greeting], DEFAULT_RISK_CONFIG));
  });

  it("gives the same profile with or without syntax while no rule reads it", async () => {
    const parser = new SyntaxParser();
    await parser.load([{ language: "js", path: handler.filename }]);
    const parsed: FileSyntax[] = [];
    const recording: SyntaxSource = {
      parse: (...args) => {
        const syntax = parser.parse(...args);
        if (syntax) parsed.push(syntax);
        return syntax;
      },
    };
    const withSyntax = buildRiskProfile([handler], DEFAULT_RISK_CONFIG, { syntax: recording });
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.functions[0]).toMatchObject({ name: "find", startLine: 1, endLine: 3 });
    expect(withSyntax).toEqual(buildRiskProfile([handler], DEFAULT_RISK_CONFIG));
  });
});

describe("buildRiskProfile with a source that also lexes", () => {
  const countingParses = async (path: string) => {
    const parser = new SyntaxParser();
    await parser.load([{ language: "js", path }]);
    const parsed: string[] = [];
    const source: SyntaxSource = {
      parse: (...args) => {
        parsed.push(args[2] ?? "");
        return parser.parse(...args);
      },
      lexLines: (...args) => parser.lexLines(...args),
    };
    return { parser, parsed, source };
  };

  it("does not parse a file whose candidate lines the lexer tells exactly, and finds the same", async () => {
    const branch: PullRequestFile = {
      filename: "src/pick.js",
      status: "modified",
      additions: 2,
      deletions: 0,
      patch: "@@ -1,2 +1,4 @@\n function pick(a) {\n+  if (a === 'x') return 1; // one\n+  const b = '  if (a) {'\n }",
      content: "function pick(a) {\n  if (a === 'x') return 1; // one\n  const b = '  if (a) {'\n}\n",
    };
    const { parser, parsed, source } = await countingParses(branch.filename);
    const profile = buildRiskProfile([branch], DEFAULT_RISK_CONFIG, { syntax: source });
    expect(parsed).toEqual([]);
    expect(profile.findings.map((f) => `${f.rule}@${f.line}`)).toContain("control-flow@2");
    expect(profile).toEqual(buildRiskProfile([branch], DEFAULT_RISK_CONFIG, { syntax: { parse: (...args) => parser.parse(...args) } }));
  });

  it("still parses a file where a rule reads request input", async () => {
    const { parsed, source } = await countingParses(handler.filename);
    const redirect: PullRequestFile = {
      ...handler,
      patch: "@@ -1,3 +1,4 @@\n export function find(req, res) {\n   const target = req.get('Referrer') || '/';\n+  res.redirect(target);\n }",
      content: "export function find(req, res) {\n  const target = req.get('Referrer') || '/';\n  res.redirect(target);\n}\n",
    };
    const profile = buildRiskProfile([redirect], DEFAULT_RISK_CONFIG, { syntax: source });
    expect(parsed).toEqual([handler.filename]);
    expect(profile.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "redirect-target", confidence: "high" })]));
  });
});

/** A new file with its content, as the app reads it at the PR head. */
function fileWithContent(filename: string, lines: string[]): PullRequestFile {
  return {
    filename,
    status: "added",
    additions: lines.length,
    deletions: 0,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`,
    content: `${lines.join("\n")}\n`,
  };
}

describe("rules reading a file's syntax", () => {
  const rulesOf = async (f: PullRequestFile, withSyntax: boolean): Promise<string[]> => {
    const parser = new SyntaxParser();
    await parser.load([{ language: "js", path: f.filename }, { language: "python", path: f.filename }]);
    const profile = buildRiskProfile([f], DEFAULT_RISK_CONFIG, withSyntax ? { syntax: parser } : {});
    return profile.findings.map((x) => `${x.rule}@${x.line}`);
  };

  it("skips code rules inside block comments and strings, which line patterns alone cannot tell", async () => {
    const js = fileWithContent("src/notes.js", ["/*", "  while waiting, Promise.all( runs", "*/", "const help = 'if x === null then retry';", "module.exports = help;"]);
    expect(await rulesOf(js, false)).toEqual(expect.arrayContaining(["concurrency@2", "null-handling@4"]));
    const parsed = await rulesOf(js, true);
    expect(parsed).not.toEqual(expect.arrayContaining(["concurrency@2"]));
    expect(parsed.filter((r) => r.startsWith("null-handling") || r.startsWith("control-flow"))).toEqual([]);
  });

  it("still reads the same constructs in code", async () => {
    const py = fileWithContent("app/jobs.py", ['"""Runs jobs."""', "def run(jobs):", "    if jobs is None:", "        return []", "    return asyncio.gather(*jobs)"]);
    expect(await rulesOf(py, true)).toEqual(expect.arrayContaining(["control-flow@3", "concurrency@5"]));
  });
});

describe("rules that know what reads request input", () => {
  const findingsOf = async (f: PullRequestFile, language: Language) => {
    const parser = new SyntaxParser();
    await parser.load([{ language, path: f.filename }]);
    return buildRiskProfile([f], DEFAULT_RISK_CONFIG, { syntax: parser }).findings.filter((x) => x.rule === "redirect-target");
  };

  it("is sure of a redirect whose target came from the request through a variable", async () => {
    const js = fileWithContent("src/back.js", ["function back(req, res) {", "  const target = req.get('Referrer') || '/';", "  res.redirect(target);", "}"]);
    expect(await findingsOf(js, "js")).toEqual([expect.objectContaining({ line: 3, confidence: "high", reason: expect.stringContaining("taken from the request") })]);
  });

  it("stays at medium for a redirect to a computed target that is not input", async () => {
    const py = fileWithContent("app/views.py", ["def done(request):", "    target = reverse('home')", "    return redirect(target)"]);
    expect(await findingsOf(py, "python")).toEqual([expect.objectContaining({ line: 3, confidence: "medium" })]);
  });
});
