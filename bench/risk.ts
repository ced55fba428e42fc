// Measures the risk profile on an annotated corpus of real diffs (format and scoring rules in the
// corpus's README): what the app would post on an "LGTM" approval with the default configuration,
// finding precision at medium+ and high, must-recall, a per-rule table, and time per diff. Every
// figure is also given on two halves of the corpus split by a hash of the diff id, so a rule fitted
// to one half shows up as a gap.
//
//   npm run bench:risk -- --corpus ../shared/realdiffs [--verbose] [--json out.json]

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { buildRiskProfile } from "../src/coach/build-risk-profile.js";
import { classifyComment } from "../src/coach/classify-comment.js";
import { parseUnifiedDiff } from "../src/coach/parse-unified-diff.js";
import { scoreReview } from "../src/coach/score-review.js";
import { planReviewNudges } from "../src/coach/select-nudges.js";
import { severityRank, type Finding, type PullRequestFile } from "../src/coach/types.js";
import { buildNudgePolicy } from "../src/repo-config/build-nudge-policy.js";
import { buildRiskConfig } from "../src/repo-config/build-risk-config.js";
import { getDefaultConfig } from "../src/repo-config/default-config.js";
import { median, printTable } from "./print-table.js";

interface Region {
  diff: string;
  path: string;
  start: number;
  end: number;
  concerns: string[];
  kind: "must" | "ok";
}

interface DiffCase {
  id: string;
  kind: string;
  label: string;
  files: PullRequestFile[];
  regions: Region[];
  annotatedNone: boolean;
}

interface DiffResult {
  id: string;
  kind: string;
  half: "A" | "B";
  quiet: string | null;
  posted: { finding: Finding; useful: boolean; listed: boolean }[];
  findings: { finding: Finding; useful: boolean }[];
  mustHit: number;
  mustTotal: number;
  ms: number;
}

const NEAR = 2;
const TIMING_RUNS = 5;

function parseArgs(argv: readonly string[]): { corpus: string; verbose: boolean; json: string | null } {
  const at = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { corpus: resolve(at("--corpus") ?? "../shared/realdiffs"), verbose: argv.includes("--verbose"), json: at("--json") ?? null };
}

function readTsv(path: string): string[][] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("\t"));
}

function loadCorpus(dir: string): DiffCase[] {
  const manifest = readTsv(join(dir, "manifest.tsv")).slice(1);
  const expectedLines = readTsv(join(dir, "expected.tsv"));
  const regions: Region[] = [];
  const none = new Set<string>();
  for (const row of expectedLines.slice(1)) {
    const first = row[0] ?? "";
    if (first.startsWith("#")) {
      const match = /^#\s*(\S+):\s*none/.exec(first);
      if (match?.[1]) none.add(match[1]);
      continue;
    }
    const [diff, path, start, end, concerns, kind] = row;
    if (!diff || !path || !start || !end || !concerns || (kind !== "must" && kind !== "ok")) continue;
    regions.push({ diff, path, start: Number(start), end: Number(end), concerns: concerns.split(","), kind });
  }
  return manifest.map(([id = "", , , kind = "", label = ""]) => ({
    id,
    kind,
    label,
    files: parseUnifiedDiff(readFileSync(join(dir, "diffs", `${id}.diff`), "utf8")),
    regions: regions.filter((r) => r.diff === id),
    annotatedNone: none.has(id),
  }));
}

function halfOf(id: string): "A" | "B" {
  return (createHash("sha1").update(id).digest()[0] ?? 0) % 2 === 0 ? "A" : "B";
}

/** The kinds of change that must never get a nudge, told from the files (and, for bots and releases, the label). */
function quietKind(diff: DiffCase, ignored: (path: string) => boolean): string | null {
  const label = diff.label.toLowerCase();
  if (/dependabot|renovate/.test(label)) return "bot-bump";
  if (/\brelease\b|version bump|bump version/.test(label)) return "release";
  const paths = diff.files.map((f) => f.filename);
  if (paths.length === 0) return null;
  if (paths.every(ignored)) return "lockfile-only";
  if (paths.every((p) => /\.(?:md|mdx|rst|txt|adoc)$/i.test(p) || /(?:^|\/)docs?\//i.test(p))) return "docs-only";
  if (paths.every((p) => /(?:^|\/)(?:tests?|__tests__|spec|testdata)\/|[._-](?:test|spec)\.|_test\.go$|(?:^|\/)test_[^/]+\.py$/i.test(p))) return "tests-only";
  return null;
}

function isUseful(finding: Finding, regions: readonly Region[]): boolean {
  return regions.some(
    (r) =>
      r.path === finding.path &&
      r.concerns.includes(finding.concern) &&
      (finding.line === null || (finding.line >= r.start - NEAR && finding.line <= r.end + NEAR)),
  );
}

function hitsRegion(region: Region, findings: readonly Finding[]): boolean {
  return findings.some(
    (f) =>
      f.path === region.path &&
      f.line !== null &&
      severityRank(f.severity) >= severityRank("medium") &&
      region.concerns.includes(f.concern) &&
      f.line >= region.start - NEAR &&
      f.line <= region.end + NEAR,
  );
}

function measure(diff: DiffCase): DiffResult {
  const config = getDefaultConfig();
  const riskConfig = buildRiskConfig(config);
  const times: number[] = [];
  let profile = buildRiskProfile(diff.files, riskConfig);
  for (let run = 0; run < TIMING_RUNS; run += 1) {
    const started = performance.now();
    profile = buildRiskProfile(diff.files, riskConfig);
    times.push(performance.now() - started);
  }
  const everything = buildRiskProfile(diff.files, { ...riskConfig, minSeverity: "low" });

  const body = "LGTM";
  const score = scoreReview(
    {
      review: { state: "APPROVED", body, bodyClassification: classifyComment(body) },
      comments: [],
      riskProfile: profile,
      pullRequest: { additions: profile.stats.additions, deletions: profile.stats.deletions, changedFiles: profile.stats.files },
    },
    { weights: config.scoring.weights },
  );
  const plan = planReviewNudges({
    ...buildNudgePolicy(config),
    findings: profile.findings,
    addressed: new Set(score.addressed),
    history: [],
    flags: score.flags,
  });
  const must = diff.regions.filter((r) => r.kind === "must");
  const ignored = new Set(profile.skipped.filter((s) => s.reason === "ignored").map((s) => s.path));
  return {
    id: diff.id,
    kind: diff.kind,
    half: halfOf(diff.id),
    quiet: quietKind(diff, (p) => ignored.has(p)),
    posted: [
      ...plan.inline.map((finding) => ({ finding, useful: isUseful(finding, diff.regions), listed: false })),
      ...plan.listed.map((finding) => ({ finding, useful: isUseful(finding, diff.regions), listed: true })),
    ],
    findings: everything.findings.map((finding) => ({ finding, useful: isUseful(finding, diff.regions) })),
    mustHit: must.filter((r) => hitsRegion(r, everything.findings)).length,
    mustTotal: must.length,
    ms: median(times),
  };
}

interface Summary {
  diffs: number;
  posted: number;
  postedUseful: number;
  medium: number;
  mediumUseful: number;
  high: number;
  highUseful: number;
  mustHit: number;
  mustTotal: number;
}

function summarise(results: readonly DiffResult[]): Summary {
  const atLeast = (r: DiffResult, severity: "medium" | "high") =>
    r.findings.filter((f) => severityRank(f.finding.severity) >= severityRank(severity));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    diffs: results.length,
    posted: sum(results.map((r) => r.posted.length)),
    postedUseful: sum(results.map((r) => r.posted.filter((p) => p.useful).length)),
    medium: sum(results.map((r) => atLeast(r, "medium").length)),
    mediumUseful: sum(results.map((r) => atLeast(r, "medium").filter((f) => f.useful).length)),
    high: sum(results.map((r) => atLeast(r, "high").length)),
    highUseful: sum(results.map((r) => atLeast(r, "high").filter((f) => f.useful).length)),
    mustHit: sum(results.map((r) => r.mustHit)),
    mustTotal: sum(results.map((r) => r.mustTotal)),
  };
}

function ratio(numerator: number, denominator: number): string {
  return denominator === 0 ? "  -  " : (numerator / denominator).toFixed(2);
}

function summaryRow(name: string, s: Summary): string[] {
  return [
    name,
    String(s.diffs),
    `${ratio(s.postedUseful, s.posted)} (${s.postedUseful}/${s.posted})`,
    `${ratio(s.mediumUseful, s.medium)} (${s.mediumUseful}/${s.medium})`,
    `${ratio(s.highUseful, s.high)} (${s.highUseful}/${s.high})`,
    `${ratio(s.mustHit, s.mustTotal)} (${s.mustHit}/${s.mustTotal})`,
  ];
}

function main(): void {
  const { corpus, verbose, json } = parseArgs(process.argv.slice(2));
  if (!existsSync(join(corpus, "manifest.tsv"))) {
    console.log(`bench:risk: no annotated corpus at ${corpus} (manifest.tsv missing); pass --corpus DIR. Skipped.`);
    return;
  }
  const results = loadCorpus(corpus).map(measure);
  const security = results.filter((r) => r.kind === "fix" || r.kind === "intro");
  const ordinary = results.filter((r) => r.kind === "ordinary");

  console.log("Per diff: posted nudges on an LGTM approval (useful/posted), medium+ findings, must regions hit, ms");
  const perDiff: string[][] = [["diff", "half", "posted", "medium+", "must", "ms"]];
  for (const r of results) {
    const medium = r.findings.filter((f) => severityRank(f.finding.severity) >= 1);
    perDiff.push([
      r.id,
      r.half,
      `${r.posted.filter((p) => p.useful).length}/${r.posted.length}`,
      `${medium.filter((f) => f.useful).length}/${medium.length}`,
      `${r.mustHit}/${r.mustTotal}`,
      r.ms.toFixed(1),
    ]);
  }
  printTable(perDiff);
  if (verbose) {
    for (const r of results) {
      for (const f of r.findings.filter((x) => severityRank(x.finding.severity) >= 1)) {
        const posted = r.posted.find((p) => p.finding.fingerprint === f.finding.fingerprint);
        console.log(
          `${f.useful ? "+" : "-"} ${posted ? (posted.listed ? "L" : "P") : " "} ${r.id} ${f.finding.path}:${f.finding.line ?? "file"} ` +
            `${f.finding.severity} ${f.finding.concern} [${f.finding.rule}] ${f.finding.reason}`,
        );
      }
    }
  }

  console.log("\nTotals: precision (useful/total) and must-recall at medium+");
  printTable([
    ["set", "diffs", "posted-nudge precision", "medium+ precision", "high precision", "must-recall"],
    summaryRow("all", summarise(results)),
    summaryRow("security diffs", summarise(security)),
    summaryRow("ordinary diffs", summarise(ordinary)),
    summaryRow("half A (hash of id)", summarise(results.filter((r) => r.half === "A"))),
    summaryRow("half B (hash of id)", summarise(results.filter((r) => r.half === "B"))),
    summaryRow("security, half A", summarise(security.filter((r) => r.half === "A"))),
    summaryRow("security, half B", summarise(security.filter((r) => r.half === "B"))),
  ]);

  const quiet = results.filter((r) => r.quiet !== null);
  const noisyQuiet = quiet.filter((r) => r.posted.length > 0);
  console.log(
    `\nQuiet changes (docs-only, tests-only, lockfile-only, bot bumps, releases): ${quiet.length} diffs, ` +
      `${noisyQuiet.length} with a nudge${noisyQuiet.length ? `: ${noisyQuiet.map((r) => `${r.id} (${r.quiet})`).join(", ")}` : ""}`,
  );

  const rules = new Map<string, { fired: number; useful: number; posted: number; postedUseful: number }>();
  for (const r of results) {
    for (const f of r.findings) {
      const entry = rules.get(f.finding.rule) ?? { fired: 0, useful: 0, posted: 0, postedUseful: 0 };
      entry.fired += 1;
      if (f.useful) entry.useful += 1;
      rules.set(f.finding.rule, entry);
    }
    for (const p of r.posted) {
      const entry = rules.get(p.finding.rule) ?? { fired: 0, useful: 0, posted: 0, postedUseful: 0 };
      entry.posted += 1;
      if (p.useful) entry.postedUseful += 1;
      rules.set(p.finding.rule, entry);
    }
  }
  console.log("\nPer rule (all severities): fired, useful, precision; posted on LGTM");
  printTable([
    ["rule", "fired", "useful", "precision", "posted", "posted useful"],
    ...[...rules.entries()]
      .sort((a, b) => b[1].fired - a[1].fired || a[0].localeCompare(b[0]))
      .map(([rule, e]) => [rule, String(e.fired), String(e.useful), ratio(e.useful, e.fired), String(e.posted), String(e.postedUseful)]),
  ]);

  const times = results.map((r) => r.ms);
  console.log(`\nTime per diff: median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (${results.length} diffs)`);

  if (json) {
    writeFileSync(
      json,
      JSON.stringify(
        { all: summarise(results), security: summarise(security), ordinary: summarise(ordinary), quietWithNudges: noisyQuiet.map((r) => r.id) },
        null,
        2,
      ),
    );
  }
}

main();
