// How fast the syntax layer reads a file: a generated ~2,000-line handler file per language, parsed
// with its bundled tree-sitter grammar and read into FileSyntax (warmed up, median and best of several
// runs), then every line asked whether it reads request input, as a rule would. Then the whole risk
// profile of a ~2,000-line diff over one file per language, with the files' full contents parsed, and
// of a ~2,000-line diff over real JavaScript files (installed packages' sources), where most files carry
// nothing a rule looks for and are not parsed at all.
//
//   npm run bench:syntax [-- --runs 15] [--findings out.json]
//
// --findings writes every finding of both profiles as JSON, to compare the output before and after a change.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Language } from "../src/coach/risk/detect-file-kind.js";
import { buildRiskProfile } from "../src/coach/build-risk-profile.js";
import { lineUsesInput } from "../src/coach/syntax/line-uses-input.js";
import type { Finding, PullRequestFile } from "../src/coach/types.js";
import { DEFAULT_RISK_CONFIG } from "../test/helpers/default-risk-config.js";
import { SyntaxParser } from "../src/syntax/syntax-parser.js";
import { median } from "./print-table.js";

const TARGET_LINES = 2000;
const WARMUP_RUNS = 3;

interface Sample {
  language: Language;
  path: string;
  header: string[];
  /** One block of code; `N` is replaced by the block's number. */
  block: string[];
  footer: string[];
}

const SAMPLES: Sample[] = [
  {
    language: "js",
    path: "src/routes/items.ts",
    header: ["import { db } from './db';", ""],
    block: [
      "// Handler N: reads the query and answers with the matching rows.",
      "export async function handlerN(req: Request, res: Response): Promise<void> {",
      "  const { id, name } = req.query;",
      "  const label = `item ${id} of ${name}`;",
      "  const rows = await db.query('SELECT * FROM items WHERE id = $1', [id]);",
      "  if (rows.length === 0) {",
      "    res.status(404).json({ error: 'not found' });",
      "    return;",
      "  }",
      "  /* rows are small: send them as they are */",
      "  res.json(rows.map((row) => ({ ...row, label })));",
      "}",
      "",
    ],
    footer: [],
  },
  {
    language: "python",
    path: "app/views.py",
    header: ["from django.shortcuts import redirect", ""],
    block: [
      "# View N: redirects to the page the form names.",
      "def view_N(request, slug: str = ''):",
      '    """Shows item N."""',
      "    target = request.GET.get('next', '/')",
      "    label = f'item {slug} of {target}'",
      "    rows = Item.objects.filter(slug=slug)",
      "    if not rows:",
      "        return HttpResponseNotFound('missing')",
      "    return redirect(target)",
      "",
    ],
    footer: [],
  },
  {
    language: "go",
    path: "server/handlers.go",
    header: ["package server", "", 'import "net/http"', ""],
    block: [
      "// HandleN answers with the named item.",
      "func HandleN(w http.ResponseWriter, r *http.Request) {",
      "\tquery := r.URL.Query()",
      '\tname := query.Get("name")',
      '\trows, err := db.Query("SELECT * FROM items WHERE name = $1", name)',
      "\tif err != nil {",
      '\t\thttp.Error(w, "failed", http.StatusInternalServerError)',
      "\t\treturn",
      "\t}",
      "\tdefer rows.Close()",
      "\tw.WriteHeader(http.StatusOK)",
      "}",
      "",
    ],
    footer: [],
  },
  {
    language: "java",
    path: "src/main/java/ItemController.java",
    header: ["public class ItemController {"],
    block: [
      "  /** Finds item N by name. */",
      "  public String findN(@RequestParam String name, HttpServletRequest request) {",
      '    String referer = request.getHeader("Referer");',
      '    String sql = "SELECT * FROM items WHERE name = ?";',
      "    List<Item> rows = jdbc.query(sql, name);",
      "    if (rows.isEmpty()) {",
      '      return "missing";',
      "    }",
      "    // the first row wins",
      "    return rows.get(0).toString() + referer;",
      "  }",
      "",
    ],
    footer: ["}"],
  },
  {
    language: "ruby",
    path: "app/controllers/items_controller.rb",
    header: ["class ItemsController < ApplicationController"],
    block: [
      "  # GET /items/N",
      "  def show_N",
      "    item = Item.find(params[:id])",
      '    label = "item #{item.name}"',
      "    back = request.referer",
      "    if item.nil?",
      "      head :not_found",
      "    else",
      "      redirect_to back",
      "    end",
      "  end",
      "",
    ],
    footer: ["end"],
  },
  {
    language: "php",
    path: "public/items.php",
    header: ["<?php", ""],
    block: [
      "// Item N: reads the id from the query string.",
      "function show_N($db, $limit = 10) {",
      "    $id = $_GET['id'];",
      '    $sql = "SELECT * FROM items WHERE id = $id";',
      "    $rows = $db->query($sql);",
      "    if (!$rows) {",
      "        http_response_code(404);",
      "        return null;",
      "    }",
      "    return $rows;",
      "}",
      "",
    ],
    footer: [],
  },
];

function buildSource(sample: Sample, targetLines = TARGET_LINES): string {
  const lines = [...sample.header];
  for (let n = 0; lines.length + sample.block.length + sample.footer.length <= targetLines; n++) {
    lines.push(...sample.block.map((line) => line.replaceAll("N", String(n))));
  }
  return [...lines, ...sample.footer].join("\n");
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "15" }, findings: { type: "string" } } });
const profiled: Record<string, Finding[]> = {};
const runs = Math.max(1, Number(values.runs) || 15);
const parser = new SyntaxParser({ warn: (details, message) => console.error(message, details) });

console.log(`Syntax layer: one ~${TARGET_LINES}-line file per language, ${runs} runs after ${WARMUP_RUNS} warm-up runs (ms: median / best)`);
console.log("language  lines  grammar load  parse+read      lineUsesInput on every line  functions  assignments");
for (const sample of SAMPLES) {
  const source = buildSource(sample);
  const loadStarted = performance.now();
  await parser.load([{ language: sample.language, path: sample.path }]);
  const loadMs = performance.now() - loadStarted;
  const parseTimes: number[] = [];
  const inputTimes: number[] = [];
  let syntax = null;
  let inputLines = 0;
  for (let i = 0; i < WARMUP_RUNS + runs; i++) {
    const started = performance.now();
    syntax = parser.parse(source, sample.language, sample.path);
    const parsed = performance.now();
    if (!syntax) throw new Error(`${sample.language}: the parser gave no syntax`);
    inputLines = 0;
    for (let line = 1; line <= syntax.lines.length; line++) if (lineUsesInput(syntax, line)) inputLines++;
    if (i < WARMUP_RUNS) continue;
    parseTimes.push(parsed - started);
    inputTimes.push(performance.now() - parsed);
  }
  if (!syntax) continue;
  if (syntax.hasErrors) console.error(`${sample.language}: the generated file has syntax errors`);
  const figure = (times: number[]) => `${median(times).toFixed(1)} / ${Math.min(...times).toFixed(1)}`;
  console.log(
    [
      sample.language.padEnd(8),
      String(syntax.lines.length).padStart(5),
      loadMs.toFixed(1).padStart(12),
      figure(parseTimes).padStart(12),
      `${figure(inputTimes)} (${inputLines} lines use input)`.padStart(33),
      String(syntax.functions.length).padStart(9),
      String(syntax.assignments.length).padStart(11),
    ].join("  "),
  );
}

/** The file as modified: every other block of it added by the diff, the rest unchanged. */
function buildModifiedFile(sample: Sample, targetLines: number): PullRequestFile {
  const content = buildSource(sample, targetLines);
  const lines = content.split("\n");
  const hunks: string[] = [];
  let oldLine = 1;
  let additions = 0;
  const blockStart = sample.header.length;
  for (let start = blockStart, n = 0; start + sample.block.length <= lines.length; start += sample.block.length, n++) {
    if (n % 2 === 0) {
      oldLine += sample.block.length;
      continue;
    }
    const added = lines.slice(start, start + sample.block.length);
    hunks.push(`@@ -${oldLine - 1},0 +${start + 1},${added.length} @@`, ...added.map((line) => `+${line}`));
    additions += added.length;
  }
  return { filename: sample.path, status: "modified", patch: hunks.join("\n"), additions, deletions: 0, content };
}

/** Times the whole risk profile of these files with their contents parsed, and prints one line. */
async function timeProfile(label: string, files: PullRequestFile[], languageOf: (file: PullRequestFile) => Language): Promise<void> {
  const diffLines = files.reduce((sum, file) => sum + (file.patch?.split("\n").length ?? 0), 0);
  const contentLines = files.reduce((sum, file) => sum + (file.content?.split("\n").length ?? 0), 0);
  await parser.load(files.map((file) => ({ language: languageOf(file), path: file.filename })));
  const profileTimes: number[] = [];
  const cpuTimes: number[] = [];
  let findings: Finding[] = [];
  for (let i = 0; i < WARMUP_RUNS + runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    findings = buildRiskProfile(files, DEFAULT_RISK_CONFIG, { syntax: parser }).findings;
    const used = process.cpuUsage(cpu);
    if (i >= WARMUP_RUNS) {
      profileTimes.push(performance.now() - started);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  // On a shared machine the wall clock includes waiting for a core; the CPU time is what the work costs.
  console.log(
    `${label}: a ${diffLines.toLocaleString("en-US")}-line diff over ${files.length} files ` +
      `(${contentLines.toLocaleString("en-US")} lines of content): ${median(profileTimes).toFixed(1)} ms median wall ` +
      `(${Math.min(...profileTimes).toFixed(1)} best), ${median(cpuTimes).toFixed(1)} ms median CPU (target < 50 ms), ${findings.length} findings`,
  );
  profiled[label] = findings;
}

/** Every other block of `blockLines` lines of a file added by the diff, the rest unchanged. */
function addAlternateBlocks(filename: string, content: string, blockLines: number): PullRequestFile {
  const lines = content.split("\n");
  const hunks: string[] = [];
  let oldLine = 1;
  let additions = 0;
  for (let start = 0, n = 0; start < lines.length; start += blockLines, n++) {
    const block = lines.slice(start, start + blockLines);
    if (n % 2 === 0) {
      oldLine += block.length;
      continue;
    }
    hunks.push(`@@ -${oldLine - 1},0 +${start + 1},${block.length} @@`, ...block.map((line) => `+${line}`));
    additions += block.length;
  }
  return { filename, status: "modified", patch: hunks.join("\n"), additions, deletions: 0, content };
}

/** Real JavaScript: the sources of installed packages (the lock file fixes their versions), ~4,000 lines. */
function readInstalledSources(): PullRequestFile[] {
  const directories = ["node_modules/pg/lib", "node_modules/probot/lib", "node_modules/ioredis/built"];
  const files: PullRequestFile[] = [];
  let lines = 0;
  for (const directory of directories) {
    for (const name of readdirSync(directory).filter((entry) => entry.endsWith(".js")).sort()) {
      if (lines >= 2 * TARGET_LINES) return files;
      const content = readFileSync(path.join(directory, name), "utf8");
      lines += content.split("\n").length;
      files.push(addAlternateBlocks(`lib/${path.basename(directory)}/${name}`, content, 20));
    }
  }
  return files;
}

console.log("\nRisk profile with the files' full contents (the app reads them at the PR head)");
await timeProfile(
  "generated handlers, one per language",
  SAMPLES.map((sample) => buildModifiedFile(sample, Math.round((2 * TARGET_LINES) / SAMPLES.length))),
  (file) => SAMPLES.find((sample) => sample.path === file.filename)!.language,
);
await timeProfile("installed packages' JavaScript", readInstalledSources(), () => "js");
if (values.findings) writeFileSync(values.findings, `${JSON.stringify(profiled, null, 2)}\n`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
