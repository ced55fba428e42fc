// Measures the review analysis: precision, recall and F1 of classifyComment per dataset and mapping,
// and the throughput of classification and of the risk profile.
//   npm run bench:analysis -- --datasets ../shared/datasets

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { classifyComment } from "../src/coach/classify-comment.js";
import type { CommentClassification, PullRequestFile, RiskConfig, RiskProfile } from "../src/coach/types.js";
import { buildSyntheticDiff } from "./build-synthetic-diff.js";
import { printTable } from "./print-table.js";
import {
  CONCERN_MAPPINGS,
  MAPPINGS,
  contextOf,
  hashHalf,
  loadDataset,
  score,
  stratumWeight,
  type LabeledComment,
  type Mapping,
  type Score,
} from "./datasets.js";

const CLASSIFY_ROUNDS = 7;
const DIFF_LINES = 2000;
const PROFILE_ROUNDS = 20;

function parseArgs(argv: readonly string[]): { datasets: string } {
  const i = argv.indexOf("--datasets");
  const value = i >= 0 ? argv[i + 1] : undefined;
  return { datasets: resolve(value ?? "../shared/datasets") };
}

function f3(value: number): string {
  return value.toFixed(3);
}

function targetCell(f1: number, target: number | undefined): string {
  return target === undefined ? "-" : `${target.toFixed(2)} ${f1 >= target ? "ok" : "MISS"}`;
}

/** Scores `mapping` on `comments`, optionally weighted; `predicted` is aligned with `comments`. */
function scoreOn(mapping: Mapping, comments: readonly Scored[], weighted: boolean): Score {
  const included = comments.filter((c) => mapping.include(c.comment));
  return score(
    included.map((c) => mapping.gold(c.comment)),
    included.map((c) => mapping.predict(c.predicted)),
    weighted ? included.map((c) => stratumWeight(c.comment)) : undefined,
  );
}

interface Scored {
  comment: LabeledComment;
  predicted: CommentClassification;
}

function halves(comments: readonly Scored[]): [Scored[], Scored[]] {
  return [comments.filter((c) => hashHalf(c.comment.id) === "A"), comments.filter((c) => hashHalf(c.comment.id) === "B")];
}

function measureResearchSets(files: ReadonlyMap<string, Scored[] | null>): void {
  const rows: string[][] = [
    ["label", "dataset", "n", "pos", "precision", "recall", "F1", "F1 half A", "F1 half B", "|A-B|", "target"],
  ];
  for (const mapping of MAPPINGS) {
    const comments = files.get(mapping.file) ?? null;
    const name = mapping.file.replace(/\.dev\.jsonl$/, "");
    if (comments === null) {
      rows.push([mapping.name, name, "-", "-", "-", "-", "-", "-", "-", "-", "missing"]);
      continue;
    }
    const s = scoreOn(mapping, comments, false);
    const [a, b] = halves(comments).map((half) => scoreOn(mapping, half, false).f1) as [number, number];
    rows.push([
      mapping.name, name, String(s.n), String(s.positives), f3(s.precision), f3(s.recall), f3(s.f1),
      f3(a), f3(b), f3(Math.abs(a - b)), targetCell(s.f1, mapping.target),
    ]);
  }
  console.log("Research sets (dev splits; never pooled; halves split by FNV-1a of the id)\n");
  printTable(rows, 2);
}

function measureConcerns(comments: readonly Scored[]): void {
  const [halfA, halfB] = halves(comments);
  const rows: string[][] = [
    ["label", "set", "pos", "P (w)", "R (w)", "F1 (w)", "F1 raw", "F1 (w) A", "F1 (w) B", "|A-B|", "raw A", "raw B", "target on F1 raw"],
  ];
  const strata = [...new Set(comments.map((c) => c.comment.substratum ?? ""))];
  const strataRows: string[][] = [["label", "stratum", ...strata]];
  for (const mapping of CONCERN_MAPPINGS) {
    const w = scoreOn(mapping, comments, true);
    const raw = scoreOn(mapping, comments, false);
    const [a, b] = [scoreOn(mapping, halfA, true).f1, scoreOn(mapping, halfB, true).f1];
    const [rawA, rawB] = [scoreOn(mapping, halfA, false).f1, scoreOn(mapping, halfB, false).f1];
    rows.push([
      mapping.name, "reviewer-concerns", String(raw.positives), f3(w.precision), f3(w.recall), f3(w.f1), f3(raw.f1),
      f3(a), f3(b), f3(Math.abs(a - b)), f3(rawA), f3(rawB), targetCell(raw.f1, mapping.target),
    ]);
    const cells = strata.map((stratum) => {
      const s = scoreOn(mapping, comments.filter((c) => c.comment.substratum === stratum), false);
      return `${s.tp}/${s.positives} +${s.fp}`;
    });
    strataRows.push([mapping.name, "tp/pos +fp", ...cells]);
  }
  console.log(
    "\nreviewer-concerns.dev.jsonl: F1 (w) weights each row by candidates/drawn of its substratum (README);" +
      " F1 raw pools the 600 rows unweighted (enriched strata over-represented);" +
      " the issue's targets and its before figures are F1 raw.\n",
  );
  printTable(rows, 2);
  console.log("\nPer stratum, unweighted: true positives / positives, +false positives\n");
  printTable(strataRows, 2);
}

function measureQuality(dir: string): LabeledComment[] {
  const files = new Map<string, Scored[] | null>();
  const texts: LabeledComment[] = [];
  for (const file of new Set([...MAPPINGS, ...CONCERN_MAPPINGS].map((m) => m.file))) {
    const loaded = loadDataset(dir, file);
    if (loaded !== null) texts.push(...loaded);
    files.set(file, loaded?.map((comment) => ({ comment, predicted: classifyComment(comment.text, contextOf(comment)) })) ?? null);
  }
  measureResearchSets(files);
  const concerns = files.get(CONCERN_MAPPINGS[0]?.file ?? "") ?? null;
  if (concerns === null) console.log("\nreviewer-concerns.dev.jsonl not found: skipping the concern scores.");
  else measureConcerns(concerns);
  return texts;
}

/**
 * Comments per second in steady state: one untimed pass over every text warms the JIT up, then each round
 * classifies every text once; the median round is reported (wall clock and CPU time of this process), with
 * the slowest and fastest round, so one round slowed by the machine's other work does not decide the figure.
 */
function measureClassifyThroughput(comments: readonly LabeledComment[]): void {
  const inputs = comments.map((c) => ({ text: c.text, context: contextOf(c) }));
  for (const input of inputs) classifyComment(input.text, input.context);
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  for (let round = 0; round < CLASSIFY_ROUNDS; round += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const input of inputs) classifyComment(input.text, input.context);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    wallRates.push(inputs.length / seconds);
    cpuRates.push(inputs.length / ((cpu.user + cpu.system) / 1e6));
  }
  const rate = Math.round(median(wallRates));
  const n = (value: number): string => Math.round(value).toLocaleString("en-US");
  console.log(
    `\nclassifyComment: ${n(rate)} comments/s, median of ${CLASSIFY_ROUNDS} rounds over ` +
      `${inputs.length.toLocaleString("en-US")} texts after a warm-up pass (rounds ${n(Math.min(...wallRates))}–${n(Math.max(...wallRates))}; ` +
      `${n(median(cpuRates))} per CPU second), single thread, target >= 20,000 ${rate >= 20000 ? "ok" : "MISS"}`,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type ParseUnifiedDiff = (text: string) => PullRequestFile[];
type BuildRiskProfile = (files: PullRequestFile[], config: RiskConfig) => RiskProfile;

async function importExport<T>(path: string, name: string): Promise<T | null> {
  try {
    const module = (await import(path)) as Record<string, unknown>;
    const value = module[name];
    return typeof value === "function" ? (value as T) : null;
  } catch {
    return null;
  }
}

async function measureRiskProfile(): Promise<void> {
  const parseUnifiedDiff = await importExport<ParseUnifiedDiff>(
    "../src/coach/parse-unified-diff.js",
    "parseUnifiedDiff",
  );
  const buildRiskProfile = await importExport<BuildRiskProfile>(
    "../src/coach/build-risk-profile.js",
    "buildRiskProfile",
  );
  if (parseUnifiedDiff === null || buildRiskProfile === null) {
    console.log("risk profile: not available");
    return;
  }
  const diff = buildSyntheticDiff(DIFF_LINES);
  const changedLines = diff.split("\n").filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
  const config: RiskConfig = {
    sensitivePaths: ["**/auth/**", "migrations/**", ".github/workflows/**"],
    ignoredPaths: ["**/package-lock.json", "**/dist/**", "vendor/**"],
    minSeverity: "low",
  };
  buildRiskProfile(parseUnifiedDiff(diff), config);
  const times: number[] = [];
  let findings = 0;
  for (let round = 0; round < PROFILE_ROUNDS; round += 1) {
    const start = performance.now();
    const profile = buildRiskProfile(parseUnifiedDiff(diff), config);
    times.push(performance.now() - start);
    findings = profile.findings.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const diffLines = diff.split("\n").length;
  console.log(
    `risk profile: ${Math.round(diffLines / (median / 1000)).toLocaleString("en-US")} diff lines/s; ` +
      `a ${diffLines.toLocaleString("en-US")}-line diff (${changedLines} changed lines, 8 files) ` +
      `profiled in ${median.toFixed(1)} ms (median of ${PROFILE_ROUNDS}), ${findings} findings`,
  );
}

async function main(): Promise<void> {
  const { datasets } = parseArgs(process.argv.slice(2));
  if (!existsSync(datasets)) {
    console.log(`datasets folder not found at ${datasets}: skipping the quality benchmark.`);
    console.log("Pass --datasets <dir> with the JSONL files described in its README to measure quality.");
    await measureRiskProfile();
    return;
  }
  const texts = measureQuality(datasets);
  if (texts.length > 0) measureClassifyThroughput(texts);
  await measureRiskProfile();
}

await main();
