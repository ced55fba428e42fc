// Whether a comment is the output of a CI bot or a pasted build log rather than a reviewer's words.

import { testIfWords } from "./word-index.js";

/** Phrases CI bots and build tools print: which patches were applied, which command failed, test totals. */
const BOT_PHRASE =
  /\b(?:reviews? applied|(?:passed|failed) command|build artifacts|all (?:the )?tests passed|build (?:passed|failed|succeeded|successful|is (?:green|red))|bad patch|patch (?:failed to apply|does not apply|applies cleanly)|\d+ tests? completed, \d+ failed|tests run: \d+|coverage report generated|commit [0-9a-f]{7,40} in (?:\S+ )?branch)\b/i;
/** Lines of a log: timestamps, compiler diagnostics, stack frames, shell prompts. */
const LOG_LINE =
  /^\s*(?:\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\[?\d\d:\d\d:\d\d|[\w./-]+\.\w+:\d+(?::\d+)?:|at [\w$.<>]+\(|File "[^"]+", line \d+|(?:error|warning|fatal|info|debug|trace)\s*[:[]|\$ |> |[A-Z_]{2,}=\S|Traceback \(most recent call last\)|#\d+ 0x[0-9a-f]+)/i;
const MIN_LOG_LINES = 4;

/** Whether `text` has at least `count` lines (blank ones too). */
function hasLines(text: string, count: number): boolean {
  let breaks = 0;
  for (let i = text.indexOf("\n"); i >= 0 && breaks < count - 1; i = text.indexOf("\n", i + 1)) breaks += 1;
  return breaks >= count - 1;
}

/** Whether `prose` (markdown already stripped) is machine output: a bot's report or mostly log lines. */
export function isMachineOutput(prose: string): boolean {
  if (testIfWords(BOT_PHRASE, prose)) return true;
  if (prose.length < 200 || !hasLines(prose, MIN_LOG_LINES)) return false;
  const lines = prose.split("\n").filter((l) => l.trim().length > 0);
  if (lines.length < MIN_LOG_LINES) return false;
  let logLines = 0;
  for (const line of lines) if (LOG_LINE.test(line)) logLines += 1;
  return logLines >= MIN_LOG_LINES && logLines * 2 >= lines.length;
}
