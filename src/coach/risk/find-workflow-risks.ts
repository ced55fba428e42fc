// GitHub Actions risks that need the YAML structure around a line:
// - untrusted event text (PR title/body, branch names, comments…) expanded inside `run:` or
//   `script:` (shell or JavaScript injection; the safe way is through `env:`);
// - `pull_request_target` workflows that check out the PR's head (untrusted code with secrets).

import { lineAnchor, quoteMatch, type FileView, type RawFinding } from "./raw-finding.js";

const UNTRUSTED_EXPRESSION =
  /\$\{\{\s*(?:github\.event\.(?:pull_request|issue|comment|review|review_comment|discussion|discussion_comment|pages|commits|head_commit|workflow_run)\b[^}]*?\b(?:title|body|head_ref|label|name|email|message|default_branch|page_name|head_branch|ref)\b[^}]*|github\.head_ref\s*)\}\}/;
const SCRIPT_KEY = /^(\s*)(?:-\s+)?(?:run|script)\s*:\s*(.*)$/;
const YAML_KEY = /^\s*(?:-\s+)?["']?[\w.-]+["']?\s*:(?:\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;
const TARGET_TRIGGER = /\bpull_request_target\b/;
const HEAD_CHECKOUT =
  /\bref\s*:\s*["']?\$\{\{\s*(?:github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref)\s*\}\}|refs\/pull\/\$\{\{[^}]*\}\}\/(?:head|merge)/;

export function findWorkflowRisks(file: FileView): RawFinding[] {
  if (file.kind.language !== "workflow") return [];
  const findings: RawFinding[] = [];

  for (const view of file.hunks) {
    // Where we are: inside a run/script block scalar (with its key's indentation), outside, or unknown
    // (the hunk starts in the middle of the file).
    let blockIndent: number | null = null;
    let known = false;
    for (const line of view.newSide) {
      const text = line.text;
      if (text.trim() === "") continue;
      const indent = text.length - text.trimStart().length;
      let inScript = false;
      const script = SCRIPT_KEY.exec(text);
      if (blockIndent !== null && indent > blockIndent) {
        inScript = true;
      } else if (script) {
        known = true;
        const rest = (script[2] ?? "").trim();
        blockIndent = BLOCK_SCALAR.test(rest) ? (script[1] ?? "").length : null;
        inScript = !BLOCK_SCALAR.test(rest); // an inline `run: echo ${{ … }}`
      } else {
        if (blockIndent !== null || YAML_KEY.test(text)) known = true;
        blockIndent = null;
        inScript = !known && !YAML_KEY.test(text);
      }
      if (line.kind !== "added" || !inScript) continue;
      const match = UNTRUSTED_EXPRESSION.exec(text);
      if (!match) continue;
      findings.push({
        concern: "security",
        severity: "high",
        confidence: "high",
        reason: `expands untrusted event text (\`${quoteMatch(match[0])}\`) inside a script: anyone opening a PR can inject commands; pass it through \`env:\``,
        rule: "workflow-script-injection",
        path: file.path,
        line: line.newLine,
        anchor: lineAnchor(text),
      });
      break;
    }
  }

  // pull_request_target + checkout of the head: look at the whole visible file.
  const lines = file.hunks.flatMap((view) => view.newSide.map((line) => ({ line, view })));
  const trigger = lines.find(({ line }) => TARGET_TRIGGER.test(line.text) && !/^\s*#/.test(line.text));
  const checkout = lines.find(({ line }) => HEAD_CHECKOUT.test(line.text));
  if (trigger && checkout && (trigger.line.kind === "added" || checkout.line.kind === "added")) {
    const at = checkout.line.kind === "added" ? checkout : trigger;
    findings.push({
      concern: "security",
      severity: "high",
      confidence: "high",
      reason:
        "checks out the pull request's code in a `pull_request_target` workflow: untrusted code runs with the repository's secrets and write token",
      rule: "pull-request-target-checkout",
      path: file.path,
      line: at.line.newLine,
      anchor: "pull-request-target-checkout",
    });
  }
  return findings;
}
