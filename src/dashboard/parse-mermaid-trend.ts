import type { ScorePoint } from "./dashboard-types.js";

/** The trend of a digest's `xychart-beta` block, or null when it is not one. Pure. */
export function parseMermaidTrend(source: string): ScorePoint[] | null {
  const labels = source.match(/x-axis\s*\[([^\]]*)\]/)?.[1];
  const values = source.match(/\bline\s*\[([^\]]*)\]/)?.[1];
  if (labels === undefined || values === undefined) return null;
  const names = [...labels.matchAll(/"([^"]*)"|([^,\s][^,]*)/g)].map((match) => (match[1] ?? match[2] ?? "").trim());
  const numbers = values.split(",").map((value) => Number(value.trim()));
  if (names.length === 0 || names.length !== numbers.length || numbers.some((value) => !Number.isFinite(value))) return null;
  return names.map((label, index) => ({ label, at: "", score: Math.max(0, Math.min(100, numbers[index] as number)), source: "snapshot" }));
}
