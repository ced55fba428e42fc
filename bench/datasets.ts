// Loads the labeled review-comment datasets (JSON Lines, see ../shared/datasets/README.md) and maps their
// labels onto the project's taxonomy. Evaluation only: nothing here is copied into the project.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommentClassification, CommentContext, Concern } from "../src/coach/types.js";

export interface LabeledComment {
  id: string;
  text: string;
  stratum?: string;
  substratum?: string;
  path?: string;
  diffHunk?: string;
  labels: Record<string, unknown>;
}

/** One row of the mapping table: which comments of which file count, and which are positive. */
export interface Mapping {
  name: string;
  file: string;
  /** Comments outside the evaluation (e.g. turzo false positives for edge-cases). */
  include: (c: LabeledComment) => boolean;
  gold: (c: LabeledComment) => boolean;
  predict: (k: CommentClassification) => boolean;
  /** The F1 target on the dev split, when there is one. */
  target?: number;
}

export function readJsonl(path: string): LabeledComment[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabeledComment);
}

export function loadDataset(dir: string, file: string): LabeledComment[] | null {
  const path = join(dir, file);
  return existsSync(path) ? readJsonl(path) : null;
}

export function contextOf(c: LabeledComment): CommentContext {
  const context: CommentContext = {};
  if (typeof c.path === "string") context.path = c.path;
  if (typeof c.diffHunk === "string") context.diffHunk = c.diffHunk;
  return context;
}

const TURZO = "review-categories-turzo.dev.jsonl";
const ARCHMCR = "design-discussions-archmcr.dev.jsonl";
const TOXICR = "toxicity-toxicr.dev.jsonl";
const CLEARCRC = "clarity-clearcrc.dev.jsonl";

const category = (c: LabeledComment): string => String(c.labels["category"] ?? "");
const group = (c: LabeledComment): string => String(c.labels["group"] ?? "");
const concepts = (c: LabeledComment): string[] =>
  Array.isArray(c.labels["concepts"]) ? (c.labels["concepts"] as unknown[]).map(String) : [];
const all = (): boolean => true;

/** The README's mapping table, one row per (project label, dataset). */
export const MAPPINGS: readonly Mapping[] = [
  {
    name: "architecture",
    file: ARCHMCR,
    include: all,
    gold: (c) => c.labels["design"] === true,
    predict: (k) => k.concerns.includes("architecture"),
    target: 0.65,
  },
  {
    name: "edge-cases (+security, performance)",
    file: TURZO,
    include: (c) => group(c) !== "false-positive",
    gold: (c) => group(c) === "functional",
    predict: (k) => k.concerns.some((x) => x === "edge-cases" || x === "security" || x === "performance"),
    target: 0.5,
  },
  {
    name: "style",
    file: TURZO,
    include: all,
    gold: (c) => category(c) === "naming convention" || category(c) === "visual representation",
    predict: (k) => k.concerns.includes("style"),
    target: 0.65,
  },
  {
    name: "style",
    file: ARCHMCR,
    include: all,
    gold: (c) => concepts(c).some((x) => x === "formatting" || x === "naming"),
    predict: (k) => k.concerns.includes("style"),
    target: 0.65,
  },
  {
    name: "documentation",
    file: TURZO,
    include: all,
    gold: (c) => category(c) === "documentation",
    predict: (k) => k.concerns.includes("documentation"),
    target: 0.6,
  },
  {
    name: "question",
    file: TURZO,
    include: all,
    gold: (c) => category(c) === "question",
    predict: (k) => k.signals.includes("question"),
    target: 0.8,
  },
  {
    name: "praise",
    file: TURZO,
    include: all,
    gold: (c) => category(c) === "praise",
    predict: (k) => k.signals.includes("praise"),
    target: 0.7,
  },
  {
    name: "approval-only (bots and CI left out)",
    file: ARCHMCR,
    include: (c) => !concepts(c).includes("bot"),
    gold: (c) => concepts(c).includes("approval"),
    predict: (k) => k.signals.includes("approval-only"),
    target: 0.9,
  },
  {
    name: "tone harsh or toxic",
    file: TOXICR,
    include: all,
    gold: (c) => c.labels["toxic"] === true,
    predict: (k) => k.tone !== "respectful",
    target: 0.8,
  },
  {
    name: "not actionable",
    file: CLEARCRC,
    include: all,
    gold: (c) => c.labels["informativeness"] === false,
    predict: (k) => !k.actionable,
  },
];

const CONCERNS_FILE = "reviewer-concerns.dev.jsonl";
const flag = (c: LabeledComment, key: string): boolean => c.labels[key] === 1;

function concernMapping(name: string, keys: readonly string[], labels: readonly Concern[], target: number): Mapping {
  return {
    name,
    file: CONCERNS_FILE,
    include: all,
    gold: (c) => keys.some((key) => flag(c, key)),
    predict: (k) => k.concerns.some((x) => labels.includes(x)),
    target,
  };
}

/** reviewer-concerns.dev.jsonl, labelled with the project's own taxonomy (the targets). */
export const CONCERN_MAPPINGS: readonly Mapping[] = [
  concernMapping("security", ["security"], ["security"], 0.6),
  concernMapping("testing", ["testing"], ["testing"], 0.85),
  concernMapping("performance", ["performance"], ["performance"], 0.75),
  concernMapping("architecture", ["architecture"], ["architecture"], 0.6),
  concernMapping("edge-cases", ["edge_cases"], ["edge-cases"], 0.55),
  concernMapping("style-or-readability", ["style", "readability"], ["style", "readability"], 0.65),
  concernMapping("documentation", ["documentation"], ["documentation"], 0.65),
  {
    name: "question",
    file: CONCERNS_FILE,
    include: all,
    gold: (c) => flag(c, "question"),
    predict: (k) => k.signals.includes("question"),
    target: 0.9,
  },
];

/**
 * Candidates / drawn per substratum of reviewer-concerns.dev.jsonl (its README, "How it was drawn"): the
 * keyword-enriched strata are over-represented, so each row counts for the comments it stands for.
 */
const STRATUM_WEIGHTS: Readonly<Record<string, number>> = {
  security_brief: 1,
  security_ext: 1,
  security_loose: 35 / 23,
  testing: 200 / 80,
  performance: 109 / 80,
  architecture: 88 / 60,
  edge_cases: 129 / 60,
  random: 2282 / 170,
};

export function stratumWeight(c: LabeledComment): number {
  const weight = STRATUM_WEIGHTS[c.substratum ?? ""];
  if (weight === undefined) throw new Error(`unknown substratum ${String(c.substratum)} on ${c.id}`);
  return weight;
}

/** FNV-1a (32 bits) of the id: even goes to half A, odd to half B. Stable across runs and machines. */
export function hashHalf(id: string): "A" | "B" {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? "A" : "B";
}

export interface Score {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1; with `weights`, each row counts for its weight (tp, fp, fn are sums). */
export function score(gold: boolean[], predicted: boolean[], weights?: readonly number[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let positives = 0;
  for (let i = 0; i < gold.length; i += 1) {
    const g = gold[i] === true;
    const p = predicted[i] === true;
    const w = weights?.[i] ?? 1;
    if (g) positives += 1;
    if (g && p) tp += w;
    else if (p) fp += w;
    else if (g) fn += w;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: gold.length, positives, tp, fp, fn, precision, recall, f1 };
}
