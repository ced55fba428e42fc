// `review-coach classify`: label review comments.
//   classify             JSON Lines in on stdin ({"id","text","path"?,"diffHunk"?}), JSON Lines out, streaming
//   classify "text"      a readable explanation of one comment's labels and their evidence

import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { classifyComment } from "../coach/classify-comment.js";
import type { CommentClassification, CommentContext } from "../coach/types.js";
import { EXIT_OK, EXIT_USAGE, writeText, type CliCommand, type CliIo } from "./cli-io.js";

export const classifyInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  path: z.string().optional(),
  diffHunk: z.string().optional(),
});
export type ClassifyInput = z.infer<typeof classifyInputSchema>;

const USAGE = `Usage:
  review-coach classify < comments.jsonl
  review-coach classify [--path <file>] [--json] "comment text"

Without text, reads JSON Lines from stdin, one comment per line:
  {"id": "c1", "text": "Why not a bound parameter here?", "path": "src/db.ts", "diffHunk": "@@ …"}
and writes one JSON line per input line, in order:
  {"id": "c1", "concerns": [...], "signals": [...], "tone": "respectful", "actionable": true, "evidence": [...]}
A line that is not valid JSON or misses a field gives {"id": <id or null>, "error": "…"}; the rest go on.
Blank lines are skipped.

With text, prints the labels of that one comment and the words that led to each.
`;

export const classifyCommand: CliCommand = {
  name: "classify",
  summary: "label review comments (JSON Lines on stdin, or one comment as an argument)",
  usage: USAGE,
  run: runClassifyCommand,
};

export async function runClassifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { path: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    await writeText(io.stderr, `review-coach classify: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    await writeText(io.stdout, USAGE);
    return EXIT_OK;
  }
  if (parsed.positionals.length > 0) {
    const text = parsed.positionals.join(" ");
    const context: CommentContext = parsed.values.path ? { path: parsed.values.path } : {};
    const result = classifyComment(text, context);
    await writeText(io.stdout, parsed.values.json ? `${JSON.stringify(result)}\n` : renderClassification(text, result));
    return EXIT_OK;
  }
  return classifyJsonLines(io);
}

/** Streams JSON Lines: each input line is answered before the next is read. */
async function classifyJsonLines(io: CliIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    await writeText(io.stdout, `${JSON.stringify(classifyLine(line))}\n`);
  }
  return EXIT_OK;
}

type ClassifyOutput =
  | ({ id: string | number } & CommentClassification)
  | { id: string | number | null; error: string };

export function classifyLine(line: string): ClassifyOutput {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `invalid JSON: ${(error as Error).message}` };
  }
  const input = classifyInputSchema.safeParse(json);
  if (!input.success) {
    const issues = input.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`).join("; ");
    return { id: readId(json), error: `invalid input: ${issues}` };
  }
  const { id, text, path, diffHunk } = input.data;
  const context: CommentContext = {};
  if (path !== undefined) context.path = path;
  if (diffHunk !== undefined) context.diffHunk = diffHunk;
  try {
    const result = classifyComment(text, context);
    return { id, concerns: result.concerns, signals: result.signals, tone: result.tone, actionable: result.actionable, evidence: result.evidence };
  } catch (error) {
    return { id, error: `classification failed: ${(error as Error).message}` };
  }
}

function readId(json: unknown): string | number | null {
  if (typeof json !== "object" || json === null || !("id" in json)) return null;
  const id = (json as { id: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

/** A readable explanation: each label with the words that led to it. */
export function renderClassification(text: string, result: CommentClassification): string {
  const evidenceFor = (label: string): string => {
    const matches = result.evidence.filter((e) => e.label === label).map((e) => `"${e.match}"`);
    return matches.length > 0 ? `  ← ${[...new Set(matches)].join(", ")}` : "";
  };
  const lines = [`Comment: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`, ""];
  lines.push("Concerns:");
  if (result.concerns.length === 0) lines.push("  (none)");
  for (const concern of result.concerns) lines.push(`  ${concern}${evidenceFor(`concern:${concern}`)}`);
  lines.push("Signals:");
  if (result.signals.length === 0) lines.push("  (none)");
  for (const signal of result.signals) lines.push(`  ${signal}${evidenceFor(`signal:${signal}`)}`);
  lines.push(`Tone: ${result.tone}${evidenceFor(`tone:${result.tone}`)}`);
  lines.push(`Actionable: ${result.actionable ? "yes" : "no"}${result.actionable ? evidenceFor("actionable") : ""}`);
  return `${lines.join("\n")}\n`;
}
