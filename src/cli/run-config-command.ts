import pino from "pino";
import YAML from "yaml";
import { z } from "zod";
import type { OctokitPolicy } from "../github/create-octokit-class.js";
import { createWorkingCopyClient } from "../github/create-working-copy-client.js";
import { getDefaultConfig } from "../repo-config/default-config.js";
import { loadRepoConfig } from "../repo-config/load-repo-config.js";
import { renderConfigProblems } from "../repo-config/render-config-problems.js";
import { CONFIG_PATH } from "../repo-config/schema.js";
import { checkConfigText, type ConfigProblem } from "../repo-config/validate-config.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeText, type CliCommand } from "./cli-io.js";

const USAGE = `Usage: review-coach config check [file] [--repo owner/name] [--token <token>] [--host <host>]

Checks a review-coach config file (default: ${CONFIG_PATH}) exactly as the app does: the same schema,
the same messages, with the file, line and key of each problem and "did you mean" for misspelt keys.
Exit status 1 when the file (or a file it extends) has a problem, so it can run in a pre-commit hook or
a workflow.

A file with _extends is checked together with the files it extends when the repository and a token are
given: --repo owner/name (the repository the file belongs to), and --token or GITHUB_TOKEN (read access
to the repositories involved is enough). --host names a GitHub Enterprise Server (default: GHE_HOST, else
github.com). Without them, the _extends line is reported as not followed.
`;

const argsSchema = z.object({
  file: z.string().min(1).default(CONFIG_PATH),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "--repo must be owner/name").optional(),
  token: z.string().min(1, "--token must not be empty").optional(),
  host: z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "--host must be a host name such as github.example.com").optional(),
});

function parseArgs(args: readonly string[]): { raw: Record<string, unknown>; unknown: string[] } {
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--repo" || arg === "--token" || arg === "--host") raw[arg.slice(2)] = args[++i];
    else if (!arg.startsWith("-") && raw.file === undefined) raw.file = arg;
    else unknown.push(arg);
  }
  return { raw, unknown };
}

export function createConfigCommand(source: Record<string, string | undefined> = process.env, policy?: OctokitPolicy): CliCommand {
  return {
    name: "config",
    summary: "check a .github/review-coach.yml as the app would (config check [file])",
    usage: USAGE,
    async run(args, io) {
      const [subcommand, ...rest] = args;
      if (subcommand === "--help" || subcommand === "-h" || rest.includes("--help")) {
        await writeText(io.stdout, USAGE);
        return EXIT_OK;
      }
      const { raw, unknown } = parseArgs(rest);
      const parsed = argsSchema.safeParse(raw);
      if (subcommand !== "check" || unknown.length > 0 || !parsed.success) {
        const problems = [
          ...(subcommand === "check" ? [] : [subcommand === undefined ? "no subcommand given" : `unknown subcommand "${subcommand}"`]),
          ...unknown.map((arg) => `unknown argument ${arg}`),
          ...(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)),
        ];
        await writeText(io.stderr, `review-coach config: ${problems.join("; ")}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
      const { file, repo } = parsed.data;
      let text: string;
      try {
        text = await io.readFile(file);
      } catch (error) {
        await writeText(io.stderr, `review-coach config: cannot read ${file}: ${(error as Error).message}\n`);
        return EXIT_FAILURE;
      }

      const defaults = getDefaultConfig();
      const checked = checkConfigText(text, file, defaults);
      const problems: ConfigProblem[] = checked.ok ? [] : [...checked.problems];
      const extendsValue = readExtends(text);
      const token = parsed.data.token ?? source.GITHUB_TOKEN;
      let sources = ["config/default.yml", file];
      if (extendsValue !== undefined && (repo === undefined || !token)) {
        await writeText(
          io.stderr,
          `review-coach config: _extends (${JSON.stringify(extendsValue)}) not followed: give --repo owner/name and a token (--token or GITHUB_TOKEN) to check the files it extends\n`,
        );
      } else if (extendsValue !== undefined && repo !== undefined && token) {
        const [owner, name] = repo.split("/") as [string, string];
        const host = parsed.data.host ?? source.GHE_HOST;
        const log = pino({ level: "silent" });
        const github = createWorkingCopyClient({
          token,
          baseUrl: host ? `${source.GHE_PROTOCOL ?? "https"}://${host}/api/v3` : "https://api.github.com",
          file: { owner, repo: name, path: CONFIG_PATH, text },
          log,
          ...(policy ? { policy } : {}),
        });
        let loaded;
        try {
          loaded = await loadRepoConfig(github, { owner, repo: name }, log);
        } catch (error) {
          await writeText(io.stderr, `review-coach config: GitHub could not be read: ${(error as Error).message}\n`);
          return EXIT_FAILURE;
        }
        // The working copy's own problems are already listed above, with their lines.
        const own = `${owner}/${name}: ${CONFIG_PATH}`;
        const isListed = (p: ConfigProblem) => p.file === own && problems.some((q) => q.key === p.key && q.message === p.message);
        problems.push(...loaded.problems.filter((p) => !isListed(p)));
        sources = loaded.sources.map((label) => (label === own ? file : label));
      }

      if (problems.length === 0) {
        await writeText(io.stdout, `review-coach config is valid\nmerged: ${sources.join(", then ")}\n`);
        return EXIT_OK;
      }
      await writeText(
        io.stdout,
        `review-coach config has ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${renderConfigProblems(problems)}\n` +
          "A file with a problem is ignored as a whole: review-coach uses the defaults in its place.\n",
      );
      return EXIT_FAILURE;
    },
  };
}

/** The file's `_extends` value, when it is YAML with one. */
function readExtends(text: string): unknown {
  try {
    const value: unknown = YAML.parse(text);
    return typeof value === "object" && value !== null && "_extends" in value ? (value as { _extends: unknown })._extends : undefined;
  } catch {
    return undefined;
  }
}
