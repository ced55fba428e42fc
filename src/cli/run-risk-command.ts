// `review-coach risk [file]`: the risk profile of a unified diff (a file, or stdin), readable or JSON.

import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildRiskProfile } from "../coach/build-risk-profile.js";
import { compilePathMatcher } from "../coach/compile-path-matcher.js";
import { parseUnifiedDiff } from "../coach/parse-unified-diff.js";
import { detectFileKind } from "../coach/risk/detect-file-kind.js";
import { SEVERITIES, type PullRequestFile, type RiskConfig } from "../coach/types.js";
import { buildRiskConfig } from "../repo-config/build-risk-config.js";
import { getDefaultConfig } from "../repo-config/default-config.js";
import { getSyntaxParser } from "../syntax/syntax-parser.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, readAll, writeText, type CliCommand, type CliIo } from "./cli-io.js";
import { findCheckoutFor, readCheckoutContents } from "./read-checkout-contents.js";
import { renderRiskProfile } from "./render-risk-profile.js";

const USAGE = `Usage:
  review-coach risk [file] [--json] [--min-severity low|medium|high] [--repo <dir>]
                    [--sensitive <glob>]... [--ignore <glob>]... [--no-default-paths]
  git diff main... | review-coach risk

Reads a unified diff (\`git diff\` output or GitHub's .diff) from the file, or from stdin when no file
or "-" is given, and prints what a good review of it should cover, and where. Code files are also
parsed from their new version in a local checkout: --repo, or else the git work tree around the
current folder when every changed file is there (a file whose text differs from the diff, or a bare
diff with no checkout, is analysed from the diff alone).
  --json               the profile as JSON
  --repo <dir>         read the changed files' new contents from this checkout
  --min-severity       drop findings below this severity (default: low)
  --sensitive <glob>   also treat matching paths as security-sensitive (repeatable)
  --ignore <glob>      also skip matching paths (repeatable)
  --no-default-paths   do not use the sensitive and ignored path lists of config/default.yml
                       (the same defaults the app uses)
`;

export const riskOptionsSchema = z.object({
  file: z.string().min(1).optional(),
  repo: z.string().min(1).optional(),
  json: z.boolean(),
  minSeverity: z.enum(SEVERITIES),
  sensitive: z.array(z.string().min(1)),
  ignore: z.array(z.string().min(1)),
  defaultPaths: z.boolean(),
});
export type RiskOptions = z.infer<typeof riskOptionsSchema>;

export const riskCommand: CliCommand = {
  name: "risk",
  summary: "print the risk profile of a unified diff (file or stdin)",
  usage: USAGE,
  run: runRiskCommand,
};

export async function runRiskCommand(args: readonly string[], io: CliIo): Promise<number> {
  let options: RiskOptions;
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        repo: { type: "string" },
        "min-severity": { type: "string", default: "low" },
        sensitive: { type: "string", multiple: true, default: [] },
        ignore: { type: "string", multiple: true, default: [] },
        "no-default-paths": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help) {
      await writeText(io.stdout, USAGE);
      return EXIT_OK;
    }
    if (positionals.length > 1) throw new Error(`expected at most one file, got ${positionals.length}`);
    const parsed = riskOptionsSchema.safeParse({
      file: positionals[0] === "-" ? undefined : positionals[0],
      repo: values.repo,
      json: values.json,
      minSeverity: values["min-severity"],
      sensitive: values.sensitive,
      ignore: values.ignore,
      defaultPaths: !values["no-default-paths"],
    });
    if (!parsed.success) {
      throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    }
    options = parsed.data;
  } catch (error) {
    await writeText(io.stderr, `review-coach risk: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  let diff: string;
  try {
    diff = options.file === undefined ? await readAll(io.stdin) : await io.readFile(options.file);
  } catch (error) {
    await writeText(io.stderr, `review-coach risk: cannot read ${options.file ?? "stdin"}: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }

  const defaults = buildRiskConfig(getDefaultConfig());
  const config: RiskConfig = {
    sensitivePaths: [...(options.defaultPaths ? defaults.sensitivePaths : []), ...options.sensitive],
    ignoredPaths: [...(options.defaultPaths ? defaults.ignoredPaths : []), ...options.ignore],
    minSeverity: options.minSeverity,
  };
  const syntax = getSyntaxParser();
  let files: PullRequestFile[] = parseUnifiedDiff(diff);
  const cwd = io.cwd ?? ".";
  const root =
    options.repo !== undefined ? path.resolve(cwd, options.repo) : io.cwd !== undefined && io.pathExists ? await findCheckoutFor(files, cwd, io.pathExists) : null;
  if (root !== null) {
    if (options.repo !== undefined && !(await (io.pathExists?.(root) ?? Promise.resolve(true)))) {
      await writeText(io.stderr, `review-coach risk: --repo ${options.repo}: no such folder\n`);
      return EXIT_FAILURE;
    }
    const isIgnored = compilePathMatcher(config.ignoredPaths);
    const contents = await readCheckoutContents(files, root, io, (file) => !isIgnored(file.filename) && syntax.canParse(detectFileKind(file.filename).language, file.filename));
    files = contents.files;
    await syntax.load(contents.read.map((filePath) => ({ language: detectFileKind(filePath).language, path: filePath })));
    if (options.repo !== undefined || contents.stale.length > 0) await writeText(io.stderr, renderContentsNote(root, contents));
  }
  const profile = buildRiskProfile(files, config, { syntax });
  await writeText(io.stdout, options.json ? `${JSON.stringify(profile, null, 2)}\n` : renderRiskProfile(profile));
  return EXIT_OK;
}

/** One line on stderr: what was read from the checkout, and what was not and why. */
function renderContentsNote(root: string, contents: { read: string[]; stale: string[]; missing: string[] }): string {
  const parts = [`read ${contents.read.length} file${contents.read.length === 1 ? "" : "s"} from ${root}`];
  if (contents.stale.length > 0) parts.push(`differing from the diff, analysed from it alone: ${contents.stale.join(", ")}`);
  if (contents.missing.length > 0) parts.push(`not found there: ${contents.missing.join(", ")}`);
  return `review-coach risk: ${parts.join("; ")}\n`;
}
