import { inlineCode } from "../coach/render/escape-markdown.js";
import type { CheckRunOutput } from "../github/github-client.js";
import type { ConfigProblem } from "./validate-config.js";

/** The most problems listed in a check run; the rest are counted. */
const MAX_LISTED = 50;

/** Markdown list of config problems, for check runs: file and key as code spans whatever they contain. Pure. */
export function renderConfigProblems(problems: ConfigProblem[]): string {
  const lines = problems
    .slice(0, MAX_LISTED)
    .map((p) => `- ${inlineCode(p.file)}${p.line ? ` line ${p.line}` : ""}${p.key ? `, key ${inlineCode(p.key)}` : ""}: ${p.message}`);
  if (problems.length > MAX_LISTED) lines.push(`- …and ${problems.length - MAX_LISTED} more`);
  return lines.join("\n");
}

/** The check run shown on a pull request that changes the config file. Pure. */
export function renderConfigCheck(path: string, problems: ConfigProblem[]): CheckRunOutput {
  if (problems.length === 0) {
    return {
      title: "review-coach config is valid",
      summary: `\`${path}\` matches the review-coach config schema. It takes effect once merged into the default branch.`,
    };
  }
  return {
    title: `review-coach config has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    summary:
      `\`${path}\` does not match the review-coach config schema, so if it is merged review-coach will ignore it ` +
      `and use the defaults in its place.\n\n${renderConfigProblems(problems)}\n\n` +
      "Every key, its type and default is listed in the review-coach README and in `config/review-coach.schema.json` " +
      "(add `# yaml-language-server: $schema=…` to the file for completion in your editor).",
    annotations: problems.map((p) => ({
      path,
      start_line: p.line ?? 1,
      end_line: p.line ?? 1,
      annotation_level: "failure" as const,
      title: p.key ? `review-coach config: ${p.key}` : "review-coach config",
      message: p.message,
    })),
  };
}
