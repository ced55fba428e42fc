// `review-coach preview --repo owner/name`: replays a repository's recent merged pull requests through
// the app's engine with a token, read-only, and reports what would have been scored and posted.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { z } from "zod";
import type { OctokitPolicy } from "../github/create-octokit-class.js";
import { createTokenClient } from "../github/create-token-client.js";
import { GitHubAccessError } from "../github/github-access-error.js";
import { renderConfigProblems } from "../repo-config/render-config-problems.js";
import { CONFIG_PATH } from "../repo-config/schema.js";
import { PreviewConfigError, previewRepository } from "../use-cases/preview-repository.js";
import { type PreviewReport, previewReportSchema } from "../use-cases/preview-report.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, writeText, type CliCommand, type CliIo } from "./cli-io.js";
import { createDiskCache, defaultCacheDir } from "./create-disk-cache.js";
import { createPreviewProgress } from "./create-preview-progress.js";
import { renderPreviewMarkdown, renderPreviewText } from "./render-preview-report.js";
import { httpStatusOf } from "../github/to-github-error.js";

const USAGE = `Usage: review-coach preview --repo owner/name [--since 4w | --prs 20,31] [--token <token>]
                          [--host <host>] [--config <file>] [--format text|markdown|json]
                          [--out <file>] [--cache-dir <dir>] [--no-cache]

Replays the repository's recent merged pull requests through the app's engine, reading only: each PR's
risk, each review's score with its breakdown, the nudges that would have been posted (path, line, text,
link), then totals (nudges per reviewer per week, rubber stamps by risk, what reviews covered, the
repository score) and the last complete week's digest as the app would deliver it. Nothing is written
to GitHub.
  --repo owner/name    the repository (required)
  --since <N>w|<N>d    merged PRs of the N weeks (or days) before the start of this ISO week, and this
                       week so far (default: the config's backfill.weeks, as the app's backfill reads)
  --prs 20,31          exactly these pull requests instead
  --token <token>      a token that can read the repository (default: GITHUB_TOKEN)
  --host <host>        a GitHub Enterprise Server (default: GHE_HOST, else github.com)
  --config <file>      use this file as the repository's ${CONFIG_PATH} (default: the one on
                       GitHub), with the same loading, _extends and validation as the app
  --format             text (default), markdown (to paste in an issue), json (see the README schema)
  --out <file>         write the report there instead of stdout
  --cache-dir <dir>    GitHub's answers kept for conditional requests (default: ~/.cache/review-coach):
                       a second run re-reads nothing that has not changed
  --no-cache           neither read nor write the cache
`;

const optionsSchema = z
  .object({
    repo: z.string({ message: "--repo owner/name is required" }).regex(/^[^/\s]+\/[^/\s]+$/, "--repo must be owner/name"),
    since: z
      .string()
      .regex(/^[1-9]\d{0,2}[wd]$/, "--since must be a number of weeks or days, such as 4w or 10d")
      .transform((value) => Number(value.slice(0, -1)) / (value.endsWith("d") ? 7 : 1))
      .optional(),
    prs: z
      .string()
      .regex(/^\d+(,\d+)*$/, "--prs must be pull request numbers separated by commas, such as 20,31")
      .transform((value) => [...new Set(value.split(",").map(Number))])
      .optional(),
    token: z.string({ message: "a token is required: --token or GITHUB_TOKEN" }).min(1, "a token is required: --token or GITHUB_TOKEN"),
    host: z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "--host must be a host name such as github.example.com").optional(),
    config: z.string().min(1).optional(),
    format: z.enum(["text", "markdown", "json"], { message: "--format must be text, markdown or json" }),
    out: z.string().min(1).optional(),
    cacheDir: z.string().min(1).optional(),
    cache: z.boolean(),
  })
  .refine((o) => o.since === undefined || o.prs === undefined, { message: "give --since or --prs, not both" });
export type PreviewOptions = z.infer<typeof optionsSchema>;

export interface PreviewCommandDeps {
  /** Waits out a rate limit; tests pass a fake that records the wait. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  policy?: OctokitPolicy;
  writeFile?: (file: string, text: string) => Promise<void>;
}

function readOptions(args: readonly string[], source: Record<string, string | undefined>): PreviewOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        repo: { type: "string" },
        since: { type: "string" },
        prs: { type: "string" },
        token: { type: "string" },
        host: { type: "string" },
        config: { type: "string" },
        format: { type: "string", default: "text" },
        out: { type: "string" },
        "cache-dir": { type: "string" },
        "no-cache": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const parsed = optionsSchema.safeParse({
    ...values,
    token: values.token ?? (source.GITHUB_TOKEN || undefined),
    host: values.host ?? (source.GHE_HOST || undefined),
    cacheDir: values["cache-dir"],
    cache: !values["no-cache"],
  });
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => issue.message).join("; ");
}

export function renderPreviewReport(report: PreviewReport, format: PreviewOptions["format"]): string {
  if (format === "json") return `${JSON.stringify(previewReportSchema.parse(report), null, 2)}\n`;
  return format === "markdown" ? renderPreviewMarkdown(report) : renderPreviewText(report);
}

export function createPreviewCommand(source: Record<string, string | undefined> = process.env, deps: PreviewCommandDeps = {}): CliCommand {
  return {
    name: "preview",
    summary: "replay a repository's recent merged PRs: what the app would score and post (read-only)",
    usage: USAGE,
    run: (args, io) => runPreview(args, io, source, deps),
  };
}

async function runPreview(args: readonly string[], io: CliIo, source: Record<string, string | undefined>, deps: PreviewCommandDeps): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    await writeText(io.stdout, USAGE);
    return EXIT_OK;
  }
  const options = readOptions(args, source);
  if (typeof options === "string") {
    await writeText(io.stderr, `review-coach preview: ${options}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const fail = async (message: string) => {
    await writeText(io.stderr, `review-coach preview: ${message}\n`);
    return EXIT_FAILURE;
  };
  const [owner, name] = options.repo.split("/") as [string, string];
  let configText: string | undefined;
  if (options.config !== undefined) {
    try {
      configText = await io.readFile(options.config);
    } catch (error) {
      return fail(`cannot read ${options.config}: ${(error as Error).message}`);
    }
  }

  const now = deps.now ?? (() => new Date());
  const host = options.host ?? "github.com";
  const log = pino({ level: "silent" });
  const cache = options.cache ? createDiskCache(path.resolve(io.cwd ?? ".", options.cacheDir ?? defaultCacheDir(source))) : undefined;
  // The bar shows the client's rate limit; the client tells the bar when it waits.
  const progress = createPreviewProgress(io.stderr, () => client.rateLimit, () => now().getTime());
  const client = createTokenClient({
    token: options.token,
    baseUrl: options.host ? `${source.GHE_PROTOCOL ?? "https"}://${options.host}/api/v3` : "https://api.github.com",
    log,
    ...(cache ? { responses: cache.responses, blobTexts: cache.blobTexts } : {}),
    ...(configText !== undefined ? { workingCopy: { owner, repo: name, path: CONFIG_PATH, text: configText } } : {}),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: () => now().getTime(),
    onWait: (wait) => progress.waiting(wait),
    ...(deps.policy ? { policy: deps.policy } : {}),
  });

  let report: PreviewReport;
  try {
    report = await previewRepository({ deps: { github: client.github, log, now, progress }, target: { repo: { owner, repo: name }, host, weeks: options.since, numbers: options.prs } });
  } catch (error) {
    progress.finish();
    if (error instanceof GitHubAccessError) return fail(error.message);
    if (error instanceof PreviewConfigError) {
      // The same list the app puts on its check run and `config check` prints, with the local file's name.
      const own = `${owner}/${name}: ${CONFIG_PATH}`;
      const problems = error.problems.map((p) => (options.config !== undefined && p.file.toLowerCase() === own.toLowerCase() ? { ...p, file: options.config } : p));
      return fail(
        `review-coach config has ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${renderConfigProblems(problems)}\n` +
          "A file with a problem is ignored as a whole: review-coach uses the defaults in its place. Fix it and run the preview again.",
      );
    }
    const status = httpStatusOf(error);
    return fail(`GitHub could not be read${status ? ` (HTTP ${status})` : ""}: ${(error as Error).message}`);
  }
  progress.finish();

  const text = renderPreviewReport(report, options.format);
  if (options.out === undefined) {
    await writeText(io.stdout, text);
    return EXIT_OK;
  }
  try {
    await (deps.writeFile ?? ((file, content) => writeFile(file, content, "utf8")))(path.resolve(io.cwd ?? ".", options.out), text);
  } catch (error) {
    return fail(`cannot write ${options.out}: ${(error as Error).message}`);
  }
  await writeText(io.stderr, `review-coach preview: report written to ${options.out}\n`);
  return EXIT_OK;
}
