// Measures the review analysis: precision, recall and F1 of classifyComment per dataset and mapping,
// and the throughput of classification and of the risk profile.
//   npm run bench:analysis -- --datasets ../shared/datasets

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { classifyComment } from "../src/coach/classify-comment.js";
import type { PullRequestFile, RiskConfig, RiskProfile } from "../src/coach/types.js";
import { buildSyntheticDiff } from "./build-synthetic-diff.js";
import { MAPPINGS, contextOf, loadDataset, score, type LabeledComment } from "./datasets.js";

const CLASSIFY_ROUNDS = 5;
const DIFF_LINES = 2000;
const PROFILE_ROUNDS = 20;

function parseArgs(argv: readonly string[]): { datasets: string } {
  const i = argv.indexOf("--datasets");
  const value = i >= 0 ? argv[i + 1] : undefined;
  return { datasets: resolve(value ?? "../shared/datasets") };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : " ".repeat(width - text.length) + text;
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
  rows.forEach((row, index) => {
    const cells = row.map((cell, col) => (col < 2 ? pad(cell, widths[col] ?? 0) : padLeft(cell, widths[col] ?? 0)));
    console.log(cells.join("  "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

function measureQuality(dir: string): LabeledComment[] {
  const cache = new Map<string, LabeledComment[] | null>();
  const rows: string[][] = [["label", "dataset", "n", "pos", "precision", "recall", "F1", "target"]];
  const texts: LabeledComment[] = [];
  for (const mapping of MAPPINGS) {
    if (!cache.has(mapping.file)) {
      const loaded = loadDataset(dir, mapping.file);
      cache.set(mapping.file, loaded);
      if (loaded !== null) texts.push(...loaded);
    }
    const comments = cache.get(mapping.file) ?? null;
    if (comments === null) {
      rows.push([mapping.name, mapping.file, "-", "-", "-", "-", "-", "missing"]);
      continue;
    }
    const included = comments.filter(mapping.include);
    const gold = included.map(mapping.gold);
    const predicted = included.map((c) => mapping.predict(classifyComment(c.text, contextOf(c))));
    const s = score(gold, predicted);
    const target =
      mapping.target === undefined ? "-" : `${mapping.target.toFixed(2)} ${s.f1 >= mapping.target ? "ok" : "MISS"}`;
    rows.push([
      mapping.name,
      mapping.file.replace(/\.dev\.jsonl$/, ""),
      String(s.n),
      String(s.positives),
      s.precision.toFixed(3),
      s.recall.toFixed(3),
      s.f1.toFixed(3),
      target,
    ]);
  }
  console.log("Quality per dataset (dev splits; never pooled)\n");
  printTable(rows);
  return texts;
}

function measureClassifyThroughput(comments: readonly LabeledComment[]): void {
  const inputs = comments.map((c) => ({ text: c.text, context: contextOf(c) }));
  for (const input of inputs.slice(0, 2000)) classifyComment(input.text, input.context);
  const start = performance.now();
  let count = 0;
  for (let round = 0; round < CLASSIFY_ROUNDS; round += 1) {
    for (const input of inputs) {
      classifyComment(input.text, input.context);
      count += 1;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(count / seconds);
  console.log(
    `\nclassifyComment: ${rate.toLocaleString("en-US")} comments/s ` +
      `(${count.toLocaleString("en-US")} classifications of ${inputs.length.toLocaleString("en-US")} texts, ` +
      `single thread, target >= 20,000) ${rate >= 20000 ? "ok" : "MISS"}`,
  );
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
